"""ReviewQueue against a real redis-server: atomic submit, ordering, claims, leases, decide-once, audit."""

import gc
import os
import socket
import struct
import threading
import time

import pytest
import redis

from moderation.decisions import claim
from moderation.errors import AlreadyDecided, ClaimedByOther, Conflict, NotFound
from moderation.store.keys import KeySpace
from moderation.store.records import risk_rank
from moderation.store.review_queue import ReviewQueue
from tests.support.windows import inside


def record(comment_id, risk=0.8, labels=("spam",), received_at=None, author="a1", article="art-1"):
    return {
        "id": comment_id, "site": "test", "article_id": article, "text": f"text of {comment_id}",
        "text_sha256": f"sha-{comment_id}", "author": {"id": author, "name": "名前"}, "author_id": author,
        "author_name": "名前", "received_at": received_at or int(time.time() * 1000), "decision": "review",
        "status": "pending", "scores": {"spam": risk, "abuse": 0.1}, "labels": list(labels),
        "explanation": [], "model_version": "v-test", "risk": risk,
    }


def test_key_layout_is_exact():
    keys = KeySpace("mod:")
    assert keys.site("news", "c", "42") == "mod:{news}:c:42"
    assert keys.site("news", "ready", "age") == "mod:{news}:ready:age"
    assert keys.plain("moderator", "hanako") == "mod:moderator:hanako"
    with pytest.raises(ValueError):
        keys.site("bad}site", "c")


def test_submit_writes_record_queue_and_audit_together(queue, rdb, prefix):
    created, _ = queue.submit(record("x1"), queued=True)
    assert created
    assert rdb.zscore(f"{prefix}{{test}}:ready", "x1") is not None
    assert rdb.zscore(f"{prefix}{{test}}:open", "x1") is not None
    assert rdb.hget(f"{prefix}{{test}}:c:x1", "queue_state") == "ready"
    assert [e["action"] for e in queue.audit_between(0, 2**53)] == ["queued"]
    assert not rdb.exists(f"{prefix}{{test}}:audit")  # in its event (one XADD: tests/test_audit_trail.py)
    assert queue.stats()["by_label"] == {"spam": 1}


def test_submit_twice_keeps_the_first(queue, rdb, prefix):
    assert queue.submit(record("x1"), queued=True) == (True, "")
    assert queue.submit(record("x1", risk=0.99), queued=True) == (False, "sha-x1")
    assert rdb.zcard(f"{prefix}{{test}}:ready") == 1
    assert queue.get("x1")["risk"] == 0.8


def test_clean_comment_is_stored_with_a_ttl_and_not_queued(queue, rdb, prefix):
    clean = record("ok1", risk=0.01, labels=())
    clean.update(decision="allow", status="published")
    queue.submit(clean, queued=False)
    assert rdb.zcard(f"{prefix}{{test}}:ready") == 0
    assert 29 * 86400 < rdb.ttl(f"{prefix}{{test}}:c:ok1") <= 30 * 86400


@pytest.mark.parametrize("ttl_days", [None, 7])
def test_decided_and_auto_rejected_records_expire_after_the_record_ttl(make_app, comment, rdb, prefix, ttl_days):
    """README: a decided record is kept MODERATION_RECORD_TTL_DAYS (90) after the decision, an automatically
    rejected one as long from its arrival, a pending one until it is decided."""
    from moderation.store.review_queue import get_queue
    from tests.support.app import API_KEY
    from tests.support.thresholds import FLAG_ALL, REJECT_ALL

    days = ttl_days or 90
    extra = {} if ttl_days is None else {"RECORD_TTL_DAYS": ttl_days}
    auth = {"Authorization": f"Bearer {API_KEY}"}
    rejected, held = comment(), comment()
    answer = make_app(THRESHOLDS=REJECT_ALL, **extra).test_client().post("/api/v1/comments", json=rejected,
                                                                          headers=auth)
    assert answer.json["decision"] == "reject", answer.text
    app = make_app(THRESHOLDS=FLAG_ALL, **extra)
    assert app.test_client().post("/api/v1/comments", json=held, headers=auth).json["decision"] == "review"
    key = f"{prefix}{{test}}:c:"
    assert rdb.ttl(key + held["id"]) == -1  # pending: kept until someone decides
    with app.app_context():
        get_queue("test").decide(held["id"], "reject", "hanako", "spam")
    for comment_id in (rejected["id"], held["id"]):
        assert days * 86400 - 60 < rdb.ttl(key + comment_id) <= days * 86400, comment_id


