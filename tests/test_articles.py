"""Articles and their circuit breaker against a real Redis: counts in the submit's round trip, modes, webhooks."""

import json
import time

import pytest

from moderation import create_app
from moderation.integrations import outbox_worker
from moderation.settings import SettingsError
from moderation.store.articles import Articles, BreakerConfig
from moderation.store.breaker_lua import SLOTS
from moderation.store.review_queue import ReviewQueue
from tests.support.app import API_KEY, app_config
from tests.support.flagging import ABUSIVE, CLEAN, HOLD
from tests.test_outbox import SECRET, Receiver
from tests.test_requests import FakeClock

BREAKER = {"window_seconds": 60, "min_comments": 10, "premoderate_share": 0.3, "close_share": 0.6,
           "cooldown_seconds": 120}
AUTH = {"Authorization": f"Bearer {API_KEY}"}


@pytest.fixture
def clock():
    return FakeClock(1_800_000_000)


def breaker_app(make_app, clock, **extra):
    app = make_app(ARTICLE_BREAKER=json.dumps(BREAKER), RATE_LIMITS="", THRESHOLDS=HOLD, **extra)
    app.extensions["moderation.clock"] = clock
    return app


def post(client, comment, article, text, **fields):
    answer = client.post("/api/v1/comments", json=comment(text, article_id=article, **fields), headers=AUTH)
    assert answer.status_code == 200, answer.text
    return answer.get_json()


def mode_of(client, article):
    answer = client.get(f"/api/v1/articles/{article}", headers=AUTH)
    assert answer.status_code == 200, answer.text
    return answer.get_json()


def deliver(app, receiver, count, timeout=10.0):
    """Run the real outbox worker's passes until the receiver has `count` events."""
    deadline = time.monotonic() + timeout
    while len(receiver.accepted) < count and time.monotonic() < deadline:
        outbox_worker.run_worker(app, once=True)
    assert len(receiver.accepted) == count, [e["type"] for e in receiver.accepted]  # not waited out, not more
    return receiver.accepted


def test_a_flooded_article_is_premoderated_then_closed_and_reopens_after_the_cool_down(make_app, clock, comment):
    with Receiver() as receiver:
        app = breaker_app(make_app, clock, WEBHOOKS={"test": {"url": receiver.url, "secret": SECRET}}, DEMO=True)
        client = app.test_client()
        assert post(client, comment, "other", ABUSIVE)["decision"] == "review"  # the model's own: flagged
        for _ in range(10):
            assert post(client, comment, "hot", CLEAN)["decision"] == "allow"
        decisions = [post(client, comment, "hot", ABUSIVE) for _ in range(5)]
        assert [d["reason"] for d in decisions[:4]] == [None] * 4  # 4 of 14 flagged: under 0.3
        assert mode_of(client, "hot")["mode"] == "premoderated"  # the fifth: 5 of 15
        held = post(client, comment, "hot", CLEAN)
        assert (held["decision"], held["status"], held["reason"]) == ("review", "pending", "article_premoderated")
        for _ in range(12):  # (5 + 12) of (16 + 12) = 0.607: past close_share
            post(client, comment, "hot", ABUSIVE)
        article = mode_of(client, "hot")
        assert (article["mode"], article["set_by"]) == ("closed", "breaker")
        assert article["window"]["comments"] == 28 and article["window"]["flagged"] == 17
        assert article["window"]["harms"]["abuse"] == 17
        closed = post(client, comment, "hot", CLEAN)
        assert (closed["decision"], closed["status"], closed["reason"]) == ("reject", "rejected", "article_closed")
        batch = client.post("/api/v1/comments:batch", headers=AUTH, json={"comments": [
            comment(CLEAN, article_id="hot"), comment(CLEAN, article_id="calm")]}).get_json()["results"]
        assert [(r["decision"], r["reason"]) for r in batch] == [("reject", "article_closed"), ("allow", None)]
        assert mode_of(client, "calm")["mode"] == "open" and mode_of(client, "other")["mode"] == "open"

        clock.now += 90  # the window has passed but not the cool-down: still closed
        assert post(client, comment, "hot", CLEAN)["reason"] == "article_closed"
        clock.now += 40  # 130 s after closing, the window holds one clean comment: no evidence, back to open
        assert mode_of(client, "hot")["mode"] == "open"
        assert post(client, comment, "hot", CLEAN)["decision"] == "allow"

        events = [e for e in deliver(app, receiver, 25) if e["type"] == "article.mode_changed"]
        assert [(e["data"]["previous"], e["data"]["mode"]) for e in events] == [
            ("open", "premoderated"), ("premoderated", "closed"), ("closed", "open")]
        assert events[1]["data"]["article_id"] == "hot" and events[1]["data"]["set_by"] == "breaker"
        assert events[1]["data"]["flagged"] == 17 and events[1]["data"]["comments"] == 28
        rejected = [e for e in receiver.accepted if e["type"] == "comment.rejected_automatically"]
        assert rejected and all(e["data"]["reason"] == "article_closed" for e in rejected)
    queue = app.extensions["moderation.queues"]["test"]
    audit = [e for e in queue.audit(200, article_id="hot") if e["action"] == "article_mode"]
    assert [(e["from"], e["to"], e["by"]) for e in reversed(audit)] == [
        ("open", "premoderated", "breaker"), ("premoderated", "closed", "breaker"), ("closed", "open", "breaker")]


