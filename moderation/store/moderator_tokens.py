"""Moderators' API tokens for newsroom tools: stored only as SHA-256, revocable one by one or all at once."""

import hashlib
import json
import secrets
import time

from moderation.store import connection, replica_wait
from moderation.store.append_only import AppendOnly
from moderation.store.keys import KeySpace
from moderation.store.master_pipeline import NO_REPLICAS

MARK = "mt_"  # what a moderator token starts with (an API key never does)


def digest(token):
    """SHA-256 of a token: 256 random bits need no slow hash, and the stored value cannot be replayed."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


class ModeratorTokens:
    """One hash per live token (by its digest: the account's name) and one hash per account of its tokens."""

    def __init__(self, redis, prefix="mod:", replicas=NO_REPLICAS):
        self.redis = redis
        self.keys = KeySpace(prefix)
        self.written = AppendOnly(redis, replicas)  # a token issued or revoked is answered once in the append-only file

    def issue(self, name, note="", ttl_days=None):
        """A new token for an account: (token id, token). The token itself is shown once and never stored."""
        token_id = secrets.token_hex(4)
        token = f"{MARK}{token_id}_{secrets.token_urlsafe(32)}"
        now = int(time.time())
        expires = now + int(ttl_days * 86400) if ttl_days else 0
        pipe = self.redis.pipeline(transaction=True)  # one key: never a token without its expiry
        pipe.hset(self.keys.moderator_token(digest(token)), mapping={"name": name, "id": token_id})
        if expires:
            pipe.expireat(self.keys.moderator_token(digest(token)), expires)
        pipe.execute()
        entry = {"digest": digest(token), "created_at": now, "expires_at": expires, "note": note}
        self.redis.hset(self.keys.moderator_token_list(name), token_id, json.dumps(entry, ensure_ascii=False))
        self.written.after(self.keys.moderator_token(digest(token)), self.keys.moderator_token_list(name))
        return token_id, token

    def name_for(self, token):
        """The account a live token belongs to, or None; its last use is recorded."""
        if not isinstance(token, str) or not token.startswith(MARK) or len(token) > 200:
            return None
        key = self.keys.moderator_token(digest(token))
        name = self.redis.hget(key, "name")
        if name:
            self.redis.hset(key, "last_used_at", int(time.time()))
        return name

    def list(self, name):
        """The account's tokens, oldest first: id, created_at, expires_at, last_used_at, note (never the token)."""
        entries = self.redis.hgetall(self.keys.moderator_token_list(name))
        rows = []
        for token_id, raw in entries.items():
            entry = json.loads(raw)
            live = self.redis.hget(self.keys.moderator_token(entry["digest"]), "last_used_at")
            if live is None and not self.redis.exists(self.keys.moderator_token(entry["digest"])):
                self.redis.hdel(self.keys.moderator_token_list(name), token_id)  # expired by itself
                continue
            rows.append({"id": token_id, "created_at": entry["created_at"], "expires_at": entry["expires_at"],
                         "last_used_at": int(live or 0), "note": entry.get("note", "")})
        return sorted(rows, key=lambda row: (row["created_at"], row["id"]))

    def revoke(self, name, token_id):
        """End one token of an account at once; False when the account holds no token of that id."""
        raw = self.redis.hget(self.keys.moderator_token_list(name), token_id)
        if raw is None:
            return False
        self.redis.delete(self.keys.moderator_token(json.loads(raw)["digest"]))
        self.redis.hdel(self.keys.moderator_token_list(name), token_id)
        self.written.after(self.keys.moderator_token(json.loads(raw)["digest"]), self.keys.moderator_token_list(name))
        return True

    def revoke_all(self, name):
        """Every token of an account ends (the account is removed or replaced); returns how many were listed."""
        entries = self.redis.hgetall(self.keys.moderator_token_list(name))
        for raw in entries.values():  # one slot each on a Cluster: one command each
            self.redis.delete(self.keys.moderator_token(json.loads(raw)["digest"]))
        self.redis.delete(self.keys.moderator_token_list(name))
        self.written.after(self.keys.moderator_token_list(name),
                           *(self.keys.moderator_token(json.loads(raw)["digest"]) for raw in entries.values()))
        return len(entries)


def get_tokens():
    return ModeratorTokens(*connection(), replicas=replica_wait())
