"""ReviewQueue: comment records and the moderators' queue for one site, every change one Lua script."""

import json
import time

from .errors import AlreadyDecided, ClaimedByOther, Conflict, NotFound
from .keys import KeySpace

# Lua helpers shared by the scripts: server time in ms, and putting a claimed item back on the queue.
_COMMON = """
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function audit(key, id, action, from, to, by, reason, at, rec)
  local f = redis.call('HMGET', rec, 'article_id', 'author_id')
  redis.call('XADD', key, 'MAXLEN', '~', 1000000, '*', 'id', id, 'action', action, 'from', from,
    'to', to, 'by', by, 'reason', reason, 'at', at, 'article_id', f[1] or '', 'author_id', f[2] or '')
end
local function event(key, id, kind, status, by, reason, at)
  redis.call('XADD', key, 'MAXLEN', '~', 1000000, '*', 'type', kind, 'id', id, 'status', status, 'by', by,
    'reason', reason, 'at', at)
end
local function label(key, id, task, value, source, by, at, text, score)
  redis.call('XADD', key, '*', 'id', id, 'task', task, 'value', value, 'source', source, 'by', by,
    'at', at, 'text', text, 'score', score or '')
end
local function to_ready(rec, id, ready, ready_age, claims, held_prefix)
  local f = redis.call('HMGET', rec, 'rank', 'received_at', 'claimed_by')
  redis.call('ZADD', ready, f[1], id)
  redis.call('ZADD', ready_age, f[2], id)
  redis.call('ZREM', claims, id)
  if f[3] and f[3] ~= '' then redis.call('ZREM', held_prefix .. f[3], id) end
  redis.call('HSET', rec, 'queue_state', 'ready', 'claimed_by', '', 'lease_until', 0)
  return f[3] or ''
end
local function reap(rec_prefix, ready, ready_age, claims, held_prefix, audit_key, now)
  local expired = redis.call('ZRANGEBYSCORE', claims, '-inf', now, 'LIMIT', 0, 1000)
  for _, id in ipairs(expired) do
    local rec = rec_prefix .. id
    local owner = to_ready(rec, id, ready, ready_age, claims, held_prefix)
    audit(audit_key, id, 'lease_expired', 'claimed', 'ready', owner, '', now, rec)
  end
end
"""

# KEYS: record, ready, ready_age, open, audit, stats, author, events, histogram of the day. ARGV: id, queued,
# rank, received, ttl, decision, labels (JSON array), record fields (JSON object of strings), buckets (JSON).
# One JSON argument for the record keeps the client's packing cheap (it was a third of a request's cost).
_SUBMIT = _COMMON + """
local rec = KEYS[1]
if redis.call('EXISTS', rec) == 1 then return {0, redis.call('HGET', rec, 'text_sha256')} end
local id, queued, rank, received, ttl = ARGV[1], ARGV[2] == '1', ARGV[3], ARGV[4], tonumber(ARGV[5])
local flat = {}
for name, value in pairs(cjson.decode(ARGV[8])) do
  flat[#flat + 1] = name
  flat[#flat + 1] = value
end
redis.call('HSET', rec, unpack(flat))
for _, bucket in ipairs(cjson.decode(ARGV[9])) do redis.call('HINCRBY', KEYS[9], bucket, 1) end
redis.call('EXPIRE', KEYS[9], 40 * 86400)
redis.call('HINCRBY', KEYS[6], 'submitted:' .. ARGV[6], 1)
if KEYS[7] ~= '' then redis.call('HINCRBY', KEYS[7], 'submitted', 1) end
if queued then
  redis.call('HSET', rec, 'queue_state', 'ready', 'claimed_by', '', 'lease_until', 0, 'rank', rank)
  redis.call('ZADD', KEYS[2], rank, id)
  redis.call('ZADD', KEYS[3], received, id)
  redis.call('ZADD', KEYS[4], received, id)
  for _, label in ipairs(cjson.decode(ARGV[7])) do redis.call('HINCRBY', KEYS[6], 'open:' .. label, 1) end
  local now = now_ms()
  audit(KEYS[5], id, 'queued', '', 'ready', 'system', ARGV[7], now, rec)
  event(KEYS[8], id, 'comment.queued', 'pending', 'system', ARGV[7], now)
else
  redis.call('HSET', rec, 'queue_state', '')
  if ARGV[6] == 'reject' then
    local now = now_ms()
    audit(KEYS[5], id, 'auto_rejected', '', 'rejected', 'system', ARGV[7], now, rec)
    event(KEYS[8], id, 'comment.rejected_automatically', 'rejected', 'system', ARGV[7], now)
  end
  if ttl > 0 then redis.call('EXPIRE', rec, ttl) end
end
return {1, ''}
"""

