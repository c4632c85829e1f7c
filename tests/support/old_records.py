"""A comment record written as SUBMIT wrote it before its `doc` field (session 35): every field its own; queued as
the queue was kept before session 36 (`ready:age` beside `open`, a claimed comment at its arrival in `open`)."""

import json

from moderation.store.records import JSON_FIELDS, risk_rank


def write_old_record(rdb, queue, record, *, queued):
    """HSET the record's fields one by one (JSON fields as JSON text, the others as strings), count it, list it
    and queue it when `queued`, with raw commands: a record stored before the layout change, as readers find it."""
    fields = {name: json.dumps(value, ensure_ascii=False, separators=(",", ":")) if name in JSON_FIELDS else str(value)
              for name, value in record.items() if value is not None}
    fields["attempt"] = "0" * 16
    rank = risk_rank(record["risk"], record["received_at"])
    if queued:
        fields.update(queue_state="ready", claimed_by="", lease_until="0", rank=str(rank))
    else:
        fields["queue_state"] = ""
    key = queue.record_key(record["id"])
    rdb.hset(key, mapping=fields)
    rdb.hincrby(queue.key("stats"), f"submitted:{record['decision']}", 1)
    if record.get("nudged"):
        rdb.hincrby(queue.key("stats"), f"nudged:{record['nudged']}", 1)
    rdb.lpush(queue.key("recent"), record["id"])
    if record.get("author_id"):
        rdb.hincrby(queue.author_key(record["author_id"]), "submitted", 1)
        rdb.lpush(queue.authored_key(record["author_id"]), record["id"])
    if queued:
        rdb.zadd(queue.key("ready"), {record["id"]: rank})
        rdb.zadd(queue.key("ready", "age"), {record["id"]: record["received_at"]})
        rdb.zadd(queue.key("open"), {record["id"]: record["received_at"]})
        for label in record["labels"]:
            rdb.hincrby(queue.key("stats"), f"open:{label}", 1)
    return key


def claim_old(rdb, queue, comment_id, moderator, lease_until):
    """A claim as CLAIM made it before session 36, by raw commands: out of `ready` and `ready:age`, leased, and left at
    its arrival in `open`."""
    rdb.hset(queue.record_key(comment_id), mapping={"queue_state": "claimed", "claimed_by": moderator,
                                                    "lease_until": str(lease_until)})
    rdb.zrem(queue.key("ready"), comment_id)
    rdb.zrem(queue.key("ready", "age"), comment_id)
    rdb.zadd(queue.key("claims"), {comment_id: lease_until})
    rdb.zadd(queue.held_key(moderator), {comment_id: lease_until})


def built_before(record):
    """The 28-field record api/comment_records.build_record made before session 40 (main 053b363's dict, in its
    order), from a record built now: its storage-only fields were then copied out of the comment."""
    comment = record["comment"]
    author = comment["author"] or {}
    return {
        "id": comment["id"], "site": record["site"], "article_id": comment["article_id"], "text": comment["text"],
        "text_sha256": record["text_sha256"], "article_category": record["article_category"],
        "nudged": record["nudged"], "author": comment["author"], "author_id": author.get("id"),
        "author_name": author.get("name"), "ip": comment["ip"], "user_agent": comment["user_agent"],
        "url": comment["url"], "created_at": comment["created_at"], "lang": comment["lang"],
        "article_title": comment["article_title"], "article_url": comment["article_url"],
        "parent_id": comment["parent_id"], "received_at": record["received_at"], "decision": record["decision"],
        "status": record["status"], "scores": record["scores"], "labels": record["labels"],
        "categories": record["categories"], "explanation": record["explanation"],
        "model_version": record["model_version"], "risk": record["risk"],
        "trusted_decision": record["trusted_decision"],
    }


def split_before(record, doc_fields):
    """SUBMIT's fields and doc JSON (bytes; '' for no doc) as main 053b363's Submissions._submit_call split them,
    field by field."""
    from moderation.store.records import encode, encode_bytes

    fields, doc = {}, {}
    for name, value in record.items():
        if value is None:
            continue
        if name in doc_fields:
            doc[name] = value if name in JSON_FIELDS else str(value)
        else:
            fields[name] = encode(value) if name in JSON_FIELDS else str(value)
    return encode_bytes(fields), encode_bytes(doc) if doc else ""
