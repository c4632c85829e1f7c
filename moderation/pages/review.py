"""The review queue page and the JSON endpoints behind its cards: claim, decide (one or many), skip, undo.

Pages redirect to /login without a session; the JSON endpoints under /review/api answer 401, and every
POST needs the session's CSRF token (X-CSRF-Token header, or a csrf_token form field). Cards shown to a
moderator are the ones the ReviewQueue leased to them.
"""

from flask import jsonify, render_template, request, url_for

from moderation import settings
from moderation.decisions import ACTIONS, FILTER_LABELS, ORDERS, claim, decide, message_of
from moderation.errors import ApiError, Conflict, NotFound, Unauthorized, ValidationError
from moderation.labels import LABELS, REJECT_REASONS
from moderation.pages import i18n
from moderation.pages.cards import card
from moderation.pages.desk import comment_id_of, json_body, notice, site_of, text_of, visible_sites
from moderation.pages.login import (
    api_login_required,
    csrf_token,
    current_moderator,
    page_login_required,
    session_ended,
)
from moderation.pages.setup import page_blueprint
from moderation.scoring.manager import find_manager
from moderation.store.author_standing import LEVELS as STANDINGS
from moderation.store.review_queue import get_queue
from moderation.times import app_now_ms

bp = page_blueprint("review", __name__, url_prefix="/review")

UNDO_SECONDS = 10
BULK_LIMIT = 50


def _filters(args, *, strict=False):
    """The queue's order, label and article filters; a page's query falls back to the defaults, the JSON claim
    (strict) refuses a value it does not know with a 400 naming it instead of leasing other cards than asked for."""
    if strict:
        for name, known in (("order", ORDERS), ("label", ("", *FILTER_LABELS))):
            if args.get(name) is not None and args.get(name) not in known:
                raise ValidationError(f"{name} must be one of {', '.join(k for k in known if k)}", name)
        if args.get("article") is not None and not isinstance(args.get("article"), str):
            raise ValidationError("article must be an article id or title", "article", code="wrong_type")
    order = args.get("order") if args.get("order") in ORDERS else "risk"
    label = args.get("label") if args.get("label") in FILTER_LABELS else ""
    return order, label, text_of(args.get("article"))


def thresholds(site):
    """The site's review/reject thresholds per label and category: the card's score words follow them."""
    manager = find_manager()
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


# -- JSON endpoints -----------------------------------------------------------------------------------------

@bp.post("/api/claim")
@api_login_required
def api_claim():
    """Lease up to n cards matching the filters (the moderator's live claims first) and return them."""
    body = json_body()
    site = site_of(body.get("site"))
    order, label, article = _filters(body, strict=True)
    n = body.get("n", 10)
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 50:  # true is no count
        raise ValidationError("n must be a whole number of 1-50", "n")
    skipped = body.get("skipped") if isinstance(body.get("skipped"), list) else []
    skipped = {i for i in skipped[-50:] if isinstance(i, str)}
    queue, name = get_queue(site), current_moderator()["name"]
    records = claim(queue, name, n, order=order, label=label, article=article, skipped=skipped)
    if session_ended():  # a logout ended it after our check and released before we leased: give these back too
        queue.release_held(name, "logout")
        raise Unauthorized("log in first", "session")
    return jsonify({"cards": _cards(queue, records)})


@bp.post("/api/decide")
@api_login_required
def api_decide():
    body = json_body()
    queue = get_queue(site_of(body.get("site")))
    comment_id = comment_id_of(body)
    try:
        record = decide(queue, comment_id, body.get("action"), body.get("reason"), current_moderator()["name"],
                        message_of(body))
    except NotFound as error:
        return jsonify({"error": notice(error)}), 404
    except Conflict as error:
        return jsonify({"error": notice(error)}), 409
    return jsonify({"id": comment_id, "outcome": record.get("outcome"), "reason": record.get("reason") or None,
                    "decided_at": record.get("decided_at"), "undo_seconds": UNDO_SECONDS})


@bp.post("/api/decide-bulk")
@api_login_required
def api_decide_bulk():
    body = json_body()
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
            results.append({"id": comment_id, "ok": False, "status": error.status, "error": notice(error)})
    return jsonify({"results": results})


@bp.post("/api/skip")
@api_login_required
def api_skip():
    body = json_body()
    queue = get_queue(site_of(body.get("site")))
    comment_id = comment_id_of(body)
    try:
        queue.release(comment_id, current_moderator()["name"])
    except NotFound as error:
        return jsonify({"error": notice(error)}), 404
    except Conflict as error:
        return jsonify({"error": notice(error)}), 409
    return jsonify({"id": comment_id, "skipped": True})


@bp.post("/api/undo")
@api_login_required
def api_undo():
    body = json_body()
    queue = get_queue(site_of(body.get("site")))
    comment_id = comment_id_of(body)
    try:
        record = queue.undo(comment_id, current_moderator()["name"], window_seconds=UNDO_SECONDS)
    except NotFound as error:
        return jsonify({"error": notice(error)}), 404
    except Conflict as error:
        return jsonify({"error": notice(error)}), 409
    return jsonify({"card": _cards(queue, [record])[0]})


@bp.post("/api/undo-bulk")
@api_login_required
def api_undo_bulk():
    """Undo a whole bulk decision (each one the moderator's own, within the window); the cards come back."""
    body = json_body()
    queue = get_queue(site_of(body.get("site")))
    ids = body.get("ids")
    if not isinstance(ids, list) or not 1 <= len(ids) <= BULK_LIMIT or not all(isinstance(i, str) for i in ids):
        raise ValidationError(f"ids must be a list of 1-{BULK_LIMIT} comment ids", "ids")
    cards, failed = [], []
    for comment_id in dict.fromkeys(ids):
        try:
            cards += _cards(queue, [queue.undo(comment_id, current_moderator()["name"], window_seconds=UNDO_SECONDS)])
        except ApiError as error:
            failed.append({"id": comment_id, "status": error.status, "error": notice(error)})
    return jsonify({"cards": cards, "failed": failed})


@bp.get("/api/stats")
@api_login_required
def api_stats():
    queue = get_queue(site_of(request.args.get("site")))
    stats = queue.stats()
    keys = ("open", "ready", "claimed", "by_label", "oldest_age_seconds", "next_return_seconds")
    # "mine": the page says how many OTHER moderators hold; the last cards just decided were counted as theirs
    return jsonify({**{key: stats[key] for key in keys}, "mine": queue.held_by(current_moderator()["name"])})
