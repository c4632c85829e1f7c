"""Rate limits per API key, author and client IP, counted in Redis so they hold across workers and hosts."""

import logging
import math
import time
from typing import NamedTuple

from flask import current_app
from redis.exceptions import RedisError

from moderation.errors import ApiError
from moderation.settings import SettingsError, extensions, json_object
from moderation.store.keys import KeySpace

log = logging.getLogger(__name__)

# Fixed-window counters, shared by the limiter's own script and the review queue's SUBMIT (which counts
# a comment's limits in the same round trip as it stores it). From keys[first] on, one counter per key,
# one argv each from argv[first_arg]: "cost|window ms|limit" (limit_code: read once a library, not three arguments
# parsed and pushed into Lua at every call: ~1.1k of Valkey's instructions an argument). A cost of 0 only reads the
# counter (a batch
# charges the site's key once, on its first item); a counter this script has counted or read already is read from
# LIMIT_SEEN (the script is atomic: only its own charges move it), so a batch's SUBMIT reads the site's key once,
# not once per item. Every counter is charged; the first one over its limit is answered as {position, ms left},
# else nil. LIMIT_LIVE (kept across the calls of a Function library: SUBMIT's; a script's starts empty each run) is a
# hint only: counters a call of this library met a second time (its SET NX failed: the key was there), which live
# until their window ends (a key's name carries its window), so the next comment's charge is one INCRBY instead of a
# SET NX that fails and then INCRBY (the site's key is always one such, an author's or an address's often). A key met
# once (a one-off author's) is not kept: kept, up to 4,096 of them lived in the library's Lua heap and its table grew
# and was dropped again, work for Lua's collector (1.6% of an allowed SUBMIT's instructions, session 47); a key met
# again pays one failed SET NX more, once. Its answer says whether the key was there after all
# (INCRBY of a missing key answers the cost: every stored count is at least 1): then PEXPIRE gives it its window,
# as SET PX would have. At most LIMIT_LIVE_MAX keys, then it starts afresh.
COUNT = """
local LIMIT_SEEN, LIMIT_LIVE, LIMIT_LIVE_N, LIMIT_LIVE_MAX = {}, {}, 0, 4096
local LIMIT_CODE, LIMIT_CODE_N = {}, 0
-- "cost|window ms|limit" -> {cost, window ms as text, limit}, parsed once and kept (at most 256, then afresh)
local function limit_code(code)
  local c = LIMIT_CODE[code]
  if c == nil then
    local cost, window, limit = string.match(code, '^(%d+)|(%d+)|(%d+)$')
    c = {tonumber(cost), window, tonumber(limit)}
    if LIMIT_CODE_N >= 256 then LIMIT_CODE, LIMIT_CODE_N = {}, 0 end
    LIMIT_CODE[code], LIMIT_CODE_N = c, LIMIT_CODE_N + 1
  end
  return c
end
local function over_limit(keys, argv, first, first_arg)
  local over, left = nil, 0
  for i = first, #keys do
    local c = limit_code(argv[first_arg + i - first])
    local key, cost, limit = keys[i], c[1], c[3]
    local count
    if cost > 0 then
      if LIMIT_LIVE[key] then
        count = redis.call('INCRBY', key, cost)
        if count == cost then redis.call('PEXPIRE', key, c[2]) end  -- gone after all (deleted): made anew
      -- a new window's counter is one SET (in the append-only file: SET key cost PXAT t), not INCRBY + PEXPIRE
      elseif redis.call('SET', key, cost, 'PX', c[2], 'NX') then
        count = cost
      else
        count = redis.call('INCRBY', key, cost)
        -- a key met again: remembered (one met once, a one-off author's, is not kept alive for the collector)
        if LIMIT_LIVE_N >= LIMIT_LIVE_MAX then LIMIT_LIVE, LIMIT_LIVE_N = {}, 0 end
        LIMIT_LIVE[key], LIMIT_LIVE_N = true, LIMIT_LIVE_N + 1
      end
    else
      count = LIMIT_SEEN[key] or tonumber(redis.call('GET', key) or '0')
    end
    LIMIT_SEEN[key] = count
    if count > limit and not over then
      over, left = i - first + 1, redis.call('PTTL', key)
    end
  end
  return over, left
end
"""

_HIT = COUNT + """
local over, left = over_limit(KEYS, ARGV, 1, 1)
if over then return {over, left} end
return {0, 0}
"""

_FIELDS = {"key": "Authorization", "author": "author.id", "ip": "ip", "feedback": "api_key"}


class RateLimited(ApiError):
    """Too many requests in the window; Retry-After says when the window resets."""

    status = 429
    code = "rate_limited"


class Charge(NamedTuple):
    """The counters one request (or one batch item) adds to: Redis keys and their ARGV codes ("cost|window ms|limit",
    COUNT's limit_code)."""

    kinds: list
    keys: list
    args: list


