"""The moderators' pages: the review queue and the decision history, and the JSON endpoints behind them.

Pages redirect to /login without a session; the JSON endpoints under /review/api answer 401, and every
POST needs the session's CSRF token (X-CSRF-Token header, or a csrf_token form field). Cards shown to a
moderator are the ones the ReviewQueue leased to them.
"""

from flask import abort, current_app, flash, jsonify, redirect, render_template, request, url_for

from moderation import settings
from moderation.api.api_keys import configured_sites
from moderation.decisions import ACTIONS, FILTER_LABELS, ORDERS, claim, decide, message_of, sites_for
from moderation.errors import (
    AlreadyDecided,
    ApiError,
    ClaimedByOther,
    Conflict,
    Forbidden,
    NotFound,
    ValidationError,
)
from moderation.labels import LABELS, REJECT_REASONS
from moderation.pages import i18n
from moderation.pages.cards import card, format_time, inert
from moderation.pages.login import (
    api_login_required,
    csrf_token,
    current_moderator,
    page_login_required,
    require_admin,
    require_csrf,
)
from moderation.pages.setup import page_blueprint
from moderation.store.author_standing import LEVELS as STANDINGS
from moderation.store.review_queue import get_queue
from moderation.times import app_now_ms

bp = page_blueprint("review", __name__, url_prefix="/review")

HISTORY_ACTIONS = ("approved", "rejected", "undone", "reopened", "auto_rejected")
UNDO_SECONDS = 10
BULK_LIMIT = 50


def visible_sites():
    """The sites this moderator works on: every configured site for an admin or a moderator not scoped to any."""
    return sites_for(current_moderator())


def site_of(value, *, json_errors=True):
    """The site a request names (the moderator's first when none): 404 for an unknown one, 403 for another's."""
    configured, mine = configured_sites(), visible_sites()
    value = value if isinstance(value, str) and value else (mine or configured)[0]
    if value not in configured:
        if json_errors:
            raise NotFound("unknown site", "site")
        abort(404)
    if value not in mine:
        if json_errors:
            raise Forbidden("this site is not one of yours", "site")
        abort(403)
    return value


def _body():
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ValidationError("a JSON object is required", "body")
    return body


def _comment_id(body):
    value = body.get("id")
    if not isinstance(value, str) or not 1 <= len(value) <= 128:
        raise ValidationError("id must be a comment id", "id")
    return value


def _text(value, limit=128):
    return value.strip()[:limit] if isinstance(value, str) else ""


def _filters(args):
    order = args.get("order") if args.get("order") in ORDERS else "risk"
    label = args.get("label") if args.get("label") in FILTER_LABELS else ""
    return order, label, _text(args.get("article"))


def thresholds(site):
    """The site's review/reject thresholds per label and category: the card's score words follow them."""
    manager = current_app.extensions.get("moderation.models")
    return manager.policy_for(site).thresholds if manager is not None else {}


def standing_of(queue, author_id, now_ms):
    """The card's author standing (decay and an ended suspension applied), or None without an author id."""
    if not author_id:
        return None
    found = queue.standing.get(author_id, now_ms=now_ms)
    return {"level": found["standing"], "until": found["until"], "points": found["points"]}


def _cards(queue, records):
    limits, now = thresholds(queue.site), app_now_ms()
    parents = {p["id"]: p for p in queue.summaries({r["parent_id"] for r in records if r.get("parent_id")})}
    return [{**card(r, queue.author_history(r.get("author_id")), limits, parents.get(r.get("parent_id"))),
             "standing": standing_of(queue, r.get("author_id"), now),
             "rule": r.get("decision_reason") or None} for r in records]  # an article's or author's rule held it


def _notice(error):
    """A conflict as a clear, localised notice (409 JSON), never an error page."""
    body = {"code": error.code, "field": error.field, "message": error.message}
    if isinstance(error, AlreadyDecided):
        outcome = i18n.translate(f"outcome.{error.outcome}") if error.outcome else error.outcome
        body.update(by=error.by, outcome=error.outcome,
                    message=i18n.translate("notice.already_decided", by=inert(error.by), outcome=outcome))
    elif isinstance(error, ClaimedByOther):
        body.update(by=error.by, message=i18n.translate("notice.claimed_by_other", by=inert(error.by)))
    elif error.code == "undo_expired":
        body["message"] = i18n.translate("notice.undo_expired")
    elif isinstance(error, NotFound):
        body["message"] = i18n.translate("notice.not_found")
    return body


# -- pages --------------------------------------------------------------------------------------------------

