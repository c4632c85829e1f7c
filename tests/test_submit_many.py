"""A batch's SUBMIT_MANY stores what one SUBMIT per comment stores, and writes its counters and sets once."""

import contextlib
import time

import pytest
import redis

from moderation.store.articles import BreakerConfig
from moderation.store.author_standing import StandingConfig
from moderation.store.rate_limits import Charge
from moderation.store.review_queue import ReviewQueue, submissions
from moderation.store.review_queue.submissions import Limited

NOW = int(time.time() * 1000)


def _record(n, kind, author, article="art-1"):
    """A comment of one of three kinds: clean (allowed), held (review) or rejected (a strike for its author)."""
    decision = {"clean": "allow", "held": "review", "rejected": "reject"}[kind]
    labels = [] if kind == "clean" else ["abuse"]
    return {"id": f"c{n}", "site": "s", "article_id": article, "text": f"text {n}", "text_sha256": f"sha-{n}",
            "author_id": author, "author_name": "名前", "received_at": NOW - 1000 + n, "decision": decision,
            "status": submissions.STATUS[decision], "scores": {"spam": 0.01 * (n % 90), "abuse": 0.3},
            "labels": labels, "explanation": [], "model_version": "v-test", "risk": 0.01 * (n % 90)}


def _items(site, prefix):
    """40 comments (two scripts of 25 and 15): three articles, one of which the breaker closes part way; an author
    whose rejections suspend them; one comment sent twice; an author over a limit of 3 comments."""
    kinds = ["clean", "held", "clean", "rejected"]
    items = []
    for n in range(40):
        author = "troll" if n % 4 == 3 else ("busy" if n in (1, 5, 9, 13) else (f"r{n}" if n % 3 else None))
        article = "art-hot" if n in range(10, 20) else f"art-{n % 2}"
        kind = "held" if article == "art-hot" else kinds[n % 4]
        record = _record(26 if n == 33 else n, kind, author, article)  # c26 again: a replay inside the batch
        queued = record["decision"] == "review"
        limit = "3" if author == "busy" else "1000"
        counter = f"{prefix}{{{site}}}:rl:author:{author}"
        charge = Charge(["author"], [counter], [f"1|60000|{limit}"]) if author else None
        items.append((record, queued, charge))
    return items


def _queue(rdb, site, prefix):
    breaker = BreakerConfig({"min_comments": 4, "close_share": 0.9, "premoderate_share": 0.6})
    standing = StandingConfig({"warned": 1, "premoderated": 2, "suspended": 3})
    return ReviewQueue(rdb, site, prefix=prefix, breaker=breaker, standing=standing, now_ms=lambda: NOW)


def _state(rdb, site, prefix):
    """Every key of the site, by name without the site: its contents (a stream's entries without their ids and
    times, which the server's clock sets, a record without its call's token) and whether it expires."""
    out = {}
    for key in rdb.scan_iter(f"{prefix}{{{site}}}:*"):
        kind, name = rdb.type(key), key.replace(f"{{{site}}}", "{}")
        if kind == "hash":
            value = rdb.hgetall(key)
            value.pop("attempt", None)  # a record's submit call's random token (submit_lua: a lost answer's resend)
        elif kind == "zset":
            value = rdb.zrange(key, 0, -1, withscores=True)
        elif kind == "list":
            value = rdb.lrange(key, 0, -1)
        elif kind == "stream":
            value = [{k: v for k, v in fields.items() if k != "at"} for _, fields in rdb.xrange(key)]
        else:
            value = rdb.get(key)
        out[name] = (kind, value, rdb.ttl(key) > 0)
    return out


def test_a_batch_stores_what_one_submit_a_comment_stores(rdb, prefix):
    """Same comments, same order: submit() one at a time on one site, submit_many() on another; the answers and
    every key the two leave behind are the same (records, queue, counters, histogram, recent lists, the breaker's
    window and the mode it closed at, the author's standing and strikes, audit and events, the limit's counter)."""
    one, many = _queue(rdb, "one", prefix), _queue(rdb, "many", prefix)
    answers_one = [one.submit(r, queued=q, charge=c) for r, q, c in _items("one", prefix)]
    answers_many = many.submit_many(_items("many", prefix))

    def plain(answer):  # a refusal's ms left is the counter's PTTL, read a moment apart
        return ("limited", answer.position) if isinstance(answer, Limited) else answer

    assert [plain(a) for a in answers_many] == [plain(a) for a in answers_one]
    assert sum(isinstance(a, Limited) for a in answers_one) == 1  # busy's 4th comment
    assert answers_one[33] == (False, "sha-26")  # the replay
    state = _state(rdb, "one", prefix)
    assert _state(rdb, "many", prefix) == state
    assert state[f"{prefix}{{}}:art:art-hot"][1]["mode"] != "open"
    assert state[f"{prefix}{{}}:standing:troll"][1]["level"] == "suspended"


