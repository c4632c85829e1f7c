"""The stored comment record: which fields are JSON, how they are written to Redis and read back, its queue rank."""

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
    return raw


def score_bucket(p):
    """The percentile bucket 0-99 a score is counted in, for the per-day score histogram."""
    return min(99, max(0, int(p * 100)))


def risk_rank(risk, received_ms):
    """Sort key for the risk-ordered queue: higher risk first, then older first (exact below 2**53)."""
    return (10_000 - round(min(max(risk, 0.0), 1.0) * 10_000)) * 10**10 + received_ms // 1000
