"""Security headers on every response: a CSP without inline scripts or styles, no framing, no sniffing."""

from flask.sessions import SecureCookieSessionInterface
from werkzeug.datastructures import Headers

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


_NAMES = frozenset(name.lower() for name in HEADERS)
_ITEMS = tuple(Headers(HEADERS).items())  # werkzeug's own check of each value, once


class SessionCookies(SecureCookieSessionInterface):
    """Flask's signed session cookie, with its signer built once per secret key instead of per request, and
    nothing parsed or written for a request without a Cookie header whose view leaves the session alone (every
    API call): Flask's own code reaches the same outcome (an empty session, no cookie, no Vary) the long way."""

    def __init__(self):
        self._signers = {}

    def open_session(self, app, request):
        if "HTTP_COOKIE" not in request.environ and app.secret_key:
            return self.session_class()  # what Flask answers when the cookie is absent, without parsing cookies
        return super().open_session(app, request)

    def save_session(self, app, session, response):
        if not session and not session.accessed and not session.modified:
            return  # Flask would look up seven cookie settings and then return without touching the response
        super().save_session(app, session, response)

    def get_signing_serializer(self, app):
        key = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        signer = self._signers.get(key)
        if signer is None:
            signer = self._signers[key] = super().get_signing_serializer(app)
        return signer


def add_headers(items):
    """The headers above on an answer's list of (name, value) pairs (werkzeug's own list, or the comment fast
    path's), each one the answer does not set itself: a view that needs a stricter (or its own) policy keeps it.
    The values were checked once above: Headers.extend would check each again (~6 µs a request)."""
    present = [name.lower() for name, _ in items]
    if _NAMES.isdisjoint(present):
        items.extend(_ITEMS)
    else:
        items.extend(pair for pair in _ITEMS if pair[0].lower() not in present)


def init_app(app):
    app.session_interface = SessionCookies()

    @app.after_request
    def security_headers(response):
        headers = response.headers
        if type(getattr(headers, "_list", None)) is list:  # werkzeug's pairs
            add_headers(headers._list)
        else:
            for name, value in _ITEMS:
                headers.setdefault(name, value)
        return response