@pytest.mark.parametrize("fsync", ["done", pytest.param("pending", marks=pytest.mark.slow)])
def test_a_batch_writes_its_counters_and_sets_once(private_redis, fsync):
    """25 comments on one article in one script: one SUBMIT_MANY, the counters, the recent list and the index
    written once for all (a SUBMIT per comment made 25 of each), the site key's cost-0 limit read once. The calls
    are told apart by their function's name or script's sha (MONITOR): while the server's background fsync is
    pending (`pending`: held, as a busy disk holds it for a few ms), the batch waits for the append-only file with a
    CHECK script of its own, one EVALSHA a poll (store/append_only.py), which made INFO commandstats count 4 or 5
    EVALSHAs in loaded runs. The server takes only this test's clients (private_redis): a stray client's command is
    refused, not counted."""
    from tests.support.held_fsync import HeldFsync
    from tests.support.monitor import round_trips, stray_command

    rdb = redis.Redis.from_url(private_redis.url, decode_responses=True)
    breaker = BreakerConfig({"min_comments": 1000})
    queue = ReviewQueue(rdb, "x", prefix="m:", breaker=breaker, now_ms=lambda: NOW)
    warm = ReviewQueue(rdb, "w", prefix="m:", breaker=breaker, now_ms=lambda: NOW)  # the same scripts, loaded
    assert warm.submit_many([(_record(99, "clean", None), False, None)]) == [(True, "")]
    queue._submit_many.library.load(queue.record_key("c0"))  # the site's own: its fixed keys are its constants
    site_key = "m:{x}:rl:key:all"
    items = []
    for n in range(25):
        record = _record(n, "clean", None, "art-1")
        cost = "25" if n == 0 else "0"  # the batch charges the site's key on its first item, as the endpoint does
        items.append((record, False, Charge(["key"], [site_key], [f"{cost}|60000|1000"])))
    scripts = {queue._submit_many.name: "SUBMIT_MANY", queue.append_only._check.sha: "CHECK"}
    with HeldFsync(private_redis) if fsync == "pending" else contextlib.nullcontext():
        rdb.config_resetstat()
        assert stray_command(private_redis.port, "FCALL", queue._submit.name, "0").startswith(b"-NOAUTH")
        answers, sent = round_trips(rdb, lambda: queue.submit_many(items), scripts)
        # the commands its script ran (CHECK runs INFO only)
        calls = {name[8:]: stats["calls"] for name, stats in rdb.info("commandstats").items()}
        assert answers == [(True, "")] * 25
        # one round trip; besides, only the wait's checks (and the connection it may open: HELLO, CLIENT SETINFO)
        assert sent.count("SUBMIT_MANY") == 1 and set(sent) <= {"SUBMIT_MANY", "CHECK", "SCRIPT", "HELLO", "CLIENT"}, \
            sent
        assert fsync == "done" or "CHECK" in sent
        assert calls["lpush"] == 1 and rdb.llen("m:{x}:recent") == 25 and rdb.lindex("m:{x}:recent", 0) == "c24"
        assert calls["zadd"] == 1 and rdb.zrange("m:{x}:articles", 0, -1) == ["art-1"]
        # submitted:allow once, and each of the histogram's distinct fields (a comment's buckets joined) once
        buckets = rdb.hgetall(f"m:{{x}}:hist:{submissions._day(NOW // 86_400_000)}")
        assert calls["hincrby"] == 1 + len(buckets) and sum(map(int, buckets.values())) == 25
        assert all("|" in field for field in buckets)
        assert rdb.hget("m:{x}:stats", "submitted:allow") == "25"
        assert calls.get("get", 0) == 0 and calls["set"] == 1  # charged once, then read from the script's own count


@pytest.mark.parametrize("size", [1, 25, 26])
def test_a_batch_of_any_size_answers_every_comment_in_order(queue, rdb, prefix, size):
    """Scripts of submissions.MANY comments: one more past each MANY, each comment's answer in its place."""
    items = [(_record(n, "held" if n % 2 else "clean", None), n % 2 == 1, None) for n in range(size)]
    assert queue.submit_many(items) == [(True, "")] * size
    assert rdb.zcard(f"{prefix}{{test}}:ready") == size // 2
    assert rdb.llen(f"{prefix}{{test}}:recent") == size


