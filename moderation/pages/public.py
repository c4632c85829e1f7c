"""The public pages: the removal request window (/requests/new, a plain form that needs no JavaScript), the
receipt, the site's removal criteria (/policy) and the transparency report (/transparency).

No login; the form carries the browser session's CSRF token and is limited per client address
(REQUEST_RATE_LIMIT). The site is REQUEST_SITE, else the first configured one; ?site= picks another
configured site.
"""

import secrets
import time
from urllib.parse import urlsplit

from flask import abort, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from moderation import settings
from moderation.api.api_keys import configured_sites
from moderation.api.transparency import csv_response, period
from moderation.errors import NotFound, ValidationError, page_message_key
from moderation.labels import REJECT_REASONS
from moderation.ops.proxies import limit_key
from moderation.pages import i18n
from moderation.pages.cards import format_time, inert
from moderation.pages.login import csrf_token, require_csrf
from moderation.pages.setup import page_blueprint
from moderation.rights import criteria, intake, policy, process, transparency
from moderation.store.rate_limits import RateLimited, RateLimiter

bp = page_blueprint("public", __name__)  # no-store too: the form carries a CSRF token, the receipt a number
PATHS = ("/requests/", "/policy", "/transparency")  # the app's 404 for a path under these is the public page too


@bp.context_processor
def site_names():
    """`site_name(site)` for the public pages' header: SITE_NAMES' name for readers, else the site's key name."""
    return {"site_name": lambda site: settings.get().site_names.get(site, site) if site else ""}


def _known_site():
    """chosen_site() for an error page, which must not fail itself: None when no configured site is asked for."""
    sites = configured_sites()
    try:
        asked = request.values.get("site")
    except HTTPException:  # the body is the error (over MAX_CONTENT_LENGTH: 413), and reading it raises it again
        asked = request.args.get("site")
    asked = asked or settings.get().request_site or (sites[0] if sites else None)
    return asked if asked in sites else None


def error_page(code, key, headers=None, **values):
    """The readers' error page: the public header, a localised message, and a way back to the site (SITE_URLS)
    and its removal criteria; never the moderators' queue, which an anonymous reader cannot use."""
    site, lang = _known_site(), i18n.current_language()
    # the blueprint's context given here too: the app's 4xx (home.app_error_page) renders it outside the blueprint
    body = render_template("public/error.html", site=site, code=code, message=i18n.translate(key, lang, **values),
                           site_url=settings.get().site_urls.get(site, (None,))[0] if site else None,
                           **i18n.context(lang, request), **site_names())
    return body, code, headers or {}


@bp.errorhandler(HTTPException)
def http_error(error):
    """Replaces page_blueprint's moderators' error page (registered first) for this blueprint's 4xx."""
    if error.code is None or error.code >= 500:
        return error
    return error_page(error.code, page_message_key(error.code))


@bp.record_once
def _register(state):
    """home.app_error_page gives a path under PATHS that no route matches (or a method none takes) this page too."""
    state.app.extensions["moderation.public_error_page"] = (PATHS, http_error)


def chosen_site():
    """?site= when it is a configured site, else REQUEST_SITE, else the first configured site (404 otherwise)."""
    asked = request.values.get("site") or settings.get().request_site or configured_sites()[0]
    if asked not in configured_sites():
        abort(404)
    return asked


def _limit(site, limits, kind):
    """A per-client-address limit (REQUEST_RATE_LIMIT, TRANSPARENCY_RATE_LIMIT), counted in Redis beside the API's."""
    from moderation.store import connection

    redis, prefix = connection()
    RateLimiter(redis, limits, prefix).check(site, [("ip", f"{kind}:{limit_key(request.remote_addr)}", 1)],
                                            now=time.time())


def _form_body(form):
    """The form's fields in the API's shape, so one parser checks both."""
    lines = [line.strip() for line in (form.get("comments") or "").splitlines() if line.strip()]
    return {"requester": {"name": form.get("name"), "email": form.get("email"), "relation": form.get("relation")},
            "comments": lines, "right": form.get("right"), "explanation": form.get("explanation"),
            "statement": form.get("statement")}


