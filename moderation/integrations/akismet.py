"""Akismet-compatible endpoints, so an existing Akismet client switches over by changing its host name.

  POST /1.1/verify-key     key, blog                  -> "valid" | "invalid"
  POST /1.1/comment-check  api_key, blog, user_ip,... -> "true" | "false" (+ X-akismet-pro-tip: discard)
  POST /1.1/submit-spam    api_key, blog, user_ip,... -> "Thanks for making the web a better place."
  POST /1.1/submit-ham     (same)                     -> (same)

Bodies are form-encoded (in `blog_charset` when given, else UTF-8), answers text/plain with HTTP 200 as Akismet
does, errors explained in the X-akismet-debug-help header. The Akismet key is one of our API keys
(MODERATION_API_KEYS; either of a site's two while it rotates), taken from the body only (never the Host header: a
key in a host name leaks into logs and DNS). Every call counts against the caller's address (RATE_LIMITS "ip", so
verify-key cannot test keys unthrottled) and a known key's site.
When SITE_URLS gives the key's site its addresses, a `blog` under none of them is answered "invalid".
comment-check scores ``comment_content`` and decides it with the key's site's policy, as the API does: "true"
when any label or harm category crosses its review threshold, with the ``discard`` pro-tip when one crosses
its reject threshold; the categories' probabilities are in X-Moderation-Categories (integrations/verdict.py).
submit-spam and submit-ham append a labelled example (task spam, value 1 or 0, source akismet) to the
site's labels stream through LabelStore, for the learning loop; ``is_test`` ones are answered but not kept.
They also count against the site's RATE_LIMITS "feedback" limit, and the same verdict on the same text is kept
once: what feedback can store is bounded by that limit times the longest text. It trains a model only once a
moderator decided the same text, or at FEEDBACK_WEIGHT (capped per day) when an admin sets one.
"""

import hashlib
import time
import unicodedata
import uuid
from urllib.parse import parse_qsl

from flask import Blueprint, Response, g, request
from werkzeug.datastructures import MultiDict

from moderation import settings
from moderation.api.api_keys import configured_sites
from moderation.api.validation import split_url
from moderation.integrations.verdict import verdict
from moderation.ops.proxies import limit_key
from moderation.store import RedisError
from moderation.store.rate_limits import get_limiter
from moderation.store.training_labels import get_labels

bp = Blueprint("akismet", __name__, url_prefix="/1.1")

THANKS = "Thanks for making the web a better place."


def _text(body, status=200, **headers):
    response = Response(body, status=status, mimetype="text/plain")
    for name, value in headers.items():
        response.headers[name.replace("_", "-")] = value
    return response


def _form():
    """The body's fields, the comment_* values decoded in `blog_charset` when a site sends one (Akismet reads them in
    it): Werkzeug reads every body as UTF-8, so a Shift_JIS or EUC-JP site's comment came out as U+FFFD and scored as
    nothing. A charset Python does not know, or a body that is not form-encoded, is read as UTF-8 as before."""
    form = g.get("akismet_form")
    if form is None:
        urlencoded = request.mimetype == "application/x-www-form-urlencoded"
        raw = request.get_data(cache=True) if urlencoded else b""  # before request.form consumes the stream
        form = g.akismet_form = _in_charset(request.form, raw)
    return form


def _in_charset(form, raw):
    charset = (form.get("blog_charset") or "").strip()
    if not raw or not charset or charset.lower().replace("_", "-") in ("utf-8", "utf8"):
        return form
    try:  # the body is ASCII (non-ASCII bytes are percent-encoded); the charset decodes what the escapes hold
        return MultiDict(parse_qsl(raw.decode("ascii", "replace"), keep_blank_values=True, encoding=charset,
                                   errors="replace"))
    except (LookupError, ValueError):  # no such codec, not a text encoding (zlib_codec), a NUL in its name, a codec
        return form                    # that refuses its input whatever `errors` says (idna, undefined)


def _invalid(reason="We were unable to verify your API key."):
    return _text("invalid", X_akismet_debug_help=reason)


