"""SUBMIT writes an author's and an article's keys by the names their readers use: it builds them from the ids its
record carries and its library's key starts (K_AUTHOR, K_AUTHORED: submissions.submit_constants; K_STANDING,
K_STRIKES: author_standing; K_ART, K_ARTW: articles), not from keys it is sent, and writes none for a comment without
an author. On one server and (slow) on a Cluster, where each must be in the record's slot or the script fails."""

import uuid

from moderation.store.articles import BreakerConfig
from moderation.store.author_standing import StandingConfig
from moderation.store.rate_limits import RateLimiter
from moderation.store.review_queue import ReviewQueue

NOW = 1_796_000_000_000


def _record(comment_id, article_id, author_id, decision):
    record = {"id": comment_id, "site": "test", "article_id": article_id, "text": "テキスト", "text_sha256": "s",
              "author_id": author_id, "received_at": NOW, "decision": decision,
              "status": {"allow": "published", "reject": "rejected"}[decision], "scores": {"spam": 0.9},
              "labels": ["spam"] if decision == "reject" else [], "categories": {}, "explanation": [],
              "model_version": "v", "risk": 0.9, "article_category": "politics", "article_title": "題名"}
    return {name: value for name, value in record.items() if value is not None}


def _setup(redis_clients, prefix):
    rdb = redis_clients(1)[0]
    queue = ReviewQueue(rdb, "test", prefix=prefix, now_ms=lambda: NOW, breaker=BreakerConfig({"min_comments": 100}),
                        standing=StandingConfig({"enabled": True}))
    return rdb, queue, RateLimiter(rdb, {"key": (100, 60), "author": (100, 60)}, prefix)


def _keys_naming(rdb, prefix, name):
    return {key for key in rdb.scan_iter(match=f"{prefix}*", count=1000) if name in key}


def test_an_authors_and_an_articles_keys_are_the_ones_their_readers_name(redis_clients, prefix):
    rdb, queue, limiter = _setup(redis_clients, prefix)
    author, article = f"au-{uuid.uuid4().hex[:8]}", f"ar-{uuid.uuid4().hex[:8]}"
    for n, decision in enumerate(("allow", "reject")):
        charge = limiter.charge("test", [("key", "k", 1), ("author", author, 1)], now=NOW / 1000)
        created, _ = queue.submit(_record(f"c{n}", article, author, decision), queued=False, charge=charge)
        assert created
    standing, articles = queue.standing, queue.articles
    assert _keys_naming(rdb, prefix, author) == {
        queue.author_key(author), queue.authored_key(author), standing.standing_key(author),
        standing.strikes_key(author), limiter.charge("test", [("author", author, 1)], now=NOW / 1000).keys[0]}
    assert _keys_naming(rdb, prefix, article) == {articles.meta_key(article), articles.window_key(article)}
    # and they hold what their readers read
    assert queue.author_history(author)["submitted"] == 2
    assert rdb.lrange(queue.authored_key(author), 0, -1) == ["c1", "c0"]
    assert [s["comment_id"] for s in standing.get(author, now_ms=NOW)["strikes"]] == ["c1"]
    got = articles.get(article, now_ms=NOW)
    assert (got["category"], got["title"], got["window"]["comments"], got["window"]["flagged"]) == (
        "politics", "題名", 2, 1)


def test_a_comment_without_an_author_writes_no_authors_key(redis_clients, prefix):
    rdb, queue, limiter = _setup(redis_clients, prefix)
    charge = limiter.charge("test", [("key", "k", 1)], now=NOW / 1000)
    assert queue.submit(_record("c-anon", "ar-anon", None, "reject"), queued=False, charge=charge)[0]
    for part in (":author:", ":authored:", ":standing:", ":strikes:"):
        assert not _keys_naming(rdb, prefix, part), part
    assert rdb.hget(queue.record_key("c-anon"), "decision") == "reject"
    assert queue.articles.get("ar-anon", now_ms=NOW)["window"]["flagged"] == 1