def test_order_is_highest_risk_then_oldest(queue):
    now = int(time.time() * 1000)
    queue.submit(record("low", 0.6, received_at=now - 50_000), queued=True)
    queue.submit(record("high-new", 0.9, received_at=now), queued=True)
    queue.submit(record("high-old", 0.9, received_at=now - 10_000), queued=True)
    assert [c["id"] for c in queue.claim("m1", 3)] == ["high-old", "high-new", "low"]
    assert risk_rank(0.9, now) < risk_rank(0.6, now - 50_000)


def test_oldest_first_and_filters(queue):
    now = int(time.time() * 1000)
    queue.submit(record("s-old", 0.6, ("spam",), received_at=now - 9000), queued=True)
    queue.submit(record("a-new", 0.9, ("abuse",), received_at=now, article="art-2"), queued=True)
    queue.submit(record("a-old", 0.7, ("abuse",), received_at=now - 5000), queued=True)
    assert [c["id"] for c in queue.claim("m1", 1, label="abuse")] == ["a-new"]
    assert [c["id"] for c in queue.claim("m2", 5, order="age")] == ["s-old", "a-old"]
    assert queue.claim("m3", 5, article_id="art-2") == []


class BeaconBetweenSteps(ReviewQueue):
    """The release beacon of the moderator's previous page lands between a filtered claim's two steps, once."""

    beacon = True

    def claim(self, moderator, n=10, **filters):
        records = super().claim(moderator, n, **filters)
        if self.beacon:
            self.beacon = False
            self.release_held(moderator, "pagehide")
        return records


def test_a_new_filters_claim_survives_the_previous_pages_release_beacon(rdb, prefix):
    """CI once saw a 409 here: the old page's claims were released by its beacon before the claim gave them back."""
    queue = BeaconBetweenSteps(rdb, "test", prefix=prefix)
    queue.submit(record("hot-1", article="hot"), queued=True)
    queue.submit(record("calm-1", article="calm"), queued=True)
    assert [c["id"] for c in ReviewQueue.claim(queue, "m1", 10, article_id="hot")] == ["hot-1"]  # the last page
    assert [r["id"] for r in claim(queue, "m1", 10, article="calm")] == ["calm-1"]
    assert queue.get("calm-1")["claimed_by"] == "m1"
    assert [c["id"] for c in ReviewQueue.claim(queue, "m2", 10)] == ["hot-1"]  # back in the queue for others


def test_two_moderators_never_hold_the_same_item(queue):
    for i in range(10):
        queue.submit(record(f"q{i}", 0.5 + i / 100), queued=True)
    first = {c["id"] for c in queue.claim("m1", 5)}
    second = {c["id"] for c in queue.claim("m2", 5)}
    assert len(first) == len(second) == 5 and not first & second
    # a moderator asking again gets their own claims back, not more
    assert {c["id"] for c in queue.claim("m1", 5)} == first


def test_concurrent_claimers_get_disjoint_items(redis_server, prefix):
    pool = [redis.Redis.from_url(redis_server.url, decode_responses=True) for _ in range(8)]
    ReviewQueue(pool[0], "test", prefix=prefix).submit(record("seed", 0.5), queued=True)
    for i in range(80):
        ReviewQueue(pool[0], "test", prefix=prefix).submit(record(f"c{i}", 0.5 + i / 1000), queued=True)
    barrier, results = threading.Barrier(8), {}

    def work(n):
        q = ReviewQueue(pool[n], "test", prefix=prefix)
        barrier.wait()
        results[n] = [c["id"] for c in q.claim(f"mod{n}", 10)]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    claimed = [i for ids in results.values() for i in ids]
    assert len(claimed) == 80 and len(set(claimed)) == 80


