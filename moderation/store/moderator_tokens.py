"""Moderators' API tokens for newsroom tools: stored only as SHA-256, revocable one by one or all at once."""

import hashlib
import json
import secrets
import time

import redis

from moderation.store import connection, replica_wait
from moderation.store.append_only import AppendOnly
from moderation.store.keys import KeySpace
from moderation.store.master_pipeline import NO_REPLICAS

MARK = "mt_"  # what a moderator token starts with (an API key never does)
# A token written but not yet confirmed is pending: never accepted, and gone within the hour when its issue died
PENDING_S = 3600
# A revoked token's id stays listed as revoked for a day: the same revoke again (a retry after a 503) is done
REVOKED_KEPT_S = 86400
# A use: the live token's account name, its last use stamped in the same step (a revoke between a read and a separate
# stamp left a hash with no name and no expiry, kept forever). ARGV[1]: now in seconds.
_USE = """
local held = redis.call('HMGET', KEYS[1], 'name', 'pending')
if not held[1] or held[2] then return false end
redis.call('HSET', KEYS[1], 'last_used_at', ARGV[1])
return held[1]
"""
# Forget a listed token whose hash expired, unless its entry changed since it was read (ARGV[2]): a revoke in between
# marked it revoked, and that mark answers the same revoke again (a retry after a 503) for a day.
_FORGET = """
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then redis.call('HDEL', KEYS[1], ARGV[1]) end
"""


class AccountReplaced(RuntimeError):
    """The account was removed or replaced while its token was issued: the token was discarded, never shown."""


def token_id(token):
    """The id a token carries (issue() writes it in; a token whose digest was found live is the one issued)."""
    return token[len(MARK):].partition("_")[0]


