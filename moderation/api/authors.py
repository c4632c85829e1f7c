"""The site's view of an author: standing, strikes, counts and recent decisions; a person sets the standing."""

import time

from flask import Blueprint, g, jsonify, request

from moderation.api.api_keys import require_api_key
from moderation.api.validation import CONTROL_RE, check_date_time, parse_json_body, string_field
from moderation.errors import ValidationError
from moderation.store.author_standing import LEVELS
from moderation.store.rate_limits import get_limiter
from moderation.store.review_queue import get_queue
from moderation.times import app_now_ms, iso

MAX_SUSPENSION_MS = 10 * 366 * 86_400_000
bp = Blueprint("authors_api", __name__, url_prefix="/api/v1/authors")


def _author_id(author_id):
    if not 1 <= len(author_id) <= 128 or CONTROL_RE.search(author_id):
        raise ValidationError("author id must be 1-128 characters without control characters", "author_id")
    return author_id


def author_view(site, author_id, now):
    """Standing (decay and an ended suspension applied), strikes, counts and the latest decisions."""
    queue = get_queue(site)
    standing = queue.standing.get(author_id, now_ms=now)
    recent = [{"id": row["id"], "decision": row["decision"], "decision_reason": row["decision_reason"] or None,
               "status": row["status"], "outcome": row["outcome"] or None, "reason": row["reason"] or None,
               "article_id": row["article_id"],
               "received_at": iso(row["received_at"]) if row["received_at"] else None}
              for row in queue.authored(author_id, 20)]
    return {
        "id": author_id, "standing": standing["standing"],
        "until": iso(standing["until"]) if standing["until"] else None,
        "set_by": standing["set_by"], "set_by_name": standing["set_by_name"], "note": standing["note"],
        "floor": standing["floor"], "points": standing["points"],
        "strikes": [{**strike, "at": iso(strike["at"])} for strike in standing["strikes"]],
        "counts": queue.author_history(author_id), "recent": recent,
    }


@bp.get("/<path:author_id>")
@require_api_key
def get_author(author_id):
    return jsonify(author_view(g.site, _author_id(author_id), app_now_ms()))


@bp.put("/<path:author_id>")
@require_api_key
def put_author(author_id):
    """A person's standing: good or trusted forgive the strikes; warned and premoderated stay as a floor; suspended
    lasts until `until` (none: until a person changes it)."""
    author_id = _author_id(author_id)
    body = parse_json_body(request)
    level = body.get("standing")
    if level not in LEVELS:
        raise ValidationError(f"standing must be one of {', '.join(LEVELS)}", "standing", code="missing_field"
                              if level is None else "invalid_field")
    until = check_date_time(string_field(body, "until", max_len=64), "until")
    now = app_now_ms()
    if until is not None and level != "suspended":
        raise ValidationError("until goes with standing suspended only", "until")
    if until is not None and until <= now:
        raise ValidationError("until must be in the future", "until")
    if until is not None and until > now + MAX_SUSPENSION_MS:
        raise ValidationError("until must be within 10 years", "until")  # Lua keeps 14 digits of a number
    note = string_field(body, "note", max_len=500)
    by = string_field(body, "by", max_len=128)
    get_limiter().check(g.site, [("key", "all", 1)], now=time.time())
    get_queue(g.site).standing.set(author_id, level, by or f"api:{g.site}", now_ms=now, until_ms=until or 0,
                                   note=note or "")
    return jsonify(author_view(g.site, author_id, now))
