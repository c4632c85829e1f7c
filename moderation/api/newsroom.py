"""The moderation API for newsroom tools: a moderator's bearer token claims cards (POST /queue:claim), reads
what it holds (GET /queue, which never leases) and decides them.

Tokens come from `python -m moderation moderator token NAME` (store/moderator_tokens.py). A token acts as its
moderator: only their sites, leases like the review page's, and decisions through the page's own code path
(moderation/decisions.py), so exactly-once, the audit entry, the webhook and the training label are the same.
"""

import functools

from flask import Blueprint, g, jsonify, request

from moderation import settings, times
from moderation.api.api_keys import configured_sites
from moderation.api.validation import parse_json_body
from moderation.decisions import FILTER_LABELS, ORDERS, claim, decide, message_of, ordered, sites_for
from moderation.errors import AlreadyDecided, ApiError, ClaimedByOther, NotFound, Unauthorized, ValidationError
from moderation.store.moderator_tokens import get_tokens, token_id
from moderation.store.moderators import get_moderators
from moderation.store.review_queue import get_queue
from moderation.times import app_now_ms

bp = Blueprint("newsroom", __name__, url_prefix="/api/v1/moderation")

OUTCOMES = ("approve", "reject")
MAX_ITEMS = 50


def _unauthorized(message):
    return Unauthorized(message, "Authorization", headers={"WWW-Authenticate": 'Bearer realm="moderation"'})


def require_moderator_token(view):
    """Decorator: g.moderator is the live, enabled account of the request's bearer token, or 401."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise _unauthorized("a moderator token is required: Authorization: Bearer <token>")
        name = get_tokens().name_for(token.strip())
        account = get_moderators().get(name) if name else None
        if account is None or account["disabled"]:
            raise _unauthorized("unknown, revoked or disabled moderator token")
        g.moderator, g.moderator_token = account, token.strip()
        return view(*args, **kwargs)

    return wrapped


def _sites(value):
    """The sites a request works on: the one named (404 unless it is the token's moderator's), or all of theirs."""
    mine = sites_for(g.moderator)
    if value is None:
        return mine
    if not isinstance(value, str) or value not in configured_sites() or value not in mine:
        raise NotFound("no such site among this moderator's sites", "site")
    return [value]


def _choice(body, name, allowed=None, default=""):
    value = body.get(name, default)
    if not isinstance(value, str):
        raise ValidationError(f"{name} must be a string", name)
    if allowed is not None and value not in allowed:
        choices = ", ".join(choice for choice in allowed if choice)
        raise ValidationError(f"{name} must be one of {choices}" + (" (or empty: any)" if "" in allowed else ""), name)
    if len(value) > 128:
        raise ValidationError(f"{name} must be at most 128 characters", name)
    return value


def _count(value):
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_ITEMS:
        raise ValidationError(f"n must be a whole number from 1 to {MAX_ITEMS}", "n")
    return value


def item(site, record, standing=None, article_mode=None):
    """One claimed comment as the API shows it: data only (a tool renders the text as text)."""
    return {
        "author_standing": standing, "article_mode": article_mode,
        "site": site, "comment_id": record["id"], "text": record.get("text") or "",
        "article_id": record.get("article_id") or None, "article_title": record.get("article_title") or None,
        "article_url": record.get("article_url") or None, "parent_id": record.get("parent_id") or None,
        "author_id": record.get("author_id") or None, "author_name": record.get("author_name") or None,
        "labels": record.get("labels") or [], "scores": record.get("scores") or {},
        "categories": record.get("categories") or {}, "model_version": record.get("model_version") or None,
        "received_at": times.iso(record["received_at"]) if record.get("received_at") else None,
        "lease_until": times.iso(record["lease_until"]) if record.get("lease_until") else None,
    }


def _items(records_by_site, now):
    """The API's items for {site: records}, each with its author's standing and its article's mode."""
    items = []
    for site, records in records_by_site:
        queue, modes = get_queue(site), {}
        for record in records:
            article_id = record.get("article_id") or ""
            if article_id not in modes:
                found = queue.articles.get(article_id, now_ms=now) if article_id else None
                modes[article_id] = found["mode"] if found else ("open" if article_id else None)  # unregistered: open
            author = record.get("author_id")
            standing = queue.standing.get(author, now_ms=now)["standing"] if author else None
            items.append(item(site, record, standing, modes[article_id]))
    return items


def _answer(items):
    return jsonify({"moderator": g.moderator["name"], "lease_seconds": settings.get().lease_seconds,
                    "items": items})


