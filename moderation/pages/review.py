"""The moderators' pages: the review queue and the decision history, and the JSON endpoints behind them.

Pages redirect to /login without a session; the JSON endpoints under /review/api answer 401, and every
POST needs the session's CSRF token (X-CSRF-Token header, or a csrf_token form field). Cards shown to a
moderator are the ones the ReviewQueue leased to them.
"""

from flask import abort, flash, jsonify, redirect, render_template, request, url_for

from moderation.api.api_keys import configured_sites
from moderation.errors import AlreadyDecided, ApiError, ClaimedByOther, Conflict, NotFound, ValidationError
from moderation.labels import LABELS, REASONS
from moderation.pages import i18n
from moderation.pages.cards import card, format_time, inert
from moderation.pages.login import (
    api_login_required,
    csrf_token,
    current_moderator,
    page_login_required,
    require_admin,
)
from moderation.pages.setup import page_blueprint
from moderation.store.review_queue import get_queue

bp = page_blueprint("review", __name__, url_prefix="/review")

ORDERS = ("risk", "age")
ACTIONS = ("approve", "reject", "spam")
HISTORY_ACTIONS = ("approved", "rejected", "undone", "reopened", "auto_rejected")
UNDO_SECONDS = 10
BULK_LIMIT = 50


def _site(value, *, json_errors=True):
    value = value if isinstance(value, str) and value else configured_sites()[0]
    if value not in configured_sites():
        if json_errors:
            raise NotFound("unknown site", "site")
        abort(404)
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
    label = args.get("label") if args.get("label") in LABELS else ""
    return order, label, _text(args.get("article"))


def _cards(queue, records):
    return [card(r, queue.author_history(r.get("author_id"))) for r in records]


def _sort(records, order):
    if order == "age":
        return sorted(records, key=lambda r: (r.get("received_at") or 0, r["id"]))
    return sorted(records, key=lambda r: (-r.get("risk", 0), r.get("received_at") or 0, r["id"]))


def _matches(record, label, article):
    return (not label or label in (record.get("labels") or [])) and (not article or record.get("article_id") == article)


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


def _decide(queue, comment_id, action, reason, moderator):
    if action not in ACTIONS:
        raise ValidationError("action must be approve, reject or spam", "action")
    if action == "spam":
        action, reason = "reject", "spam"
    if action == "reject" and reason not in REASONS:
        raise ValidationError("reason must be spam, abuse or other", "reason")
    return queue.decide(comment_id, action, moderator, reason if action == "reject" else "")


# -- pages --------------------------------------------------------------------------------------------------

@bp.get("")
@page_login_required
def queue_page():
    site = _site(request.args.get("site"), json_errors=False)
    order, label, article = _filters(request.args)
    lang = i18n.current_language()
    boot = {"site": site, "order": order, "label": label, "article": article, "undo_seconds": UNDO_SECONDS,
            "lang": lang, "messages": i18n.js_messages(lang), "login_url": url_for("sessions.login")}
    return render_template("review/queue.html", moderator=current_moderator(), sites=configured_sites(), site=site,
                           order=order, label=label, article=article, labels=LABELS, boot=boot,
                           csrf=csrf_token())


def _is_cursor(value):
    """An audit stream id, "<ms>-<seq>": anything else is a 400, not a Redis error."""
    ms, dash, seq = value.partition("-")
    return bool(dash) and len(value) <= 41 and ms.isascii() and ms.isdigit() and seq.isascii() and seq.isdigit()


@bp.get("/history")
@page_login_required
def history_page():
    site = _site(request.args.get("site"), json_errors=False)
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
                           site=site, sites=configured_sites(), older=older, csrf=csrf_token(), inert=inert)


# -- JSON endpoints -----------------------------------------------------------------------------------------

@bp.post("/api/claim")
@api_login_required
def api_claim():
    """Lease up to n cards matching the filters (the moderator's live claims first) and return them."""
    body = _body()
    site = _site(body.get("site"))
    order, label, article = _filters(body)
    n = body.get("n", 10)
    n = n if isinstance(n, int) and 1 <= n <= 50 else 10
    skipped = body.get("skipped") if isinstance(body.get("skipped"), list) else []
    skipped = {i for i in skipped[-50:] if isinstance(i, str)}
    moderator = current_moderator()["name"]
    queue = get_queue(site)

    def wanted(record):
        return _matches(record, label, article) and record["id"] not in skipped

    records = queue.claim(moderator, n, order=order, label=label, article_id=article)
    keep = [r for r in records if wanted(r)]
    if len(keep) < len(records):  # held from an earlier filter, or skipped on this page: back to the queue
        for record in records:
            if not wanted(record):
                queue.release(record["id"], moderator)
        known = {r["id"] for r in keep}
        again = queue.claim(moderator, n, order=order, label=label, article_id=article)
        keep += [r for r in again if r["id"] not in known and wanted(r)]
        for record in again:
            if record["id"] in skipped:
                queue.release(record["id"], moderator)
    return jsonify({"cards": _cards(queue, _sort(keep, order)[:n])})


@bp.post("/api/decide")
@api_login_required
def api_decide():
    body = _body()
    queue = get_queue(_site(body.get("site")))
    comment_id = _comment_id(body)
    try:
        record = _decide(queue, comment_id, body.get("action"), body.get("reason"), current_moderator()["name"])
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
    queue = get_queue(_site(body.get("site")))
    ids = body.get("ids")
    if not isinstance(ids, list) or not 1 <= len(ids) <= BULK_LIMIT or not all(isinstance(i, str) for i in ids):
        raise ValidationError(f"ids must be a list of 1-{BULK_LIMIT} comment ids", "ids")
    if body.get("action") not in ACTIONS:
        raise ValidationError("action must be approve, reject or spam", "action")
    results = []
    for comment_id in dict.fromkeys(ids):
        try:
            record = _decide(queue, comment_id, body.get("action"), body.get("reason"), current_moderator()["name"])
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
    queue = get_queue(_site(body.get("site")))
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
    queue = get_queue(_site(body.get("site")))
    comment_id = _comment_id(body)
    try:
        record = queue.undo(comment_id, current_moderator()["name"], window_seconds=UNDO_SECONDS)
    except NotFound as error:
        return jsonify({"error": _notice(error)}), 404
    except Conflict as error:
        return jsonify({"error": _notice(error)}), 409
    return jsonify({"card": _cards(queue, [record])[0]})


@bp.get("/api/stats")
@api_login_required
def api_stats():
    stats = get_queue(_site(request.args.get("site"))).stats()
    return jsonify({key: stats[key] for key in ("open", "ready", "claimed", "by_label", "oldest_age_seconds")})


@bp.post("/api/reopen")
@api_login_required
def api_reopen():
    """Admin only: a decided comment goes back to the queue. JSON, or the history page's form."""
    require_admin()
    form = not request.is_json
    body = request.form if form else _body()
    queue = get_queue(_site(body.get("site")))
    comment_id = _comment_id(body)
    reason = _text(body.get("reason"), 200)
    try:
        queue.reopen(comment_id, current_moderator()["name"], reason)
    except NotFound as error:
        if form:
            abort(404)
        return jsonify({"error": _notice(error)}), 404
    except Conflict as error:
        if form:
            flash(error.message)
            return redirect(url_for("review.history_page", site=queue.site))
        return jsonify({"error": _notice(error)}), 409
    if form:
        flash(i18n.translate("notice.reopened"))
        return redirect(url_for("review.history_page", site=queue.site))
    return jsonify({"id": comment_id, "reopened": True})