@pytest.mark.parametrize("path", ["submit", "submit_many"])
def test_a_comment_whose_later_write_fails_is_still_queued(rdb, prefix, path):
    """A write failing after the record's (the events stream of the wrong type): the comment is answered with the
    error, and its record waits in the queue, so the client's retry, answered as a replay, acknowledges a comment
    that will be reviewed (SUBMIT once left the record pending in no ready set)."""
    queue = ReviewQueue(rdb, "s", prefix=prefix)
    rdb.set(queue._events, "not a stream")
    record = _record(1, "held", None)
    if path == "submit":
        with pytest.raises(redis.ResponseError):
            queue.submit(dict(record), queued=True)
    else:
        [answer] = queue.submit_many([(dict(record), True, None)])
        assert isinstance(answer, Exception), answer
    assert rdb.zrange(queue.key("ready"), 0, -1) == ["c1"]
    rdb.delete(queue._events)
    retried = queue.submit(dict(record), queued=True)
    assert rdb.zrange(queue.key("ready"), 0, -1) == ["c1"], retried


@pytest.mark.parametrize("path", ["held", "pipeline"])
def test_a_library_flushed_between_a_batchs_calls_resends_only_the_calls_it_failed(own_redis, prefix, path):
    """FUNCTION FLUSH (a failover to a server that never saw the site's library does the same) lands between a
    batch's two SUBMIT_MANY calls (a relay cuts the request after the first; the flush runs once its comments are
    stored): the second answers 'Function not found', the library is loaded again, and only that call is sent
    again. Answers and keys are those of one submit a comment, on both the held connection's path and a pipeline's
    (a single-connection client); the whole batch sent again charged the first call's 25 comments twice against
    their rate limits and answered them as replays."""
    from moderation.store.client import make_client
    from tests.support.relay import PausedRequest
    from tests.support.topologies import wait_until

    admin = own_redis.client()
    stored_first, flushed = f"{prefix}{{many}}:c:c24", []  # the first script's last comment

    def flush_once_stored():
        wait_until(lambda: admin.exists(stored_first), 5, "the first script's comments")
        admin.function_flush()
        flushed.append(admin.exists(f"{prefix}{{many}}:c:c25"))  # the second script's first: not yet

    relay = PausedRequest(own_redis.port, b"FCALL", after=1, pause=0, between=flush_once_stored).start()
    try:
        client = (make_client(relay.url, 2.0) if path == "held"
                  else redis.Redis.from_url(relay.url, decode_responses=True, single_connection_client=True))
        one, many = _queue(admin, "one", prefix), _queue(client, "many", prefix)
        answers_one = [one.submit(r, queued=q, charge=c) for r, q, c in _items("one", prefix)]
        many._submit_many.library.load(many.record_key("c0"))  # the site's own library: its keys are constants
        relay.arm()
        answers_many = many.submit_many(_items("many", prefix))
    finally:
        relay.stop()
    assert flushed == [0]  # the flush ran once, between the two scripts

    def plain(answer):
        return ("limited", answer.position) if isinstance(answer, Limited) else answer

    assert [plain(a) for a in answers_many] == [plain(a) for a in answers_one]
    assert answers_many[0] == (True, "") and answers_many[33] == (False, "sha-26")  # stored once, the replay a replay
    assert _state(admin, "many", prefix) == _state(admin, "one", prefix)



@pytest.mark.slow
def test_a_connection_dropped_between_a_batchs_scripts_resends_only_the_unanswered_one(private_redis, prefix):
    """The connection closes after the first of a batch's two SUBMIT_MANY scripts was answered and before the second
    reached the server (a relay cuts the exchange there): only the second is sent again (by the pipeline), and the
    answers and keys are those of one submit a comment. Before: the held path threw the first script's answers away
    and both were sent again (3 EVALSHAs for 2 scripts; the first script's 25 comments run twice)."""
    from moderation.store.client import make_client
    from tests.support.relay import CutRequest

    admin = private_redis.client()
    relay = CutRequest(private_redis.port, b"FCALL", after=1).start()
    try:
        client = make_client(f"redis://:{private_redis.password}@127.0.0.1:{relay.port}/0", 2.0)
        one, many = _queue(admin, "one", prefix), _queue(client, "many", prefix)
        answers_one = [one.submit(r, queued=q, charge=c) for r, q, c in _items("one", prefix)]
        many._submit_many.library.load(many.record_key("c0"))  # the site's own library: its keys are constants
        admin.config_resetstat()
        relay.arm()
        answers_many = many.submit_many(_items("many", prefix))
    finally:
        relay.stop()
    assert relay.dropped == 1
    assert admin.info("commandstats")["cmdstat_fcall"]["calls"] == 2  # each call once

    def plain(answer):
        return ("limited", answer.position) if isinstance(answer, Limited) else answer

    assert [plain(a) for a in answers_many] == [plain(a) for a in answers_one]
    assert _state(admin, "many", prefix) == _state(admin, "one", prefix)

