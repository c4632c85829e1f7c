"""Failed-login counters per account and per client address, each expiring with its window."""

from moderation.store import connection
from moderation.store.keys import KeySpace

# One counter per key (account and address keys may live on different cluster nodes): count, and start the
# window on the first failure. EXPIRE NX would need Redis 7; this runs on 6.2.
COUNT = """
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return n
"""


class LoginThrottle:
    """Counts failures in a fixed window; past a limit the account or address waits until the window ends."""

    def __init__(self, redis, prefix="mod:", *, window_seconds=900, max_account=5, max_ip=30):
        self.redis = redis
        self.keys = KeySpace(prefix)
        self.window = int(window_seconds)
        self.max_account, self.max_ip = int(max_account), int(max_ip)
        self._count = redis.register_script(COUNT)

    def wait(self, name, address):
        """Seconds to wait when this account or address has too many recent failures, else 0."""
        account_key, ip_key = self.keys.login_failures_account(name), self.keys.login_failures_ip(address)
        pipe = self.redis.pipeline(transaction=False)
        pipe.get(account_key)
        pipe.ttl(account_key)
        pipe.get(ip_key)
        pipe.ttl(ip_key)
        account_n, account_ttl, ip_n, ip_ttl = pipe.execute()
        wait = 0
        if int(account_n or 0) >= self.max_account:
            wait = max(wait, account_ttl)
        if int(ip_n or 0) >= self.max_ip:
            wait = max(wait, ip_ttl)
        return max(wait, 0)

    def failed(self, name, address):
        """Count one failure; returns (recent failures of the account, recent failures from the address)."""
        keys = (self.keys.login_failures_account(name), self.keys.login_failures_ip(address))
        account_n, ip_n = (self._count(keys=[key], args=[self.window]) for key in keys)
        return account_n, ip_n

    def succeeded(self, name):
        """A good password clears the account's count (the address keeps its own)."""
        self.redis.delete(self.keys.login_failures_account(name))


def get_throttle():
    from moderation import settings

    config = settings.get()
    return LoginThrottle(*connection(), window_seconds=config.login_window_seconds,
                         max_account=config.login_max_failures_account, max_ip=config.login_max_failures_ip)