@pytest.mark.slow
def test_expired_lease_returns_the_item(rdb, prefix):
    def prepare(attempt):
        queue = ReviewQueue(rdb, "test", prefix=f"{prefix}{attempt}:", lease_seconds=1)
        queue.submit(record("lease"), queued=True)
        return queue

    queue, (first, second), _ = inside(1.0, prepare, lambda queue: (queue.claim("m1", 1), queue.claim("m2", 1)))
    assert [c["id"] for c in first] == ["lease"] and second == []
    time.sleep(1.1)
    assert [c["id"] for c in queue.claim("m2", 1)] == ["lease"]
    assert queue.get("lease")["claimed_by"] == "m2"
    actions = [e["action"] for e in reversed(queue.audit(10, comment_id="lease"))]
    assert actions == ["queued", "claimed", "lease_expired", "claimed"]


def test_decide_once(queue):
    queue.submit(record("d1"), queued=True)
    queue.claim("m1", 1)
    with pytest.raises(ClaimedByOther):
        queue.decide("d1", "approve", "m2")
    decided = queue.decide("d1", "reject", "m1", "spam")
    assert (decided["status"], decided["outcome"], decided["decided_by"]) == ("rejected", "rejected", "m1")
    with pytest.raises(AlreadyDecided) as info:
        queue.decide("d1", "approve", "m1")
    assert info.value.by == "m1" and info.value.outcome == "rejected"
    with pytest.raises(NotFound):
        queue.decide("missing", "approve", "m1")
    stats = queue.stats()
    assert stats["open"] == 0 and stats["by_label"]["spam"] == 0 and stats["counters"]["decided:rejected"] == 1
    assert queue.author_history("a1") == {"submitted": 1, "approved": 0, "rejected": 1}