def test_a_batch_leaves_the_recent_list_one_submit_a_comment_leaves(rdb, prefix):
    """The site's recent list past its trim point: 40 comments one SUBMIT each and in one batch (scripts of 25 and 15)
    leave the same ids, newest first (trimmed to RECENT_KEEP, the batch's 5090 + 25 ended at 5000 and one SUBMIT a
    comment, trimmed at its 11th, at 5029)."""
    from moderation.store.review_queue.staged_lua import RECENT_KEEP, RECENT_SLACK

    before = RECENT_KEEP + RECENT_SLACK - 10
    lists = []
    for site in ("one", "many"):
        queue = ReviewQueue(rdb, site, prefix=prefix, now_ms=lambda: NOW)
        rdb.lpush(queue._recent, *[f"old-{n}" for n in range(before)])
        items = [(_record(n, "held" if n % 3 else "clean", None), n % 3 != 0, None) for n in range(40)]
        if site == "one":
            assert [queue.submit(record, queued=queued) for record, queued, _ in items] == [(True, "")] * 40
        else:
            assert queue.submit_many(items) == [(True, "")] * 40
        lists.append(rdb.lrange(queue._recent, 0, -1))
    assert lists[1] == lists[0]
    assert len(lists[0]) == RECENT_KEEP + 1 + (before + 40 - RECENT_KEEP - 1) % RECENT_SLACK == 5030
    assert lists[0][:2] == ["c39", "c38"] and lists[0][40] == f"old-{before - 1}"


def test_the_article_index_keeps_its_latest_articles_on_both_paths(rdb, prefix):
    """The site's article index at its cap (Articles.MAX_INDEXED): a comment on a new article, one SUBMIT (which writes
    as it goes) or a batch (which flushes at its end), adds it and drops the oldest; one on an indexed article only
    moves it to the front (both at the queue's clock, NOW)."""
    from moderation.store.articles import Articles

    cap = Articles.MAX_INDEXED
    for site in ("one", "many"):
        queue = _queue(rdb, site, prefix)
        index = queue.articles.index_key()
        rdb.zadd(index, {f"art-old-{n}": NOW - 10_000_000 + n for n in range(cap)})
        items = [(_record(n, "clean", None, article), False, None) for n, article in ((1, "art-new"), (2, "art-old-5"))]
        if site == "one":
            assert [queue.submit(record, queued=queued) for record, queued, _ in items] == [(True, "")] * 2
        else:
            assert queue.submit_many(items) == [(True, "")] * 2
        assert rdb.zcard(index) == cap
        assert set(rdb.zrevrange(index, 0, 1)) == {"art-old-5", "art-new"} and rdb.zscore(index, "art-new") == NOW
        assert rdb.zscore(index, "art-old-0") is None and rdb.zscore(index, "art-old-1") is not None


def test_a_submit_or_a_batch_reads_the_servers_time_once(private_redis):
    """TIME in a function is the call's start, frozen for it (tests/test_fsync_skip.py): a held or rejected comment's
    event and the append-only check share one TIME (they read it apart: two a held SUBMIT, and a batch one a held
    comment plus one), an allowed comment's check reads it once. Counted by INFO commandstats on a server only this
    test's clients use."""
    rdb = redis.Redis.from_url(private_redis.url, decode_responses=True)
    queue = ReviewQueue(rdb, "x", prefix="m:", breaker=BreakerConfig({"min_comments": 1000}), now_ms=lambda: NOW)
    assert queue.submit(_record(90, "clean", None), queued=False) == (True, "")  # loads the library
    rdb.config_resetstat()
    for n, kind in enumerate(["held", "rejected", "clean", "held"]):
        assert queue.submit(_record(n, kind, f"a{n}"), queued=kind == "held") == (True, "")
    batch = [(_record(10 + n, kind, f"b{n}"), kind == "held", None) for n, kind in enumerate(["held", "rejected"] * 5)]
    assert queue.submit_many(batch) == [(True, "")] * 10
    calls = {name[8:]: stats["calls"] for name, stats in rdb.info("commandstats").items()}
    assert calls["fcall"] == 5 and calls["time"] == 5
    assert rdb.xlen("m:{x}:events") == 3 + 10  # each held or rejected comment's event was written
