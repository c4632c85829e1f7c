"""The moderators' removal requests queue: open requests by due date, one request's comments and steps, and the
forms that move it on (plain POST forms with the session's CSRF token: the page needs no JavaScript)."""

import logging
import threading
import weakref

from flask import abort, flash, get_flashed_messages, redirect, render_template, request, url_for

from moderation import settings
from moderation.errors import ApiError, Conflict, NotFound
from moderation.labels import REJECT_REASONS
from moderation.pages import i18n
from moderation.pages.cards import category_name, format_time, harms_seen, inert, safe_link
from moderation.pages.desk import site_of, visible_sites
from moderation.pages.login import csrf_token, csrf_valid, current_moderator, page_login_required, require_csrf
from moderation.pages.setup import page_blueprint
from moderation.rights import criteria, links, process
from moderation.rights.clock import DAY_MS, now_ms
from moderation.scoring.manager import find_manager
from moderation.store import RedisClusterError, RedisError
from moderation.store.moderators import SERVICE_ACTOR
from moderation.store.removal_requests import get_requests
from moderation.store.review_queue import get_queue
from moderation.times import iso

log = logging.getLogger(__name__)
bp = page_blueprint("request_queue", __name__, url_prefix="/review/requests")

# The review queue's audit actions a request's page names in its language (i18n/history.py's action.name.*)
COMMENT_ACTIONS = ("queued", "auto_rejected", "reported", "claimed", "released", "lease_expired", "approved",
                   "rejected", "undone", "reopened")
# a form's notice, flashed by _act for this page only (base.html shows none of them): request-<form>[-error]
FORMS = ("step", "decide", "notify")
NOTICES = [f"request-{form}{error}" for form in FORMS for error in ("", "-error")]
STEP_FIRST = ("received", "appealed")  # the statuses the "investigating" step starts from
DRAFT_FIELDS = ("outcome", "remove", "criterion", "criterion_detail", "reason")  # the decision form's, by name


def _site(value):
    """The site a page names: 404 for an unknown one, 403 for a site this moderator does not work on."""
    return site_of(value, json_errors=False)


def _row(record, now):
    """A request as the list shows it: days left (negative when overdue) and the flags for the colours; a consulted
    poster's answer deadline too, since deciding before it gives up the wait the law's safe harbour rests on."""
    left = (record["due_at"] - now) / DAY_MS
    alert_days = settings.get().request_alert_days
    consult = record.get("consult_until")
    return {**record, "days_left": left, "overdue": left < 0, "due_soon": 0 <= left <= alert_days,
            "due_iso": iso(record["due_at"]), "due_local": format_time(record["due_at"])[1],
            "received_local": format_time(record["received_at"])[1],
            "consult_iso": consult and iso(consult), "consult_local": consult and format_time(consult)[1],
            "consult_left": consult and (consult - now) / DAY_MS}


@bp.app_context_processor
def requests_badge():
    """`open_requests(site)` for base.html's navigation, on every moderator page: (open requests, due within
    REQUEST_ALERT_DAYS or overdue), so a request is seen the day it arrives, not only on its own page; None when
    Redis does not answer (the page still renders)."""

    def counts(site):
        try:
            return get_requests(site).counts(now_ms() + int(settings.get().request_alert_days * DAY_MS))
        except (RedisError, RedisClusterError):
            return None

    return {"open_requests": counts}


@bp.get("")
@page_login_required
def list_page():
    site = _site(request.args.get("site"))
    flagged = process.check_deadlines(site)  # raises the webhook alerts too, once each
    now = now_ms()
    rows = [_row(r, now) for r in get_requests(site).open_requests()]
    overdue = sum(1 for r in flagged if r["due_at"] <= now)
    return render_template("review/requests.html", moderator=current_moderator(), site=site, sites=visible_sites(),
                           rows=rows, soon=len(flagged) - overdue, overdue=overdue, csrf=csrf_token(),
                           alert_days=f"{settings.get().request_alert_days:g}", inert=inert)


@bp.get("/<request_id>")
@page_login_required
def detail_page(request_id):
    site = _site(request.args.get("site"))
    notices = get_flashed_messages(with_categories=True, category_filter=NOTICES)
    return _page(site, request_id, notices)


