"""What the admins' pages share: admins only (a moderator gets 403, no session redirects to /login or answers
401 under /review/admin/api, every POST is a form with the session's CSRF token), the model manager, the site a
form names, times in JST, and the quiet-hours banner.

Saved thresholds and model changes go through the Registry (its audit stream records who did what) and take
effect in this worker at once (``manager.refresh()``); the other workers follow within MODEL_CHECK_SECONDS.
The quiet-hours banner is a context value for every template (``quiet_banner``); base.html shows it to a
logged-in moderator while the schedule is active.
"""

import functools

from flask import abort, request

from moderation.api.api_keys import configured_sites
from moderation.pages.cards import local_time
from moderation.pages.login import (
    api_login_required,
    current_moderator,
    page_login_required,
    require_admin,
    require_csrf,
)
from moderation.scoring.manager import find_manager


def admin_site(value):
    """The site a form or query names (the first configured when none); 404 for an unknown one."""
    value = value if isinstance(value, str) and value else configured_sites()[0]
    if value not in configured_sites():
        abort(404)
    return value


def admin_page(view):
    """A page or form for admins: /login without a session, 403 for a moderator, 400 for a POST without CSRF."""

    @page_login_required
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if current_moderator().get("role") != "admin":
            abort(403)
        if request.method == "POST":
            require_csrf(json_errors=False)
        return view(*args, **kwargs)

    return wrapped


def admin_api(view):
    """A JSON endpoint for admins: 401 without a session, 403 for a moderator."""

    @api_login_required
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        require_admin()
        return view(*args, **kwargs)

    return wrapped


# -- quiet hours ---------------------------------------------------------------------------------------------

def _clock(minutes):
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def quiet_schedule():
    """The configured quiet hours as plain data (None when none are configured or no model is loaded)."""
    manager = find_manager()
    quiet = getattr(getattr(manager, "policy", None), "quiet", None)
    if quiet is None or not quiet.enabled:
        return None
    return {"start": _clock(quiet.start), "end": _clock(quiet.end), "tz": quiet.zone.key, "mode": quiet.mode,
            "scale": quiet.scale, "active": quiet.active()}


def quiet_banner():
    """`quiet_banner` for base.html: the schedule while it is active, else None."""

    def banner():
        schedule = quiet_schedule()
        return schedule if schedule and schedule["active"] else None

    return {"quiet_banner": banner}


def init_app(app):
    """Every page's times in JST, like the queue's; the quiet-hours banner in every template."""
    app.add_template_filter(local_time, "jst")
    app.context_processor(quiet_banner)
