"""Rate limits per API key, author and IP, against a real Redis, shared by every app instance."""

import pytest

from moderation.store.rate_limits import parse_limits
from tests.support.monitor import round_trips
from tests.support.windows import fresh_window


@pytest.fixture(autouse=True)
def _a_fresh_window():
    """Each test counts up to a limit in one fixed window: not across the minute's turn."""
    fresh_window()


def test_parse_limits():
    assert parse_limits('{"key": "100/10", "author": "5/60", "ip": 0}') == {"key": (100, 10), "author": (5, 60)}
    with pytest.raises(ValueError):
        parse_limits({"user": "1/1"})


def test_author_limit_is_shared_across_app_instances(make_app, auth, comment, thresholds):
    limits = {"key": "1000/3600", "author": "3/3600", "ip": "1000/3600"}
    first = make_app(RATE_LIMITS=limits, THRESHOLDS=thresholds.flag_none).test_client()
    second = make_app(RATE_LIMITS=limits, THRESHOLDS=thresholds.flag_none).test_client()
    body = {"author": {"id": "prolific", "name": "x"}}
    assert [c.post("/api/v1/comments", json=comment(**body), headers=auth).status_code
            for c in (first, second, first)] == [200, 200, 200]
    limited = second.post("/api/v1/comments", json=comment(**body), headers=auth)
    assert limited.status_code == 429
    assert 1 <= int(limited.headers["Retry-After"]) <= 3600
    assert limited.get_json()["error"]["field"] == "author.id"
    other_author = {"author": {"id": "quiet", "name": "y"}}
    assert first.post("/api/v1/comments", json=comment(**other_author), headers=auth).status_code == 200


def test_ip_and_key_limits(make_app, auth, comment, thresholds):
    client = make_app(RATE_LIMITS={"key": "5/3600", "ip": "2/3600"}, THRESHOLDS=thresholds.flag_none).test_client()
    statuses = [client.post("/api/v1/comments", json=comment(ip="192.0.2.7"), headers=auth).status_code
                for _ in range(3)]
    assert statuses == [200, 200, 429]
    batch = client.post("/api/v1/comments:batch", json={"comments": [comment() for _ in range(4)]}, headers=auth)
    assert batch.status_code == 429 and batch.get_json()["error"]["field"] == "Authorization"


def test_a_comment_and_its_limits_are_one_round_trip(make_app, own_redis, auth, comment, thresholds):
    """Counting the key, author and IP limits rides in the submit function: one FCALL per comment (and, only while
    the server's background fsync runs, the append-only wait's checks), and a client already over a limit is
    refused by the worker without scoring and with one read (whether its id is stored: a retry gets its answer)."""
    import redis

    rdb = redis.Redis.from_url(own_redis.url, decode_responses=True)
    app = make_app(own_redis.url, RATE_LIMITS={"key": "1000/3600", "author": "2/3600", "ip": "1000/3600"},
                   THRESHOLDS=thresholds.flag_none, MODEL_CHECK_SECONDS=3600)
    client = app.test_client()
    parser = app.extensions["moderation.redis"].connection_pool.make_connection()._parser
    assert type(parser).__name__ == "_HiredisParser"  # replies parsed in C (hiredis, pinned)
    body = {"author": {"id": "busy", "name": "x"}, "ip": "192.0.2.9"}

    def post(item):
        return lambda: client.post("/api/v1/comments", json=item, headers=auth)

    assert post(comment(**body))().status_code == 200  # loads the scripts
    queue = app.extensions["moderation.queues"]["test"]
    rdb.script_load(queue.append_only._check.script)  # as after this server's first wait (its first check loads it)
    scripts = {queue._submit.name: "SUBMIT", queue.append_only._check.sha: "CHECK"}
    answer, sent = round_trips(rdb, post(comment(**body)), scripts)
    # the append-only wait's checks follow only while the server's background fsync (the first comment's) still
    # runs: one EVALSHA each (store/append_only.py; test_append_only_wait.py holds the fsync to count them)
    assert answer.status_code == 200 and sent[:1] == ["SUBMIT"] and set(sent[1:]) <= {"CHECK"}, sent
    over = comment(**body)
    limited, sent = round_trips(rdb, post(over), scripts)
    assert limited.status_code == 429 and limited.get_json()["error"]["field"] == "author.id"
    assert sent == ["SUBMIT"]  # a refusal stores nothing: no wait for the file
    assert not rdb.keys("*:c:" + over["id"])  # refused by the script: nothing stored
    again, sent = round_trips(rdb, post(comment(**body)))
    assert again.status_code == 429 and 1 <= int(again.headers["Retry-After"]) <= 3600
    assert sent == ["HGETALL"]  # this worker remembers the counter is over: only whether the id is stored is read
    counters = {k: int(rdb.get(k)) for k in rdb.keys("*:rl:*")}
    assert sorted(counters.values()) == [3, 3, 3]  # key, author and IP, each counted by the script


