"""Coral's external moderation phase: POST /api/v1/coral/moderate, signed by Coral, answered in milliseconds.

Coral POSTs ``{action, comment: {body, parentID}, author: {id, role}, story: {id, url}, site: {id},
tenantID, tenantDomain}`` (older releases: ``tenant: {id, domain}``) with ``X-Coral-Signature:
sha256=<hex>`` (HMAC-SHA256 of the raw body with the phase's signing secret; several comma-separated
signatures while a secret rotates). Secrets per site: MODERATION_CORAL_SECRETS = '{"site": "secret"}'.
The answer is 204 (no opinion: the comment is clean) or 200 with FLAG actions and a status (PREMOD to
hold it for Coral's moderators, REJECTED at very high confidence), decided by the site's policy over spam,
abuse and every harm category as the API decides (a category maps to COMMENT_DETECTED_TOXIC; its
probabilities are in the X-Moderation-Categories header, integrations/verdict.py). Comments are scored, not
stored: Coral keeps its own queue.
"""

import hashlib
import hmac
import json
import re
import unicodedata
from html import unescape

from flask import Blueprint, g, jsonify, request

from moderation import settings
from moderation.errors import Unauthorized, ValidationError
from moderation.integrations.verdict import verdict

bp = Blueprint("coral", __name__, url_prefix="/api/v1/coral")

REASONS = {"abuse": "COMMENT_DETECTED_TOXIC", "spam": "COMMENT_DETECTED_SPAM"}
STATUS = {"review": "PREMOD", "reject": "REJECTED"}
_BLOCK_TAGS = {"p", "div", "br", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr"}
_SKIP_TAGS = {"script", "style", "template"}


_TAG_NAME = re.compile(r"[A-Za-z][^\s/>]*")
# the rest of a tag up to its ">" or the end: possessive, and a quote opens a value only after "=", so one pass
_TAG_REST = re.compile(r"""(?:[^>"'=]++|=\s*+(?:"[^"]*+"|'[^']*+')|[="'])*+""")
_COMMENT_END = re.compile(r"--!?>")
_RAW_END = {name: re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE) for name in _SKIP_TAGS}


def _text_parts(body):
    """The text runs and block breaks of an HTML body, in one left-to-right pass that never rescans.

    Parsed as a browser tokenises: "<" opens a tag only before an ASCII letter ("</" before one), a tag or
    comment cut off by the end of the body hides the rest, script/style/template contents are skipped.
    """
    parts, i, n = [], 0, len(body)
    while i < n:
        j = body.find("<", i)
        if j < 0:
            parts.append(unescape(body[i:]))
            break
        if j > i:
            parts.append(unescape(body[i:j]))
        after = body[j + 1:j + 2]
        if body.startswith("<!--", j):
            end = _COMMENT_END.search(body, j + 2)
            i = end.end() if end else n
        elif after in ("!", "?") or (after == "/" and body[j + 2:j + 3] not in ("", ">")
                                     and not _is_letter(body[j + 2:j + 3])):
            k = body.find(">", j + 2)  # a doctype, processing instruction or bogus comment
            i = k + 1 if k >= 0 else n
        elif after == "/" and body[j + 2:j + 3] == ">":
            i = j + 3
        elif _is_letter(after) or (after == "/" and _is_letter(body[j + 2:j + 3])):
            closing = after == "/"
            name = _TAG_NAME.match(body, j + 1 + closing)
            rest = _TAG_REST.match(body, name.end()).end()
            if rest >= n:  # a tag cut off by the end of the body
                break
            i = rest + 1
            tag = name.group().lower()
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            elif tag in _SKIP_TAGS and not closing:
                end = _RAW_END[tag].search(body, i)
                i = end.start() if end else n
        else:
            parts.append("<")
            i = j + 1
    return parts


def _is_letter(char):
    return char.isascii() and char.isalpha()


def html_to_text(body):
    """The readable text of an HTML comment body: tags dropped, entities decoded, blocks as line breaks."""
    if "<" not in body and "&" not in body:
        return body.strip()
    lines = (" ".join(line.split()) for line in "".join(_text_parts(body)).splitlines())
    return "\n".join(line for line in lines if line).strip()


def _secrets():
    return settings.get().coral_secrets


def signed_site(raw, header):
    """The site whose secret signed this body, or None; every secret and signature is compared."""
    signatures = [part.strip()[7:] for part in (header or "").split(",") if part.strip().startswith("sha256=")]
    found = None
    for site, secret in _secrets().items():
        expected = hmac.new(secret, raw, hashlib.sha256).hexdigest().encode()
        for candidate in signatures:
            if hmac.compare_digest(expected, candidate.encode()):
                found = site
    return found


@bp.post("/moderate")
def moderate():
    raw = request.get_data(cache=True)
    site = signed_site(raw, request.headers.get("X-Coral-Signature"))
    if site is None:
        raise Unauthorized("missing or invalid X-Coral-Signature", "X-Coral-Signature")
    g.site = site
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ValidationError("body is not valid JSON", "body", code="invalid_json") from exc
    comment = body.get("comment") if isinstance(body, dict) else None
    if not isinstance(comment, dict) or not isinstance(comment.get("body"), str):
        raise ValidationError("comment.body must be a string", "comment.body", code="missing_field")
    text = unicodedata.normalize("NFC", html_to_text(comment["body"]))
    text = text[: settings.get().text_limit]
    if not text.strip():
        return "", 204
    decision, labels, headers = verdict(site, text)  # a harm category over its threshold also labels abuse
    if decision == "allow":
        return "", 204, headers
    actions = [{"actionType": "FLAG", "reason": REASONS[label]} for label in labels if label in REASONS]
    return jsonify({"actions": actions, "status": STATUS[decision]}), 200, headers
