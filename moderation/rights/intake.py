"""A removal request as received: checked field by field, its comments resolved to ids, stored with its due date."""

import hashlib
import json
import re
import secrets
import time
import unicodedata
from urllib.parse import parse_qs, unquote, urlsplit

from moderation import settings
from moderation.api.validation import CONTROL_RE, IDEMPOTENCY_RE, split_url
from moderation.errors import ValidationError
from moderation.integrations.mail import is_mailbox
from moderation.rights.clock import DAY_MS, now_ms
from moderation.rights.links import on_site
from moderation.rights.name_addresses import names_an_address
from moderation.store.removal_requests import get_requests
from moderation.store.review_queue import get_queue
from moderation.times import iso

RIGHTS = ("reputation", "privacy", "portrait", "copyright", "other")
RELATIONS = ("self", "representative")
MAX_COMMENTS = 20
EXPLANATION_LIMIT = 4000
# Query parameters a site's comment URL may carry the comment id in (else the fragment, else the last segment).
ID_PARAMS = ("comment", "comment_id", "c")
# A bare id the service does not hold, accepted as given (a stored comment's id may be any text: it is found first).
BARE_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~@+=-]{0,127}\Z")


def _text(value, field, *, limit, required=True):
    """A trimmed, NFC-normalised one-field string, or a 400 naming the field."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(f"{field} is required", field, code="missing_field")
        return ""
    if not isinstance(value, str):
        raise ValidationError(f"{field} must be a string", field, code="wrong_type")
    if "\x00" in value or any(0xD800 <= ord(c) <= 0xDFFF for c in value):
        raise ValidationError(f"{field} contains a NUL or a lone surrogate", field, code="invalid_text")
    value = unicodedata.normalize("NFC", value.strip())
    if len(value) > limit:
        raise ValidationError(f"{field} is longer than {limit} characters", field, code="too_long")
    return value


# A name is one line of text: no control character, line or paragraph separator or bidirectional override, which
# would let it draw lines of its own in the mail it heads ("受付番号: ..."), or reorder the line it stands on.
ONE_LINE_BREAKERS_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def check_email(value):
    """One mailbox (mail.is_mailbox): the address the mail goes to, and no other."""
    value = _text(value, "requester.email", limit=254)
    if not is_mailbox(value) or ONE_LINE_BREAKERS_RE.search(value):
        raise ValidationError("requester.email must be an e-mail address", "requester.email", code="invalid_format")
    return value


def salutation(name):
    """The line a mail to the requester opens with: the name, or no name when it fails names_an_address (a request
    stored before intake refused those) -- the mail never carries a link the filer typed."""
    return f"{name} 様" if name and not names_an_address(name) else "ご依頼者様"


def check_name(value):
    """The requester's name, one line (ONE_LINE_BREAKERS_RE) and no address (names_an_address): the mails to the
    requester open with it."""
    value = _text(value, "requester.name", limit=200)
    if ONE_LINE_BREAKERS_RE.search(value):
        raise ValidationError("requester.name must be one line of text", "requester.name", code="invalid_text")
    if names_an_address(value):
        raise ValidationError("requester.name must be a name, not a URL, host name or e-mail address",
                              "requester.name", code="address_in_name")
    return value


def _candidates(reference):
    """The ids a comment reference may name: itself, or for an http(s) URL its query, fragment and last segment."""
    if not reference.lower().startswith(("http://", "https://")):
        return [reference]
    parts = urlsplit(reference)
    query = parse_qs(parts.query)
    found = [query[name][0] for name in ID_PARAMS if query.get(name)]
    if parts.fragment:
        fragment = unquote(parts.fragment)
        found += [fragment.removeprefix("comment-"), fragment]
    segment = unquote(parts.path.rstrip("/").rpartition("/")[2])
    if segment:
        found.append(segment)
    return [c for c in found if c and len(c) <= 128]


def _reference(reference, field):
    """A reference to a comment the service does not hold, kept as given: an http(s) URL with a host, or a bare id
    of letters, digits and -_.~@+= (what sites use); anything else (a sentence, javascript:...) is a 400."""
    if reference.lower().startswith(("http://", "https://")):
        host = urlsplit(reference).hostname if not any(c.isspace() for c in reference) else None
        if host and not CONTROL_RE.search(reference):
            return reference
    elif BARE_ID_RE.match(reference):
        return reference
    raise ValidationError(f"{field} is neither a comment of this site nor a comment URL or id", field,
                          code="invalid_reference")


def _splittable(reference, field):
    """An http(s) reference urllib can split, or a 400 naming its line: a bracket that opens no IPv6 address
    ("http://[x", "https://news.example]/c/1") makes urlsplit raise, in every check after this one."""
    if reference.lower().startswith(("http://", "https://")) and split_url(reference) is None:
        raise ValidationError(f"{field} is neither a comment of this site nor a comment URL or id", field,
                              code="invalid_reference")


def _check_host(reference, field, bases):
    """A URL reference must be one of the site's when SITE_URLS names its addresses: another host's URL names no
    comment of this site (an id in it could even match one of ours and have the wrong comment removed)."""
    if bases and reference.lower().startswith(("http://", "https://")) \
            and not any(on_site(reference, base) for base in bases):
        host = urlsplit(reference).hostname or ""
        raise ValidationError(f"{field} is a URL of {host or 'another address'}, not of this site "
                              f"({', '.join(bases)})", field, code="foreign_url")


def resolve_comments(site, references):
    """(stored comment ids, references to comments the service does not hold) for a list of ids or the site's
    comment URLs. A comment past the service's retention (a published one after PUBLISHED_TTL_DAYS) is still
    the site's and can still harm: its reference is kept as given for the moderators, never refused (unless it is a
    URL outside the site's address, SITE_URLS)."""
    if not isinstance(references, list) or not 1 <= len(references) <= MAX_COMMENTS:
        raise ValidationError(f"comments must be a list of 1-{MAX_COMMENTS} comment ids or URLs", "comments",
                              code="wrong_type")
    queue, ids, not_held = get_queue(site), [], []
    bases = settings.get().site_urls.get(site, ())
    for index, reference in enumerate(references):
        field = f"comments[{index}]"
        reference = _text(reference, field, limit=2048)
        _splittable(reference, field)
        _check_host(reference, field, bases)
        found = next((c for c in _candidates(reference) if queue.get(c) is not None), None)
        if found is None:
            reference = _reference(reference, field)
            if reference not in not_held:
                not_held.append(reference)
        elif found not in ids:
            ids.append(found)
    return ids, not_held