def test_concurrent_decisions_exactly_one_wins(redis_server, prefix):
    setup = ReviewQueue(redis.Redis.from_url(redis_server.url, decode_responses=True), "test", prefix=prefix)
    wins, conflicts = [], []
    for n in range(20):
        setup.submit(record(f"race{n}"), queued=True)
        barrier = threading.Barrier(4)

        def work(who, cid=f"race{n}", barrier=barrier):
            q = ReviewQueue(redis.Redis.from_url(redis_server.url, decode_responses=True), "test", prefix=prefix)
            barrier.wait()
            try:
                q.decide(cid, "approve" if who % 2 else "reject", f"m{who}")
                wins.append(cid)
            except Conflict:
                conflicts.append(cid)

        threads = [threading.Thread(target=work, args=(w,)) for w in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert sorted(wins) == sorted(f"race{n}" for n in range(20))
    assert len(conflicts) == 60
    decisions = [e for e in setup.audit(500) if e["action"] in ("approved", "rejected")]
    assert len(decisions) == 20


def test_skip_undo_and_reopen(queue):
    queue.submit(record("u1"), queued=True)
    queue.claim("m1", 1)
    with pytest.raises(Conflict):
        queue.release("u1", "m2")
    queue.release("u1", "m1")
    assert queue.get("u1")["queue_state"] == "ready"
    queue.claim("m1", 1)
    queue.decide("u1", "approve", "m1")
    with pytest.raises(Conflict):
        queue.undo("u1", "m2")
    undone = queue.undo("u1", "m1")
    assert (undone["status"], undone["queue_state"], undone["claimed_by"]) == ("pending", "claimed", "m1")
    queue.decide("u1", "reject", "m1", "abuse")
    reopened = queue.reopen("u1", "boss", "wrong call")
    assert (reopened["status"], reopened["queue_state"]) == ("pending", "ready")
    assert queue.stats()["counters"] == {"submitted:review": 1, "decided:approved": 0, "decided:rejected": 0}
    actions = [e["action"] for e in reversed(queue.audit(20, comment_id="u1"))]
    assert actions == ["queued", "claimed", "released", "claimed", "approved", "undone", "rejected", "reopened"]
    assert queue.audit(5, moderator="boss")[0]["reason"] == "wrong call"


def test_status_changes_are_published_as_events(queue, rdb, prefix):
    queue.submit(record("e1"), queued=True)
    auto = record("e2")
    auto.update(decision="reject", status="rejected")
    queue.submit(auto, queued=False)
    queue.decide("e1", "approve", "m1")
    queue.reopen("e1", "boss")
    events = [f for _, f in rdb.xrange(f"{prefix}{{test}}:events")]
    assert [(e["type"], e["id"], e["status"]) for e in events] == [
        ("comment.queued", "e1", "pending"), ("comment.rejected_automatically", "e2", "rejected"),
        ("comment.approved", "e1", "published"), ("comment.reopened", "e1", "pending")]


class CountingScript:
    """A function (or registered script) that counts the calls taking redis-py's own path, to tell them from the
    direct one; its name, head and library are the function's."""

    def __init__(self, script):
        self.script, self.calls = script, 0

    def __getattr__(self, name):
        return getattr(self.script, name)

    def __call__(self, **kwargs):
        self.calls += 1
        return self.script(**kwargs)


@pytest.mark.slow
def test_submit_through_the_held_connection_survives_a_flushed_library_and_a_killed_connection(own_redis):
    """The submit's direct FCALL (store/held_connection.evalsha, on the process's held connection) answers as
    redis-py's own path would: a library the server forgot is loaded again, a connection the server dropped is
    replaced (that call through redis-py's path, the next ones direct again), the held connection is reused, not one
    per call, and nothing is stored twice."""
    from moderation.store.client import make_client

    rdb = make_client(own_redis.url, 0.3)  # the service's client: short timeouts, bounded retries
    queue = ReviewQueue(rdb, "test", prefix="fast:")
    admin = own_redis.client()

    # redis-py's own path (Function.__call__), taken only when the direct one cannot answer
    queue._submit = slow = CountingScript(queue._submit)
    assert queue.submit(record("f-0"), queued=True)[0] is True and slow.calls == 1  # a new server: loaded
    assert queue.submit(record("f-1"), queued=True)[0] is True and slow.calls == 1  # the direct path
    rdb.function_flush()  # as after a failover to a server that never saw the library
    assert queue.submit(record("f-2"), queued=True)[0] is True and slow.calls == 2
    gc.collect()  # the server fixture's start-up client, if still uncollected, closes now, not mid-count
    clients = len(admin.client_list())
    for i in range(20):
        assert queue.submit({**record(f"g-{i}"), "decision": "allow"}, queued=False)[0] is True
    assert len(admin.client_list()) == clients and slow.calls == 2  # one held connection, reused
    rdb.execute_command("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes")  # drops the held and pooled ones
    assert queue.submit(record("f-3"), queued=True)[0] is True and slow.calls == 3  # redis-py's path, once
    assert queue.submit(record("f-5"), queued=True)[0] is True and slow.calls == 3  # a new held connection
    admin.execute_command("CLIENT", "PAUSE", 700, "ALL")  # the answer times out: redis-py retries
    assert queue.submit(record("f-4"), queued=True) in ((True, ""), (False, "sha-f-4")) and slow.calls == 4
    assert queue.submit(record("f-4"), queued=True) == (False, "sha-f-4") and slow.calls == 4  # a replay
    assert [queue.get(f"f-{i}")["status"] for i in range(6)] == ["pending"] * 6  # each stored once
    assert rdb.zcard("fast:{test}:ready") == 6 and rdb.hget("fast:{test}:stats", "submitted:review") == "6"


@pytest.mark.slow
def test_the_held_connection_times_out_as_the_client_does_and_stores_once(own_redis):
    """The held connection's socket is blocking with the client's timeout in the kernel (no poll() per send and
    read): a server that does not answer within it gives the direct path up in about that time (the connection
    dropped, redis-py's path takes over), and the comment is stored once, later calls a replay."""
    from moderation.store.client import make_client
    from moderation.store.held_connection import _held_connection, evalsha_many

    rdb = make_client(own_redis.url, 0.3)
    queue = ReviewQueue(rdb, "test", prefix="slow:")
    admin = own_redis.client()
    assert queue.submit(record("t-0"), queued=True)[0] is True
    conn = _held_connection(rdb.connection_pool)
    sock = conn._sock
    assert sock.gettimeout() is None
    assert struct.unpack("ll", sock.getsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, 16)) == (0, 300_000)
    assert struct.unpack("ll", sock.getsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, 16)) == (0, 300_000)
    admin.execute_command("CLIENT", "PAUSE", 2000, "ALL")  # past the bound below; UNPAUSE waits it out too
    started = time.monotonic()
    assert evalsha_many(rdb, [(queue._submit, *queue._submit_call(record("t-1"), True, None))]) is None
    assert 0.25 < time.monotonic() - started < 2.0 and conn._sock is None  # gave up after the timeout, dropped
    admin.execute_command("CLIENT", "UNPAUSE")
    # the unanswered call is executed or dropped with its connection; either way t-1 is stored once
    assert queue.submit(record("t-1"), queued=True) in ((True, ""), (False, "sha-t-1"))
    assert queue.submit(record("t-1"), queued=True) == (False, "sha-t-1")
    assert queue.submit(record("t-2"), queued=True)[0] is True and conn._sock is not None  # direct again
    assert rdb.zcard("slow:{test}:ready") == 3 and rdb.hget("slow:{test}:stats", "submitted:review") == "3"


