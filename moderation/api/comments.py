"""The site-facing JSON API's comment routes: score one or a batch, queue it when flagged, report its status and
take readers' reports; the record each answer is built from is api/comment_records.py's."""

import secrets
import time

from flask import Blueprint, g, jsonify, request

from moderation import settings
from moderation.api.api_keys import require_api_key
from moderation.api.comment_records import (
    build_record,
    comment_hits,
    compare_shadow,
    handle,
    nudge_outcome,
    outcome,
    public_view,
    record_context,
    stored_answer,
)
from moderation.api.validation import idempotency_key, parse_comment, parse_json_body
from moderation.errors import ApiError, NotFound, ValidationError
from moderation.labels import REASONS
from moderation.ops.proxies import limit_key, parse_address
from moderation.scoring.manager import get_manager
from moderation.store import RedisError
from moderation.store.rate_limits import RateLimited, get_limiter
from moderation.store.review_queue import get_queue
from moderation.store.review_queue.submissions import Limited

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.post("/comments")
@require_api_key
def submit_comment():
    """The route's reference path; api/fast_path.py answers the same request with the same three calls."""
    state = g._get_current_object()
    return jsonify(answer_comment(state, state.site, comment_of(parse_json_body(request))))


def comment_of(body):
    """A comment body's checked fields (400 naming the field)."""
    return parse_comment(body, text_limit=settings.get().text_limit)


def answer_comment(state, site, comment, meanwhile=None):
    """The answer to one valid comment; `state` (g) keeps what ops/metrics.py counts. With `meanwhile`: (the answer,
    meanwhile(the answer) or None), as handle() gives them."""
    answered = handle(site, comment, meanwhile)
    answer = answered if meanwhile is None else answered[0]
    state.decisions = ((answer["decision"], answer["labels"]),)
    state.nudged = [nudge_outcome(comment)]
    return answered


def init_app(app):
    """The site-facing API, and its fast path for POST /comments (api/fast_path.py) around the Flask app."""
    from moderation.api import fast_path

    app.register_blueprint(bp)
    fast_path.init_app(app)


def _charges(site, parsed, key_cost, now):
    """Each valid item's counters (or its RateLimited error); the site's key is charged the whole batch once,
    on the first item that is charged at all. Returns the charges and whether the key was charged."""
    limiter, out = get_limiter(), []
    limiter.charge(site, [("key", "all", key_cost)], now=now)  # refused at once when already over
    per_item = settings.get().batch_item_limits
    for comment in parsed:
        if isinstance(comment, ApiError):
            out.append(comment)
            continue
        try:
            hits = comment_hits(comment, key_cost) if per_item else [("key", "all", key_cost)]
            out.append(limiter.charge(site, hits, now=now))
            key_cost = 0
        except RateLimited as error:
            out.append(error)
    return out, key_cost == 0