def parse_request(site, body):
    """The checked request fields from an API body or the public form (same names, same messages)."""
    requester = body.get("requester")
    if not isinstance(requester, dict):
        raise ValidationError("requester must be an object with name, email and relation", "requester",
                              code="missing_field" if requester is None else "wrong_type")
    relation = requester.get("relation")
    if relation not in RELATIONS:
        raise ValidationError("requester.relation must be self or representative", "requester.relation")
    right = body.get("right")
    if right not in RIGHTS:
        raise ValidationError(f"right must be one of {', '.join(RIGHTS)}", "right")
    return {
        "requester_name": check_name(requester.get("name")),
        "requester_email": check_email(requester.get("email")),
        "relation": relation,
        **dict(zip(("comments", "not_held"), resolve_comments(site, body.get("comments")), strict=True)),
        "right": right,
        "explanation": _text(body.get("explanation"), "explanation", limit=EXPLANATION_LIMIT),
        "statement": _text(body.get("statement"), "statement", limit=EXPLANATION_LIMIT, required=False),
    }


def new_id(now):
    """A receipt number a person can read out: R-<UTC date>-<8 random letters and digits>."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return f"R-{time.strftime('%Y%m%d', time.gmtime(now / 1000))}-{''.join(secrets.choice(alphabet) for _ in range(8))}"


def form_key(value, prefix="form:"):
    """The request form's submission token as an idempotency key of its own (prefixed: never an API client's), or
    None when absent or not one of ours (such a form is stored as sent, once per sending)."""
    if not isinstance(value, str) or not 16 <= len(value) <= 64 or not IDEMPOTENCY_RE.match(value):
        return None
    return prefix + value


def receive(site, fields, channel, idempotency=None):
    """Store a checked request: received now, due after REQUEST_DEADLINE_DAYS, its receipt mail queued for the worker
    (SMTP set) or its requester named in request.received (no SMTP: the site sends it). Returns the stored record;
    with an `idempotency` key already used for the same fields, the request first filed under it (one receipt)."""
    now = now_ms()
    record = {**fields, "id": new_id(now), "site": site, "status": "received", "channel": channel,
              "received_at": now, "due_at": now + int(settings.get().request_deadline_days * DAY_MS)}
    event = {"request_id": record["id"], "right": record["right"], "comment_ids": record["comments"],
             "not_held_references": record["not_held"], "due_at": iso(record["due_at"])}
    mailed = bool(settings.get().smtp_url)  # the outbox worker mails the receipt; else the site sends it
    if not mailed:
        event["requester"] = {"name": record["requester_name"], "email": record["requester_email"]}
    event["receipt"] = "smtp" if mailed else "webhook"
    fingerprint = hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()
    get_queue(site).keep(record["comments"])  # before the request exists: a record is never gone under an open one
    stored = get_requests(site).create(record, event, idempotency=(idempotency, fingerprint) if idempotency else None,
                                       receipt=mailed)
    return get_requests(site).get(stored)