def test_a_mode_a_person_set_is_never_undone_by_the_breaker(make_app, clock, comment):
    app = breaker_app(make_app, clock)
    client = app.test_client()
    put = client.put("/api/v1/articles/quiet", headers=AUTH, json={
        "title": "選挙特集", "url": "https://news.example/quiet", "category": "politics",
        "published_at": "2026-11-29T09:00:00+09:00", "mode": "premoderated", "by": "desk-editor", "note": "選挙期間"})
    assert put.status_code == 200, put.text
    assert (put.json["mode"], put.json["set_by"], put.json["set_by_name"]) == ("premoderated", "person", "desk-editor")
    assert put.json["title"] == "選挙特集" and put.json["category"] == "politics"
    for _ in range(12):
        assert post(client, comment, "quiet", CLEAN)["reason"] == "article_premoderated"
    clock.now += 3600
    assert post(client, comment, "quiet", CLEAN)["reason"] == "article_premoderated"
    for _ in range(20):  # a pile-on escalates past the person's floor ...
        post(client, comment, "quiet", ABUSIVE)
    assert mode_of(client, "quiet")["mode"] == "closed"
    clock.now += 3600  # ... and the cool-down brings it back to the person's mode, never to open
    article = mode_of(client, "quiet")
    assert (article["mode"], article["floor"]) == ("premoderated", "premoderated")
    assert post(client, comment, "quiet", CLEAN)["reason"] == "article_premoderated"

    closed = client.put("/api/v1/articles/quiet", headers=AUTH, json={"mode": "closed"}).json
    assert (closed["mode"], closed["set_by"], closed["title"]) == ("closed", "person", "選挙特集")
    clock.now += 86400
    for _ in range(15):
        assert post(client, comment, "quiet", CLEAN)["reason"] == "article_closed"
    assert mode_of(client, "quiet")["mode"] == "closed"
    reopened = client.put("/api/v1/articles/quiet", headers=AUTH, json={"mode": "open"}).json
    assert reopened["mode"] == "open" and reopened["window"]["comments"] == 0  # the breaker starts afresh
    assert post(client, comment, "quiet", CLEAN)["decision"] == "allow"


@pytest.mark.parametrize(("body", "field"), [
    ({"mode": "hidden"}, "mode"), ({"url": "javascript:alert(1)"}, "url"), ({"title": 5}, "title"),
    ({"published_at": "yesterday"}, "published_at"), ({"category": "x" * 65}, "category"),
    ({"category": "Politics"}, "category"),
    ({"title": "a\x07b"}, "title"),
])
def test_invalid_article_fields_are_named(client, body, field):
    answer = client.put("/api/v1/articles/a-1", headers=AUTH, json=body)
    assert answer.status_code == 400 and answer.json["error"]["field"] == field, answer.text