@bp.get("")
@page_login_required
def queue_page():
    site = site_of(request.args.get("site"), json_errors=False)
    order, label, article = _filters(request.args)
    lang = i18n.current_language()
    config = settings.get()
    boot = {"site": site, "order": order, "label": label, "article": article, "undo_seconds": UNDO_SECONDS,
            "lang": lang, "messages": i18n.js_messages(lang), "login_url": url_for("sessions.login"),
            "idle_seconds": config.idle_seconds, "renew_seconds": min(60.0, config.lease_seconds / 3),
            "reasons": REJECT_REASONS, "standings": STANDINGS}
    return render_template("review/queue.html", moderator=current_moderator(), sites=visible_sites(), site=site,
                           order=order, label=label, article=article, labels=LABELS, filter_labels=FILTER_LABELS,
                           reasons=REJECT_REASONS, standings=STANDINGS, boot=boot, csrf=csrf_token())


def _is_cursor(value):
    """An audit stream id, "<ms>-<seq>": anything else is a 400, not a Redis error."""
    ms, dash, seq = value.partition("-")
    return bool(dash) and len(value) <= 41 and ms.isascii() and ms.isdigit() and seq.isascii() and seq.isdigit()


@bp.get("/history")
@page_login_required
def history_page():
    site = site_of(request.args.get("site"), json_errors=False)
    queue = get_queue(site)
    wanted = {name: (request.args.get(name) or "").strip()[:128] for name in ("moderator", "author", "article")}
    before = request.args.get("before") or "+"
    if before != "+" and not _is_cursor(before):
        raise ValidationError("before must be a cursor from the history page (digits-digits)", "before")
    rows, cursor = [], before
    for _ in range(10):  # the audit stream also holds claims and releases: page through to 50 decisions
        batch = queue.audit(200, before=cursor, moderator=wanted["moderator"], author_id=wanted["author"],
                            article_id=wanted["article"])
        rows += [e for e in batch if e.get("action") in HISTORY_ACTIONS]
        if len(batch) < 200 or len(rows) >= 50:
            break
        cursor = batch[-1]["entry"]
    rows = rows[:50]
    states = queue.states({r["id"] for r in rows})
    seen = set()
    for row in rows:
        row["iso"], row["local"] = format_time(row["at"]) if row.get("at") else ("", "")
        row["reopenable"] = row["id"] not in seen and states.get(row["id"], {}).get("state") == "decided"
        row["text"] = states.get(row["id"], {}).get("text", "")
        seen.add(row["id"])
    older = rows[-1]["entry"] if len(rows) == 50 else None
    return render_template("review/history.html", moderator=current_moderator(), rows=rows, wanted=wanted,
                           site=site, sites=visible_sites(), older=older, csrf=csrf_token(), inert=inert,
                           reasons=REJECT_REASONS)


# -- JSON endpoints -----------------------------------------------------------------------------------------

@bp.post("/api/claim")
@api_login_required
def api_claim():
    """Lease up to n cards matching the filters (the moderator's live claims first) and return them."""
    body = _body()
    site = site_of(body.get("site"))
    order, label, article = _filters(body)
    n = body.get("n", 10)
    n = n if isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= 50 else 10  # true is no count
    skipped = body.get("skipped") if isinstance(body.get("skipped"), list) else []
    skipped = {i for i in skipped[-50:] if isinstance(i, str)}
    queue = get_queue(site)
    records = claim(queue, current_moderator()["name"], n, order=order, label=label, article=article,
                    skipped=skipped)
    return jsonify({"cards": _cards(queue, records)})


@bp.post("/api/decide")
@api_login_required
def api_decide():
    body = _body()
    queue = get_queue(site_of(body.get("site")))
    comment_id = _comment_id(body)
    try:
        record = decide(queue, comment_id, body.get("action"), body.get("reason"), current_moderator()["name"],
                        message_of(body))
    except NotFound as error:
        return jsonify({"error": _notice(error)}), 404
    except Conflict as error:
        return jsonify({"error": _notice(error)}), 409
    return jsonify({"id": comment_id, "outcome": record.get("outcome"), "reason": record.get("reason") or None,
                    "decided_at": record.get("decided_at"), "undo_seconds": UNDO_SECONDS})


@bp.post("/api/decide-bulk")
@api_login_required
def api_decide_bulk():
    body = _body()
    queue = get_queue(site_of(body.get("site")))
    ids = body.get("ids")
    if not isinstance(ids, list) or not 1 <= len(ids) <= BULK_LIMIT or not all(isinstance(i, str) for i in ids):
        raise ValidationError(f"ids must be a list of 1-{BULK_LIMIT} comment ids", "ids")
    if body.get("action") not in ACTIONS:
        raise ValidationError("action must be approve, reject or spam", "action")
    results = []
    for comment_id in dict.fromkeys(ids):
        try:
            record = decide(queue, comment_id, body.get("action"), body.get("reason"), current_moderator()["name"])
            results.append({"id": comment_id, "ok": True, "outcome": record.get("outcome")})
        except ValidationError:
            raise
        except ApiError as error:
            results.append({"id": comment_id, "ok": False, "status": error.status, "error": _notice(error)})
    return jsonify({"results": results})


