"""Turns an untrusted request body into a checked comment, naming the field when it is not acceptable."""

import ipaddress
import json
import re
import unicodedata
from datetime import datetime
from urllib.parse import urlsplit

import orjson

from moderation import settings
from moderation.api.bodies import read_body
from moderation.errors import ApiError, ValidationError
from moderation.ops.proxies import address_key

MAX_DEPTH = 16
# \Z, not $: "$" also matches before a final newline, so "news\n" passed as a slug (and missed its category's policy)
LANG_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}\Z")
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}\Z")
SHA256_RE = re.compile(r"^[0-9a-f]{64}\Z")
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
SURROGATE_RE = re.compile("[\ud800-\udfff]")  # one character class: a single linear scan
IDEMPOTENCY_RE = re.compile(r"^[!-~]+\Z")
# RFC 3339's date-time (its uppercase T and Z): fromisoformat alone also takes ISO 8601's week dates, basic format,
# a space before the offset, seconds in the offset and no seconds at all (a site then reads its value back as sent)
DATE_TIME_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,9})?"
                          r"(?:Z|[+-][0-9]{2}:[0-9]{2})\Z")


def idempotency_key(value):
    """A caller's Idempotency-Key header: 1-255 printable ASCII characters, or None when absent."""
    if value is None:
        return None
    if not 1 <= len(value) <= 255 or not IDEMPOTENCY_RE.match(value):
        raise ValidationError("Idempotency-Key must be 1-255 printable ASCII characters without spaces",
                              "Idempotency-Key", code="invalid_format")
    return value


def parse_json_body(request, max_length=None):
    """The body as a JSON object: 415 for another type, 400 for bad UTF-8, bad JSON or deep nesting; 413 over
    `max_length` bytes (default MAX_CONTENT_LENGTH; the batch endpoint's is larger)."""
    unwrap = getattr(request, "_get_current_object", None)  # flask.request: one context lookup, not one a use
    request = unwrap() if unwrap is not None else request
    if max_length is not None:
        request.max_content_length = max_length  # before the stream is opened: werkzeug checks it there
    if request.environ.get("CONTENT_TYPE") != "application/json" and request.mimetype != "application/json":
        raise ApiError("Content-Type must be application/json", "Content-Type",
                       code="unsupported_media_type", status=415)
    return json_object(read_body(request, settings.get().body_timeout))


def json_object(raw):
    """A body's bytes as a JSON object: 400 for bad UTF-8, bad JSON, deep nesting, a lone surrogate in a string
    (naming its field) or another JSON value."""
    strict = False
    try:
        body = orjson.loads(raw)  # the usual body: parsed in C, UTF-8 checked on the way
    except orjson.JSONDecodeError:
        body, strict = _parse_strictly(raw), True  # names what is wrong; may hold a lone surrogate (escaped)
    if _may_nest_deeply(raw) and _depth(body) > MAX_DEPTH:
        raise ValidationError(f"JSON is nested deeper than {MAX_DEPTH} levels", "body", code="too_deep")
    if strict and (field := _lone_surrogate(body)):  # Redis, logs and the text path need encodable strings
        raise ValidationError(f"{field} contains a lone surrogate", field, code="invalid_text")
    if not isinstance(body, dict):
        raise ValidationError("body must be a JSON object", "body", code="invalid_json")
    return body


