"""Races with real processes and threads: eight moderators on 1,000 comments, one id sent 20 times at once."""

import multiprocessing
import random
import threading
import time
from collections import Counter

import pytest
import redis

from moderation.store.review_queue import ReviewQueue


def _moderator(url, prefix, name, seed, results):
    """One moderator process: claim a few, then approve, reject or skip each at random until the queue is empty."""
    queue = ReviewQueue(redis.Redis.from_url(url, decode_responses=True), "test", prefix=prefix, lease_seconds=30)
    rng = random.Random(seed)
    decided = Counter()
    idle = 0
    while idle < 3:
        cards = queue.claim(name, 5)
        if not cards:
            idle += 1
            time.sleep(0.05)
            continue
        idle = 0
        for card in cards:
            choice = rng.random()
            if choice < 0.15:
                queue.release(card["id"], name)
            else:
                queue.decide(card["id"], "approve" if choice < 0.6 else "reject", name, "spam")
                decided[card["id"]] += 1
    results.put(dict(decided))


@pytest.mark.slow
def test_eight_moderator_processes_decide_each_comment_exactly_once(redis_server, prefix):
    rdb = redis.Redis.from_url(redis_server.url, decode_responses=True)
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    now = int(time.time() * 1000)
    for i in range(1000):
        queue.submit({"id": f"r{i}", "article_id": f"a{i % 7}", "text": "t", "text_sha256": "s", "author_id": "au",
                      "received_at": now + i, "decision": "review", "status": "pending",
                      "scores": {"spam": 0.7, "abuse": 0.1}, "labels": ["spam"], "explanation": [],
                      "model_version": "v", "risk": random.random()}, queued=True)
    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    workers = [ctx.Process(target=_moderator, args=(redis_server.url, prefix, f"mod{n}", n, results))
               for n in range(8)]
    for worker in workers:
        worker.start()
    per_process = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
        assert worker.exitcode == 0
    decided = Counter()
    for counts in per_process:
        decided.update(counts)
    assert len(decided) == 1000 and set(decided.values()) == {1}
    audit = [e for e in queue.audit(10_000) if e["action"] in ("approved", "rejected")]
    assert len(audit) == 1000 and len({e["id"] for e in audit}) == 1000
    stats = queue.stats()
    assert stats["open"] == stats["ready"] == stats["claimed"] == 0
    assert stats["by_label"] == {"spam": 0}
    assert stats["counters"]["decided:approved"] + stats["counters"]["decided:rejected"] == 1000
    assert stats["counters"]["decided:approved"] == len([e for e in audit if e["action"] == "approved"])


def test_same_id_twenty_times_in_parallel_is_queued_once(make_app, auth, comment, rdb, prefix, thresholds):
    app = make_app(THRESHOLDS=thresholds.flag_all)
    body = comment(id="burst-1")
    barrier = threading.Barrier(20)
    answers = []

    def send():
        client = app.test_client()
        barrier.wait()
        response = client.post("/api/v1/comments", json=body, headers=auth)
        answers.append((response.status_code, response.get_json()))

    threads = [threading.Thread(target=send) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [status for status, _ in answers] == [200] * 20
    assert all(answer == answers[0][1] for _, answer in answers)
    assert rdb.zcard(f"{prefix}{{test}}:ready") == 1
    trail = ReviewQueue(rdb, "test", prefix=prefix).audit_between(0, 2**53)
    queued = [f for f in trail if f["action"] == "queued"]
    assert len(queued) == 1
