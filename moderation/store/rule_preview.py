"""A read-only look at the rules the submit script applies over the model (an article's mode, an author's
standing), so comments:check can say what posting would meet without the decay and breaker steps that write."""

from redis.exceptions import RedisError


def preview_rules(queue, article_id, author_id, now_ms):
    """(article mode, author standing or None) as stored now, in one round trip; a suspension that has ended
    reads as good (submit would recompute it from the strikes)."""
    pipe = queue.redis.pipeline(transaction=False)
    pipe.hget(queue.articles.meta_key(article_id), "mode")
    if author_id:
        pipe.hmget(queue.standing.standing_key(author_id), "level", "until")
    try:
        replies = pipe.execute()
    except RedisError:
        return "open", ("good" if author_id else None)  # a check is advice: it answers from the model alone
    mode = replies[0] or "open"
    if not author_id:
        return mode, None
    level, until = replies[1]
    level = level or "good"
    if level == "suspended" and until and 0 < int(until) <= now_ms:
        level = "good"
    return mode, level