def test_a_held_connection_is_the_process_and_threads_own(own_redis):
    """A forked child never uses its parent's held connection (the parent's replies would be read by either), and
    each thread holds its own: the direct path gives every one of them a connection of its own."""
    from moderation.store.client import make_client
    from moderation.store.held_connection import _held_connection

    rdb = make_client(own_redis.url, 1.0)
    queue = ReviewQueue(rdb, "test", prefix="own:")
    assert queue.submit(record("o-0"), queued=True)[0] is True
    parent = _held_connection(rdb.connection_pool)
    assert parent._sock is not None and _held_connection(rdb.connection_pool) is parent
    others = []
    thread = threading.Thread(target=lambda: others.append(_held_connection(rdb.connection_pool)))
    thread.start()
    thread.join()
    assert others[0] is not parent
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its own connection, and the submit works through it
        try:
            child = _held_connection(rdb.connection_pool)
            ok = child is not parent and queue.submit(record("o-1"), queued=True)[0] is True
            os.write(write, b"1" if ok and child._sock is not None else b"0")
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    assert os.read(read, 1) == b"1"
    assert queue.submit(record("o-2"), queued=True)[0] is True  # the parent's connection still answers in order
    assert [queue.get(f"o-{i}")["status"] for i in range(3)] == ["pending"] * 3


def test_batch_submit_in_one_round_trip_answers_in_order_with_an_error_in_place(own_redis):
    """submit_many straight off a pooled connection (store/held_connection.evalsha_many): answers in order, one item's
    error in its place without disturbing the others, and a server without the library loads it and takes the
    pipeline."""
    from moderation.store.client import make_client

    rdb = make_client(own_redis.url, 1.0)
    queue = ReviewQueue(rdb, "test", prefix="many:")

    # the pipeline path (Function.__call__ with the pipeline), taken only when the direct one cannot
    queue._submit_many = slow = CountingScript(queue._submit_many)
    first = queue.submit_many([(record("m-0"), True, None)])  # a new server: the library loaded, then the pipeline
    assert first == [(True, "")] and slow.calls == 1
    rdb.set("many:{test}:c:m-2", "not a record")  # this item's script fails (WRONGTYPE); the others do not
    answers = queue.submit_many([(record(f"m-{i}"), True, None) for i in (1, 2, 3)])
    assert slow.calls == 1  # one direct round trip
    assert answers[0] == (True, "") and answers[2] == (True, "")
    assert isinstance(answers[1], redis.ResponseError) and "WRONGTYPE" in str(answers[1])
    assert queue.submit_many([(record("m-1"), True, None)]) == [(False, "sha-m-1")]  # a replay, stored once
    rdb.function_flush()
    assert queue.submit_many([(record("m-4"), True, None)]) == [(True, "")] and slow.calls == 2
    assert [queue.get(f"m-{i}")["status"] for i in (0, 1, 3, 4)] == ["pending"] * 4
    assert rdb.zcard("many:{test}:ready") == 4


