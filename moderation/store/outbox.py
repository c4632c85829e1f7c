"""OutboxStore: one site's delivery bookkeeping for the webhook worker (integrations/outbox.py sends).

Source of truth: the site's events stream, appended by the review queue's Lua scripts, read through the
consumer group ``outbox`` (at-least-once: an entry is XACKed only once it was delivered, or handed to the
retry schedule in the same MULTI). Failed deliveries wait in the retry ZSET (next attempt time in ms) with
their state in the jobs HASH; dead letters go to a LIST, counters to a HASH (keys.py has the table).
"""

import json

from redis.exceptions import ResponseError

from moderation.store import connection
from moderation.store.keys import KeySpace

GROUP = "outbox"
DEAD_LETTER_LIMIT = 100_000

# KEYS: retry, jobs, this worker's leases. ARGV: now ms, lease ms, limit. Leases due jobs so two workers never send
# the same one. A job this worker leased and never finished (a pass a Redis error cut short, or this script's answer
# lost and the call sent again) is its own again at once, not when the lease runs out.
TAKE_DUE = """
local now, lease = tonumber(ARGV[1]), tonumber(ARGV[2])
local out, taken = {}, {}
local function take(id)
  redis.call('ZADD', KEYS[1], now + lease, id)
  redis.call('SADD', KEYS[3], id)
  taken[id] = true
  table.insert(out, id)
  table.insert(out, redis.call('HGET', KEYS[2], id) or '')
end
for _, id in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  if redis.call('ZSCORE', KEYS[1], id) then take(id) else redis.call('SREM', KEYS[3], id) end
end
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))) do
  if not taken[id] then take(id) end
end
redis.call('PEXPIRE', KEYS[3], lease)
return out
"""


