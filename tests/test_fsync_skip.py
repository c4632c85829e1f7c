"""SUBMIT reads INFO persistence only while a background fsync could be pending (append_only.PENDING), against a
real server: TIME in a function is the server's clock as the call began, and with its fsync thread held, let go and
held again, no call that skipped INFO had an fsync pending and nothing answered is lost to a SIGKILL."""

import threading
import time

import pytest
import redis

from moderation.store.review_queue import ReviewQueue, submit_lua
from tests.support.held_fsync import HeldFsync

SKIP = "  if now < FSYNC_SAFE then return '' end\n"
# the same, and what INFO says meanwhile, counted (only here: a skipping call reads no INFO)
CHECKED_SKIP = """  if now < FSYNC_SAFE then
    local pending = info_field(redis.call('INFO', 'persistence'), 'aof_pending_bio_fsync:', '^%d+')
    redis.call('HINCRBY', 'mod:{test}:fsync-check', pending == '0' and 'skipped' or 'pending', 1)
    return ''
  end
"""


def _record(name):
    return {"id": name, "article_id": "a", "text": "t", "text_sha256": "s", "received_at": 1000,
            "decision": "allow", "status": "published", "scores": {"spam": 0.1, "abuse": 0.0}, "labels": [],
            "explanation": [], "model_version": "v", "risk": 0.1}


def test_time_in_a_function_is_the_calls_start(own_redis):
    """What the skip rests on: a function's TIME is frozen at the call's start, and is the clock a key's expiry is
    measured by (the server's cached mstime, which its fsync timing reads)."""
    client = own_redis.client()
    client.function_load("#!lua name=clock\nredis.register_function('clock', function(keys)\n"
                         "  local a = redis.call('TIME')\n  local x = 0\n  for i = 1, 3000000 do x = x + i end\n"
                         "  local b = redis.call('TIME')\n"
                         "  return {a[1], a[2], b[1], b[2], redis.call('PTTL', keys[1])}\nend)\n")
    expiry = 2**44
    client.set("clock", "1", pxat=expiry)
    started = time.perf_counter()
    a_s, a_us, b_s, b_us, ttl = client.fcall("clock", 1, "clock")
    took = time.perf_counter() - started
    assert took > 0.005 and (a_s, a_us) == (b_s, b_us), (took, a_s, a_us, b_s, b_us)
    assert expiry - ttl == int(a_s) * 1000 + int(a_us) // 1000


@pytest.mark.slow
def test_a_submit_skips_info_only_while_no_fsync_can_be_pending(own_redis, monkeypatch):
    """Comments every few ms while the server's fsync thread is held: the fsync it queues stays pending (a submit
    sees it and waits) until the thread is let go 0.2 s later; then the thread is held again for 1.5 s of comments,
    across the next fsync the server queues, and the server is killed before it writes what it held back. No answered
    comment is lost, and the calls that skipped INFO (a span opened by the seen fsync) all had none pending. With the
    span 600 ms too long (FSYNC_MARGIN -600) both fail."""
    assert SKIP in submit_lua.CHUNK
    monkeypatch.setattr(submit_lua, "CHUNK", submit_lua.CHUNK.replace(SKIP, CHECKED_SKIP))
    admin = own_redis.client()
    queue = ReviewQueue(redis.Redis.from_url(own_redis.url, decode_responses=True), "test")
    queue.submit(_record("first"), queued=False)  # loads the library; the server's threads are up
    held = HeldFsync(own_redis)  # ptrace's requests come from the thread that made them: this one
    answered, stop = [], threading.Event()

    def submit():  # a comment every ms or so, in a thread of its own, until the server is killed under one
        while not stop.is_set():
            name = f"c{len(answered)}"
            try:
                assert queue.submit(_record(name), queued=False) == (True, "")
            except redis.RedisError:
                return
            answered.append(name)
            time.sleep(0.001)

    held.stop()
    submitter = threading.Thread(target=submit)
    try:
        submitter.start()
        while int(admin.info("persistence")["aof_pending_bio_fsync"]) == 0:
            time.sleep(0.002)
        time.sleep(0.2)
        held.release()
        while int(admin.info("persistence")["aof_pending_bio_fsync"]):  # the fsync runs and ends
            time.sleep(0.001)
        held.stop()
        time.sleep(1.5)  # killed before the server writes what it held back (2 s after the fsync was queued)
        check, persistence = admin.hgetall("mod:{test}:fsync-check"), admin.info("persistence")
    finally:
        stop.set()
        held.kill()  # a server whose fsync thread is held cannot stop by itself
    submitter.join(timeout=10)
    own_redis.start()
    assert persistence["aof_pending_bio_fsync"] == 1, persistence  # the second fsync was queued, and held
    lost = [name for name in answered if queue.get(name) is None]
    assert not lost, (len(lost), len(answered), check, persistence)
    assert "pending" not in check and int(check["skipped"]) >= 20, check