def _parse_strictly(raw):
    """The standard library's parse, for a body orjson refused: the error names the byte or the construct."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValidationError(f"body is not valid UTF-8 (byte {exc.start})", "body", code="invalid_utf8") from exc
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except RecursionError as exc:
        raise ValidationError("JSON is nested too deeply", "body", code="too_deep") from exc
    except ValueError as exc:
        raise ValidationError(f"body is not valid JSON: {exc}", "body", code="invalid_json") from exc


def _lone_surrogate(body):
    """The first field (`a.b`, `comments[0]`) with a lone surrogate in a string or key (only if orjson refused)."""
    stack = [(body, "")]
    while stack:
        value, field = stack.pop()
        keys = value if isinstance(value, dict) else ()
        if (isinstance(value, str) and SURROGATE_RE.search(value)) or any(SURROGATE_RE.search(key) for key in keys):
            return field or "body"
        if isinstance(value, (dict, list)):
            items = value.items() if isinstance(value, dict) else enumerate(value)
            stack.extend((item, f"{field}[{key}]" if isinstance(key, int) else f"{field}.{key}" if field else key)
                         for key, item in items)
    return None


def _reject_constant(name):
    raise ValueError(f"{name} is not allowed")


def _may_nest_deeply(raw):
    """Whether the JSON in `raw` may nest deeper than MAX_DEPTH, from its bytes alone: a value nests no deeper than
    its containers plus one, and every container opens with a `{` or `[` byte (UTF-8 has neither inside another
    character; one inside a string only counts one more), so bytes holding fewer than MAX_DEPTH of them need no walk.
    A comment's body: two bytes.count (~0.2 µs) instead of _depth's walk (~1-2 µs); anything else is walked."""
    return type(raw) is not bytes or raw.count(b"{") + raw.count(b"[") >= MAX_DEPTH


def _depth(value):
    """How deeply containers nest (a scalar is 1); stops counting past MAX_DEPTH. Only containers are visited:
    a comment's body is one object with one nested author (7 values, 2 containers)."""
    if not isinstance(value, (dict, list)):
        return 1
    deepest, stack = 1, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item
        for child in children:
            if isinstance(child, (dict, list)):
                if depth + 1 > deepest:
                    deepest = depth + 1
                    if deepest > MAX_DEPTH:
                        return deepest
                stack.append((child, depth + 1))
            elif deepest == depth:
                deepest = depth + 1
    return deepest


def _string(body, name, field=None, *, required=False, max_len=256, min_len=1):
    field = field or name
    value = body.get(name)
    if value is None:
        if required:
            raise ValidationError(f"{field} is required", field, code="missing_field")
        return None
    if not isinstance(value, str):
        raise ValidationError(f"{field} must be a string, not {type(value).__name__}", field, code="wrong_type")
    try:
        if not value.isascii():  # only a non-ASCII string can hold a lone surrogate
            value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValidationError(f"{field} contains a lone surrogate", field, code="invalid_text") from exc
    if "\x00" in value:
        raise ValidationError(f"{field} contains a NUL character", field, code="invalid_text")
    if not min_len <= len(value) <= max_len:
        raise ValidationError(f"{field} must be {min_len}-{max_len} characters", field, code="wrong_length")
    return value


string_field = _string


def split_url(url, *, port=False):
    """urlsplit's parts, or None where urllib cannot split the URL (a bracket that opens no IPv6 address: "http://[x",
    "https://news.example]/a") or, with `port`, cannot read its port (not a number): every reader of a URL a client
    or a setting gave asks here, so none raises the ValueError (a 500) on its own."""
    try:
        parts = urlsplit(url)
        if port:
            parts.port  # noqa: B018 (read to be refused here, not by the caller)
    except ValueError:
        return None
    return parts


def check_http_url(value, field):
    """None, or an http(s) URL with a host that urllib can split: a bracket that opens no IPv6 address
    ("https://[news.example/a") made every page that links the comment's article raise."""
    if value is None:
        return
    if split_url(value) is None:
        value = ""  # urllib cannot split it: no URL
    if not re.match(r"^https?://[^\s/]+", value):
        raise ValidationError(f"{field} must be an http(s) URL", field, code="invalid_format")


def check_date_time(value, field):
    """None, or an RFC 3339 date-time with a time zone; returns it as epoch ms (or None)."""
    if value is None:
        return None
    try:
        stamp = datetime.fromisoformat(value) if DATE_TIME_RE.match(value) else None
    except ValueError:
        stamp = None
    if stamp is None or stamp.tzinfo is None:
        raise ValidationError(f"{field} must be an RFC 3339 date-time with a time zone", field, code="invalid_format")
    return int(stamp.timestamp() * 1000)


# A comment's optional text fields, in the order they are checked, with their longest length.
_OPTIONAL = (("ip", 64), ("user_agent", 1024), ("url", 2048), ("created_at", 64), ("lang", 35), ("article_title", 300),
             ("article_url", 2048), ("parent_id", 128), ("article_category", 64))


