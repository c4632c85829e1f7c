"""The comment record's layout (records.DOC_FIELDS in one `doc` field): every reader answers as it did, and a record
stored before the change still reads the same."""

import time

from moderation.store.author_standing import StandingConfig
from moderation.store.records import DOC_FIELDS
from moderation.store.review_queue import ReviewQueue
from tests.support.old_records import write_old_record

EXPLANATION = [{"label": "abuse", "start": 0, "end": 3, "text": "ばか者", "feature": "abuse_ja", "weight": 2.5}]


def full_record(comment_id, decision="review"):
    """A record with every field build_record can give it (the API's), optional ones too."""
    held = decision == "review"
    return {"id": comment_id, "site": "s", "article_id": "art-9", "text": "このばか者が 記事を読め",
            "text_sha256": "ab" * 32, "article_category": "politics", "nudged": "revised",
            "author": {"id": "u-9", "name": "山田"}, "author_id": "u-9", "author_name": "山田", "ip": "203.0.113.9",
            "user_agent": "Mozilla/5.0 (X11)",
            "url": "https://news.example/a/9", "created_at": "2026-12-04T10:00:00Z", "lang": "ja",
            "article_title": "首相の訪問", "article_url": "https://news.example/a", "parent_id": "c-1",
            "received_at": int(time.time() * 1000), "decision": decision,
            "status": "pending" if held else "published", "scores": {"spam": 0.000521, "abuse": 0.91 if held else 0.01},
            "labels": ["abuse"] if held else [],
            "categories": {"threat": 0.0012, "harassment": 0.538181, "defamation": 0.0},
            "explanation": EXPLANATION if held else [], "model_version": "2026.12.04-7", "risk": 0.91 if held else 0.01,
            "trusted_decision": "allow" if held else None}


def _queues(rdb, prefix):
    """The same settings for a site written now and one whose records are written the old way."""
    standing = StandingConfig({"enabled": False})  # the old writer writes no standing
    return (ReviewQueue(rdb, "now", prefix=prefix, standing=standing),
            ReviewQueue(rdb, "old", prefix=prefix, standing=standing))


def _without_token(record):
    return {k: v for k, v in record.items() if k != "attempt"} if record else record


def test_a_record_stores_its_write_once_fields_in_one_doc_field(rdb, prefix):
    now, _ = _queues(rdb, prefix)
    assert now.submit(full_record("c-1"), queued=True) == (True, "")
    fields = rdb.hkeys(now.record_key("c-1"))
    assert "doc" in fields and not DOC_FIELDS & set(fields)
    assert {"text", "labels", "categories", "queue_state", "article_category", "trusted_decision"} <= set(fields)
    assert not {"claimed_by", "lease_until"} & set(fields)  # unclaimed: no empty claim written
    assert (now.get("c-1")["claimed_by"], now.get("c-1")["lease_until"]) == ("", 0)  # answered as before
    assert now.submit(full_record("c-1"), queued=True) == (False, "ab" * 32)  # the site's retry: its stored sha


def test_a_record_written_before_the_doc_field_reads_as_one_written_now(rdb, prefix):
    now, old = _queues(rdb, prefix)
    for comment_id, decision in (("c-held", "review"), ("c-clean", "allow")):
        record = full_record(comment_id, decision)
        assert now.submit(dict(record), queued=decision == "review") == (True, "")
        write_old_record(rdb, old, dict(record), queued=decision == "review")
        assert _without_token(now.get(comment_id)) == _without_token(old.get(comment_id))
        assert now.get(comment_id)["author"] == {"id": "u-9", "name": "山田"}
        assert now.get(comment_id)["risk"] == record["risk"]
        assert now.summaries([comment_id]) == old.summaries([comment_id])
        assert now.peek(comment_id) == old.peek(comment_id)
        assert now.states([comment_id]) == old.states([comment_id])
    found = now.search("ばか者")
    assert found == old.search("ばか者") and [r["id"] for r in found] == ["c-clean", "c-held"]
    assert now.authored("u-9") == old.authored("u-9")
    assert now.stats()["counters"] == old.stats()["counters"]
    claimed = [[_without_token(r) | {"lease_until": 0} for r in queue.claim("hanako")] for queue in (now, old)]
    assert claimed[0] == claimed[1] and [r["id"] for r in claimed[0]] == ["c-held"]
    leases = [[(r["id"], r["by"], r["text"]) for r in queue.leases()] for queue in (now, old)]
    assert leases[0] == leases[1] == [("c-held", "hanako", "このばか者が 記事を読め")]
    for queue in (now, old):
        queue.decide("c-held", "reject", "hanako", "abuse", category=True)
    decided = [_without_token(queue.get("c-held")) for queue in (now, old)]
    for record in decided:
        assert record.pop("decided_at") > 0 and record.pop("lease_until") == 0
    assert decided[0] == decided[1] and decided[0]["outcome"] == "rejected"
    labels = [[{k: v for k, v in fields.items() if k != "at"} for _, fields in rdb.xrange(queue.key("labels"))]
              for queue in (now, old)]
    assert labels[0] == labels[1] and [entry["score"] for entry in labels[0]] == ["0.91", "0.91"]  # doc's scores
    assert now.stats()["counters"] == old.stats()["counters"]


def test_during_a_rolling_upgrade_records_are_written_as_earlier_releases_read_them(rdb, prefix):
    """MODERATION_RECORD_DOC=0: no `doc`, every field its own with the bytes the earlier layout had (an older instance
    finds author, risk, scores, text_sha256 and id where it looks), and this release reads them back the same."""
    standing = StandingConfig({"enabled": False})
    compat = ReviewQueue(rdb, "compat", prefix=prefix, standing=standing, record_doc=False)
    old = ReviewQueue(rdb, "old", prefix=prefix, standing=standing)
    for comment_id, decision in (("c-held", "review"), ("c-clean", "allow")):
        record = full_record(comment_id, decision)
        assert compat.submit(dict(record), queued=decision == "review") == (True, "")
        write_old_record(rdb, old, dict(record), queued=decision == "review")
        written, earlier = (rdb.hgetall(queue.record_key(comment_id)) for queue in (compat, old))
        assert "doc" not in written and DOC_FIELDS <= set(written)
        assert {name: written[name] for name in DOC_FIELDS} == {name: earlier[name] for name in DOC_FIELDS}
        assert _without_token(compat.get(comment_id)) == _without_token(old.get(comment_id))
    assert compat.submit(full_record("c-held"), queued=True) == (False, "ab" * 32)  # a retry answered from the field