# KEYS: ready|ready_age (the index to walk), ready, ready_age, claims, audit, held(moderator).
# ARGV: moderator, n, lease_ms, record prefix, held prefix, label filter, article filter, scan cap.
_CLAIM = _COMMON + """
local index, ready, ready_age, claims, audit_key, held = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local mod, n, lease = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local rec_prefix, held_prefix, label, article = ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local now = now_ms()
reap(rec_prefix, ready, ready_age, claims, held_prefix, audit_key, now)
local until_ms = now + lease
local out = {}
for _, id in ipairs(redis.call('ZRANGE', held, 0, -1)) do
  if #out >= n then break end
  redis.call('ZADD', held, until_ms, id)
  redis.call('ZADD', claims, until_ms, id)
  redis.call('HSET', rec_prefix .. id, 'lease_until', until_ms)
  table.insert(out, id)
end
if #out >= n then return out end
for _, id in ipairs(redis.call('ZRANGE', index, 0, tonumber(ARGV[8]) - 1)) do
  if #out >= n then break end
  local rec = rec_prefix .. id
  local f = redis.call('HMGET', rec, 'labels', 'article_id')
  local ok = (label == '' or string.find(f[1] or '', '"' .. label .. '"', 1, true) ~= nil)
    and (article == '' or f[2] == article)
  if ok then
    redis.call('HSET', rec, 'queue_state', 'claimed', 'claimed_by', mod, 'lease_until', until_ms)
    redis.call('ZREM', ready, id)
    redis.call('ZREM', ready_age, id)
    redis.call('ZADD', claims, until_ms, id)
    redis.call('ZADD', held, until_ms, id)
    audit(audit_key, id, 'claimed', 'ready', 'claimed', mod, '', now, rec)
    table.insert(out, id)
  end
end
return out
"""

# KEYS: record, ready, ready_age, claims, audit. ARGV: id, moderator, held prefix.
_RELEASE = _COMMON + """
local rec = KEYS[1]
local f = redis.call('HMGET', rec, 'queue_state', 'claimed_by')
if not f[1] then return 'not_found' end
if f[1] ~= 'claimed' or f[2] ~= ARGV[2] then return 'not_held' end
to_ready(rec, ARGV[1], KEYS[2], KEYS[3], KEYS[4], ARGV[3])
audit(KEYS[5], ARGV[1], 'released', 'claimed', 'ready', ARGV[2], '', now_ms(), rec)
return 'ok'
"""