@bp.post("/api/skip")
@api_login_required
def api_skip():
    body = _body()
    queue = get_queue(site_of(body.get("site")))
    comment_id = _comment_id(body)
    try:
        queue.release(comment_id, current_moderator()["name"])
    except NotFound as error:
        return jsonify({"error": _notice(error)}), 404
    except Conflict as error:
        return jsonify({"error": _notice(error)}), 409
    return jsonify({"id": comment_id, "skipped": True})


@bp.post("/api/undo")
@api_login_required
def api_undo():
    body = _body()
    queue = get_queue(site_of(body.get("site")))
    comment_id = _comment_id(body)
    try:
        record = queue.undo(comment_id, current_moderator()["name"], window_seconds=UNDO_SECONDS)
    except NotFound as error:
        return jsonify({"error": _notice(error)}), 404
    except Conflict as error:
        return jsonify({"error": _notice(error)}), 409
    return jsonify({"card": _cards(queue, [record])[0]})


@bp.post("/api/undo-bulk")
@api_login_required
def api_undo_bulk():
    """Undo a whole bulk decision (each one the moderator's own, within the window); the cards come back."""
    body = _body()
    queue = get_queue(site_of(body.get("site")))
    ids = body.get("ids")
    if not isinstance(ids, list) or not 1 <= len(ids) <= BULK_LIMIT or not all(isinstance(i, str) for i in ids):
        raise ValidationError(f"ids must be a list of 1-{BULK_LIMIT} comment ids", "ids")
    cards, failed = [], []
    for comment_id in dict.fromkeys(ids):
        try:
            cards += _cards(queue, [queue.undo(comment_id, current_moderator()["name"], window_seconds=UNDO_SECONDS)])
        except ApiError as error:
            failed.append({"id": comment_id, "status": error.status, "error": _notice(error)})
    return jsonify({"cards": cards, "failed": failed})


@bp.post("/api/release")
@api_login_required
def api_release():
    """The page is hidden, idle or closing (navigator.sendBeacon, a form body): give back every claim held here."""
    body = request.form if not request.is_json else _body()
    queue = get_queue(site_of(body.get("site")))
    reason = body.get("reason") if body.get("reason") in ("pagehide", "idle", "logout") else "away"
    return jsonify({"released": queue.release_held(current_moderator()["name"], reason)})


def release_everywhere(name):
    """Logging out: the moderator's claims on every site go back to the queue at once."""
    for site in configured_sites():
        get_queue(site).release_held(name, "logout")


@bp.get("/leases")
@page_login_required
def leases_page():
    """Admins: who holds which comment until when, with a button to give it back to the queue."""
    require_admin()
    site = site_of(request.args.get("site"), json_errors=False)
    rows = get_queue(site).leases()
    for row in rows:
        row["local"] = format_time(row["until"])[1]
    return render_template("review/leases.html", moderator=current_moderator(), rows=rows, site=site,
                           sites=visible_sites(), csrf=csrf_token(), inert=inert)


@bp.post("/leases/release")
@page_login_required
def leases_release():
    require_admin()
    require_csrf(json_errors=False)
    queue = get_queue(site_of(request.form.get("site"), json_errors=False))
    comment_id = _text(request.form.get("id"))
    try:
        queue.release(comment_id, current_moderator()["name"], force=True, reason="admin")
        flash(i18n.translate("notice.lease_released"))
    except (NotFound, Conflict):
        flash(i18n.translate("notice.lease_gone"))
    return redirect(url_for("review.leases_page", site=queue.site))


@bp.get("/api/stats")
@api_login_required
def api_stats():
    stats = get_queue(site_of(request.args.get("site"))).stats()
    keys = ("open", "ready", "claimed", "by_label", "oldest_age_seconds", "next_return_seconds")
    return jsonify({key: stats[key] for key in keys})


@bp.post("/api/reopen")
@api_login_required
def api_reopen():
    """Admin only: a decided comment goes back to the queue. JSON, or the history page's form."""
    require_admin()
    form = not request.is_json
    body = request.form if form else _body()
    queue = get_queue(site_of(body.get("site")))
    comment_id = _comment_id(body)
    reason = _text(body.get("reason"), 200)
    back = url_for("review.history_page", site=queue.site,  # the history page as it was filtered
                   **{k: _text(body.get(k)) for k in ("moderator", "author", "article") if _text(body.get(k))})
    try:
        queue.reopen(comment_id, current_moderator()["name"], reason)
    except NotFound as error:
        if form:
            abort(404)
        return jsonify({"error": _notice(error)}), 404
    except Conflict as error:
        if form:
            flash(error.message)
            return redirect(back)
        return jsonify({"error": _notice(error)}), 409
    if form:
        flash(i18n.translate("notice.reopened"))
        return redirect(back)
    return jsonify({"id": comment_id, "reopened": True})


