"""POST /api/v1/comments:check: what submitting a draft would decide, and a nudge for the commenter before
posting it. Stores nothing and queues nothing: the only Redis write is its own rate-limit counter."""

import time

from flask import Blueprint, g, jsonify, request

from moderation import settings
from moderation.api.api_keys import require_api_key
from moderation.api.comments import build_record, comment_hits
from moderation.api.validation import parse_comment, parse_json_body
from moderation.nudges import nudge_for
from moderation.scoring.manager import get_manager
from moderation.store.rate_limits import get_limiter

bp = Blueprint("checks", __name__, url_prefix="/api/v1")

ANSWERED = ("decision", "scores", "categories", "labels", "model_version", "explanation", "article_category")


def check(site, comment, now=None):
    """The submit path's own scoring and decision for `comment`, the nudge, and the token to post it with."""
    now = time.time() if now is None else now
    policy = get_manager().policy_for(site)
    score = get_manager().active.score(comment["text"])
    record = build_record(site, comment, score)
    category = record["article_category"]
    rule, _ = policy.rule_for(category, now)
    harms = policy.harms({**score.scores, **score.categories}, now, category)
    answer = {name: record[name] for name in ANSWERED}
    answer.update(id=comment["id"], check_token=record["text_sha256"],
                  category_policy=rule.category if rule is not None else None,
                  nudge=nudge_for(comment["text"], record["decision"], harms, score.explanation, rule))
    return answer


@bp.post("/comments:check")
@require_api_key
def check_comment():
    """Counted against MODERATION_CHECK_RATE_LIMITS (not the comments' limits), then scored and decided."""
    comment = parse_comment(parse_json_body(request), text_limit=settings.get().text_limit, require_id=False)
    get_limiter("check:").check(g.site, comment_hits(comment), now=time.time())
    answer = check(g.site, comment)
    g.checked = "nudge" if answer["nudge"] else "none"  # counted by ops/metrics.py
    return jsonify(answer)