# KEYS: record, ready, ready_age, claims, open, audit, stats, author, events, labels.
# ARGV: id, outcome (approved|rejected), moderator, reason, ttl, held prefix.
_DECIDE = _COMMON + """
local rec = KEYS[1]
local f = redis.call('HMGET', rec, 'queue_state', 'claimed_by', 'lease_until', 'labels', 'decided_by', 'outcome')
if not f[1] then return {'not_found'} end
if f[1] == 'decided' then return {'already_decided', f[5] or '', f[6] or ''} end
if f[1] ~= 'ready' and f[1] ~= 'claimed' then return {'not_queued'} end
local now = now_ms()
if f[1] == 'claimed' and f[2] ~= ARGV[3] and tonumber(f[3]) > now then return {'claimed_by_other', f[2]} end
local id, outcome = ARGV[1], ARGV[2]
redis.call('ZREM', KEYS[2], id)
redis.call('ZREM', KEYS[3], id)
redis.call('ZREM', KEYS[4], id)
redis.call('ZREM', KEYS[5], id)
if f[2] and f[2] ~= '' then redis.call('ZREM', ARGV[6] .. f[2], id) end
local status = 'published'
if outcome == 'rejected' then status = 'rejected' end
redis.call('HSET', rec, 'queue_state', 'decided', 'status', status, 'outcome', outcome, 'decided_by', ARGV[3],
  'decided_at', now, 'reason', ARGV[4], 'claimed_by', '', 'lease_until', 0)
for _, label in ipairs(cjson.decode(f[4])) do redis.call('HINCRBY', KEYS[7], 'open:' .. label, -1) end
redis.call('HINCRBY', KEYS[7], 'decided:' .. outcome, 1)
if KEYS[8] ~= '' then redis.call('HINCRBY', KEYS[8], outcome, 1) end
audit(KEYS[6], id, outcome, f[1], status, ARGV[3], ARGV[4], now, rec)
event(KEYS[9], id, 'comment.' .. outcome, status, ARGV[3], ARGV[4], now)
local g = redis.call('HMGET', rec, 'text', 'scores')
local text, scores = g[1] or '', cjson.decode(g[2] or '{}')
if outcome == 'approved' then
  for _, task in ipairs(cjson.decode(f[4])) do
    label(KEYS[10], id, task, 0, 'moderator', ARGV[3], now, text, scores[task])
  end
elseif ARGV[4] == 'spam' or ARGV[4] == 'abuse' then
  label(KEYS[10], id, ARGV[4], 1, 'moderator', ARGV[3], now, text, scores[ARGV[4]])
end
if tonumber(ARGV[5]) > 0 then redis.call('EXPIRE', rec, ARGV[5]) end
return {'ok', tostring(now)}
"""

# Undo (by the decider, within a window) or reopen (by an admin): a decided item goes back to the queue.
# KEYS: record, ready, ready_age, claims, open, audit, stats, author, held(moderator), events, labels.
# ARGV: id, moderator, mode (undo|reopen), window ms, lease ms, reason.
_REOPEN = _COMMON + """
local rec = KEYS[1]
local f = redis.call('HMGET', rec, 'queue_state', 'decided_by', 'decided_at', 'labels', 'outcome',
  'rank', 'received_at')
if not f[1] then return 'not_found' end
if f[1] ~= 'decided' then return 'not_decided' end
local now = now_ms()
local id, mod, mode = ARGV[1], ARGV[2], ARGV[3]
if mode == 'undo' and (f[2] ~= mod or now - tonumber(f[3]) > tonumber(ARGV[4])) then return 'too_late' end
redis.call('PERSIST', rec)
redis.call('HSET', rec, 'status', 'pending', 'outcome', '', 'decided_by', '', 'decided_at', '', 'reason', '')
redis.call('ZADD', KEYS[5], f[7], id)
if mode == 'undo' then
  local until_ms = now + tonumber(ARGV[5])
  redis.call('HSET', rec, 'queue_state', 'claimed', 'claimed_by', mod, 'lease_until', until_ms)
  redis.call('ZADD', KEYS[4], until_ms, id)
  redis.call('ZADD', KEYS[9], until_ms, id)
else
  redis.call('HSET', rec, 'queue_state', 'ready', 'claimed_by', '', 'lease_until', 0)
  redis.call('ZADD', KEYS[2], f[6], id)
  redis.call('ZADD', KEYS[3], f[7], id)
end
for _, label in ipairs(cjson.decode(f[4])) do redis.call('HINCRBY', KEYS[7], 'open:' .. label, 1) end
redis.call('HINCRBY', KEYS[7], 'decided:' .. f[5], -1)
if KEYS[8] ~= '' then redis.call('HINCRBY', KEYS[8], f[5], -1) end
audit(KEYS[6], id, mode == 'undo' and 'undone' or 'reopened', f[5], 'pending', mod, ARGV[6], now, rec)
event(KEYS[10], id, 'comment.reopened', 'pending', mod, ARGV[6], now)
redis.call('XADD', KEYS[11], '*', 'id', id, 'retract', 1, 'source', 'moderator', 'by', mod, 'at', now)
return 'ok'
"""