def test_an_unknown_article_is_404_and_the_api_needs_a_key(client):
    answer = client.get("/api/v1/articles/never-seen", headers=AUTH)
    assert answer.status_code == 404 and answer.json["error"]["field"] == "article_id"
    assert client.get("/api/v1/articles/never-seen").status_code == 401


@pytest.mark.parametrize("spec", ['{"window_seconds": ', '{"close_share": 2}', '{"min_comments": "many"}',
                                  '{"sites": {"test": {"premoderate_share": 0.9, "close_share": 0.5}}}',
                                  '{"categories": {"politics": {"bogus": 1}}}'])
def test_an_invalid_breaker_setting_stops_start_up_naming_it(tiny_model, redis_server, prefix, tmp_path, spec):
    with pytest.raises(SettingsError, match="MODERATION_ARTICLE_BREAKER"):
        create_app(app_config(tiny_model, redis_server.url, prefix, tmp_path, ARTICLE_BREAKER=spec))


def test_a_category_has_its_own_breaker_and_a_comments_category_is_learnt(make_app, clock, comment):
    """Politics trips after 4 comments, other articles after 10; the comment's article_category picks the rule."""
    app = make_app(RATE_LIMITS="", THRESHOLDS=HOLD, ARTICLE_BREAKER=json.dumps(
        {**BREAKER, "categories": {"politics": {"min_comments": 4}}}))
    app.extensions["moderation.clock"] = clock
    client = app.test_client()
    for article, category in (("election", "politics"), ("baseball", "sports")):
        post(client, comment, article, CLEAN, article_category=category)
        for _ in range(3):
            post(client, comment, article, ABUSIVE, article_category=category)
    election, baseball = mode_of(client, "election"), mode_of(client, "baseball")
    assert (election["mode"], election["category"], election["breaker"]["min_comments"]) == ("closed", "politics", 4)
    assert (baseball["mode"], baseball["category"], baseball["breaker"]["min_comments"]) == ("open", "sports", 10)


def test_configuration_layers_per_site_and_category():
    config = BreakerConfig({"min_comments": 5, "categories": {"politics": {"close_share": 0.4}},
                            "sites": {"news": {"window_seconds": 60, "categories": {"sports": {"min_comments": 50}}}}})
    assert config.for_site("other")["min_comments"] == 5 and config.for_site("other", "politics")["close_share"] == 0.4
    politics = config.for_site("news", "politics")
    assert (politics["window_seconds"], politics["close_share"], politics["min_comments"]) == (60, 0.4, 5)
    assert config.for_site("news", "sports")["min_comments"] == 50
    assert config.for_site("news", "unknown") == config.for_site("news")


def record(comment_id, article, flagged):
    return {"id": comment_id, "site": "test", "article_id": article, "text": "t", "text_sha256": "s",
            "received_at": 1_000, "decision": "review" if flagged else "allow",
            "status": "pending" if flagged else "published",
            "scores": {"spam": 0.1, "abuse": 0.9 if flagged else 0.1}, "labels": ["abuse"] if flagged else [],
            "explanation": [], "model_version": "v", "risk": 0.5}


def test_the_breaker_steps_down_only_under_the_release_share(rdb, prefix):
    """Hysteresis: after the cool-down a share between release_ratio x threshold and the threshold keeps the mode."""
    now = [10_000_000]
    config = BreakerConfig({**BREAKER, "window_seconds": 1200, "cooldown_seconds": 60})
    queue = ReviewQueue(rdb, "test", prefix=prefix, breaker=config, now_ms=lambda: now[0])
    for n in range(7):
        queue.submit(record(f"c{n}", "h", False), queued=False)
    for n in range(3):
        queue.submit(record(f"f{n}", "h", True), queued=True)
    assert queue.articles.get("h", now_ms=now[0])["mode"] == "premoderated"  # 3 of 10
    now[0] += 61_000
    for n in range(10):  # 3 of 20 = 0.15: exactly the release share, not under it
        answered = record(f"d{n}", "h", False)
        queue.submit(answered, queued=False)
        assert answered["decision_reason"] == "article_premoderated"
    answered = record("last", "h", False)
    queue.submit(answered, queued=False)  # 3 of 21 < 0.15: steps down, and this comment is published
    assert answered["decision"] == "allow" and answered["article_mode"] == "open"
    assert queue.get("last")["status"] == "published" and queue.get("d0")["status"] == "pending"