@bp.post("/comments:batch")
@require_api_key
def submit_batch():
    """Score every valid item in one call, count its limits and store it in one pipeline for the whole batch;
    one answer or one error per item, in order. Over the site's key limit the whole batch is refused."""
    site = g.site  # read once: each g.site is werkzeug's proxy attribute lookup (~1-5 us), twice per batch item
    body = parse_json_body(request, max_length=settings.get().batch_max_content_length)
    items = body.get("comments")
    limit = settings.get().batch_limit
    if not isinstance(items, list) or not 1 <= len(items) <= limit:
        raise ValidationError(f"comments must be a list of 1-{limit} comments", "comments")
    now, text_limit = time.time(), settings.get().text_limit
    parsed = []
    for index, item in enumerate(items):
        try:
            if not isinstance(item, dict):  # no field of it to name: the item itself (it said "body", which was fine)
                raise ValidationError(f"comments[{index}] must be a JSON object", f"comments[{index}]",
                                      code="wrong_type")
            parsed.append(parse_comment(item, text_limit=text_limit))
        except ApiError as error:
            parsed.append(error)
    charges, key_charged = _charges(site, parsed, len(items), now)
    if not key_charged:
        get_limiter().check(site, [("key", "all", len(items))], now=now)
    todo = [(c, charge) for c, charge in zip(parsed, charges, strict=True) if not isinstance(charge, ApiError)]
    manager, queue = get_manager().serving, get_queue(site)  # one model and policy throughout
    scorer = manager.active
    scores = scorer.score_many([c["text"] for c, _ in todo])
    context = record_context(site, manager, queue)
    records = [build_record(site, c, score, context, explained=False)
               for (c, _), score in zip(todo, scores, strict=True)]
    held = [(record, score) for record, score in zip(records, scores, strict=True) if record["decision"] != "allow"]
    # the held comments' explanations with one compiled call for all their n-gram evidence
    for (record, _), explanation in zip(held, scorer.explain_many([score for _, score in held]), strict=True):
        record["explanation"] = explanation
    calls = [(r, r["decision"] == "review", charge) for r, (_, charge) in zip(records, todo, strict=True)]
    try:
        stored = queue.submit_many(calls)  # one round trip for the whole batch
    except RedisError as error:
        stored = [error] * len(calls)
    if stored and isinstance(stored[0], Limited) and calls[0][2].kinds[stored[0].position - 1] == "key":
        get_limiter().refuse(calls[0][2], *stored[0])  # the batch itself is over the site's limit
    answers = iter(zip(calls, stored, strict=True))
    results = []
    for index, charge in enumerate(charges):
        try:
            if isinstance(charge, RateLimited) and (stored := stored_answer(site, parsed[index])) is not None:
                results.append({"index": index, **stored})  # a retried item stored before: its answer, not 429
                continue
            if isinstance(charge, ApiError):
                raise charge
            (record, _, _), result = next(answers)
            results.append({"index": index, **outcome(site, record, result, charge)})
            if manager.shadow is not None:
                compare_shadow(manager, site, record)
        except ApiError as error:
            results.append({"index": index, "id": _item_id(items[index]), "error": error.to_dict(),
                            "status": error.status})
    g.decisions = [(r["decision"], r["labels"]) for r in results if "decision" in r]
    g.nudged = [record["nudged"] for record in records]
    return jsonify({"results": results})


def _item_id(item):
    return item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None


@bp.get("/comments/<path:comment_id>")
@require_api_key
def get_comment(comment_id):
    record = get_queue(g.site).get(comment_id)
    if record is None:
        raise NotFound(f"no comment with id {comment_id!r} for this site", "id")
    return jsonify(public_view(record, full=True))


@bp.post("/comments/<path:comment_id>/reports")
@require_api_key
def report_comment(comment_id):
    """A reader's report, forwarded by the site: a label for retraining, and review once reported enough."""
    body = parse_json_body(request)
    reason = body.get("reason")
    if reason not in REASONS:
        raise ValidationError("reason must be spam, abuse or other", "reason")
    reporter = body.get("reporter_id")
    if reporter is not None and (not isinstance(reporter, str) or not 1 <= len(reporter) <= 128):
        raise ValidationError("reporter_id must be a string of 1-128 characters", "reporter_id")
    address = body.get("ip")
    if address is not None and (not isinstance(address, str) or len(address) > 64 or parse_address(address) is None):
        raise ValidationError("ip is not an IPv4 or IPv6 address", "ip", code="invalid_format")
    key = idempotency_key(request.headers.get("Idempotency-Key"))
    if key is None and not reporter:  # nothing names this report: the service names it (README, the reports row)
        key = g.minted_idempotency_key = f"report-{secrets.token_urlsafe(16)}"  # its 503 hands it to the retry
    # a reporter's own counter (the author limit, not the author's comment counter: reporting must not cost the
    # reporter their next comment); without a reporter id, the reader's address (or the caller's) instead
    who = (("author", f"report:{reporter}", 1) if reporter
           else ("ip", f"report:{limit_key(address or request.remote_addr)}", 1))
    get_limiter().check(g.site, [("key", "all", 1), who], now=time.time())
    result = get_queue(g.site).report(comment_id, reason, reporter or "", settings.get().report_threshold, key=key)
    return jsonify({"id": comment_id, "report": "accepted", "queued_for_review": result == "queued"}), 202


@bp.get("/queue")
@require_api_key
def queue_stats():
    return jsonify(get_queue(g.site).stats())