def parse_comment(body, *, text_limit=10_000, require_id=True):
    """Checked, NFC-normalised fields of one comment; unknown fields are ignored (the id is optional for a
    check, which stores nothing)."""
    if not isinstance(body, dict):
        raise ValidationError("each comment must be a JSON object", "body", code="wrong_type")
    comment_id = _string(body, "id", required=require_id, max_len=128)
    if comment_id is not None and CONTROL_RE.search(comment_id):
        raise ValidationError("id contains control characters", "id", code="invalid_text")
    raw = body.get("text")
    if raw == "":
        raise ValidationError(f"text is empty: it must be {_size(text_limit)}", "text", code="empty_text")
    if isinstance(raw, str) and len(raw) > text_limit * 4:
        raise ValidationError(f"text is longer than {text_limit:,} characters: it must be {_size(text_limit)}",
                              "text", code="too_long")
    text = _string(body, "text", required=True, max_len=text_limit * 4)  # NFC may shorten decomposed text
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise ValidationError(f"text is blank: it must be {_size(text_limit)} with something other than spaces",
                              "text", code="empty_text")
    if len(text) > text_limit:
        raise ValidationError(f"text is longer than {text_limit:,} characters: it must be {_size(text_limit)}",
                              "text", code="too_long")
    comment = {"id": comment_id, "article_id": _string(body, "article_id", required=True), "text": text, "author": None}
    for name, max_len in _OPTIONAL:  # most are absent: None without a call
        comment[name] = None if body.get(name) is None else _string(body, name, max_len=max_len)
    comment.update(_nudged(body))
    author = body.get("author")
    if author is not None:
        if not isinstance(author, dict):
            raise ValidationError("author must be an object", "author", code="wrong_type")
        comment["author"] = {
            "id": _string(author, "id", "author.id", max_len=128),
            "name": _string(author, "name", "author.name", max_len=128),
        }
    _check_formats(comment)
    return comment


def _size(text_limit):
    """What the client is told a text must be, whatever the failure (made only for a refusal: ~0.25 µs a comment)."""
    return f"1-{text_limit:,} characters"


def _nudged(body):
    """`nudged: true` with the `check_token` the check answered: the comment was posted after a nudge."""
    nudged = body.get("nudged", False)
    if not isinstance(nudged, bool):
        raise ValidationError("nudged must be true or false", "nudged", code="wrong_type")
    token = None if body.get("check_token") is None else _string(body, "check_token", max_len=64)
    if token is not None and not SHA256_RE.match(token):
        raise ValidationError("check_token must be the 64 hex characters comments:check answered", "check_token",
                              code="invalid_format")
    if nudged and token is None:
        raise ValidationError("check_token is required with nudged: true (the check answer carries it)",
                              "check_token", code="missing_field")
    return {"nudged": nudged, "check_token": token}


def _check_formats(comment):
    if comment["ip"] is not None:
        try:
            address = ipaddress.ip_address(comment["ip"])
        except ValueError as exc:
            raise ValidationError("ip is not an IPv4 or IPv6 address", "ip", code="invalid_format") from exc
        comment["ip_key"] = address_key(address)  # what its limits count by, from this parse (comment_hits)
    check_http_url(comment["url"], "url")
    check_http_url(comment["article_url"], "article_url")
    # article_id and author.id as GET/PUT /api/v1/articles|authors/<id> take them: one with a control character was
    # stored, and its article's mode or its author's standing could then never be read or set
    author_id = (comment["author"] or {}).get("id")
    for name, value in (("article_id", comment["article_id"]), ("parent_id", comment["parent_id"]),
                        ("article_title", comment["article_title"]), ("author.id", author_id)):
        if value is not None and CONTROL_RE.search(value):
            raise ValidationError(f"{name} contains control characters", name, code="invalid_text")
    check_date_time(comment["created_at"], "created_at")
    if comment["article_category"] is not None and not SLUG_RE.match(comment["article_category"]):
        raise ValidationError("article_category must be a slug: a-z, 0-9, '_' or '-', 1-64 characters",
                              "article_category", code="invalid_format")
    if comment["lang"] is not None and not LANG_RE.match(comment["lang"]):
        raise ValidationError("lang must be a language tag such as ja or en-US", "lang", code="invalid_format")
