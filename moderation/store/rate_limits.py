"""Rate limits per API key, author and client IP, counted in Redis so they hold across workers and hosts."""

import logging
import math

from redis.exceptions import RedisError

from moderation.errors import ApiError
from moderation.settings import json_object
from moderation.store.keys import KeySpace

log = logging.getLogger(__name__)

# Fixed-window counters, one per key: add the cost, set the window's expiry on first use, answer
# (count, ms left) for each. ARGV: cost1, window_ms1, cost2, window_ms2, ...
_HIT = """
local out = {}
for i, key in ipairs(KEYS) do
  local cost = tonumber(ARGV[2 * i - 1])
  local count = redis.call('INCRBY', key, cost)
  if count == cost then redis.call('PEXPIRE', key, ARGV[2 * i]) end
  table.insert(out, count)
  table.insert(out, redis.call('PTTL', key))
end
return out
"""


class RateLimited(ApiError):
    """Too many requests in the window; Retry-After says when the window resets."""

    status = 429
    code = "rate_limited"


def parse_limits(spec):
    """{"key": "6000/60", "author": "10/60", "ip": "30/60"} -> {kind: (limit, window seconds)}."""
    limits = {}
    for kind, value in json_object(spec, "RATE_LIMITS").items():
        if kind not in ("key", "author", "ip"):
            raise ValueError(f"MODERATION_RATE_LIMITS: unknown kind {kind!r} (key, author, ip)")
        if value in (None, "", 0):
            continue
        count, _, window = str(value).partition("/")
        limits[kind] = (int(count), int(window or 60))
    return limits


class RateLimiter:
    """Counts requests per site and per author or IP in fixed windows; fails open when Redis is down."""

    def __init__(self, redis, limits, prefix="mod:"):
        self.redis = redis
        self.limits = limits
        self.keys = KeySpace(prefix)
        self._hit = redis.register_script(_HIT)

    def key(self, site, kind, value, window_index):
        return self.keys.rate_limit(site, kind, window_index, value)

    def check(self, site, hits, *, now):
        """Count every (kind, value, cost) hit in one round trip; raise RateLimited if one crosses its limit."""
        hits = [(kind, value, cost) for kind, value, cost in hits if kind in self.limits and value]
        if not hits:
            return
        keys, args = [], []
        for kind, value, cost in hits:
            window = self.limits[kind][1]
            keys.append(self.key(site, kind, value, int(now // window)))
            args += [cost, window * 1000]
        try:
            answer = self._hit(keys=keys, args=args)
        except RedisError:
            log.warning("rate limiter: redis unavailable, limits not applied")
            return
        for n, (kind, _, _) in enumerate(hits):
            (limit, window), count, ttl_ms = self.limits[kind], answer[2 * n], answer[2 * n + 1]
            if count > limit:
                retry = max(1, math.ceil((ttl_ms if ttl_ms > 0 else window * 1000) / 1000))
                field = {"key": "Authorization", "author": "author.id", "ip": "ip"}[kind]
                raise RateLimited(f"more than {limit} requests per {window} s for this {kind}", field,
                                  headers={"Retry-After": str(retry)})


def get_limiter():
    from flask import current_app

    from moderation import settings
    from moderation.store import connection

    limiter = current_app.extensions.get("moderation.ratelimiter")
    if limiter is None:
        redis, prefix = connection()
        limiter = RateLimiter(redis, settings.get().rate_limits, prefix)
        current_app.extensions["moderation.ratelimiter"] = limiter
    return limiter