def _site_for(key):
    """The key's site, or None; the site and key id go to the access line and key-use counter as the API's do."""
    found = settings.get().api_keys.match(key.strip()) if key else None
    if found is None:
        return None
    g.site, g.key_id = found
    return g.site


def _limit(site):
    """The caller's address (IPv6 per /64) for every call, the site's key once the key is known (429)."""
    hits = [("ip", f"akismet:{limit_key(request.remote_addr)}", 1)] + ([("key", "all", 1)] if site else [])
    get_limiter().check(site or configured_sites()[0], hits, now=time.time())


def _request_site():
    """(site, None) for a known key, else (None, the Akismet-style answer)."""
    key = _form().get("api_key") or _form().get("key")
    site = _site_for(key)
    _limit(site)
    if not key:
        return None, _invalid('Empty "api_key" value')
    if site is None:
        return None, _invalid()
    return site, None


def _missing(form, *names):
    for name in names:
        if not form.get(name, "").strip():
            return _text(f"Missing required field: {name}.", X_akismet_debug_help=f"Missing required field: {name}.")
    return None


def _content():
    text = unicodedata.normalize("NFC", _form().get("comment_content", "")).replace("\x00", "")
    return text[: settings.get().text_limit]


def _truthy(value):
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


@bp.post("/verify-key")
def verify_key():
    site = _site_for(_form().get("key"))
    _limit(site)
    if site is None:
        return _invalid()
    return _foreign_blog(site) or _text("valid")


def _checked_request():
    """(site, None) for a known key with the fields Akismet requires, else (None or site, the answer to give)."""
    site, answer = _request_site()
    if answer is None:
        answer = _missing(_form(), "blog", "user_ip") or _foreign_blog(site)
    return site, answer


def _foreign_blog(site):
    """The `invalid` answer when the site's addresses are configured (SITE_URLS) and `blog` is under none of them:
    a key leaked from one site cannot be used for another's comments or feedback."""
    expected = settings.get().site_urls.get(site, ())
    blog = _form().get("blog", "")
    if expected and not any(under(blog, base) for base in expected):
        return _invalid(f"The blog URL does not belong to this key's site ({', '.join(expected)}).")
    return None


def under(url, base):
    """Same scheme and host (any case, default port) and a path at or below the base's."""
    a, b = split_url(url.strip(), port=True), split_url(base, port=True)
    if a is None or b is None:  # a port that is not a number, a bracket that opens no IPv6 address ("http://[")
        return False
    same = (a.scheme.lower(), a.hostname, a.port or _PORTS.get(a.scheme.lower())) == (
        b.scheme.lower(), b.hostname, b.port or _PORTS.get(b.scheme.lower()))
    prefix = b.path.rstrip("/") + "/"
    return same and (a.path.rstrip("/") + "/").startswith(prefix)


_PORTS = {"http": 80, "https": 443}


@bp.post("/comment-check")
def comment_check():
    site, answer = _checked_request()
    if answer is not None:
        return answer
    guid = str(uuid.uuid4())
    text = _content()
    if not text.strip():
        return _text("false", X_akismet_guid=guid)
    decision, _, headers = verdict(site, text)
    response = _text("false" if decision == "allow" else "true", X_akismet_guid=guid)
    if decision == "reject":
        response.headers["X-akismet-pro-tip"] = "discard"
    response.headers.update(headers)
    return response


def _submit(label):
    site, answer = _checked_request()
    if answer is not None:
        return answer
    get_limiter().check(site, [("feedback", "akismet", 1)], now=time.time())  # bounds what feedback can store
    text = _content()
    if text.strip() and not _truthy(_form().get("is_test")):
        digest = hashlib.sha256(text.encode()).hexdigest()[:24]
        example_id = _form().get("guid") or f"akismet-{digest}"
        try:
            get_labels(site).add(example_id[:128], text, "spam", label == "spam", "akismet", by="akismet",
                      at_ms=int(time.time() * 1000))
        except RedisError:
            return _text("Service temporarily unavailable; retry later.", status=503,
                         Retry_After=str(settings.get().retry_after))
    return _text(THANKS)


@bp.post("/submit-spam")
def submit_spam():
    return _submit("spam")


@bp.post("/submit-ham")
def submit_ham():
    return _submit("ham")