class OutboxStore:
    """The consumer group, retry schedule, jobs, dead letters and counters of one site's webhook."""

    def __init__(self, redis, site, prefix="mod:"):
        self.redis, self.site = redis, site
        keys = self._keys = KeySpace(prefix)
        self.events = keys.events(site)
        self.retry, self.jobs = keys.outbox(site, "retry"), keys.outbox(site, "jobs")
        self.dead, self.counters = keys.outbox(site, "dead"), keys.outbox(site, "stats")
        self._take_due = redis.register_script(TAKE_DUE)
        self._group_ready = False

    # -- reading work --------------------------------------------------------------------------------------

    def ensure_group(self):
        if self._group_ready:
            return
        try:
            self.redis.xgroup_create(self.events, GROUP, id="0", mkstream=True)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise
        self._group_ready = True

    def _in_group(self, command, *args, **kwargs):
        """A command on the group; NOGROUP (a failover to a node the group never reached) makes the next call create
        it again, from the stream's start (receivers de-duplicate), instead of failing until the worker restarts."""
        self.ensure_group()
        try:
            return command(*args, **kwargs)
        except ResponseError as exc:
            if "NOGROUP" in str(exc):
                self._group_ready = False
            raise

    def read_new(self, consumer, count, block_ms=None):
        """[(entry id, fields)] nobody has read yet."""
        answer = self._in_group(self.redis.xreadgroup, GROUP, consumer, {self.events: ">"}, count=count,
                                block=block_ms)
        return [entry for _, entries in answer or [] for entry in entries]

    def read_own_pending(self, consumer, count):
        """[(entry id, fields or None)] this consumer read and never acknowledged: a pass a Redis error cut short, or
        a read whose answer was lost (the client's retry read past it)."""
        answer = self._in_group(self.redis.xreadgroup, GROUP, consumer, {self.events: "0"}, count=count)
        return [entry for _, entries in answer or [] for entry in entries]

    def claim_abandoned(self, consumer, idle_ms, count):
        """[(entry id, fields or None)] another (crashed) worker read but never acknowledged."""
        return self._in_group(self.redis.xautoclaim, self.events, GROUP, consumer, idle_ms, start_id="0-0",
                              count=count)[1]

    def leases(self, consumer):
        """The retries `consumer` holds a lease on and has not finished (a SET; it expires with the lease)."""
        return self._keys.outbox(self.site, f"leased:{consumer}")

    def take_due(self, now_ms, lease_ms, limit, consumer):
        """[(event id, job JSON or "")] whose retry is due, or that `consumer` leased and never finished, leased to
        it for lease_ms so no other worker sends them."""
        flat = self._take_due(keys=[self.retry, self.jobs, self.leases(consumer)], args=[now_ms, lease_ms, limit])
        return list(zip(flat[::2], flat[1::2], strict=True))

    def ack(self, entry_id):
        """An entry trimmed from the stream while pending: nothing left to send."""
        self.redis.xack(self.events, GROUP, entry_id)

    def forget(self, event_id):
        """A retry whose job state is gone."""
        self.redis.zrem(self.retry, event_id)

    # -- recording outcomes (each one MULTI) -----------------------------------------------------------------

    def delivered(self, now_ms, *, entry_id=None, event_id=None, consumer=None):
        """Count a delivery; ack the stream entry (first attempt) or drop the retry and `consumer`'s lease on it."""
        pipe = self.redis.pipeline(transaction=True)
        pipe.hincrby(self.counters, "delivered", 1)
        pipe.hset(self.counters, "last_delivered_at", now_ms)
        if event_id is not None:
            pipe.zrem(self.retry, event_id)
            pipe.hdel(self.jobs, event_id)
            if consumer is not None:
                pipe.srem(self.leases(consumer), event_id)
        if entry_id is not None:
            pipe.xack(self.events, GROUP, entry_id)
        pipe.execute()

    def failed(self, job, error, now_ms, *, retry_at_ms=None, entry_id=None, consumer=None):
        """Count a failure; schedule the job at retry_at_ms, or dead-letter it when that is None; drop `consumer`'s
        lease on it (a retry)."""
        event_id = job["entry"]
        pipe = self.redis.pipeline(transaction=True)
        if consumer is not None:
            pipe.srem(self.leases(consumer), event_id)
        pipe.hincrby(self.counters, "failed", 1)
        pipe.hset(self.counters, mapping={"last_error": error, "last_error_at": now_ms})
        if retry_at_ms is None:
            pipe.lpush(self.dead, json.dumps({**job, "last_error": error, "dead_at": now_ms}))
            pipe.ltrim(self.dead, 0, DEAD_LETTER_LIMIT - 1)
            pipe.zrem(self.retry, event_id)
            pipe.hdel(self.jobs, event_id)
            pipe.hincrby(self.counters, "dead", 1)
        else:
            pipe.hset(self.jobs, event_id, json.dumps({**job, "last_error": error}, ensure_ascii=False))
            pipe.zadd(self.retry, {event_id: retry_at_ms})
        if entry_id is not None:
            pipe.xack(self.events, GROUP, entry_id)
        pipe.execute()

    def beat(self, now_ms, target):
        """A worker delivering for this site says so (time, and the receiver's host), for `queue stats` elsewhere."""
        self.redis.hset(self.counters, mapping={"worker_seen_at": now_ms, "worker_target": target})

    # -- reports ---------------------------------------------------------------------------------------------

    def stats(self):
        """Raw counters, retrying and dead-letter counts, and the group's pending and lag (None without one)."""
        pipe = self.redis.pipeline(transaction=False)
        pipe.hgetall(self.counters)
        pipe.zcard(self.retry)
        pipe.llen(self.dead)
        counters, retrying, dead_list = pipe.execute()
        pending = lag = None
        try:
            for group in self.redis.xinfo_groups(self.events):
                if group.get("name") == GROUP:
                    pending, lag = group.get("pending"), group.get("lag")
        except ResponseError:
            pass
        return {"counters": counters, "retrying": retrying, "dead_letter_list": dead_list, "in_flight": pending,
                "undelivered": lag}

    def backlog(self):
        """Events not yet delivered: the group's lag, in flight and retrying; the stream's length before any
        worker created the group; 0 when the stream does not exist."""
        try:
            groups = self.redis.xinfo_groups(self.events)
        except ResponseError:  # no such stream
            return 0
        group = next((item for item in groups if item.get("name") == GROUP), None)
        if group is None:
            return self.redis.xlen(self.events)
        lag = group.get("lag")
        if lag is None:  # Redis < 7 does not report it: count what lies after the last delivered id (capped)
            last = group.get("last-delivered-id") or "0-0"
            lag = len(self.redis.xrange(self.events, min=f"({last}", count=10_000))
        return int(lag) + int(group.get("pending") or 0) + self.redis.zcard(self.retry)

    def dead_letters(self):
        return self.redis.llen(self.dead)


def get_outbox_store(site):
    redis, prefix = connection()
    return OutboxStore(redis, site, prefix)
