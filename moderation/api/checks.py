"""POST /api/v1/comments:check: what submitting a draft would decide, and a nudge for the commenter before
posting it. Stores nothing and queues nothing: the only Redis write is its own rate-limit counter."""

import time

from flask import Blueprint, g, jsonify, request

from moderation import settings
from moderation.api.api_keys import require_api_key
from moderation.api.comment_records import build_record, comment_hits, record_context
from moderation.api.validation import parse_comment, parse_json_body
from moderation.nudges import nudge_for
from moderation.scoring.manager import get_manager
from moderation.store.rate_limits import get_limiter
from moderation.store.review_queue import get_queue
from moderation.store.rule_preview import preview_rules
from moderation.times import app_now_ms

bp = Blueprint("checks", __name__, url_prefix="/api/v1")

ANSWERED = ("decision", "scores", "categories", "labels", "model_version", "explanation", "article_category")


def check(site, comment, now=None):
    """The submit path's own scoring and decision for `comment`, the nudge, and the token to post it with."""
    now = time.time() if now is None else now
    serving = get_manager().serving  # one model and policy throughout
    policy = serving.policy_for(site)
    score = serving.active.score(comment["text"])
    queue = get_queue(site)
    record = build_record(site, comment, score, record_context(site, serving, queue))
    author = record["author_id"] if queue.standing.config["enabled"] else None  # standing off: not read
    mode, standing = preview_rules(queue, record["article_id"], author, app_now_ms())
    record["decision"], reason = apply_rules(record["decision"], record["trusted_decision"], mode, standing)
    category = record["article_category"]
    rule, _ = policy.rule_for(category, now)
    harms = policy.harms({**score.scores, **score.categories}, now, category)
    answer = {name: record[name] for name in ANSWERED}
    answer.update(id=comment["id"], check_token=record["text_sha256"], reason=reason, article_mode=mode,
                  author_standing=standing,
                  category_policy=rule.category if rule is not None else None,
                  nudge=nudge_for(comment["text"], record["decision"], harms, score.explanation, rule))
    return answer


def apply_rules(decision, trusted_decision, mode, standing):
    """The submit script's overrides, in its order: (decision, reason or None); standing None when not kept."""
    reason = None
    if mode == "closed":
        decision, reason = "reject", "article_closed"
    elif mode == "premoderated" and decision == "allow":
        decision, reason = "review", "article_premoderated"
    if standing is not None:
        if standing == "suspended" and mode != "closed":
            decision, reason = "reject", "author_suspended"
        elif standing == "premoderated" and decision == "allow":
            decision, reason = "review", "author_premoderated"
        elif standing == "trusted" and reason is None and trusted_decision:
            decision, reason = trusted_decision, "author_trusted"
    return decision, reason


@bp.post("/comments:check")
@require_api_key
def check_comment():
    """Counted against MODERATION_CHECK_RATE_LIMITS (not the comments' limits), then scored and decided."""
    comment = parse_comment(parse_json_body(request), text_limit=settings.get().text_limit, require_id=False)
    get_limiter("check:").check(g.site, comment_hits(comment), now=time.time())
    answer = check(g.site, comment)
    g.checked = "nudge" if answer["nudge"] else "none"  # counted by ops/metrics.py
    return jsonify(answer)
