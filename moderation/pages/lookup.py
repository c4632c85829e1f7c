"""Finding comments around a decision: search, the readers' reports (通報), and a card's author panel.

Search looks a query up as a comment id, as an author id, and as a text fragment within the site's latest
comments (one linear pass over a bounded window, so a query costs the same whatever it contains).
"""

from flask import jsonify, render_template, request

from moderation.errors import ValidationError
from moderation.labels import REJECT_REASONS
from moderation.pages.cards import format_time, inert
from moderation.pages.desk import json_body, site_of, visible_sites
from moderation.pages.login import api_login_required, csrf_token, current_moderator, page_login_required
from moderation.pages.review import standing_of
from moderation.pages.setup import page_blueprint
from moderation.store.author_standing import LEVELS as STANDINGS
from moderation.store.review_queue import get_queue
from moderation.times import app_now_ms

bp = page_blueprint("lookup", __name__, url_prefix="/review")

SEARCH_WINDOW = 5000
MAX_SUSPEND_DAYS = 3650


def _rows(rows):
    for row in rows:
        row["local"] = format_time(row["received_at"])[1] if row.get("received_at") else ""
    return rows


def _render(template, **values):
    return render_template(template, moderator=current_moderator(), csrf=csrf_token(), inert=inert,
                           sites=visible_sites(), reasons=REJECT_REASONS, **values)


@bp.get("/search")
@page_login_required
def search_page():
    site = site_of(request.args.get("site"), json_errors=False)
    query = (request.args.get("q") or "").strip()[:200]
    rows = _rows(get_queue(site).search(query, window=SEARCH_WINDOW)) if query else []
    return _render("review/search.html", site=site, query=query, rows=rows, window=SEARCH_WINDOW)


@bp.get("/reports")
@page_login_required
def reports_page():
    site = site_of(request.args.get("site"), json_errors=False)
    return _render("review/reports.html", site=site, rows=_rows(get_queue(site).reported(100)))


@bp.get("/api/author")
@api_login_required
def api_author():
    """The card's author panel: their counts and latest comments with the decisions taken on them."""
    queue = get_queue(site_of(request.args.get("site")))
    author_id = request.args.get("id") or ""
    if not 1 <= len(author_id) <= 128:
        raise ValidationError("id must be an author id", "id")
    recent = [{"id": inert(r["id"]), "text": r["text"][:140], "status": r["status"] or "",
               "outcome": r["outcome"] or "", "reason": r["reason"] or "", "by": inert(r["decided_by"] or ""),
               "received_at": r["received_at"], "reports": r["reports"]}
              for r in queue.authored(author_id, 10)]
    return jsonify({"history": queue.author_history(author_id), "recent": recent})


@bp.post("/api/author-standing")
@api_login_required
def api_author_standing():
    """A moderator sets an author's standing from the card: audited, and the site hears it by webhook."""
    body = json_body()
    queue = get_queue(site_of(body.get("site")))
    author_id, level, days = body.get("author_id"), body.get("standing"), body.get("days")
    if not isinstance(author_id, str) or not 1 <= len(author_id) <= 128:
        raise ValidationError("author_id must be an author id", "author_id")
    if level not in STANDINGS:
        raise ValidationError(f"standing must be one of {', '.join(STANDINGS)}", "standing")
    if days is not None and (level != "suspended" or isinstance(days, bool) or not isinstance(days, int)
                             or not 1 <= days <= MAX_SUSPEND_DAYS):
        raise ValidationError(f"days goes with suspended only: a whole number of 1-{MAX_SUSPEND_DAYS}", "days")
    note = body.get("note") or ""
    if not isinstance(note, str) or len(note) > 500:
        raise ValidationError("note must be a string of up to 500 characters", "note")
    now = app_now_ms()
    until = now + days * 86_400_000 if days else 0
    queue.standing.set(author_id, level, current_moderator()["name"], now_ms=now, until_ms=until, note=note.strip())
    return jsonify({"author_id": author_id, "standing": standing_of(queue, author_id, now)})
