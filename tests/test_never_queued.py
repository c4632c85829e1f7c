"""A comment never queued has no queue_state (SUBMIT writes it only for a queued one, and an empty one while an earlier
release serves: MODERATION_RECORD_DOC=0); every script that tested a record's being there by it tests its status:
such a comment is reported into the queue, refused a decision, a release and a reopen as before, and a missing one
is still not found. On a real server."""

import pytest

from moderation.errors import ApiError
from moderation.store.review_queue import ReviewQueue

NOW = 1_796_000_000_000


def _record(comment_id, decision):
    status = {"allow": "published", "reject": "rejected", "review": "pending"}[decision]
    return {"id": comment_id, "site": "test", "article_id": "a-1", "text": "本文", "text_sha256": "s",
            "received_at": NOW, "decision": decision, "status": status, "scores": {"spam": 0.1}, "labels": [],
            "categories": {}, "explanation": [], "model_version": "v", "risk": 0.1}


@pytest.mark.parametrize("record_doc", [True, False])
def test_only_a_queued_comment_gets_a_queue_state_but_an_earlier_releases_empty_one(rdb, prefix, record_doc):
    queue = ReviewQueue(rdb, "test", prefix=prefix, record_doc=record_doc, now_ms=lambda: NOW)
    for comment_id, decision in (("p", "allow"), ("r", "reject"), ("q", "review")):
        assert queue.submit(_record(comment_id, decision), queued=decision == "review")[0]
    states = [rdb.hget(queue.record_key(i), "queue_state") for i in ("p", "r", "q")]
    assert states == ([None, None, "ready"] if record_doc else ["", "", "ready"])
    # read as it was: an empty queue_state where none is stored
    assert [queue.get(i)["queue_state"] for i in ("p", "r", "q")] == ["", "", "ready"]
    assert [row["queue_state"] for row in queue.summaries(["p", "r", "q"])] == ["", "", "ready"]


@pytest.mark.parametrize("record_doc", [True, False])
def test_a_published_comment_without_a_queue_state_is_found_by_every_script(rdb, prefix, record_doc):
    queue = ReviewQueue(rdb, "test", prefix=prefix, record_doc=record_doc, now_ms=lambda: NOW)
    queue.submit(_record("p", "allow"), queued=False)
    for step in (lambda: queue.decide("p", "approve", "m1"), lambda: queue.release("p", "m1"),
                 lambda: queue.reopen("p", "admin")):
        with pytest.raises(ApiError) as refused:
            step()
        assert refused.value.status == 409, refused.value  # a conflict (not queued, not held, not decided)
    assert queue.get("p")["status"] == "published"
    # reported by enough readers, it goes to review as a published comment with an empty queue_state did
    assert queue.report("p", "abuse", reporter="r1", min_reports=2) == "recorded"
    assert queue.report("p", "abuse", reporter="r2", min_reports=2) == "queued"
    record = queue.get("p")
    assert (record["queue_state"], record["labels"]) == ("ready", ["abuse", "reported"])
    assert queue.claim("m1", 5)[0]["id"] == "p"


def test_a_missing_comment_is_still_not_found(rdb, prefix):
    queue = ReviewQueue(rdb, "test", prefix=prefix, now_ms=lambda: NOW)
    for step in (lambda: queue.decide("nope", "approve", "m1"), lambda: queue.release("nope", "m1"),
                 lambda: queue.reopen("nope", "admin"), lambda: queue.report("nope", "abuse", reporter="r")):
        with pytest.raises(ApiError) as refused:
            step()
        assert refused.value.status == 404
