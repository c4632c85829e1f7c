"""The decision history page (who decided what, newest first, filtered) and reopening a decided comment."""

import json
from itertools import takewhile

from flask import abort, flash, jsonify, redirect, render_template, request, url_for

from moderation.errors import Conflict, NotFound, ValidationError
from moderation.labels import REJECT_REASONS
from moderation.pages import i18n
from moderation.pages.cards import format_time, inert
from moderation.pages.desk import comment_id_of, json_body, notice, site_of, text_of, visible_sites
from moderation.pages.login import api_login_required, csrf_token, current_moderator, page_login_required, require_admin
from moderation.pages.setup import page_blueprint
from moderation.store.moderators import SERVICE_ACTOR
from moderation.store.review_queue import get_queue

bp = page_blueprint("history", __name__, url_prefix="/review")

HISTORY_ACTIONS = ("approved", "rejected", "undone", "reopened", "auto_rejected")


def reason_words(reason):
    """An audit reason in the page's language: a moderator's reason, the labels an automatic rejection stored as a
    JSON list ('["abuse","threat"]'), a rule's or a removal's; None for free text (shown as typed)."""
    if not reason:
        return None
    try:
        named = json.loads(reason) if reason.startswith("[") else [reason]
    except ValueError:
        return None
    keys = [f"label.{name}" if name in REJECT_REASONS else f"reason.{name}" for name in named if isinstance(name, str)]
    if not keys or len(keys) != len(named) or not all(key in i18n.MESSAGES[i18n.DEFAULT] for key in keys):
        return None
    return i18n.translate("history.separator").join(i18n.translate(key) for key in keys)


def _is_cursor(value):
    """An audit stream id, "<ms>-<seq>" with 0 < ms < 2**64 (the page reads before "(<ms>-0", which Redis refuses for
    ms 0 and past 64 bits): anything else is a 400, not a Redis error answered 503."""
    ms, dash, seq = value.partition("-")
    return bool(dash) and len(value) <= 41 and ms.isascii() and ms.isdigit() and seq.isascii() and seq.isdigit() \
        and 0 < int(ms) < 2**64


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
    if len(rows) > 50:  # a page ends with a whole millisecond: `before` continues from the one before it (audit())
        last = rows[49]["entry"].partition("-")[0]
        rows = rows[:50] + list(takewhile(lambda r: r["entry"].partition("-")[0] == last, rows[50:]))
    states = queue.states({r["id"] for r in rows})
    seen = set()
    for row in rows:
        row["iso"], row["local"] = format_time(row["at"]) if row.get("at") else ("", "")
        row["reopenable"] = row["id"] not in seen and states.get(row["id"], {}).get("state") == "decided"
        row["text"] = states.get(row["id"], {}).get("text", "")
        row["reason_words"] = reason_words(row.get("reason"))
        seen.add(row["id"])
    older = rows[-1]["entry"] if len(rows) >= 50 else None
    return render_template("review/history.html", moderator=current_moderator(), rows=rows, wanted=wanted,
                           site=site, sites=visible_sites(), older=older, csrf=csrf_token(), inert=inert,
                           service_actor=SERVICE_ACTOR)


@bp.post("/api/reopen")
@api_login_required
def api_reopen():
    """Admin only: a decided comment goes back to the queue. JSON, or the history page's form."""
    require_admin()
    form = not request.is_json
    body = request.form if form else json_body()
    queue = get_queue(site_of(body.get("site")))
    comment_id = comment_id_of(body)
    reason = text_of(body.get("reason"), 200)
    back = url_for("history.history_page", site=queue.site,  # the history page as it was filtered
                   **{k: text_of(body.get(k)) for k in ("moderator", "author", "article") if text_of(body.get(k))})
    try:
        queue.reopen(comment_id, current_moderator()["name"], reason)
    except NotFound as error:
        if form:
            abort(404)
        return jsonify({"error": notice(error)}), 404
    except Conflict as error:
        if form:
            flash(error.message)
            return redirect(back)
        return jsonify({"error": notice(error)}), 409
    if form:
        flash(i18n.translate("notice.reopened"))
        return redirect(back)
    return jsonify({"id": comment_id, "reopened": True})
