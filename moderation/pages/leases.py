"""Claims given back: by the review page when it is hidden, idle or closing, by logging out, and by an admin on
the leases page (who holds which comment until when)."""

from flask import flash, jsonify, redirect, render_template, request, url_for

from moderation.api.api_keys import configured_sites
from moderation.errors import Conflict, NotFound
from moderation.pages import i18n
from moderation.pages.admin import admin_page
from moderation.pages.cards import format_time, inert
from moderation.pages.desk import json_body, site_of, text_of, visible_sites
from moderation.pages.login import api_login_required, csrf_token, current_moderator
from moderation.pages.setup import page_blueprint
from moderation.store.review_queue import get_queue

bp = page_blueprint("leases", __name__, url_prefix="/review")


@bp.post("/api/release")
@api_login_required
def api_release():
    """The page is hidden, idle or closing (navigator.sendBeacon, a form body): give back every claim held here."""
    body = request.form if not request.is_json else json_body()
    queue = get_queue(site_of(body.get("site")))
    reason = body.get("reason") if body.get("reason") in ("pagehide", "idle", "logout") else "away"
    return jsonify({"released": queue.release_held(current_moderator()["name"], reason)})


def release_everywhere(name):
    """Logging out: the moderator's claims on every site go back to the queue at once."""
    for site in configured_sites():
        get_queue(site).release_held(name, "logout")


@bp.get("/leases")
@admin_page
def leases_page():
    """Admins: who holds which comment until when, with a button to give it back to the queue."""
    site = site_of(request.args.get("site"), json_errors=False)
    rows = get_queue(site).leases()
    for row in rows:
        row["local"] = format_time(row["until"])[1]
    return render_template("review/leases.html", moderator=current_moderator(), rows=rows, site=site,
                           sites=visible_sites(), csrf=csrf_token(), inert=inert)


@bp.post("/leases/release")
@admin_page
def leases_release():
    queue = get_queue(site_of(request.form.get("site"), json_errors=False))
    comment_id = text_of(request.form.get("id"))
    try:
        queue.release(comment_id, current_moderator()["name"], force=True, reason="admin")
        flash(i18n.translate("notice.lease_released"))
    except (NotFound, Conflict):
        flash(i18n.translate("notice.lease_gone"))
    return redirect(url_for("leases.leases_page", site=queue.site))