# A reader's report: counted on the record, kept as a label, and a published comment that reaches the
# report threshold goes to the review queue (it stays visible until a moderator rejects it).
# KEYS: record, ready, ready_age, open, audit, stats, labels. ARGV: id, reason, reporter, min reports, rank.
_REPORT = _COMMON + """
local rec = KEYS[1]
local f = redis.call('HMGET', rec, 'queue_state', 'status', 'labels', 'text', 'received_at')
if not f[1] then return 'not_found' end
local id, reason, reporter = ARGV[1], ARGV[2], ARGV[3]
local now = now_ms()
local n = redis.call('HINCRBY', rec, 'reports', 1)
if reason == 'spam' or reason == 'abuse' then
  label(KEYS[7], id, reason, 1, 'report', reporter, now, f[4] or '')
end
if f[1] ~= '' or f[2] ~= 'published' or n < tonumber(ARGV[4]) then return 'recorded' end
local labels = cjson.decode(f[3])
local tag = reason
if reason ~= 'spam' and reason ~= 'abuse' then tag = 'reported' end
local seen = false
for _, l in ipairs(labels) do if l == tag then seen = true end end
if not seen then table.insert(labels, tag) end
redis.call('PERSIST', rec)
redis.call('HSET', rec, 'labels', cjson.encode(labels), 'queue_state', 'ready', 'claimed_by', '', 'lease_until', 0,
  'rank', ARGV[5])
redis.call('ZADD', KEYS[2], ARGV[5], id)
redis.call('ZADD', KEYS[3], f[5], id)
redis.call('ZADD', KEYS[4], f[5], id)
for _, l in ipairs(labels) do redis.call('HINCRBY', KEYS[6], 'open:' .. l, 1) end
audit(KEYS[5], id, 'reported', '', 'ready', reporter, reason, now, rec)
return 'queued'
"""

_JSON_FIELDS = ("scores", "labels", "explanation", "author")


def score_bucket(p):
    """The percentile bucket 0-99 a score is counted in, for the per-day score histogram."""
    return min(99, max(0, int(p * 100)))


def risk_rank(risk, received_ms):
    """Sort key for the risk-ordered queue: higher risk first, then older first (exact below 2**53)."""
    return (10_000 - round(min(max(risk, 0.0), 1.0) * 10_000)) * 10**10 + received_ms // 1000


