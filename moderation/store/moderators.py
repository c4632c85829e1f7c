"""Moderator accounts in Redis: name, role, scrypt password hash."""

import re
import time

from werkzeug.security import check_password_hash, generate_password_hash

from moderation.store import connection
from moderation.store.keys import KeySpace

NAME_RE = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")
ROLES = ("moderator", "admin")
# A hash to check against when the account does not exist, so timing does not reveal which names exist.
_DUMMY_HASH = generate_password_hash("not-a-password", method="scrypt")


class AccountError(ValueError):
    """A name, role or password that cannot be used for an account."""


class Moderators:
    """The moderator accounts: one hash per account under the prefix."""

    def __init__(self, redis, prefix="mod:"):
        self.redis = redis
        self.keys = KeySpace(prefix)

    def key(self, name):
        return self.keys.moderator(name)

    def add(self, name, password, role="moderator"):
        """Create or replace an account (replacing resets the password)."""
        if not NAME_RE.match(name or ""):
            raise AccountError("name: 1-64 letters, digits, '_', '.', '@' or '-'")
        if role not in ROLES:
            raise AccountError(f"role must be one of {', '.join(ROLES)}")
        if len(password or "") < 8:
            raise AccountError("password: at least 8 characters")
        self.redis.hset(self.key(name), mapping={
            "name": name, "role": role, "password": generate_password_hash(password, method="scrypt"),
            "created_at": int(time.time()),
        })

    def get(self, name):
        if not NAME_RE.match(name or ""):
            return None
        raw = self.redis.hgetall(self.key(name))
        return {"name": raw["name"], "role": raw["role"]} if raw else None

    def authenticate(self, name, password):
        """The account when the password matches, else None (same work either way)."""
        raw = self.redis.hgetall(self.key(name)) if NAME_RE.match(name or "") else {}
        ok = check_password_hash(raw.get("password", _DUMMY_HASH), password or "")
        return {"name": raw["name"], "role": raw["role"]} if raw and ok else None


def get_moderators():
    return Moderators(*connection())