def test_batch_items_can_count_author_and_ip_limits(make_app, auth, comment, thresholds):
    client = make_app(RATE_LIMITS={"key": "1000/3600", "author": "3/3600"}, THRESHOLDS=thresholds.flag_none,
                      BATCH_ITEM_LIMITS=True).test_client()
    items = [comment(author={"id": "backfill", "name": "x"}) for _ in range(5)]
    items.insert(2, {"id": "broken"})
    results = client.post("/api/v1/comments:batch", json={"comments": items}, headers=auth).get_json()["results"]
    assert [r["status"] if "error" in r else 200 for r in results] == [200, 200, 400, 200, 429, 429]
    assert results[4]["error"]["field"] == "author.id" and results[4]["id"] == items[4]["id"]
    assert [client.get(f"/api/v1/comments/{item['id']}", headers=auth).status_code for item in items] == \
        [200, 200, 404, 200, 404, 404]


def test_batch_items_count_author_and_ip_limits_by_default(make_app, auth, comment, thresholds):
    client = make_app(RATE_LIMITS={"key": "1000/3600", "author": "1/3600", "ip": "2/3600"},
                      THRESHOLDS=thresholds.flag_none).test_client()
    items = [comment(author={"id": f"a{n}", "name": "x"}, ip="203.0.113.5") for n in range(2)]
    items += [comment(author={"id": "same", "name": "x"}, ip=f"198.51.100.{n}") for n in range(2)]
    results = client.post("/api/v1/comments:batch", json={"comments": items}, headers=auth).get_json()["results"]
    assert [r.get("decision") or r["error"]["field"] for r in results] == ["allow", "allow", "allow", "author.id"]
    third = client.post("/api/v1/comments:batch", json={"comments": [comment(author={"id": "b", "name": "x"},
                                                                              ip="203.0.113.5")]}, headers=auth)
    assert third.get_json()["results"][0]["error"]["field"] == "ip"


def test_batch_item_limits_can_be_switched_off_for_back_fills(make_app, auth, comment, thresholds):
    client = make_app(RATE_LIMITS={"key": "1000/3600", "author": "1/3600"}, THRESHOLDS=thresholds.flag_none,
                      BATCH_ITEM_LIMITS=False).test_client()
    items = [comment() for _ in range(3)]
    results = client.post("/api/v1/comments:batch", json={"comments": items}, headers=auth).get_json()["results"]
    assert [r["decision"] for r in results] == ["allow"] * 3


def test_a_readers_reports_do_not_use_up_their_own_comments(make_app, auth, comment, thresholds):
    """Reports count on the reporter's own counter: reporting must not cost a reader their next comment."""
    client = make_app(RATE_LIMITS={"key": "100/3600", "author": "2/3600"}, THRESHOLDS=thresholds.flag_none,
                      REPORT_THRESHOLD=100).test_client()
    target = comment()
    assert client.post("/api/v1/comments", json=target, headers=auth).status_code == 200
    reports = [client.post(f"/api/v1/comments/{target['id']}/reports", json={"reason": "spam", "reporter_id": "u-x"},
                           headers=auth).status_code for _ in range(3)]
    assert reports == [202, 202, 429]
    mine = [client.post("/api/v1/comments", json=comment(author={"id": "u-x", "name": "x"}), headers=auth).status_code
            for _ in range(3)]
    assert mine == [200, 200, 429]


def test_one_ipv6_client_cannot_dodge_its_limit_by_spelling_or_64(make_app, auth, comment, thresholds):
    client = make_app(RATE_LIMITS={"key": "100/3600", "ip": "2/3600"}, THRESHOLDS=thresholds.flag_none).test_client()
    spellings = ["2001:db8:0:0::1", "2001:DB8::1%eth0", "2001:db8::abcd:2"]  # one /64
    statuses = [client.post("/api/v1/comments", json=comment(ip=ip), headers=auth).status_code for ip in spellings]
    assert statuses == [200, 200, 429]
    assert client.post("/api/v1/comments", json=comment(ip="2001:db8:1::1"), headers=auth).status_code == 200


def test_reports_without_a_reporter_id_count_per_address(make_app, auth, comment, thresholds):
    client = make_app(RATE_LIMITS={"key": "100/3600", "author": "2/3600", "ip": "2/3600"},
                      THRESHOLDS=thresholds.flag_none, REPORT_THRESHOLD=100).test_client()
    target = comment()
    assert client.post("/api/v1/comments", json=target, headers=auth).status_code == 200

    def report(**body):
        return client.post(f"/api/v1/comments/{target['id']}/reports", json={"reason": "spam", **body}, headers=auth)

    assert [report(ip="198.51.100.4").status_code for _ in range(3)] == [202, 202, 429]
    assert report(ip="198.51.100.5").status_code == 202  # another reader
    assert [report().status_code for _ in range(3)] == [202, 202, 429]  # no id, no address: the caller's
    bad = report(ip="not-an-address")
    assert bad.status_code == 400 and bad.get_json()["error"]["field"] == "ip"