def _field_message(error):
    """(the form field, the localised message) of a ValidationError; a URL of another host names the site's own."""
    field = error.field or ""
    if field.startswith("comments["):
        line = int(field[9:-1]) + 1
        if error.code == "foreign_url":
            given = _form_body(request.form)["comments"][line - 1]
            urls = i18n.translate("field.comments.or").join(settings.get().site_urls.get(chosen_site(), ()))
            return "comments", i18n.translate("field.comments.foreign", n=line, host=urlsplit(given).hostname or "",
                                              url=urls)
        return "comments", i18n.translate("field.comments.item", n=line)
    if error.code == "address_in_name":
        return field, i18n.translate("field.requester.name.address_in_name")
    return field, i18n.translate(f"field.{field}")


@bp.route("/requests/new", methods=["GET", "POST"])
def request_form():
    site = chosen_site()
    values, errors, status = {}, {}, 200
    if request.method == "POST":
        require_csrf(json_errors=False)
        values = request.form.to_dict()
        try:
            _limit(site, settings.get().request_rate_limit, "request-form")
            fields = intake.parse_request(site, _form_body(request.form))
            record = intake.receive(site, fields, "web", intake.form_key(request.form.get("submission")))
            return redirect(url_for("public.receipt", request_id=record["id"], site=site), code=303)
        except ValidationError as error:
            name, message = _field_message(error)
            errors, status = {name: message}, 400
        except RateLimited as error:
            errors, status = {"form": i18n.translate("form.rate_limited")}, 429
            body = render_template("public/request_form.html", **_form_context(site, values, errors))
            return body, status, error.headers
    return render_template("public/request_form.html", **_form_context(site, values, errors)), status


def _form_context(site, values, errors):
    """The form's page; its `submission` token (one per form shown, kept while it is corrected) makes the same form
    sent twice (a double click, the browser's retry) one request with one receipt."""
    return {"site": site, "values": values, "errors": errors, "csrf": csrf_token(), "rights": intake.RIGHTS,
            "submission": intake.form_key(values.get("submission"), prefix="") or secrets.token_urlsafe(16),
            "relations": intake.RELATIONS, "days": f"{settings.get().request_deadline_days:g}",
            "limit": intake.EXPLANATION_LIMIT}


@bp.get("/requests/<request_id>")
def receipt(request_id):
    """The receipt: number, dates and step only (the number is the requester's; no contact data is shown). Limited
    per address before the lookup, found or not: a number is 8 random characters of a known day, not to be guessed."""
    site = chosen_site()
    try:
        _limit(site, settings.get().receipt_rate_limit, "receipt")
    except RateLimited as error:
        return error_page(429, "error.429", error.headers)
    try:
        record = process.load(site, request_id)
    except NotFound:
        return error_page(404, "public.error.no_request")
    return render_template("public/receipt.html", site=site, record=record, received=format_time(record["received_at"]),
                           due=format_time(record["due_at"]), not_held=not_held_states(record), inert=inert,
                           total=len(record.get("comments", [])) + len(record.get("not_held", [])))


def not_held_states(record):
    """[(reference, state)] for the comments named that the service does not hold: checked on the site (open),
    removed by the site, not removed, or put back by the site after the poster's appeal (restored)."""
    if not record.get("decided_at"):
        return [(reference, "pending") for reference in record.get("not_held", [])]
    removed, restored = set(record.get("removed_not_held", [])), set(record.get("restored_not_held", []))
    return [(reference, "removed" if reference in removed else "restored" if reference in restored else "kept")
            for reference in record.get("not_held", [])]


@bp.get("/policy")
def policy_page():
    body, revised = policy.load()
    return render_template("public/policy.html", body=body, revised=revised.isoformat(), site=chosen_site())


@bp.get("/transparency")
def transparency_page():
    """The published report (no login: publishing it is the point); ?format=csv downloads the same figures."""
    site = chosen_site()
    try:
        first, last = period()
    except ValidationError as error:  # the page names the field (from or to) the JSON API would name
        return error_page(400, f"tr.error.{error.field}", max=transparency.MAX_DAYS)
    try:  # public and unauthenticated: one address may not keep the workers reading the audit
        _limit(site, settings.get().transparency_rate_limit, "transparency")
    except RateLimited as error:
        return error_page(429, "error.429", error.headers)
    body = transparency.report(site, first, last)
    if request.args.get("format") == "csv":
        return csv_response(body)
    return render_template("public/transparency.html", report=body, site=site, outcomes=process.OUTCOMES,
                           reasons=REJECT_REASONS, criteria=criteria)

