"""Sessions: a logged-in moderator's session in Redis, so logging out ends it on every worker."""

from moderation.store import connection
from moderation.store.keys import KeySpace


class Sessions:
    """One hash per session id (name, ip) that expires on its own."""

    def __init__(self, redis, prefix="mod:"):
        self.redis = redis
        self.keys = KeySpace(prefix)

    def start(self, sid, name, ip, ttl_seconds):
        pipe = self.redis.pipeline(transaction=True)  # never a session without its expiry
        pipe.hset(self.keys.session(sid), mapping={"name": name, "ip": ip or ""})
        pipe.expire(self.keys.session(sid), int(ttl_seconds))
        pipe.execute()

    def name(self, sid):
        """The moderator's name of a live session, or None."""
        return self.redis.hget(self.keys.session(sid), "name")

    def end(self, sid):
        self.redis.delete(self.keys.session(sid))


def get_sessions():
    return Sessions(*connection())