def parse_limits(spec, name="RATE_LIMITS"):
    """{"key": "6000/60", "author": "10/60", "ip": "30/60"} -> {kind: (limit, window seconds)}."""
    limits = {}
    for kind, value in json_object(spec, name).items():
        if kind not in ("key", "author", "ip", "feedback"):
            raise SettingsError(f"MODERATION_{name}: unknown kind {kind!r} (key, author, ip, feedback)")
        if value in (None, "", 0):
            continue
        count, slash, window = str(value).partition("/") if not isinstance(value, bool) else ("", "", "")
        window = window if slash else "60"
        if not (count.isascii() and count.isdigit() and window.isascii() and window.isdigit()
                and int(count) >= 1 and int(window) >= 1):  # "lots" said int()'s error; "5/0", "-1/60" started
            raise SettingsError(f"MODERATION_{name}: {kind} must be \"<requests>/<seconds>\" in whole numbers of at "
                             f"least 1, e.g. \"20/60\" (empty or 0: no limit), not {value!r}")
        limits[kind] = (int(count), int(window))
    return limits


class RateLimiter:
    """Counts requests per site and per author or IP in fixed windows; fails open when Redis is down.

    A counter Redis reported over its limit is remembered in this process until its window ends, so a
    client that keeps knocking is refused before any scoring or Redis work (the count only grows within a
    window, so Redis would refuse it too)."""

    LOCAL_MAX = 10_000

    def __init__(self, redis, limits, prefix="mod:", scope=""):
        self.redis = redis
        self.limits = limits
        self.keys = KeySpace(prefix)
        self.scope = scope  # "check:" for comments:check, whose counters are its own
        self._hit = redis.register_script(_HIT)
        self._over = {}  # counter key -> (monotonic deadline, kind)
        self._prefixes = {}  # (site, kind, window index) -> the counter keys' common start (_window_prefix)
        # each kind's window (ms) and limit as the end of the script's ARGV code, made once, and its codes for a
        # cost of 0 and 1 (all a request charges): a str, as hiredis packs it in half the time of an int
        self._numbers = {kind: f"|{window * 1000}|{limit}" for kind, (limit, window) in limits.items()}
        self._codes = {kind: (f"0{end}", f"1{end}") for kind, end in self._numbers.items()}  # by cost

    def key(self, site, kind, value, window_index):
        return self.keys.rate_limit(site, self.scope + kind, window_index, value)

    def _window_prefix(self, site, kind, window_index):
        """key() up to its value (the value is the key's last part): built, with the site's name checked, once per
        site, kind and window instead of once per counter (0.8 us each, two or three a comment)."""
        found = self._prefixes.get((site, kind, window_index))
        if found is None:
            if len(self._prefixes) >= self.LOCAL_MAX:
                self._prefixes.clear()
            found = self._prefixes[(site, kind, window_index)] = self.key(site, kind, "", window_index)
        return found

    def charge(self, site, hits, *, now):
        """The counters of (kind, value, cost) hits for limits that are on; refuses at once a counter this
        process already saw over its limit in the current window."""
        kinds, keys, args = [], [], []
        for kind, value, cost in hits:
            if kind not in self.limits or not value:
                continue
            window = self.limits[kind][1]
            key = self._window_prefix(site, kind, int(now // window)) + value
            known = self._over.get(key)
            if known is not None:
                left = known[0] - time.monotonic()
                if left > 0:
                    raise self._error(kind, left * 1000)
                del self._over[key]
            kinds.append(kind)
            keys.append(key)
            args.append(self._codes[kind][cost] if cost in (0, 1) else f"{cost}{self._numbers[kind]}")
        return Charge(kinds, keys, args)

    def refuse(self, charge, position, left_ms):
        """Raise RateLimited for the counter at `position` (1-based) that Redis reported over its limit."""
        kind, key = charge.kinds[position - 1], charge.keys[position - 1]
        left_ms = left_ms if left_ms and left_ms > 0 else self.limits[kind][1] * 1000
        if len(self._over) >= self.LOCAL_MAX:
            self._over.clear()
        self._over[key] = (time.monotonic() + left_ms / 1000, kind)
        raise self._error(kind, left_ms)

    def _error(self, kind, left_ms):
        limit, window = self.limits[kind]
        return RateLimited(f"more than {limit} requests per {window} s for this {kind}", _FIELDS[kind],
                           headers={"Retry-After": str(max(1, math.ceil(left_ms / 1000)))})

    def check(self, site, hits, *, now):
        """Count every (kind, value, cost) hit in one round trip of its own; raise RateLimited if one crosses
        its limit (a comment's limits are counted by the review queue's submit instead)."""
        charge = self.charge(site, hits, now=now)
        if not charge.keys:
            return
        try:
            position, left_ms = self._hit(keys=charge.keys, args=charge.args)
        except RedisError:
            log.warning("rate limiter: redis unavailable, limits not applied")
            return
        if position:
            self.refuse(charge, position, left_ms)


def get_limiter(scope=""):
    """The app's limiter for comments (RATE_LIMITS), or with scope "check:" for comments:check's own."""
    limiter = extensions().get(f"moderation.ratelimiter{scope}")
    return limiter if limiter is not None else _build_limiter(scope)


def _build_limiter(scope):
    from moderation import settings
    from moderation.store import connection

    name = f"moderation.ratelimiter{scope}"
    limiter = current_app.extensions.get(name)
    if limiter is None:
        redis, prefix = connection()
        limits = settings.get().check_rate_limits if scope else settings.get().rate_limits
        limiter = RateLimiter(redis, limits, prefix, scope)
        current_app.extensions[name] = limiter
    return limiter