def digest(token):
    """SHA-256 of a token: 256 random bits need no slow hash, and the stored value cannot be replayed."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


class ModeratorTokens:
    """One hash per live token (by its digest: the account's name) and one hash per account of its tokens."""

    def __init__(self, redis, prefix="mod:", replicas=NO_REPLICAS, queues=tuple):
        self.redis = redis
        self.queues = queues  # () -> the sites' ReviewQueues, whose claims a revoked token gives back
        self.keys = KeySpace(prefix)
        self.written = AppendOnly(redis, replicas)  # a token issued or revoked is answered once in the append-only file
        self._use = redis.register_script(_USE)  # last_used_at is a hint: no wait for the file
        self._forget = redis.register_script(_FORGET)

    def issue(self, name, note="", ttl_days=None):
        """A new token for an account: (token id, token), shown once and never stored. It is written pending and made
        live only once its writes are confirmed (append-only file, MIN_REPLICAS replicas); a refused issue (503, a
        dead master) discards it, so the operator's retry makes the one live token, not a second one never shown.

        An account removed or replaced (`add --replace`) meanwhile revoked the tokens it found listed, perhaps before
        this one was: so the account is read again once the token is live, and a changed one discards it
        (AccountReplaced). A removal after that read finds it listed; until this returns nobody knows the token."""
        from moderation.store.moderators import Moderators  # moderators ends an account's tokens through this class

        accounts = Moderators(self.redis, self.keys.prefix)
        began = accounts.incarnation(name)
        token_id = secrets.token_hex(4)
        token = f"{MARK}{token_id}_{secrets.token_urlsafe(32)}"
        now = int(time.time())
        expires = now + int(ttl_days * 86400) if ttl_days else 0
        key, listed = self.keys.moderator_token(digest(token)), self.keys.moderator_token_list(name)
        entry = {"digest": digest(token), "created_at": now, "expires_at": expires, "note": note}
        try:
            pipe = self.redis.pipeline(transaction=True)  # one key: never a token without its expiry
            pipe.hset(key, mapping={"name": name, "id": token_id, "pending": "1"})
            pipe.expire(key, PENDING_S)
            pipe.execute()
            self.redis.hset(listed, token_id, json.dumps(entry, ensure_ascii=False))
            self.written.after(key, listed)
            pipe = self.redis.pipeline(transaction=True)  # live: what a failover keeps of it is live or pending
            pipe.hdel(key, "pending")
            if expires:
                pipe.expireat(key, expires)
            else:
                pipe.persist(key)
            pipe.execute()
            self.written.after(key)
            replaced = accounts.incarnation(name) != began
        except redis.RedisError:
            self._discard(listed, token_id, key)
            raise
        if replaced:
            self._discard(listed, token_id, key)
            raise AccountReplaced(f"account {name!r} was removed or replaced while its token was issued")
        return token_id, token

    def _discard(self, listed, token_id, key):
        """Undo a refused issue where the master still answers; where it does not, the token stays pending."""
        try:
            self.redis.delete(key)
            self.redis.hdel(listed, token_id)
        except redis.RedisError:
            pass

    def name_for(self, token):
        """The account a live token belongs to, or None; its last use is recorded."""
        if not isinstance(token, str) or not token.startswith(MARK) or len(token) > 200:
            return None
        key = self.keys.moderator_token(digest(token))
        return self._use(keys=[key], args=[int(time.time())])

    def runs_out_ms(self, name, token_id):
        """When an account's token runs out (ms; 0: never, or not listed): what it claims is leased no longer."""
        raw = self.redis.hget(self.keys.moderator_token_list(name), token_id)
        return int(json.loads(raw).get("expires_at") or 0) * 1000 if raw else 0

    def list(self, name):
        """The account's live tokens, oldest first: id, created_at, expires_at, last_used_at, note (never the token);
        a pending one (not issued) is left out."""
        entries = self.redis.hgetall(self.keys.moderator_token_list(name))
        rows, now = [], int(time.time())
        for token_id, raw in entries.items():
            entry = json.loads(raw)
            if entry.get("revoked_at"):
                if entry["revoked_at"] < now - REVOKED_KEPT_S:
                    self.redis.hdel(self.keys.moderator_token_list(name), token_id)
                continue
            held, pending, live = self.redis.hmget(self.keys.moderator_token(entry["digest"]), "name", "pending",
                                                   "last_used_at")
            if held is None:  # expired by itself (or revoked since we read the list: then it stays, marked)
                self._forget(keys=[self.keys.moderator_token_list(name)], args=[token_id, raw])
                continue
            if pending:
                continue
            rows.append({"id": token_id, "created_at": entry["created_at"], "expires_at": entry["expires_at"],
                         "last_used_at": int(live or 0), "note": entry.get("note", "")})
        return sorted(rows, key=lambda row: (row["created_at"], row["id"]))

    def revoke(self, name, token_id):
        """End one token of an account at once, and give back the claims it took (nobody is left to decide them; the
        account's page keeps its own); False when the account holds no token of that id. Its id stays a day marked
        revoked, so the same revoke again (a retry after a 503) is answered as done once confirmed."""
        listed = self.keys.moderator_token_list(name)
        raw = self.redis.hget(listed, token_id)
        if raw is None:
            return False
        entry = json.loads(raw)
        key = self.keys.moderator_token(entry["digest"])
        self.redis.delete(key)
        if not entry.get("revoked_at"):
            self.redis.hset(listed, token_id, json.dumps({**entry, "revoked_at": int(time.time())}, ensure_ascii=False))
        self.written.after(key, listed)
        self._release_claims(name, token_id)  # after the token ended: a claim leasing now reads it gone (newsroom.py)
        return True

    def _release_claims(self, name, token_id):
        for queue in self.queues():
            queue.release_held(name, "revoked", via=token_id)

    def revoke_all(self, name):
        """Every token of an account ends, and the claims they took go back; returns how many were live (one
        revoked before stays listed a day, marked, and is not counted again)."""
        entries = self.redis.hgetall(self.keys.moderator_token_list(name))
        for raw in entries.values():  # one slot each on a Cluster: one command each
            self.redis.delete(self.keys.moderator_token(json.loads(raw)["digest"]))
        self.redis.delete(self.keys.moderator_token_list(name))
        self.written.after(self.keys.moderator_token_list(name),
                           *(self.keys.moderator_token(json.loads(raw)["digest"]) for raw in entries.values()))
        self._release_claims(name, "*")
        return sum(not json.loads(raw).get("revoked_at") for raw in entries.values())


def get_tokens():
    from moderation.store.moderators import site_queues

    return ModeratorTokens(*connection(), replicas=replica_wait(), queues=site_queues)