def test_the_article_index_orders_articles_by_their_first_comment_in_the_latest_bucket(rdb, prefix):
    """The site's article index (the articles page's latest articles) is written at an article's first comment in a
    window bucket, not at each: within a bucket, articles are ordered by their first comment in it; a comment in a
    later bucket moves its article to the front, also after a page's check moved the window on without a comment."""
    width = BREAKER["window_seconds"] * 1000 // SLOTS
    start = 40_000 * width
    now = [start]
    queue = ReviewQueue(rdb, "test", prefix=prefix, breaker=BreakerConfig(BREAKER), now_ms=lambda: now[0])
    index = queue.articles.index_key()
    for n, (at, article) in enumerate([(0, "a"), (1_000, "b"), (2_000, "a"), (3_000, "b")]):
        now[0] = start + at
        queue.submit(record(f"i{n}", article, False), queued=False)
    assert rdb.zrevrange(index, 0, -1, withscores=True) == [("b", start + 1_000), ("a", start)]
    assert queue.articles.recent() == ["b", "a"]
    now[0] = start + width + 100  # the next bucket: a's comment is its first there
    queue.submit(record("i4", "a", True), queued=True)
    assert rdb.zrevrange(index, 0, -1, withscores=True) == [("a", start + width + 100), ("b", start + 1_000)]
    now[0] = start + 2 * width
    queue.articles.check("b", now_ms=now[0])  # the window moves on to this bucket, nothing counted
    now[0] += 50
    queue.submit(record("i5", "b", False), queued=False)
    assert queue.articles.recent() == ["b", "a"] and rdb.zscore(index, "b") == start + 2 * width + 50
    window = queue.articles.get("b", now_ms=now[0])["window"]
    assert (window["comments"], window["flagged"]) == (3, 0)  # the check counted nothing


