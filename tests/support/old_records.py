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