def _page(site, request_id, notices, draft=None, focus=None, status=200, refused=None):
    """A request's page; after a refused decision (`draft`: the form as sent; `refused`: why) the form holds what was
    typed and the keyboard is on the field the refusal names (`focus`), the words just above it."""
    try:
        record = process.load(site, request_id)
    except NotFound:
        abort(404)
    if refused and record["status"] not in process.OPEN:  # decided meanwhile (by another): no form, the words on top
        notices, draft, focus, refused = [("request-decide-error", refused)], None, None, None
    queue = get_queue(site)
    comments = []
    for comment_id in record["comments"]:
        stored = queue.get(comment_id) or {"id": comment_id, "missing": True}
        history = queue.audit(20, comment_id=comment_id)
        for entry in history:
            entry["local"] = format_time(entry["at"])[1] if entry.get("at") else ""
        comments.append({"record": stored, "author": queue.author_history(stored.get("author_id")),
                         "history": history, "article": _article(queue, stored), "categories": _harms(stored)})
    references = [_reference(site, reference) for reference in record.get("not_held", [])]
    steps = get_requests(site).history(request_id)
    for entry in steps:
        entry["local"] = format_time(entry["at"])[1]
    return render_template("review/request.html", moderator=current_moderator(), site=site, sites=visible_sites(),
                           record=_row(record, now_ms()), comments=comments, steps=steps, csrf=csrf_token(),
                           notices=notices, focus=focus or _focus(notices, record), step_first=STEP_FIRST,
                           outcomes=process.OUTCOMES, consult_days=f"{settings.get().request_consult_days:g}",
                           is_open=record["status"] in process.OPEN, inert=inert, references=references,
                           service_actor=SERVICE_ACTOR, actions=COMMENT_ACTIONS, reasons=REJECT_REASONS,
                           criteria=criteria, draft=draft or {}, decide_error=refused), status


def _focus(notices, record):
    """Where the keyboard goes back to after a form's POST-redirect, so the moderator is not 16 Tabs from the form:
    the next step's button, else the decision's first choice, else (decided, a notice resent) the notice itself;
    None on a plain visit (the page opens at its top)."""
    if not notices:
        return None
    form = notices[-1][0].removeprefix("request-").removesuffix("-error")
    if record["status"] not in process.OPEN or form == "notify":
        return "notice"
    if form == "step" and (record["status"] in STEP_FIRST or not record.get("consulted_at")):
        return "step"
    return "outcome"


def _harms(stored):
    """The harms the model read in a comment, chosen and named as its review card does (cards.harms_seen,
    category_name): what a moderator weighs against the right a request claims, never a harm at 0.00."""
    shown = harms_seen(stored)
    explanation = stored.get("explanation") or (_explain(stored) if shown else [])
    return [{"label": label, "value": p, "name": category_name(label, explanation)} for label, p in shown]


# scorer -> {text: its explanation}, the EXPLAINED_KEPT newest: a request's page explains up to MAX_COMMENTS comments
# and is viewed again and again while it is open; a model switch leaves the old scorer's entries to go with it
_EXPLAINED = weakref.WeakKeyDictionary()
_EXPLAINED_LOCK = threading.Lock()
EXPLAINED_KEPT = 512


def _explain(stored):
    """A published comment's record keeps no explanation (its answer does not pay for one), so its harm could not be
    named as the card names it (死にたい: the writer's own distress): explained here by the model that scored it, when
    that model is still the active one, once per text; else, or when scoring fails, none (the category's own name)."""
    manager = find_manager()
    if manager is None or not stored.get("text") or manager.active.version != stored.get("model_version"):
        return []
    scorer, text = manager.active, stored["text"]
    with _EXPLAINED_LOCK:
        kept = _EXPLAINED.setdefault(scorer, {})
        explanation = kept.get(text)
    if explanation is None:
        try:
            explanation = scorer.score(text, explain_all=True).explanation
        except Exception:  # a word on a moderator's page: no failure of it may cost the page (a 500)
            log.exception("request page: explaining comment %s failed", stored.get("id"))
            return []
        with _EXPLAINED_LOCK:
            kept[text] = explanation
            while len(kept) > EXPLAINED_KEPT:
                del kept[next(iter(kept))]
    return explanation


