"""The site-facing JSON API: score a comment, queue it when flagged, report its status."""

import hashlib
import logging
import time
from datetime import UTC, datetime

from flask import Blueprint, g, jsonify, request

from moderation import settings
from moderation.api.api_keys import require_api_key
from moderation.api.validation import parse_comment, parse_json_body
from moderation.errors import ApiError, Conflict, NotFound, Unavailable, ValidationError
from moderation.scoring.manager import get_manager
from moderation.store import RedisError
from moderation.store.rate_limits import get_limiter
from moderation.store.review_queue import get_queue

bp = Blueprint("api", __name__, url_prefix="/api/v1")
log = logging.getLogger(__name__)

STATUS = {"allow": "published", "review": "pending", "reject": "rejected"}


def iso(ms):
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def public_view(record, *, full=False):
    """What the site sees of a stored record: the decision, and with `full` the moderation outcome."""
    body = {key: record.get(key) for key in ("id", "decision", "status", "scores", "labels", "model_version")}
    body["explanation"] = record.get("explanation", [])
    if full:
        body["article_id"] = record.get("article_id")
        body["received_at"] = iso(record["received_at"]) if record.get("received_at") else None
        body["moderation"] = None
        if record.get("outcome"):
            body["moderation"] = {
                "outcome": record["outcome"], "moderator": record.get("decided_by"),
                "decided_at": iso(record["decided_at"]), "reason": record.get("reason") or None,
            }
        elif record.get("status") == "pending":
            body["moderation"] = {"outcome": "pending", "claimed": record.get("queue_state") == "claimed"}
    return body


def build_record(site, comment, score):
    """A scored comment ready to store: the policy's decision, labels and risk beside the model's output."""
    decision, labels, risk = get_manager().policy.decide(score.scores)
    author = comment["author"] or {}
    return {
        "id": comment["id"], "site": site, "article_id": comment["article_id"], "text": comment["text"],
        "text_sha256": hashlib.sha256(comment["text"].encode()).hexdigest(),
        "author": comment["author"], "author_id": author.get("id"), "author_name": author.get("name"),
        "ip": comment["ip"], "user_agent": comment["user_agent"], "url": comment["url"],
        "created_at": comment["created_at"], "lang": comment["lang"],
        "received_at": int(time.time() * 1000), "decision": decision, "status": STATUS[decision],
        "scores": {k: round(float(v), 6) for k, v in score.scores.items()}, "labels": labels,
        "explanation": score.explanation, "model_version": score.model_version, "risk": round(risk, 6),
    }


def _replay(stored, record):
    """The stored answer for a repeated id, or 409 when the id now carries another text."""
    if stored.get("text_sha256") != record["text_sha256"]:
        raise Conflict("this id is already stored with a different text", "text", code="id_conflict")
    return public_view(stored)


def _unavailable():
    retry = str(settings.get().retry_after)
    return Unavailable("the review queue is unavailable; retry later", None, headers={"Retry-After": retry})


def outcome(site, record, result):
    """The answer for one submit: the new answer, the stored one for a repeated id, 409, or 503 for a comment
    that would be queued or rejected while Redis is unreachable (a clean one is still answered allow)."""
    try:
        if isinstance(result, Exception):
            raise result
        created, _ = result
        if created:
            return public_view(record)
        return _replay(get_queue(site).get(record["id"]) or {}, record)
    except RedisError:
        if record["decision"] != "allow":
            raise _unavailable() from None
        log.warning("redis unavailable: clean comment answered without a stored record")
        return public_view(record)


def handle(site, comment):
    """Score, decide and store one comment in one Redis round trip; a repeated id gets its stored answer."""
    manager = get_manager()
    record = build_record(site, comment, manager.active.score(comment["text"]))
    try:
        result = get_queue(site).submit(record, queued=record["decision"] == "review")
    except RedisError as error:
        result = error
    answer = outcome(site, record, result)
    if manager.shadow is not None:
        compare_shadow(manager, site, record)
    return answer