def test_each_site_submits_with_its_own_settings_on_one_server(rdb, prefix):
    """SUBMIT carries a site's settings as constants of the site's own library: two sites on one server keep
    their own record ttls, breaker (a category rule whose name is hostile Lua included) and author standing."""
    from moderation.store.articles import BreakerConfig
    from moderation.store.author_standing import StandingConfig

    hostile = 'x"] end return {0} --\n\\'
    sites = {"calm": {"enabled": False}, "strict": {"categories": {hostile: {"min_comments": 1}}}}
    breaker = BreakerConfig({"min_comments": 3, "close_share": 0.5, "premoderate_share": 0.3, "sites": sites})
    standing = StandingConfig({"warned": 1, "premoderated": 2, "suspended": 2, "sites": {"calm": {"enabled": False}}})
    now = int(time.time() * 1000)
    strict = ReviewQueue(rdb, "strict", prefix=prefix, breaker=breaker, standing=standing, published_ttl_days=2,
                         record_ttl_days=5, now_ms=lambda: now)
    calm = ReviewQueue(rdb, "calm", prefix=prefix, breaker=breaker, standing=standing, published_ttl_days=3,
                       record_ttl_days=7, now_ms=lambda: now)
    assert strict._submit.name != calm._submit.name

    def rejected(n, article="art-1", **extra):
        return {**record(f"r{n}", labels=("abuse",), author="troll", article=article), "decision": "reject",
                "status": "rejected",
                **extra}

    answers = {}
    for name, queue in (("strict", strict), ("calm", calm)):
        first = rejected(1)
        queue.submit(first, queued=False)
        second = rejected(2)
        queue.submit(second, queued=False)
        clean = {**record("ok", labels=(), author="reader"), "decision": "allow", "status": "published"}
        queue.submit(clean, queued=False)
        ruled = {**record("cat", labels=("abuse",), author="reader2", article="art-2"), "article_category": hostile}
        queue.submit(ruled, queued=False)
        answers[name] = [first.get("author_standing"), second.get("author_standing"), clean["decision"],
                         clean.get("decision_reason"), ruled["article_mode"]]
        assert queue.get("r1")["status"] == "rejected"
    # strict: two strikes suspend; 2 rejections of 3 comments close art-1 at the third; its category's rule
    # (min 1 comment) closes art-2 at its first flagged comment (the default needs 3): the name was read as text
    assert answers["strict"] == ["warned", "suspended", "reject", "article_closed", "closed"]
    assert answers["calm"] == [None, None, "allow", None, "open"]
    ttl = {name: (rdb.ttl(f"{prefix}{{{name}}}:c:ok"), rdb.ttl(f"{prefix}{{{name}}}:c:r1")) for name in answers}
    assert 4 * 86400 < ttl["strict"][1] <= 5 * 86400  # rejected: the record ttl
    assert 4 * 86400 < ttl["strict"][0] <= 5 * 86400  # closed by the breaker: held as a rejection
    assert 2 * 86400 < ttl["calm"][0] <= 3 * 86400 and 6 * 86400 < ttl["calm"][1] <= 7 * 86400
    assert not rdb.exists(f"{prefix}{{calm}}:artw:art-1") and rdb.exists(f"{prefix}{{strict}}:artw:art-1")
