"""The claim's oldest-first order read from `open` (a claimed comment sits above CLAIMED there): without the
`ready:age` set a queued comment was also added to, every step that moves a comment keeps the order right, a head of
claimed comments is never read past, and a queue an earlier release kept is worked as it was."""

import time

import pytest

from moderation.store.review_queue import ReviewQueue
from moderation.store.review_queue.recording_lua import CLAIMED
from tests.support.old_records import claim_old, write_old_record


def _record(comment_id, received_at, risk=0.8, decision="review"):
    return {"id": comment_id, "site": "test", "article_id": "art-1", "text": f"text of {comment_id}",
            "text_sha256": f"sha-{comment_id}", "author_id": "a1", "author_name": "名前", "received_at": received_at,
            "decision": decision, "status": "pending" if decision == "review" else "published",
            "scores": {"spam": risk, "abuse": 0.1}, "labels": ["spam"] if decision == "review" else [],
            "explanation": [], "model_version": "v-test", "risk": risk}


def _ages(queue, n=10):
    """The ready ids oldest first, as the age-ordered claim reads them."""
    return queue._candidates(True, n, "", "", 2000, frozenset())


def test_every_step_keeps_the_oldest_first_order_of_the_ready_comments(rdb, prefix):
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    now = int(time.time() * 1000)
    for n, risk in enumerate((0.6, 0.95, 0.7, 0.8)):  # c0 oldest; c1 the riskiest
        queue.submit(_record(f"c{n}", now - 40_000 + n * 10_000, risk), queued=True)
    assert not rdb.exists(queue.key("ready", "age"))  # no second set a held comment is added to
    assert _ages(queue) == ["c0", "c1", "c2", "c3"]
    assert [c["id"] for c in queue.claim("m1", 1)] == ["c1"]  # by risk
    assert _ages(queue) == ["c0", "c2", "c3"]
    assert rdb.zscore(queue.key("open"), "c1") == now - 30_000 + CLAIMED  # still open, above the ready ones
    assert [c["id"] for c in queue.claim("m2", 2, order="age")] == ["c0", "c2"]
    stats = queue.stats()
    assert (stats["open"], stats["ready"], stats["claimed"]) == (4, 1, 3)
    assert 40 <= stats["oldest_age_seconds"] < 100  # c0's, claimed
    queue.release("c0", "m2")
    assert _ages(queue) == ["c0", "c3"]
    queue.decide("c0", "approve", "m3")
    queue.decide("c1", "reject", "m1", "spam")
    assert _ages(queue) == ["c3"] and rdb.zscore(queue.key("open"), "c1") is None
    queue.undo("c1", "m1")  # back claimed by its decider: not ready
    assert _ages(queue) == ["c3"] and rdb.zscore(queue.key("open"), "c1") == now - 30_000 + CLAIMED
    queue.decide("c1", "reject", "m1", "spam")
    queue.reopen("c1", "admin")
    assert _ages(queue) == ["c1", "c3"]
    queue.submit(_record("p0", now - 50_000, 0.1, "allow"), queued=False)
    assert queue.report("p0", "spam", "reader-1") == "queued"
    assert _ages(queue) == ["p0", "c1", "c3"]
    assert [c["id"] for c in queue.claim("m4", 5, order="age")] == ["p0", "c1", "c3"]
    assert queue.claim("m5", 5, order="age") == [] and _ages(queue) == []
    queue.release_held("m4")
    assert _ages(queue) == ["p0", "c1", "c3"]
    assert queue.stats()["oldest_age_seconds"] >= 50  # p0's arrival


def test_an_expired_lease_comes_back_at_its_arrival(rdb, prefix):
    queue = ReviewQueue(rdb, "test", prefix=prefix, lease_seconds=0.05)
    now = int(time.time() * 1000)
    for n in range(3):
        queue.submit(_record(f"c{n}", now - 3000 + n * 1000), queued=True)
    assert [c["id"] for c in queue.claim("m1", 1, order="age")] == ["c0"]
    time.sleep(0.1)
    # the candidates are read before the script gives the expired lease back: c0 is ready again at its place after
    assert [c["id"] for c in queue.claim("m2", 2, order="age")] == ["c1", "c2"]
    assert _ages(queue) == ["c0"] and rdb.zscore(queue.key("open"), "c0") == now - 3000


def test_a_queue_an_earlier_release_kept_is_worked_oldest_first_and_its_age_set_emptied(rdb, prefix):
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    now = int(time.time() * 1000)
    for n in range(4):
        write_old_record(rdb, queue, _record(f"o{n}", now - 40_000 + n * 10_000), queued=True)
    claim_old(rdb, queue, "o0", "m1", now + 300_000)  # left at its arrival in `open`, the head of the age order
    assert queue.stats()["oldest_age_seconds"] >= 40
    assert [c["id"] for c in queue.claim("m2", 1, order="age")] == ["o1"]
    assert rdb.zscore(queue.key("open"), "o0") == now - 40_000 + CLAIMED  # met as a candidate: moved above CLAIMED
    assert _ages(queue) == ["o2", "o3"]
    assert queue.stats()["oldest_age_seconds"] >= 40
    queue.release("o0", "m1")
    assert _ages(queue) == ["o0", "o2", "o3"]
    for n in range(4):
        queue.decide(f"o{n}", "approve", "m2")
    assert not rdb.exists(queue.key("ready", "age")) and not rdb.exists(queue.key("open"))
    assert queue.stats()["open"] == 0


@pytest.mark.slow
def test_a_head_of_claimed_comments_longer_than_the_scan_is_never_read_past(rdb, prefix):
    """3,000 claimed comments older than every ready one (more than a claim scans, 2000): the age-ordered claim
    still finds the ready ones, in one read of the head of `open`'s ready part."""
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    now = int(time.time() * 1000)
    old = [(_record(f"h{n}", now - 100_000 + n), True, None) for n in range(3000)]
    assert all(created for created, _ in queue.submit_many(old))
    for moderator in ("m1", "m2", "m3"):
        assert len(queue.claim(moderator, 1000, order="age")) == 1000
    queue.submit_many([(_record(f"new{n}", now + n), True, None) for n in range(3)])
    assert _ages(queue) == ["new0", "new1", "new2"]
    assert [c["id"] for c in queue.claim("m4", 2, order="age", label="spam")] == ["new0", "new1"]
    assert [c["id"] for c in queue.claim("m5", 5, order="age")] == ["new2"]
    assert queue.stats()["claimed"] == 3003 and 99 <= queue.stats()["oldest_age_seconds"] < 200
