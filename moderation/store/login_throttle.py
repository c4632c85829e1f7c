"""Login attempts per client address and per (account, address), counted BEFORE the password is checked.

An attempt takes a slot in both counters atomically before the check, so concurrent guesses never get more
checks than the limit; a good password gives the slots back. The account's counter is per address: past
the limit, the address that failed waits out the window, while the owner from another address still gets
in (guesses through a shared proxy or from elsewhere never lock the right password out).
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


class LoginThrottle:
    """Fixed-window attempt counters; past a limit the address (or the address on that account) waits."""

    def __init__(self, redis, prefix="mod:", *, window_seconds=900, max_account=5, max_ip=30):
        self.redis = redis
        self.keys = KeySpace(prefix)
        self.window = int(window_seconds)
        self.max_account, self.max_ip = int(max_account), int(max_ip)
        self._take = redis.register_script(TAKE)
        self._give_back = redis.register_script(GIVE_BACK)

    def attempt(self, name, address):
        """Take a slot for one password check: (seconds to wait, 0 when the check may run; failures of the
        account from this address; failures from this address), the counts including this attempt."""
        ip_key, pair_key = self.keys.login_failures_ip(address), self.keys.login_failures_account(name, address)
        ip_n, ip_wait = self._take(keys=[ip_key], args=[self.window, self.max_ip])
        if ip_wait:
            return int(ip_wait), 0, int(ip_n)
        pair_n, pair_wait = self._take(keys=[pair_key], args=[self.window, self.max_account])
        if pair_wait:
            self._give_back(keys=[ip_key])
            return int(pair_wait), int(pair_n), int(ip_n)
        return 0, int(pair_n), int(ip_n)

    def succeeded(self, name, address):
        """A good password: the account's failures from this address are cleared, the address's slot returned."""
        self.redis.delete(self.keys.login_failures_account(name, address))
        self._give_back(keys=[self.keys.login_failures_ip(address)])


def get_throttle():
    from moderation import settings

    config = settings.get()
    return LoginThrottle(*connection(), window_seconds=config.login_window_seconds,
                         max_account=config.login_max_failures_account, max_ip=config.login_max_failures_ip)