class ReviewQueue:
    """The review queue of one site: atomic submit, claim with a lease, decide once, audit every step."""

    def __init__(self, redis, site, *, prefix="mod:", lease_seconds=300, record_ttl_days=90, published_ttl_days=30):
        self.redis = redis
        self.site = site
        self.keys = KeySpace(prefix)
        self.lease_ms = int(lease_seconds * 1000)
        self.record_ttl = int(record_ttl_days * 86400)
        self.published_ttl = int(published_ttl_days * 86400)
        self._submit = redis.register_script(_SUBMIT)
        self._claim = redis.register_script(_CLAIM)
        self._release = redis.register_script(_RELEASE)
        self._decide = redis.register_script(_DECIDE)
        self._reopen = redis.register_script(_REOPEN)
        self._report = redis.register_script(_REPORT)

    def key(self, *parts):
        return self.keys.site(self.site, *parts)

    def record_key(self, comment_id):
        return self.key("c", comment_id)

    def author_key(self, author_id):
        return self.key("author", author_id) if author_id else ""

    # -- writes -----------------------------------------------------------------------------------------

    def _submit_call(self, record, queued):
        fields = {name: json.dumps(value, ensure_ascii=False) if name in _JSON_FIELDS else str(value)
                  for name, value in record.items() if value is not None}
        rank = risk_rank(record["risk"], record["received_at"])
        day = time.strftime("%Y%m%d", time.gmtime(record["received_at"] / 1000))
        buckets = [f"{label}:{score_bucket(p)}" for label, p in sorted(record["scores"].items())]
        keys = [self.record_key(record["id"]), self.key("ready"), self.key("ready", "age"), self.key("open"),
                self.key("audit"), self.key("stats"), self.author_key(record.get("author_id")), self.key("events"),
                self.key("hist", day)]
        ttl = self.published_ttl if record["decision"] == "allow" else self.record_ttl
        args = [record["id"], "1" if queued else "0", rank, record["received_at"], ttl, record["decision"],
                json.dumps(record["labels"]), json.dumps(fields, ensure_ascii=False), json.dumps(buckets)]
        return keys, args

    def submit(self, record, *, queued):
        """Store a scored comment, and queue it when flagged, in one step; returns (created, stored sha256)."""
        keys, args = self._submit_call(record, queued)
        created, existing_sha = self._submit(keys=keys, args=args)
        return bool(created), existing_sha

    def submit_many(self, items):
        """submit() for many (record, queued) pairs in one round trip; an exception in place of a failed one."""
        pipe = self.redis.pipeline(transaction=False)
        for record, queued in items:
            keys, args = self._submit_call(record, queued)
            self._submit(keys=keys, args=args, client=pipe)
        return [result if isinstance(result, Exception) else (bool(result[0]), result[1])
                for result in pipe.execute(raise_on_error=False)]

    def claim(self, moderator, n=10, *, order="risk", label="", article_id="", scan=2000):
        """Lease up to n items to a moderator (their live claims first); expired leases return first."""
        index = self.key("ready") if order == "risk" else self.key("ready", "age")
        ids = self._claim(
            keys=[index, self.key("ready"), self.key("ready", "age"), self.key("claims"), self.key("audit"),
                  self.key("held", moderator)],
            args=[moderator, n, self.lease_ms, self.record_key(""), self.key("held", ""), label or "",
                  article_id or "", scan],
        )
        return [c for c in (self.get(i) for i in ids) if c is not None]

    def release(self, comment_id, moderator):
        """Skip: give a claimed item back to the queue."""
        result = self._release(
            keys=[self.record_key(comment_id), self.key("ready"), self.key("ready", "age"), self.key("claims"),
                  self.key("audit")],
            args=[comment_id, moderator, self.key("held", "")],
        )
        if result == "not_found":
            raise NotFound("no such comment", "id")
        if result == "not_held":
            raise Conflict("this comment is not claimed by you", "id", code="not_claimed")

    def decide(self, comment_id, action, moderator, reason=""):
        """Approve or reject once; a second decision is a conflict, never an overwrite."""
        outcome = {"approve": "approved", "reject": "rejected"}.get(action)
        if outcome is None:
            raise Conflict(f"unknown action {action!r}", "action", code="invalid_action", status=400)
        record = self.get(comment_id)
        author = self.author_key(record.get("author_id")) if record else ""
        result = self._decide(
            keys=[self.record_key(comment_id), self.key("ready"), self.key("ready", "age"), self.key("claims"),
                  self.key("open"), self.key("audit"), self.key("stats"), author, self.key("events"),
                  self.key("labels")],
            args=[comment_id, outcome, moderator, reason or "", self.record_ttl, self.key("held", "")],
        )
        status = result[0]
        if status == "not_found":
            raise NotFound("no such comment", "id")
        if status == "already_decided":
            raise AlreadyDecided(f"already {result[2]} by {result[1]}", "id", by=result[1], outcome=result[2])
        if status == "claimed_by_other":
            raise ClaimedByOther(f"claimed by {result[1]}", "id", by=result[1])
        if status == "not_queued":
            raise Conflict("this comment is not in the review queue", "id", code="not_queued")
        return self.get(comment_id)

    def undo(self, comment_id, moderator, window_seconds=10):
        """Take back one's own decision within the window; the item returns claimed by the same moderator."""
        return self._back_to_queue(comment_id, moderator, "undo", window_seconds, "")

    def reopen(self, comment_id, admin, reason=""):
        """An admin puts a decided comment back on the queue."""
        return self._back_to_queue(comment_id, admin, "reopen", 0, reason)

    def _back_to_queue(self, comment_id, moderator, mode, window_seconds, reason):
        record = self.get(comment_id)
        author = self.author_key(record.get("author_id")) if record else ""
        result = self._reopen(
            keys=[self.record_key(comment_id), self.key("ready"), self.key("ready", "age"), self.key("claims"),
                  self.key("open"), self.key("audit"), self.key("stats"), author, self.key("held", moderator),
                  self.key("events"), self.key("labels")],
            args=[comment_id, moderator, mode, int(window_seconds * 1000), self.lease_ms, reason or ""],
        )
        if result == "not_found":
            raise NotFound("no such comment", "id")
        if result == "not_decided":
            raise Conflict("this comment has not been decided", "id", code="not_decided")
        if result == "too_late":
            raise Conflict("only your own decision, within the undo window", "id", code="undo_expired")
        return self.get(comment_id)

    def report(self, comment_id, reason, reporter="", min_reports=1):
        """Record a reader's report; returns "queued" when it sent a published comment to review."""
        record = self.get(comment_id)
        if record is None:
            raise NotFound("no such comment", "id")
        result = self._report(
            keys=[self.record_key(comment_id), self.key("ready"), self.key("ready", "age"), self.key("open"),
                  self.key("audit"), self.key("stats"), self.key("labels")],
            args=[comment_id, reason, reporter or "", min_reports, risk_rank(record["risk"], record["received_at"])],
        )
        if result == "not_found":
            raise NotFound("no such comment", "id")
        return result

    # -- reads ------------------------------------------------------------------------------------------

    def get(self, comment_id):
        """The comment's record as a dict, or None."""
        raw = self.redis.hgetall(self.record_key(comment_id))
        if not raw:
            return None
        for name in _JSON_FIELDS:
            if name in raw:
                raw[name] = json.loads(raw[name])
        for name in ("received_at", "lease_until", "decided_at"):
            if raw.get(name):
                raw[name] = int(raw[name])
        raw["risk"] = float(raw.get("risk", 0))
        return raw

    def author_history(self, author_id):
        raw = self.redis.hgetall(self.author_key(author_id)) if author_id else {}
        return {name: int(raw.get(name, 0)) for name in ("submitted", "approved", "rejected")}

    def stats(self):
        """Open items per label, pending and claimed counts, age of the oldest open item and totals."""
        pipe = self.redis.pipeline(transaction=False)
        pipe.hgetall(self.key("stats"))
        pipe.zcard(self.key("open"))
        pipe.zcard(self.key("ready"))
        pipe.zcard(self.key("claims"))
        pipe.zrange(self.key("open"), 0, 0, withscores=True)
        pipe.time()
        counters, open_count, ready, claimed, oldest, (sec, usec) = pipe.execute()
        now_ms = sec * 1000 + usec // 1000
        return {
            "open": open_count,
            "ready": ready,
            "claimed": claimed,
            "by_label": {k.split(":", 1)[1]: int(v) for k, v in counters.items() if k.startswith("open:")},
            "oldest_age_seconds": round((now_ms - oldest[0][1]) / 1000, 1) if oldest else 0,
            "counters": {k: int(v) for k, v in counters.items() if not k.startswith("open:")},
        }

    def audit(self, count=100, *, before="+", moderator="", author_id="", article_id="", comment_id=""):
        """Newest-first audit entries matching the filters (scans at most 50 times `count` entries)."""
        wanted = {"by": moderator, "author_id": author_id, "article_id": article_id, "id": comment_id}
        wanted = {k: v for k, v in wanted.items() if v}
        out, cursor, scanned = [], before, 0
        while len(out) < count and scanned < count * 50:
            batch = self.redis.xrevrange(self.key("audit"), max=cursor, count=max(count, 200))
            if cursor != "+" and batch and batch[0][0] == cursor:
                batch = batch[1:]
            if not batch:
                break
            for entry_id, fields in batch:
                scanned += 1
                if all(fields.get(k) == v for k, v in wanted.items()):
                    out.append({"entry": entry_id, **fields, "at": int(fields.get("at", 0))})
                    if len(out) == count:
                        break
            cursor = batch[-1][0]
        return out


def get_queue(site):
    """The ReviewQueue of a site, built once per app from its configuration."""
    from flask import current_app

    from .connections import get_redis

    queues = current_app.extensions.setdefault("moderation.queues", {})
    if site not in queues:
        config = current_app.config
        queues[site] = ReviewQueue(
            get_redis(), site, prefix=config["REDIS_PREFIX"], lease_seconds=float(config["LEASE_SECONDS"]),
            record_ttl_days=float(config["RECORD_TTL_DAYS"]), published_ttl_days=float(config["PUBLISHED_TTL_DAYS"]),
        )
    return queues[site]
