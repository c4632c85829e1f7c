"""SUBMIT takes the record's fields as a flat JSON array (name, value, ...: records.flat) and hands them to HSET as
they are, after the values its rules read: the stored hash is the record's fields, its doc and SUBMIT's own fields,
each once, whatever the fields' order, with a rule's decision and status written over the record's in place (or
added where the record had none), on a real server."""

import json
import random

import pytest

from moderation.store.author_standing import StandingConfig
from moderation.store.records import DOC_FIELDS, risk_rank, split
from moderation.store.review_queue import ReviewQueue

NOW = 1_796_000_000_000
STATUS = {"allow": "published", "review": "pending", "reject": "rejected"}


def _record(n, decision="review", **extra):
    record = {"id": f"f-{n}", "site": "test", "article_id": f"art-{n % 3}", "text": f"テキスト {n} \"q\" \\",
              "text_sha256": f"sha-{n}", "author": {"id": f"u-{n}", "name": "名前"}, "author_id": f"u-{n}",
              "author_name": "名前", "received_at": NOW, "decision": decision, "status": STATUS[decision],
              "scores": {"spam": 0.9, "abuse": 0.1}, "labels": ["spam"] if decision != "allow" else [],
              "categories": {"threat": 0.2}, "explanation": [], "model_version": "v-test", "risk": 0.9,
              "article_category": "politics", "article_title": "題名", "nudged": "revised"}
    record.update(extra)
    return {name: value for name, value in record.items() if value is not None}


def _expected(queue, record, *, decision, reason, queued, mode="open", standing=None, strike=None):
    """What the hash must hold: split()'s fields and doc as sent, then SUBMIT's own fields (the attempt aside)."""
    fields, doc = split(record, queue.doc_fields)
    if doc:
        fields["doc"] = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    if reason:
        fields.update(decision=decision, status=STATUS[decision], decision_reason=reason)
    if mode != "open":
        fields["article_mode"] = mode
    if standing:
        fields["author_standing"] = standing
    if strike:
        fields["strike"] = strike
    if queued or not queue.state_when_queued:  # an empty one only while an earlier release serves
        fields["queue_state"] = "ready" if queued else ""
    if queued:
        fields["rank"] = str(risk_rank(record["risk"], record["received_at"]))
    return fields


def _stored(rdb, queue, record):
    stored = rdb.hgetall(queue.record_key(record["id"]))
    assert len(stored.pop("attempt")) == 16
    if "doc" in stored:  # the doc's bytes are orjson's: compared as the object they hold
        stored["doc"] = json.dumps(json.loads(stored["doc"]), ensure_ascii=False, separators=(",", ":"))
    return stored


@pytest.mark.parametrize("record_doc", [True, False])
def test_the_fields_are_stored_as_sent_in_any_order_with_the_rules_own_after_them(rdb, prefix, record_doc):
    standing = StandingConfig({"enabled": True, "trusted_review_scale": 2.0})
    queue = ReviewQueue(rdb, "test", prefix=prefix, standing=standing, record_doc=record_doc, now_ms=lambda: NOW)
    queue.articles.set_mode("art-1", "closed", "editor", now_ms=NOW)
    queue.articles.set_mode("art-2", "premoderated", "editor", now_ms=NOW)
    queue.standing.set("u-trusted", "trusted", "editor", now_ms=NOW)
    rng = random.Random(42)
    checked = set()
    for n in range(48):
        decision = ("allow", "review", "reject")[n % 3]
        extra = {}
        if n % 4 == 3:  # the trusted author (else each comment's own, good until its own strike)
            extra.update(author={"id": "u-trusted", "name": "名前"}, author_id="u-trusted")
            decision = "review" if decision == "reject" else decision  # no strike: trusted stays trusted
            extra["trusted_decision"] = "allow" if decision == "review" else None  # its relaxed threshold
        if n % 5 == 0:
            extra["status"] = None  # a record without the field: a rule's status is added, not written over
        if n % 7 == 0:
            extra.update(article_category=None, article_title=None, nudged=None)
        record = _record(n, decision, **extra)
        record = dict(rng.sample(list(record.items()), len(record)))  # any order of the fields
        queued = decision == "review"
        sent = dict(record)  # submit() updates its record with the script's answer
        assert queue.submit(record, queued=queued)[0]
        record = sent
        mode = {1: "closed", 2: "premoderated"}.get(n % 3, "open")
        final, reason = decision, ""
        if mode == "closed":
            final, reason = "reject", "article_closed"
        elif mode == "premoderated" and decision == "allow":
            final, reason = "review", "article_premoderated"
        if reason == "" and record.get("trusted_decision"):
            final, reason = record["trusted_decision"], "author_trusted"
        strike = None
        if decision == "reject":
            strike = f"{record['id']}|{queue.standing.weight(record['labels'])}"
        stored = _stored(rdb, queue, record)
        level = stored.get("author_standing")  # after this comment's strike: test_author_standing.py says how
        assert level == ("trusted" if n % 4 == 3 else "good" if decision != "reject" else level)
        expected = _expected(queue, record, decision=final, reason=reason, queued=final == "review" if reason else
                             queued, mode=mode, standing=level, strike=strike)
        assert stored == expected, record["id"]
        checked.add((mode, reason, "status" in record, bool(strike)))
    assert len(checked) >= 8  # closed, premoderated and open articles, trusted authors, strikes, no status field
    assert set(DOC_FIELDS) & set(_record(0)) <= set(DOC_FIELDS)
