"""Login attempts per client address and per account, counted BEFORE the password is checked.

Per address: a fixed window of attempts (LOGIN_MAX_FAILURES_IP); past it the address waits out the window.
Per account: a backoff, not a lock. After LOGIN_MAX_FAILURES_ACCOUNT attempts on the account (from anywhere)
in the window, each further one sets a growing delay (2 s, 4 s, 8 s ... up to the window) that every address
which has already failed on this account must wait out; an address that has not failed on it is never
delayed, so guesses from elsewhere never keep the owner's right password out. Attempts take their slot
atomically before the check, so concurrent guesses never get more checks than that (plus the one first
attempt an address that has not failed always gets); a good password gives the address's slots back.
A second-factor code has the same backoff on its own key, waited out by every address: only someone with the
right password reaches that step, and its cookie works from any number of addresses (with a free first attempt
each, every address of a botnet had a code guess). A right code ends it.
"""

from moderation.store import connection
from moderation.store.keys import KeySpace

# Take one slot of a fixed-window counter, or refuse (and take nothing) when the window's slots are used.
# EXPIRE NX would need Redis 7; this runs on 6.2. One key per call: the keys may live on different nodes.
TAKE = """
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
if n > tonumber(ARGV[2]) then
  redis.call('DECR', KEYS[1])
  local ttl = redis.call('TTL', KEYS[1])
  if ttl < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
  if ttl < 1 then ttl = 1 end
  return {n - 1, ttl}
end
return {n, 0}
"""

# Give a slot back (the attempt was refused elsewhere or the password was right); never below zero or
# onto a key whose window has ended.
GIVE_BACK = """
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n > 0 then return redis.call('DECR', KEYS[1]) end
return 0
"""


# One more attempt of an address on an account: the count before this one says whether it has failed there.
PAIR = """
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return n
"""

# The account's backoff: refuse (ms to wait) an address that has failed on it while the delay runs, else count
# the attempt and, past the free ones, set the next delay: 2^(n - free) seconds, at most the window.
# ARGV: the address has failed here (1|0), free attempts, window seconds.
BACKOFF = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local until_ms = tonumber(redis.call('HGET', KEYS[1], 'until') or '0')
if ARGV[1] == '1' and until_ms > now then return {0, until_ms - now} end
local n = redis.call('HINCRBY', KEYS[1], 'n', 1)
local free, window = tonumber(ARGV[2]), tonumber(ARGV[3])
if n >= free then
  local next_ms = now + math.min(2 ^ (n - free + 1), window) * 1000
  if next_ms > until_ms then redis.call('HSET', KEYS[1], 'until', next_ms) end
end
redis.call('PEXPIRE', KEYS[1], window * 2000)
return {n, 0}
"""


class LoginThrottle:
    """Attempt counters per address (a window) and per account (a growing delay for addresses that failed)."""

    def __init__(self, redis, prefix="mod:", *, window_seconds=900, max_account=5, max_ip=30):
        self.redis = redis
        self.keys = KeySpace(prefix)
        self.window = int(window_seconds)
        self.max_account, self.max_ip = int(max_account), int(max_ip)
        self._take = redis.register_script(TAKE)
        self._give_back = redis.register_script(GIVE_BACK)
        self._pair = redis.register_script(PAIR)
        self._backoff = redis.register_script(BACKOFF)

    def attempt(self, name, address, *, code=False):
        """Take a slot for one password check (or, with `code`, one second-factor code): (seconds to wait, 0 when
        the check may run; attempts on the account from this address; attempts from this address), the counts
        including this attempt."""
        ip_key, pair_key = self.keys.login_failures_ip(address), self.keys.login_failures_account(name, address)
        ip_n, ip_wait = self._take(keys=[ip_key], args=[self.window, self.max_ip])
        if ip_wait:
            return int(ip_wait), 0, int(ip_n)
        pair_n = int(self._pair(keys=[pair_key], args=[self.window]))  # one key per call: separate slots
        backoff = self.keys.login_code_backoff(name) if code else self.keys.login_backoff(name)
        _, wait_ms = self._backoff(keys=[backoff], args=["1" if code or pair_n > 1 else "0", self.max_account,
                                                         self.window])
        if wait_ms:
            self._give_back(keys=[pair_key])
            self._give_back(keys=[ip_key])
            return max(1, -(-int(wait_ms) // 1000)), pair_n - 1, int(ip_n) - 1
        return 0, pair_n, int(ip_n)

    def succeeded(self, name, address, *, code=False):
        """A good password: the account's failures from this address are cleared, the address's slot returned;
        a good code also ends the account's code delay (a right password alone never does)."""
        self.redis.delete(self.keys.login_failures_account(name, address))
        self._give_back(keys=[self.keys.login_failures_ip(address)])
        if code:
            self.end_code_delay(name)

    def end_code_delay(self, name, written=None):
        """End the delay wrong codes set on the account (a right code, or a new password: only whoever knew the old
        one could run it up); with `written` (the caller's AppendOnly) answered once it is in the append-only file."""
        key = self.keys.login_code_backoff(name)
        self.redis.delete(key)
        if written is not None:
            written.after(key)


def get_throttle():
    from moderation import settings

    config = settings.get()
    return LoginThrottle(*connection(), window_seconds=config.login_window_seconds,
                         max_account=config.login_max_failures_account, max_ip=config.login_max_failures_ip)
