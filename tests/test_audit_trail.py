"""A held or automatically rejected comment's audit entry is its event's (one XADD): the trail reads the audit stream
and those events together and answers what it answered when SUBMIT wrote both; the site's webhook bodies are the same.
"""

import time

from moderation.integrations.outbox import event_body
from moderation.store.author_standing import StandingConfig
from moderation.store.review_queue import ReviewQueue
from moderation.store.review_queue.audit_trail import audit_entry

SUBMITS = (("c-held", "review", True), ("c-rejected", "reject", False), ("c-clean", "allow", False))
# One arrival time for every record: the queue ranks equal risks by the second they arrived, so records made on
# either side of a second's boundary (a loaded machine) would change which one CLAIM takes.
RECEIVED_MS = int(time.time() * 1000)


def _record(comment_id, decision, author="u-1"):
    flagged = decision != "allow"
    return {"id": comment_id, "site": "s", "article_id": "art-1", "text": f"text of {comment_id}",
            "text_sha256": f"sha-{comment_id}", "author_id": author, "author_name": "名前",
            "received_at": RECEIVED_MS, "decision": decision,
            "status": {"allow": "published", "review": "pending", "reject": "rejected"}[decision],
            "scores": {"spam": 0.1, "abuse": 0.9 if flagged else 0.1}, "labels": ["abuse"] if flagged else [],
            "categories": {"threat": 0.2}, "explanation": [], "model_version": "v-test", "risk": 0.9}


def _bare(entries):
    return [{k: v for k, v in e.items() if k not in ("entry", "at")} for e in entries]


def test_the_trail_and_the_webhook_read_one_entry_as_they_read_two(rdb, prefix):
    standing = StandingConfig({"enabled": False})
    now = ReviewQueue(rdb, "now", prefix=prefix, standing=standing)
    # MODERATION_RECORD_DOC=0 (an earlier release still serves): the audit entry in the audit stream, as it reads it
    apart = ReviewQueue(rdb, "apart", prefix=prefix, standing=standing, record_doc=False)
    for queue in (now, apart):
        for comment_id, decision, queued in SUBMITS:
            assert queue.submit(_record(comment_id, decision), queued=queued)[0]
        queue.submit(_record("c-anon", "review", author=None), queued=True)
        queue.claim("hanako", 1)
        queue.decide("c-held", "approve", "hanako")
    assert [f["action"] for _, f in rdb.xrange(now.key("audit"))] == ["claimed", "approved"]
    assert [f["action"] for _, f in rdb.xrange(apart.key("audit"))] == [
        "queued", "auto_rejected", "queued", "claimed", "approved"]
    trail = _bare(now.audit_between(0, 2**53))
    assert trail == _bare(apart.audit_between(0, 2**53))
    assert [(e["id"], e["action"], e["to"], e["author_id"]) for e in trail] == [
        ("c-held", "queued", "ready", "u-1"), ("c-rejected", "auto_rejected", "rejected", "u-1"),
        ("c-anon", "queued", "ready", ""), ("c-anon", "claimed", "claimed", ""),
        ("c-held", "approved", "published", "u-1")]
    assert _bare(now.audit(10)) == _bare(apart.audit(10)) == trail[::-1]
    assert _bare(now.audit(10, comment_id="c-held")) == [trail[4], trail[0]]
    assert _bare(now.audit(10, author_id="u-1", moderator="system")) == [trail[1], trail[0]]
    bodies = [[{k: v for k, v in event_body("s", entry_id, f).items() if k not in ("id", "created_at")}
               for entry_id, f in rdb.xrange(queue.key("events"))] for queue in (now, apart)]
    assert bodies[0] == bodies[1] and [b["type"] for b in bodies[0]] == [
        "comment.queued", "comment.rejected_automatically", "comment.queued", "comment.approved"]
    assert now.audit_complete_from() == apart.audit_complete_from() == 0


def test_a_rule_s_reason_is_the_entry_s_and_other_events_are_none():
    held = {"type": "comment.queued", "id": "c-1", "status": "pending", "by": "system", "reason": '["abuse"]',
            "at": "5", "message": "", "data": '{"reason":"article_premoderated"}', "article_id": "a-1"}
    assert audit_entry(held) == {"id": "c-1", "action": "queued", "from": "", "to": "ready", "by": "system",
                                 "reason": "article_premoderated", "at": "5", "article_id": "a-1", "author_id": ""}
    assert audit_entry({**held, "data": ""})["reason"] == '["abuse"]'
    assert audit_entry({k: v for k, v in held.items() if k != "article_id"}) is None  # written before: in the audit
    assert audit_entry({**held, "type": "comment.approved"}) is None