def test_a_worker_behind_writes_the_index_at_its_comments_bucket_once(rdb, prefix):
    """A worker whose clock is behind counts in the window's newest bucket: after a page's check moved the window on
    without a comment, its comment is that bucket's first and puts the article in the index; a second one there
    does not write it again (once a bucket, as for a worker on time)."""
    width = BREAKER["window_seconds"] * 1000 // SLOTS
    start = 41_000 * width
    now = [start]
    queue = ReviewQueue(rdb, "test", prefix=prefix, breaker=BreakerConfig(BREAKER), now_ms=lambda: now[0])
    index, window_key = queue.articles.index_key(), queue.articles.window_key("b")
    queue.submit(record("k0", "b", False), queued=False)  # b's first comment in its bucket
    assert rdb.zscore(index, "b") == start
    queue.articles.check("b", now_ms=start + 2 * width)  # the window moves on two buckets, nothing counted
    assert rdb.hmget(window_key, "cur", "ix") == [str(start // width + 2), str(start // width)]
    now[0] = start + 500  # a worker behind: counted in the newest bucket, the first there
    queue.submit(record("k1", "b", False), queued=False)
    assert rdb.zscore(index, "b") == start + 500
    assert rdb.hget(window_key, "ix") == str(start // width + 2)
    now[0] = start + 600
    queue.submit(record("k2", "b", False), queued=False)
    assert rdb.zscore(index, "b") == start + 500
    window = queue.articles.get("b", now_ms=start + 2 * width)["window"]
    assert window["comments"] == 3  # k0 in its bucket, k1 and k2 in the newest


def test_an_articles_counters_take_fixed_memory(rdb, prefix):
    """Ring slots: however many comments and windows pass, the window hash keeps SLOTS slots of 3-4 fields."""
    now = [50_000_000]
    queue = ReviewQueue(rdb, "test", prefix=prefix, breaker=BreakerConfig(BREAKER), now_ms=lambda: now[0])
    for n in range(600):
        now[0] += 1_000
        queue.submit(record(f"m{n}", "busy", n % 3 == 0), queued=n % 3 == 0)
    window_key = Articles(rdb, "test", prefix).window_key("busy")
    assert rdb.hlen(window_key) <= SLOTS * 4
    assert rdb.memory_usage(window_key) < 2048
    assert 0 < rdb.pttl(window_key) <= 2 * 60_000 + SLOTS


def test_with_the_breaker_off_a_persons_mode_still_applies_and_nothing_is_counted(client, comment, rdb, prefix):
    """The test deployment's breaker is off: the window is not written, but a closed article rejects."""
    assert client.put("/api/v1/articles/night", headers=AUTH, json={"mode": "closed"}).status_code == 200
    answer = post(client, comment, "night", CLEAN)
    assert (answer["decision"], answer["reason"]) == ("reject", "article_closed")
    assert post(client, comment, "day", CLEAN)["decision"] == "allow"
    assert not rdb.exists(f"{prefix}{{test}}:artw:day") and not rdb.exists(f"{prefix}{{test}}:artw:night")
    assert mode_of(client, "night")["window"]["comments"] == 0


def test_a_comment_a_rule_holds_waits_for_the_replicas_like_any_held_comment(make_app, comment):
    """MIN_REPLICAS=1 and no replica: a clean comment is answered allow at once, but on a closed article the same
    comment is a rejection that must reach a replica first: 503, never an acknowledgement Redis may lose (so is the
    mode's change itself; made without MIN_REPLICAS here)."""
    app = make_app(REDIS_MIN_REPLICAS=1, REDIS_TIMEOUT=0.4, RATE_LIMITS="", THRESHOLDS=HOLD)
    client = app.test_client()
    assert post(client, comment, "a", CLEAN)["decision"] == "allow"
    assert client.put("/api/v1/articles/shut", headers=AUTH, json={"mode": "closed"}).status_code == 503
    closing = make_app(RATE_LIMITS="", THRESHOLDS=HOLD).test_client()
    assert closing.put("/api/v1/articles/shut", headers=AUTH, json={"mode": "closed"}).status_code == 200
    held = client.post("/api/v1/comments", headers=AUTH, json=comment(CLEAN, article_id="shut"))
    assert held.status_code == 503 and held.headers["Retry-After"], held.text


def test_the_window_counts_what_its_ring_holds_whatever_the_clock_does(rdb, prefix):
    """The window's counts after each comment, against the ring worked out here: the clock steps within a bucket,
    across a few, past the whole window and back (a worker behind counts in the newest bucket)."""
    never = {**BREAKER, "min_comments": 1_000_000}  # counts, never trips: the decisions stay the model's
    config = BreakerConfig(never)
    width = BREAKER["window_seconds"] * 1000 // SLOTS
    now = [70_000_000]
    queue = ReviewQueue(rdb, "test", prefix=prefix, breaker=config, now_ms=lambda: now[0])
    counted, newest = [], None  # (bucket it was counted in, flagged)
    steps = [0, 1_000, 2_000, width, 3 * width, -2 * width, 500, 11 * width, -width, 12 * width, 30 * width, 0,
             -5 * width, width // 2, 2 * width]
    for n, step in enumerate(steps * 3):
        now[0] += step
        flagged = n % 3 != 1
        queue.submit(record(f"w{n}", "ring", flagged), queued=flagged)
        bucket = now[0] // width
        newest = bucket if newest is None else max(newest, bucket)
        counted.append((newest, flagged))
        floor = max(newest, bucket) - SLOTS
        kept = [f for b, f in counted if b > floor]
        window = queue.articles.get("ring", now_ms=now[0])["window"]
        assert (window["comments"], window["flagged"]) == (len(kept), sum(kept)), (n, step)
        assert window["harms"] == ({"abuse": sum(kept)} if any(kept) else {})