@bp.get("/queue")
@require_moderator_token
def queue():
    """What the moderator holds now (their live claims), read only: a GET never leases, so a retry, a prefetch
    or a crawler takes nothing from the queue (POST /queue:claim does)."""
    sites = _sites(request.args.get("site"))
    held = [(site, ordered(get_queue(site).held(g.moderator["name"]), "risk")) for site in sites]
    return _answer(_items(held, app_now_ms()))


@bp.post("/queue:claim")
@require_moderator_token
def claim_queue():
    """Lease up to n open comments of the moderator's sites (their live claims first), like the review page."""
    sent = request.content_length or "HTTP_TRANSFER_ENCODING" in request.environ  # a chunked body declares no length
    body = parse_json_body(request) if sent else {}
    sites = _sites(body.get("site"))
    n, order = _count(body.get("n", 10)), _choice(body, "order", ORDERS, "risk")
    # "reported": a published comment readers' reports sent to review (GET /api/v1/queue counts it by that label)
    label, article = _choice(body, "label", ("", *FILTER_LABELS)), _choice(body, "article").strip()
    claimed, total, via = [], 0, token_id(g.moderator_token)
    via_until = get_tokens().runs_out_ms(g.moderator["name"], via)  # its cards come back when it runs out
    for site in sites:
        if total >= n:
            break
        records = claim(get_queue(site), g.moderator["name"], n - total, order=order, label=label, article=article,
                        via=via, via_until=via_until)
        claimed.append((site, records))
        total += len(records)
    _give_back_if_ended(claimed)
    return _answer(_items(claimed, app_now_ms()))


def _give_back_if_ended(claimed):
    """The token and its account are read again after leasing, as the page's claim reads its session: a disable,
    remove or revoke that landed after the check gives back what this claim leased (all the account holds, when it
    is disabled or gone; what the token took, when it alone was revoked) and answers 401. One that lands after this
    read finds the leases listed and releases them."""
    name = g.moderator["name"]
    account = get_moderators().get(name)
    if get_tokens().name_for(g.moderator_token) == name and account is not None and not account["disabled"]:
        return
    for site, _ in claimed:
        ended = account is None or account["disabled"]
        get_queue(site).release_held(name, ("disabled" if account else "removed") if ended else "revoked",
                                     via="" if ended else token_id(g.moderator_token))
    raise _unauthorized("the token was revoked, or its account disabled or removed, while it claimed")


def _site_of_comment(body, comment_id):
    """The site the comment is on: the one named, or the only one of the moderator's sites that has it (404)."""
    sites = _sites(body.get("site"))
    found = [site for site in sites if get_queue(site).summaries([comment_id])]
    if not found:
        raise NotFound("no such comment on this moderator's sites", "comment_id")
    if len(found) > 1:
        raise ValidationError("this comment id is on several of your sites: name the site", "site")
    return found[0]


@bp.post("/decisions")
@require_moderator_token
def decisions():
    """Approve or reject one comment once, as the review page's decide does."""
    body = parse_json_body(request)
    comment_id = body.get("comment_id")
    if not isinstance(comment_id, str) or not 1 <= len(comment_id) <= 128:
        raise ValidationError("comment_id must be a string of 1-128 characters", "comment_id")
    if body.get("outcome") not in OUTCOMES:
        raise ValidationError("outcome must be approve or reject", "outcome")
    reason = body.get("reason")
    if reason is not None and not isinstance(reason, str):
        raise ValidationError("reason must be a string", "reason")
    message = message_of(body)
    site = _site_of_comment(body, comment_id)
    try:
        record = decide(get_queue(site), comment_id, body["outcome"], reason, g.moderator["name"], message,
                        action_field="outcome")
    except (AlreadyDecided, ClaimedByOther) as error:
        return _conflict(error)
    except NotFound as error:
        raise NotFound("no such comment on this moderator's sites", "comment_id") from error
    except ApiError as error:
        if error.field == "id":
            error.field = "comment_id"
        raise
    return jsonify({"site": site, "comment_id": comment_id, "outcome": record.get("outcome"),
                    "reason": record.get("reason") or None, "moderator": record.get("decided_by"),
                    "decided_at": times.iso(record["decided_at"]) if record.get("decided_at") else None})


def _conflict(error):
    """409 naming who holds or decided the comment, so a tool can say so."""
    body = {**error.to_dict(), "field": "comment_id", "by": error.by}
    if isinstance(error, AlreadyDecided):
        body["outcome"] = error.outcome
    return jsonify({"error": body}), 409
