"""A write answered while Redis's background fsync runs waits for the append-only file (store/append_only.py):
with a real server's fsync held, that wait costs one EVALSHA a check, not a pipeline's SCRIPT EXISTS as well."""

import pytest
import redis

from tests.support.held_fsync import HeldFsync
from tests.support.monitor import round_trips


@pytest.mark.slow
def test_the_wait_for_the_file_is_one_evalsha_a_check(private_redis):
    """MONITOR shows every client's commands: the server takes only this test's (private_redis)."""
    from moderation.store.review_queue import ReviewQueue

    rdb = redis.Redis.from_url(private_redis.url, decode_responses=True)
    queue = ReviewQueue(rdb, "test")
    scripts = {queue._submit.name: "SUBMIT", queue.append_only._check.sha: "CHECK"}

    def record(cid):
        return {"id": cid, "article_id": "a", "text": "t", "text_sha256": "s", "received_at": 1000,
                "decision": "review", "status": "pending", "scores": {"spam": 0.9, "abuse": 0.0}, "labels": ["spam"],
                "explanation": [], "model_version": "v", "risk": 0.9}

    queue.submit(record("w0"), queued=True)  # its connections opened (their handshakes are not counted below)
    rdb.script_flush()  # the check's script is not loaded: its first call loads it (SUBMIT's library stays)
    with HeldFsync(private_redis):  # the fsync pending until Redis writes what it held back, 2 s on
        answer, sent = round_trips(private_redis.client(), lambda: queue.submit(record("w1"), queued=True), scripts)
    assert answer[0] is True
    # NOSCRIPT once, SCRIPT LOAD, then every check of the wait (0.25 ms apart doubling to 2 ms, for ~2 s) is one
    # EVALSHA (after the first, on the held connection)
    assert sent[:4] == ["SUBMIT", "CHECK", "SCRIPT", "CHECK"] and len(sent) > 10, sent[:12]
    assert set(sent[4:]) == {"CHECK"}, sorted(set(sent[4:]))
