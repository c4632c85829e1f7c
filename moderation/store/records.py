"""The stored comment record: which fields are JSON, how they are written to Redis and read back, its queue rank."""

import functools
import json

import orjson

# Fields kept as JSON text in the record's hash; every other field is a plain string.
JSON_FIELDS = ("scores", "categories", "labels", "explanation", "author")
INT_FIELDS = ("received_at", "lease_until", "decided_at")
# Fields written once at submit that get() reads, and few else: kept together in the record's one `doc` field (a JSON
# object, JSON fields as JSON, the others as the strings they were), so SUBMIT's HSET is ~14 fields fewer (a listpack's
# HSET looks every field up: O(fields^2)) and its script decodes none of them. Every field another command reads
# or changes stays a field of its own, but for three read rarely, from the doc then: id (summaries: the id asked
# for), text_sha256 (SUBMIT, for a retry of a stored id) and scores (DECIDE's training label). A record written
# before (no `doc`) reads as it did.
DOC_FIELDS = frozenset(("id", "site", "text_sha256", "scores", "author", "ip", "user_agent", "url", "created_at",
                        "lang", "article_url", "parent_id", "explanation", "risk"))


_JSON = frozenset(JSON_FIELDS)


def split(record, doc_fields):
    """A record's stored fields and doc, each a dict (None values left out; JSON fields as JSON text among the fields,
    as JSON values in the doc; every other value as its str()): what SUBMIT stores of any record dict."""
    fields, doc = {}, {}
    for name, value in record.items():
        if value is None:
            continue
        if name in doc_fields:  # the record's `doc` field: JSON within it, not JSON text in JSON
            doc[name] = value if name in _JSON else str(value)
        else:
            fields[name] = encode(value) if name in _JSON else str(value)
    return fields, doc


def full(record):
    """The record a built one (api/comment_records.build_record: its storage-only fields left in its parsed
    `comment`) stands for, every field in the order split() writes them."""
    comment = record["comment"]
    author = comment["author"]
    return {"id": record["id"], "site": record["site"], "article_id": record["article_id"], "text": record["text"],
            "text_sha256": record["text_sha256"], "article_category": record["article_category"],
            "nudged": record["nudged"], "author": author, "author_id": record["author_id"],
            "author_name": author.get("name") if author else None, "ip": comment["ip"],
            "user_agent": comment["user_agent"], "url": comment["url"], "created_at": comment["created_at"],
            "lang": comment["lang"], "article_title": comment["article_title"], "article_url": comment["article_url"],
            "parent_id": comment["parent_id"], "received_at": record["received_at"], "decision": record["decision"],
            "status": record["status"], "scores": record["scores"], "labels": record["labels"],
            "categories": record["categories"], "explanation": record["explanation"],
            "model_version": record["model_version"], "risk": record["risk"],
            "trusted_decision": record["trusted_decision"]}


def flat(fields):
    """A record's fields (split()'s dict) as SUBMIT takes them: name, value, name, value... in one list (its Lua hands
    them to HSET as they are, without making a table of them and flattening it again)."""
    return [item for pair in fields.items() for item in pair]


def documents(record, labels):
    """SUBMIT's fields (flat) and doc JSON (bytes) of a built record (see full()), `labels` its labels' JSON: split(
    full(record), DOC_FIELDS)'s, flat, in one pass, without the 28-field dict (every value is a str, None or a JSON
    value there: parse_comment's and build_record's; tests/test_submit_documents.py)."""
    comment = record["comment"]
    author = comment["author"]
    fields = ["article_id", record["article_id"], "text", record["text"]]
    if (value := record["article_category"]) is not None:
        fields += ("article_category", value)
    if (value := record["nudged"]) is not None:
        fields += ("nudged", value)
    if (value := record["author_id"]) is not None:
        fields += ("author_id", value)
    if author and (value := author.get("name")) is not None:
        fields += ("author_name", value)
    if (value := comment["article_title"]) is not None:
        fields += ("article_title", value)
    fields += ("received_at", str(record["received_at"]), "decision", record["decision"], "status", record["status"],
               "labels", labels, "categories", encode(record["categories"]), "model_version", record["model_version"])
    if (value := record["trusted_decision"]) is not None:
        fields += ("trusted_decision", value)
    doc = {"id": record["id"], "site": record["site"], "text_sha256": record["text_sha256"]}
    if author is not None:
        doc["author"] = author
    if (value := comment["ip"]) is not None:  # each its own line: 20% faster than a loop over the names
        doc["ip"] = value
    if (value := comment["user_agent"]) is not None:
        doc["user_agent"] = value
    if (value := comment["url"]) is not None:
        doc["url"] = value
    if (value := comment["created_at"]) is not None:
        doc["created_at"] = value
    if (value := comment["lang"]) is not None:
        doc["lang"] = value
    if (value := comment["article_url"]) is not None:
        doc["article_url"] = value
    if (value := comment["parent_id"]) is not None:
        doc["parent_id"] = value
    doc["scores"], doc["explanation"], doc["risk"] = record["scores"], record["explanation"], str(record["risk"])
    try:
        return orjson.dumps(fields), orjson.dumps(doc)
    except TypeError:  # what orjson refuses (a numpy float in an explanation): encode_bytes, as split()'s were
        return encode_bytes(fields), encode_bytes(doc)


def encode_bytes(value):
    """Compact UTF-8 JSON for Redis, as the bytes it receives (orjson; the standard library for what it refuses)."""
    try:
        return orjson.dumps(value)
    except TypeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def encode(value):
    """encode_bytes() as text (orjson called here, not through encode_bytes: a submit encodes six values)."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def decode(raw):
    """A record's hash as Redis returns it -> the record as a dict (JSON fields parsed, times as ints)."""
    doc = raw.pop("doc", None)
    for name in JSON_FIELDS:
        if name in raw:
            raw[name] = json.loads(raw[name])
    if doc:  # its JSON fields are parsed with it
        raw.update(json.loads(doc))
    for name in INT_FIELDS:
        if raw.get(name):
            raw[name] = int(raw[name])
    raw["risk"] = float(raw.get("risk", 0))
    if raw.get("queue_state") == "ready" and "claimed_by" not in raw:  # SUBMIT writes no empty claim (session 36)
        raw["claimed_by"], raw["lease_until"] = "", 0
    raw.setdefault("queue_state", "")  # never queued: SUBMIT writes none (session 43), read as the empty one it wrote
    return raw


def score_bucket(p):
    """The percentile bucket 0-99 a score is counted in, for the per-day score histogram."""
    return min(99, max(0, int(p * 100)))


_BUCKET_TEXT = [str(n) for n in range(100)] + ["99"]  # score_bucket's answer as text, by int(p * 100) in 0..100


@functools.lru_cache(maxsize=16)
def _in_order(labels):
    """The scores' labels sorted, each with its field's start ("abuse:"): worked out once per set of labels."""
    return tuple((label, f"{label}:") for label in sorted(labels))


def bucket_fields(scores):
    """The day's histogram fields of one comment's scores, "label:bucket" in label order (score_bucket's buckets: 2.6x
    faster than formatting each through it, the labels sorted once a model)."""
    return [head + _BUCKET_TEXT[n] if 0 <= (n := int(scores[label] * 100)) <= 100
            else head + str(score_bucket(scores[label])) for label, head in _in_order(tuple(scores))]


def risk_rank(risk, received_ms):
    """Sort key for the risk-ordered queue: higher risk first, then older first (exact below 2**53)."""
    return (10_000 - round(min(max(risk, 0.0), 1.0) * 10_000)) * 10**10 + received_ms // 1000
