"""Sessions: a logged-in moderator's session in Redis, so logging out ends it on every worker."""

from moderation.store import connection, replica_wait
from moderation.store.append_only import AppendOnly
from moderation.store.keys import KeySpace
from moderation.store.master_pipeline import NO_REPLICAS


class Sessions:
    """One hash per session id (name, ip, the password's stamp at login) that expires on its own, and a set per
    account of its session ids."""

    def __init__(self, redis, prefix="mod:", replicas=NO_REPLICAS):
        self.redis = redis
        self.keys = KeySpace(prefix)
        self.written = AppendOnly(redis, replicas)  # a session started or ended is answered once in the file

    def start(self, sid, name, ip, ttl_seconds, stamp):
        """`stamp`: the password the login checked (moderators._stamped); a session of an older one, or of none, is
        no session."""
        pipe = self.redis.pipeline(transaction=True)  # never a session without its expiry
        pipe.hset(self.keys.session(sid), mapping={"name": name, "ip": ip or "", "stamp": stamp})
        pipe.expire(self.keys.session(sid), int(ttl_seconds))
        pipe.execute()
        pipe = self.redis.pipeline(transaction=True)  # the account's session list: another slot, its own step
        pipe.sadd(self.keys.moderator_sessions(name), sid)
        pipe.expire(self.keys.moderator_sessions(name), int(ttl_seconds))
        pipe.execute()
        self.written.after(self.keys.session(sid), self.keys.moderator_sessions(name))  # else a kill logs one out

    def name(self, sid):
        """The moderator's name of a live session, or None."""
        return self.redis.hget(self.keys.session(sid), "name")

    def holder(self, sid):
        """(name, the password's stamp at login) of a live session, or (None, None)."""
        return tuple(self.redis.hmget(self.keys.session(sid), "name", "stamp"))

    def end(self, sid):
        name = self.name(sid)
        self.redis.delete(self.keys.session(sid))
        if name:
            self.redis.srem(self.keys.moderator_sessions(name), sid)
        self.written.after(self.keys.session(sid))

    def end_all(self, name):
        """Every session of one account ends (password reset, disabled, removed); returns how many were live."""
        sids = self.redis.smembers(self.keys.moderator_sessions(name))
        ended = sum(self.redis.delete(self.keys.session(sid)) for sid in sids)  # one slot each on a Cluster
        self.redis.delete(self.keys.moderator_sessions(name))
        self.written.after(self.keys.moderator_sessions(name), *map(self.keys.session, sids))
        return ended


def get_sessions():
    return Sessions(*connection(), replicas=replica_wait())
