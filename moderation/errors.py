"""Named exceptions and the one boundary that turns them into JSON (API) or HTML (pages).

init_app registers the app-wide handlers (ApiError, HTTP errors, RedisError -> 503, anything else -> 500 that
leaks nothing); html_errors adds the moderators' pages' localised 4xx page (pages/setup.py calls it).
"""

import logging

from flask import current_app, g, jsonify, render_template, request
from gunicorn.http.errors import NoMoreData, ParseException
from werkzeug.exceptions import BadRequest, HTTPException, ServiceUnavailable

from moderation import settings
from moderation.store import RedisClusterError, RedisError

log = logging.getLogger(__name__)


class ApiError(Exception):
    """A client-visible error: HTTP status, stable code, message and the offending field."""

    status = 400
    code = "invalid_request"

    def __init__(self, message, field=None, *, code=None, status=None, headers=None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code or self.code
        self.status = status or self.status
        self.headers = headers or {}

    def to_dict(self):
        return {"code": self.code, "message": self.message, "field": self.field}


class ValidationError(ApiError):
    """The request body or a field in it is not acceptable."""

    code = "invalid_field"


class Unauthorized(ApiError):
    """No API key, or one we do not know."""

    status = 401
    code = "unauthorized"


class Forbidden(ApiError):
    """Logged in, but the role does not allow this (an admin-only action)."""

    status = 403
    code = "forbidden"


class BadCsrf(ApiError):
    """A state-changing request without the session's CSRF token."""

    code = "csrf_failed"


class NotFound(ApiError):
    """The comment (or other resource) does not exist for this site."""

    status = 404
    code = "not_found"


class Conflict(ApiError):
    """The request contradicts what is already stored (another text under a known id, a second decision)."""

    status = 409
    code = "conflict"


class Unavailable(ApiError):
    """Redis cannot take the write; the site should retry after Retry-After seconds."""

    status = 503
    code = "unavailable"


def unavailable():
    """503 with Retry-After: Redis cannot answer; the caller should retry (the API's and the pages' answer), with
    the Idempotency-Key the service gave a write that came without one, so that its retry counts once."""
    headers = {"Retry-After": str(settings.get().retry_after)}
    if g.get("minted_idempotency_key"):
        headers["Idempotency-Key"] = g.minted_idempotency_key
    return Unavailable("the review queue is unavailable; retry later", None, headers=headers)


# The review page's and the admin pages' JSON endpoints (their scripts read the error)
PAGE_API_PREFIXES = ("/review/api/", "/review/admin/api/")
# Machine endpoints outside /api (the probes, Prometheus, the Akismet protocol): their errors are JSON too
JSON_PREFIXES = ("/api/", "/1.1/", *PAGE_API_PREFIXES)
JSON_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})


def _wants_json():
    path = request.path
    return path.startswith(JSON_PREFIXES) or path in JSON_PATHS or request.accept_mimetypes.best == "application/json"


def page_message_key(code):
    """The localised pages' message for a 4xx: their own for 400, 403, 404, 413 (a form too long) and 429, else the
    400's."""
    return f"error.{code}" if code in (400, 403, 404, 413, 429) else "error.400"


def _json_error(status, code, message, field=None, headers=None):
    response = jsonify({"error": {"code": code, "message": message, "field": field}})
    response.status_code = status
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def api_error_answer(error):
    """An ApiError's JSON answer (the comment fast path renders a refusal it cannot hand back through this too)."""
    return _json_error(error.status, error.code, error.message, error.field, error.headers)


def store_unavailable(method, path, error):
    """The 503 for Redis down or slow on any route, logged once."""
    log.warning("redis unavailable on %s %s: %s", method, path, error.__class__.__name__)
    return unavailable()


def unexpected_answer(method, path):
    """The 500 that leaks nothing, its traceback logged (call it inside the except block)."""
    log.exception("unhandled error on %s %s", method, path)
    return _json_error(500, "internal_error", "internal error; the request was not processed")


def http_error_answer(error):
    """A werkzeug HTTP error as the API's JSON: 413 and 415 name the body, 413 with this endpoint's limit."""
    code = (error.name or "error").lower().replace(" ", "_")
    field = "body" if error.code in (413, 415) else None
    message = error.description or error.name
    if error.code == 413 and request.max_content_length:  # the limit of this endpoint (a batch's is larger)
        message = f"the body is larger than {request.max_content_length} bytes"
    return _json_error(error.code, code, message, field)


def init_app(app):
    """Register the single error boundary: ApiError and HTTP errors to JSON under /api, Redis errors to 503,
    500s never leak."""

    @app.errorhandler(ApiError)
    def handle_api_error(error):
        return api_error_answer(error)

    @app.errorhandler(HTTPException)
    def handle_http_error(error):
        if not _wants_json():
            page = current_app.extensions.get("moderation.error_page")  # pages/home.py: a localised page
            return page(error) if page is not None and error.code and error.code < 500 else error
        return http_error_answer(error)

    @app.errorhandler(RedisError)
    @app.errorhandler(RedisClusterError)
    def handle_store_unavailable(error):
        """Redis down or slow on any page or API route: 503 with Retry-After, never a 500."""
        answer = store_unavailable(request.method, request.path, error)
        if _wants_json() or "/api/" in request.path or request.is_json:
            return handle_api_error(answer)
        return ServiceUnavailable("The service is briefly unavailable; retry in a few seconds.").get_response(), \
            503, answer.headers

    @app.errorhandler(ParseException)
    @app.errorhandler(NoMoreData)
    def handle_unreadable_body(error):
        """A chunked body gunicorn could not read (a form, a page's JSON): the client's 400, never a 500."""
        return handle_http_error(BadRequest("the chunked body is not valid chunked encoding, or ended early"))

    @app.errorhandler(Exception)
    def handle_unexpected(error):
        answer = unexpected_answer(request.method, request.path)
        return answer if _wants_json() else ("Internal error", 500)


def html_errors(blueprint):
    """4xx from a page of this blueprint: a small localised page (JSON errors keep the app's boundary)."""
    from moderation.pages import i18n

    @blueprint.errorhandler(HTTPException)
    def error_page(error):
        if request.path.startswith(PAGE_API_PREFIXES):  # as the API answers it (a 413 names the body and the limit)
            return http_error_answer(error)
        if error.code is None or error.code >= 500:
            return error
        body = render_template("error.html", message=i18n.translate(page_message_key(error.code)), code=error.code)
        return body, error.code


class AlreadyDecided(Conflict):
    """Someone decided this comment first; carries who and what, for a clear notice."""

    code = "already_decided"

    def __init__(self, message, field=None, *, by="", outcome=""):
        super().__init__(message, field)
        self.by, self.outcome = by, outcome


class ClaimedByOther(Conflict):
    """Another moderator holds a live lease on this comment."""

    code = "claimed_by_other"

    def __init__(self, message, field=None, *, by=""):
        super().__init__(message, field)
        self.by = by