def compare_shadow(manager, site, record):
    """Score with the shadow model too and count where it would have decided otherwise; never affects the answer."""
    shadow = manager.shadow
    try:
        decision, _, _ = manager.policy.decide(shadow.score(record["text"]).scores)
        manager.registry.record_shadow(shadow.version, record["decision"], decision, site, record["id"])
    except RedisError:
        log.warning("shadow comparison not recorded: redis unavailable")


@bp.post("/comments")
@require_api_key
def submit_comment():
    comment = parse_comment(parse_json_body(request), text_limit=settings.get().text_limit)
    author_id = (comment["author"] or {}).get("id")
    get_limiter().check(g.site, [("key", "all", 1), ("author", author_id, 1), ("ip", comment["ip"], 1)],
                        now=time.time())
    return jsonify(handle(g.site, comment))


@bp.post("/comments:batch")
@require_api_key
def submit_batch():
    body = parse_json_body(request)
    items = body.get("comments")
    limit = settings.get().batch_limit
    if not isinstance(items, list) or not 1 <= len(items) <= limit:
        raise ValidationError(f"comments must be a list of 1-{limit} comments", "comments")
    get_limiter().check(g.site, [("key", "all", len(items))], now=time.time())
    parsed = []
    for item in items:
        try:
            parsed.append(parse_comment(item, text_limit=settings.get().text_limit))
        except ApiError as error:
            parsed.append(error)
    valid = [c for c in parsed if not isinstance(c, ApiError)]
    manager = get_manager()
    scores = manager.active.score_many([c["text"] for c in valid])
    records = [build_record(g.site, c, score) for c, score in zip(valid, scores, strict=True)]
    queued = [(r, r["decision"] == "review") for r in records]
    try:
        stored = iter(get_queue(g.site).submit_many(queued))  # one round trip for the whole batch
    except RedisError as error:
        stored = iter([error] * len(queued))
    pairs = iter(queued)
    results = []
    for index, comment in enumerate(parsed):
        try:
            if isinstance(comment, ApiError):
                raise comment
            record, _ = next(pairs)
            results.append({"index": index, **outcome(g.site, record, next(stored))})
            if manager.shadow is not None:
                compare_shadow(manager, g.site, record)
        except ApiError as error:
            results.append({"index": index, "id": _item_id(items[index]), "error": error.to_dict(),
                            "status": error.status})
    return jsonify({"results": results})


def _item_id(item):
    return item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None


@bp.get("/comments/<path:comment_id>")
@require_api_key
def get_comment(comment_id):
    try:
        record = get_queue(g.site).get(comment_id)
    except RedisError:
        raise _unavailable() from None
    if record is None:
        raise NotFound(f"no comment with id {comment_id!r} for this site", "id")
    return jsonify(public_view(record, full=True))


@bp.post("/comments/<path:comment_id>/reports")
@require_api_key
def report_comment(comment_id):
    """A reader's report, forwarded by the site: a label for retraining, and review once reported enough."""
    body = parse_json_body(request)
    reason = body.get("reason")
    if reason not in ("spam", "abuse", "other"):
        raise ValidationError("reason must be spam, abuse or other", "reason")
    reporter = body.get("reporter_id")
    if reporter is not None and (not isinstance(reporter, str) or not 1 <= len(reporter) <= 128):
        raise ValidationError("reporter_id must be a string of 1-128 characters", "reporter_id")
    get_limiter().check(g.site, [("key", "all", 1), ("author", reporter, 1)], now=time.time())
    try:
        result = get_queue(g.site).report(comment_id, reason, reporter or "",
                                          settings.get().report_threshold)
    except RedisError:
        raise _unavailable() from None
    return jsonify({"id": comment_id, "report": "accepted", "queued_for_review": result == "queued"}), 202


@bp.get("/queue")
@require_api_key
def queue_stats():
    try:
        return jsonify(get_queue(g.site).stats())
    except RedisError:
        raise _unavailable() from None