def _reference(site, reference):
    """A comment reference the service does not hold, as the page shows it: a link only under the site's own
    addresses (SITE_URLS); any other URL is the requester's text, shown as text with the host a browser would open
    and a warning, since a moderator's page that links any host a stranger typed is a phishing page."""
    link = links.site_link(site, reference)
    host = None if link else links.browser_host(reference)
    return {"reference": reference, "text": inert(reference), "link": link, "host": host and inert(host),
            "configured": bool(settings.get().site_urls.get(site))}


def _article(queue, stored):
    """The article the comment was posted under, as the moderator weighs it (a report of a crime, a column): the
    title and URL the comment came with, else the site's article registry's; the link only when it is http(s)."""
    article_id = stored.get("article_id")
    if not article_id:
        return None
    title, url = stored.get("article_title"), stored.get("article_url")
    if not (title and url):
        registered = queue.articles.title_and_url(article_id)
        title, url = title or registered[0], url or registered[1]
    return {"id": inert(article_id), "title": inert(title or ""), "url": safe_link(url), "url_text": inert(url or "")}


def _act(request_id, form, action, done_message):
    """Run one form's action on a request, say how it went, and go back to the request's page (303), where the
    notice stands by the forms and the keyboard is on the next one (_focus's autofocus, which scrolls it into sight;
    no #fragment on the redirect, since a URL's fragment cancels a page's autofocus)."""
    require_csrf(json_errors=False)
    site = _site(request.form.get("site"))
    try:
        action(site, current_moderator()["name"])
        flash(i18n.translate(done_message), f"request-{form}")
    except NotFound:
        abort(404)
    except ApiError as error:
        flash(_error_words(error), f"request-{form}-error")
    return redirect(url_for("request_queue.detail_page", request_id=request_id, site=site), code=303)


def _error_words(error):
    """A refused step in the page's language: by its code, else by the field it names, else as the service said."""
    for key in (f"rq.error.{error.code}", f"rq.error.field.{error.field}"):
        words = i18n.translate(key)
        if words != key:
            return words
    return error.message


@bp.post("/<request_id>/step")
@page_login_required
def step(request_id):
    return _act(request_id, "step", lambda site, by: process.advance(site, request_id, request.form.get("step"), by),
                "rq.moved")


@bp.post("/<request_id>/decide")
@page_login_required
def decide(request_id):
    """Decide; a refused decision (a field, or a token gone stale with a login in another tab) is answered with the
    page itself, its form holding what was typed (a reason may be 4,000 characters: too much for the session's
    cookie), the keyboard on the field to fix, or on the button to send it again."""
    form = request.form
    site = _site(form.get("site"))
    draft = {name: form.getlist(name) if name == "remove" else form.get(name) for name in DRAFT_FIELDS}
    if not csrf_valid():
        return _page(site, request_id, [], draft, "submit", 400, i18n.translate("rq.error.stale_form"))
    try:
        process.decide(site, request_id, draft["outcome"], current_moderator()["name"], criterion=draft["criterion"],
                       reason=draft["reason"], criterion_detail=draft["criterion_detail"], selected=draft["remove"])
    except NotFound:
        abort(404)
    except ApiError as error:
        field = error.field if error.field in DRAFT_FIELDS else "outcome"
        return _page(site, request_id, [], draft, field, error.status, _error_words(error))
    flash(i18n.translate("rq.decided"), "request-decide")
    return redirect(url_for("request_queue.detail_page", request_id=request_id, site=site), code=303)


@bp.post("/<request_id>/notify")
@page_login_required
def notify(request_id):
    """Send the requester's notice again after it failed (mail settings fixed, server back)."""

    def again(site, by):
        record = process.load(site, request_id)
        if record["status"] != "decided":
            raise Conflict("the request is not decided", "id", code="not_decided")
        if not process.notify_requester(site, record, settings.get().smtp_url):
            raise Conflict(i18n.translate("rq.notice_failed"), "notice", code="notice_failed")

    return _act(request_id, "notify", again, "rq.notified")

