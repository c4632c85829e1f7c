"""The admins' accounts page: add, disable, enable, remove, reset a password, choose a moderator's sites.

The same actions as `python -m moderation moderator ...`; resetting, disabling and removing end the
account's sessions at once. An admin cannot disable or remove their own account (no locking oneself out), nor
anyone the last enabled admin (store/admin_roster.py: two admins taking each other away at once leave one).
"""

from flask import abort, flash, redirect, render_template, request, url_for

from moderation.api.api_keys import configured_sites
from moderation.pages import i18n
from moderation.pages.admin import admin_page
from moderation.pages.login import csrf_token, current_moderator
from moderation.pages.setup import page_blueprint
from moderation.store.moderators import ROLES, AccountError, AccountExists, LastAdmin, get_moderators

bp = page_blueprint("accounts", __name__, url_prefix="/review/admin/accounts")

ACTIONS = ("add", "disable", "enable", "remove", "reset", "sites")


def _render(status=200, error=None, form=None):
    body = render_template("admin/accounts.html", moderator=current_moderator(), csrf=csrf_token(),
                           accounts=get_moderators().list(), sites=configured_sites(), site=None, roles=ROLES,
                           error=error, form=form or {})
    return body, status


@bp.get("")
@admin_page
def accounts_page():
    return _render()


@bp.post("")
@admin_page
def change_account():
    action, name = request.form.get("action"), (request.form.get("name") or "").strip()
    if action not in ACTIONS:
        abort(400)
    if name == current_moderator()["name"] and action in ("disable", "remove"):
        return _render(400, i18n.translate("accounts.not_yourself"))
    sites, role = request.form.getlist("sites"), request.form.get("role") or "moderator"
    # refused, not dropped: a moderator whose every site was unknown (a site since unconfigured, a typo) was left
    # with none, which means every site; a role not offered became a moderator without a word
    unknown = [s for s in sites if s not in configured_sites()] if action in ("add", "sites") else []
    if unknown or (action == "add" and role not in ROLES):
        detail = f"unknown site {unknown[0]!r}" if unknown else f"unknown role {role!r}"
        return _render(400, i18n.translate("accounts.invalid", detail=detail), {"name": name[:64]})
    accounts = get_moderators()
    try:
        if action == "add":
            accounts.add(name, request.form.get("password") or "", role, sites=sites)
        elif action == "reset":
            accounts.reset_password(name, request.form.get("password") or "")
        elif action in ("disable", "enable"):
            accounts.set_disabled(name, action == "disable")
        elif action == "remove":
            accounts.remove(name)
        else:
            accounts.set_sites(name, sites)
    except LastAdmin:  # another admin took the other admins away meanwhile, or there never was another
        return _render(409, i18n.translate("accounts.last_admin", name=name), {"name": name[:64]})
    except AccountExists:
        return _render(409, i18n.translate("accounts.exists", name=name), {"name": name[:64]})
    except AccountError as error:
        return _render(400, i18n.translate("accounts.invalid", detail=str(error)), {"name": name[:64]})
    flash(i18n.translate(f"accounts.done.{action}", name=name))
    return redirect(url_for("accounts.accounts_page"))