def test_entries_of_both_streams_with_one_id_are_each_paged_once(rdb, prefix):
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    event = {"type": "comment.queued", "status": "pending", "by": "system", "reason": "[]", "at": "1",
             "article_id": "a"}
    for ms in range(1, 6):  # the same ids in both streams, and an event that is no entry at 3-1
        rdb.xadd(queue.key("audit"), {"id": f"a{ms}", "action": "claimed", "by": "m", "at": ms}, id=f"{ms}-0")
        rdb.xadd(queue.key("events"), {**event, "id": f"e{ms}"}, id=f"{ms}-0")
        if ms == 3:
            rdb.xadd(queue.key("events"), {"type": "comment.approved", "id": "x"}, id="3-1")
    pages, before = [], "+"
    for _ in range(12):
        page = queue.audit(1, before=before)
        if not page:
            break
        pages.append([e["id"] for e in page])
        before = page[-1]["entry"]
    assert sorted(i for page in pages for i in page) == sorted([f"a{n}" for n in range(1, 6)] +
                                                               [f"e{n}" for n in range(1, 6)])
    assert all(len(page) == 2 for page in pages)  # a page does not end between two entries of one id
    assert len(queue.audit_between(0, 10)) == 10 and queue.audit_entries_read == 11


def test_an_arrival_comes_before_what_followed_it_in_its_millisecond(rdb, prefix):
    """Each stream numbers its own ids: a comment claimed in the millisecond it arrived (its event the second of that
    millisecond, 5-1) has a claim of a smaller id (5-0) in the audit stream; the trail still reads arrival, claim."""
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    event = {"type": "comment.queued", "status": "pending", "by": "system", "reason": "[]", "at": "5",
             "article_id": "a", "author_id": "u"}
    rdb.xadd(queue.key("events"), {**event, "id": "c-first"}, id="5-0")
    rdb.xadd(queue.key("events"), {**event, "id": "c-held"}, id="5-1")
    rdb.xadd(queue.key("audit"), {"id": "c-held", "action": "claimed", "by": "m", "at": "5"}, id="5-0")
    assert [(e["id"], e["action"]) for e in queue.audit_between(0, 10)] == [
        ("c-first", "queued"), ("c-held", "queued"), ("c-held", "claimed")]
    assert [(e["id"], e["action"]) for e in queue.audit(10, comment_id="c-held")] == [
        ("c-held", "claimed"), ("c-held", "queued")]


def test_pages_read_every_entry_once_across_milliseconds(rdb, prefix):
    """Pages end only between milliseconds, so a cursor from either stream loses and repeats nothing."""
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    event = {"type": "comment.queued", "status": "pending", "by": "system", "reason": "[]", "at": "1",
             "article_id": "a"}
    written = []
    for ms in range(1, 8):
        for seq in range(ms % 3 + 1):  # 1-3 entries a millisecond in each stream, their numbers overlapping
            rdb.xadd(queue.key("audit"), {"id": f"a{ms}.{seq}", "action": "claimed", "by": "m"}, id=f"{ms}-{seq}")
            rdb.xadd(queue.key("events"), {**event, "id": f"e{ms}.{seq}"}, id=f"{ms}-{seq + 1}")
            written += [f"a{ms}.{seq}", f"e{ms}.{seq}"]
    for count in (1, 2, 3, 5):
        seen, before = [], "+"
        for _ in range(40):
            page = queue.audit(count, before=before)
            if not page:
                break
            assert len({e["entry"].partition("-")[0] for e in page[count - 1:]}) <= 1  # past count: its last ms only
            seen += [e["id"] for e in page]
            before = page[-1]["entry"]
        assert sorted(seen) == sorted(written), count
        assert seen == [e["id"] for e in reversed(queue.audit_between(0, 100))]


def test_a_submit_written_before_is_read_once(rdb, prefix):
    """An earlier release's submit: its audit entry in the audit stream, its event without article_id."""
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    rdb.xadd(queue.key("audit"), {"id": "c-old", "action": "queued", "from": "", "to": "ready", "by": "system",
                                  "reason": '["spam"]', "at": "7", "article_id": "a", "author_id": "u"}, id="7-0")
    rdb.xadd(queue.key("events"), {"type": "comment.queued", "id": "c-old", "status": "pending", "by": "system",
                                   "reason": '["spam"]', "at": "7", "message": ""}, id="7-0")
    assert [(e["id"], e["action"]) for e in queue.audit(10)] == [("c-old", "queued")]
    assert [(e["id"], e["action"]) for e in queue.audit_between(0, 100)] == [("c-old", "queued")]


def test_the_trail_is_whole_from_the_later_of_its_streams_trims(rdb, prefix):
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    for ms in range(1, 4):
        rdb.xadd(queue.key("audit"), {"id": "a", "action": "claimed"}, id=f"{ms}-0")
        rdb.xadd(queue.key("events"), {"type": "comment.approved", "id": "a"}, id=f"{10 + ms}-0")
    assert queue.audit_complete_from() == 0
    rdb.xtrim(queue.key("events"), maxlen=1, approximate=False)
    assert queue.audit_complete_from() == 13