def test_a_new_windows_counter_is_one_write_in_the_append_only_file(make_app, own_redis, auth, comment, thresholds):
    """A counter a window begins is SET with its expiry in one command (the file holds SET key 1 PXAT t), a later
    comment's an INCRBY: not an INCRBY and a PEXPIREAT for each new counter (a batch comment's author's, usually)."""
    import time

    import redis

    from tests.support.aof import written_commands

    rdb = redis.Redis.from_url(own_redis.url, decode_responses=True)
    client = make_app(own_redis.url, RATE_LIMITS={"key": "1000/3600", "author": "5/3600"},
                      THRESHOLDS=thresholds.flag_none).test_client()
    body = {"author": {"id": "twice", "name": "x"}}
    before = time.time() * 1000
    assert [client.post("/api/v1/comments", json=comment(**body), headers=auth).status_code
            for _ in range(2)] == [200, 200]
    own_redis.wait_written()
    [counter] = rdb.keys("*:rl:author:*")
    written = [command for command in written_commands(own_redis.folder) if counter in command]
    assert [command[0].upper() for command in written] == ["SET", "INCRBY"], written
    assert written[0][2:4] == ["1", "PXAT"] and before < int(written[0][4]) <= time.time() * 1000 + 3_600_000
    assert rdb.get(counter) == "2" and 0 < rdb.pttl(counter) <= 3_600_000


def test_a_known_counter_deleted_meanwhile_is_made_again_with_its_window(make_app, rdb, prefix, auth, comment,
                                                                         thresholds):
    """SUBMIT's library remembers the counters it met again (LIMIT_LIVE: the next comment's charge is one INCRBY,
    not a SET NX that fails and an INCRBY); one deleted meanwhile is made again with its window's expiry, as SET PX
    would have: without it the counter would never expire and its author stay limited."""
    client = make_app(RATE_LIMITS={"key": "1000/3600", "author": "5/3600"},
                      THRESHOLDS=thresholds.flag_none).test_client()
    body = {"author": {"id": "erased", "name": "x"}}
    for _ in range(2):  # the second meets the counter again: remembered from then on
        assert client.post("/api/v1/comments", json=comment(**body), headers=auth).status_code == 200
    [counter] = rdb.keys(f"{prefix}*:rl:author:*")
    assert rdb.get(counter) == "2"
    rdb.delete(counter)
    assert client.post("/api/v1/comments", json=comment(**body), headers=auth).status_code == 200
    assert rdb.get(counter) == "1" and 0 < rdb.pttl(counter) <= 3_600_000
    assert client.post("/api/v1/comments", json=comment(**body), headers=auth).status_code == 200
    assert rdb.get(counter) == "2" and 0 < rdb.pttl(counter) <= 3_600_000


def test_a_retry_of_a_stored_comment_over_its_limit_gets_its_stored_answer(make_app, rdb, prefix, auth, comment,
                                                                            thresholds):
    """The site retries a comment that was stored (its answer lost on the way) once its author is over the limit:
    the retry gets the stored answer, not 429, whether the script finds the counter over (charged, but answered) or
    this worker already knew it (one read, no scoring); a new comment is still 429, and the stored id with another
    text 409. Before: 429 for a comment the service had acknowledged, which the site then never published."""
    client = make_app(RATE_LIMITS={"key": "1000/3600", "author": "2/3600"},
                      THRESHOLDS=thresholds.flag_all).test_client()
    body = {"author": {"id": "busy", "name": "x"}}
    first, second = comment(**body), comment(**body)
    answers = [client.post("/api/v1/comments", json=c, headers=auth) for c in (first, second)]
    assert [a.status_code for a in answers] == [200, 200]
    retried = client.post("/api/v1/comments", json=second, headers=auth)  # the script counts 3 > 2: over
    assert retried.status_code == 200 and retried.get_json() == answers[1].get_json(), retried.text
    assert client.post("/api/v1/comments", json=comment(**body), headers=auth).status_code == 429  # now known over
    again = client.post("/api/v1/comments", json=first, headers=auth)  # refused by the worker before scoring
    assert again.status_code == 200 and again.get_json() == answers[0].get_json(), again.text
    other = client.post("/api/v1/comments", json={**first, "text": "別の本文です"}, headers=auth)
    assert other.status_code == 409 and other.get_json()["error"]["code"] == "id_conflict"
    batch = client.post("/api/v1/comments:batch", json={"comments": [second, comment(**body)]}, headers=auth)
    assert [r["status"] if "error" in r else 200 for r in batch.get_json()["results"]] == [200, 429], batch.text
    assert batch.get_json()["results"][0]["decision"] == answers[1].get_json()["decision"]
    assert [int(rdb.get(k)) for k in rdb.keys(f"{prefix}*:rl:author:*")] == [4]  # the scripts' 4, none since
