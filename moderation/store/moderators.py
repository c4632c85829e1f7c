"""Moderator accounts in Redis: name, role, scrypt password hash, disabled flag, the sites they work on and an
optional TOTP secret (a second factor: `python -m moderation moderator totp enable NAME`)."""

import hashlib
import hmac
import re
import secrets
import time

from moderation.store import connection, replica_wait
from moderation.store.admin_roster import AdminRoster
from moderation.store.append_only import AppendOnly
from moderation.store.keys import SITE_RE, KeySpace
from moderation.store.login_throttle import LoginThrottle
from moderation.store.master_pipeline import NO_REPLICAS
from moderation.store.passwords import AccountError, check_password, dummy_hash, hashed, matches

NAME_RE = re.compile(r"^[A-Za-z0-9_.@-]{1,64}\Z")
SERVICE_ACTOR = "system"  # the `by` of the entries the service writes itself (submit_lua, removal_request_scripts)
ROLES = ("moderator", "admin")
# Accept a TOTP time step once: a code already used (or older than the last one used) is refused, so a code
# read over someone's shoulder cannot be replayed within its 30 seconds.
_USE_STEP = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end  -- removed since its secret was read: nothing to write
local last = tonumber(redis.call('HGET', KEYS[1], 'totp_last') or '-1') or -1
if tonumber(ARGV[1]) <= last then return 0 end
redis.call('HSET', KEYS[1], 'totp_last', ARGV[1])
return 1
"""
# An account's fields change only while it exists: a removal between an admin's read and write left a hash without a
# name (the login page failed on it; the name could not be added again, yet was not listed). ARGV: field, value, ...
_CHANGE = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
"""
# Create an account unless it exists (ARGV[1] '1': replace it); two admins adding one name at once: one is refused.
_CREATE = """
if ARGV[1] ~= '1' and redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
return 1
"""
TOTP_CODE = re.compile(r"^[0-9]{6}\Z")


class LastAdmin(AccountError):
    """Removing, disabling or demoting (add --replace as a moderator) the only enabled admin: refused, never done."""


class AccountExists(AccountError):
    """`add` on a name already taken, without replace: never a silent password reset."""


class NoSuchAccount(AccountError):
    """An action on an account that does not exist."""


def _view(raw):
    return {"name": raw["name"], "role": raw["role"], "disabled": raw.get("disabled") == "1",
            "sites": [s for s in (raw.get("sites") or "").split(",") if s],
            "created_at": int(raw.get("created_at") or 0), "totp": bool(raw.get("totp"))}


def _flat(fields):
    return [part for pair in fields.items() for part in pair]


def _stamped(raw):
    """The view with "stamp", a short digest of the stored password hash: what a login waiting for its code began
    under, so that a new password ends it as it ends the account's sessions (read with the account, no second
    round trip)."""
    stored = raw.get("password")
    return {**_view(raw), "stamp": hashlib.sha256(stored.encode()).hexdigest()[:16] if stored else None}


class Moderators:
    """The moderator accounts: one hash per account under the prefix, and a set of their names."""

    def __init__(self, redis, prefix="mod:", replicas=NO_REPLICAS, queues=tuple):
        self.redis = redis
        self.queues = queues  # () -> the sites' ReviewQueues, whose claims a disabled or removed account gives back
        self.keys = KeySpace(prefix)
        self.written = AppendOnly(redis, replicas)  # an account change is answered once in the append-only file
        self._use_step = self.written.script(_USE_STEP)  # a used step forgotten in a crash could be replayed
        self._change, self._create = self.written.script(_CHANGE), self.written.script(_CREATE)
        self.admins = AdminRoster(self)  # the enabled admins' names: never none left
        dummy_hash()  # the stand-in checked for a name without an account, made before any login is checked

    def key(self, name):
        return self.keys.moderator(name)

    @staticmethod
    def _checked_sites(sites):
        sites = [s.strip() for s in sites or () if s and s.strip()]
        bad = [s for s in sites if not SITE_RE.match(s)]
        if bad:
            raise AccountError(f"invalid site name {bad[0]!r}")
        return ",".join(dict.fromkeys(sites))

    def add(self, name, password, role="moderator", *, replace=False, sites=()):
        """Create an account; an existing name is refused unless `replace` (which keeps nothing of the old one), or
        unless it is as this add would make it (the same add again, a retry after a 503: answered once confirmed)."""
        if not NAME_RE.match(name or ""):
            raise AccountError("name: 1-64 letters, digits, '_', '.', '@' or '-'")
        if name == SERVICE_ACTOR:  # the pages show its entries as 自動: a person of that name would pass as it
            raise AccountError(f"name {SERVICE_ACTOR!r} is the service's own (what it queues or rejects by itself)")
        if role not in ROLES:
            raise AccountError(f"role must be one of {', '.join(ROLES)}")
        check_password(name, password)
        fields = {"name": name, "role": role, "password": hashed(password),
                  "created_at": int(time.time()), "disabled": "", "sites": self._checked_sites(sites),
                  "incarnation": secrets.token_hex(8)}
        if replace and role != "admin":
            self._leave_admins(name)  # an admin replaced by a moderator: refused if it is the last admin
        if not self._create(keys=[self.key(name)], args=["1" if replace else "", *_flat(fields)]):
            if not self._as_added(name, password, role, sites):
                raise AccountExists(f"account {name!r} exists (use --replace to overwrite it)")
            self.redis.sadd(self.keys.moderator_names(), name)  # this add again (a retry after a 503): confirmed
            self.admins.join(name)
            self.written.after(self.key(name), self.keys.moderator_names())
            return
        self.redis.sadd(self.keys.moderator_names(), name)  # another slot: the list of names
        if role == "admin":
            self.admins.join(name)
        elif replace:
            self.admins.forget(name)
        if replace:  # the new account of this name starts with no session, token or claim of the old one
            self._end_sessions(name)
            self._revoke_tokens(name)
            self._release_claims(name, "replaced")
        self.written.after(self.key(name), self.keys.moderator_names())

    def _as_added(self, name, password, role, sites):
        """The account is as this add would make it (role, sites, enabled, this password): the add was made before
        and its answer lost, so doing it again is done, not a conflict."""
        raw = self.redis.hgetall(self.key(name))
        return (raw.get("role"), raw.get("sites"), raw.get("disabled")) == (role, self._checked_sites(sites), "") \
            and matches(raw.get("password"), password)

    def get(self, name, *, stamp=False):
        """The account (with `stamp`, its password's stamp too: _stamped), or None."""
        if not NAME_RE.match(name or ""):
            return None
        raw = self.redis.hgetall(self.key(name))
        return (_stamped(raw) if stamp else _view(raw)) if raw else None

    def incarnation(self, name):
        """Which account of this name exists (None: none): a random id each add gives it, kept through resets and
        changes, so a step that began with one account can tell it was replaced meanwhile (an account from before
        incarnations has "" until replaced)."""
        held, incarnation = self.redis.hmget(self.key(name), "name", "incarnation")
        return (incarnation or "") if held else None

    def list(self):
        """Every account, by name (never the password hash)."""
        names = sorted(self.redis.smembers(self.keys.moderator_names()))
        pipe = self.redis.pipeline(transaction=False)
        for name in names:
            pipe.hgetall(self.key(name))
        return [_view(raw) for raw in pipe.execute() if raw]

    def _leave_admins(self, name):
        if not self.admins.leave(name):
            raise LastAdmin(f"{name!r} is the last enabled admin: make another account an admin first")

    def _update(self, name, fields):
        if not NAME_RE.match(name or "") or not self._change(keys=[self.key(name)], args=_flat(fields)):
            raise NoSuchAccount(f"no account named {name!r}")

    def _end_sessions(self, name):
        from moderation.store.sessions import Sessions

        return Sessions(self.redis, self.keys.prefix, self.written.replicas).end_all(name)

    def _revoke_tokens(self, name):
        """A removed or replaced account's API tokens end with it (a new account of that name starts with none)."""
        from moderation.store.moderator_tokens import ModeratorTokens

        return ModeratorTokens(self.redis, self.keys.prefix, self.written.replicas).revoke_all(name)

    def _release_claims(self, name, reason):
        """The account's claimed cards go back to every queue at once, not when their lease (300 s) runs out. After
        its sessions end: a page claim that still finds its session live leased before this release."""
        for queue in self.queues():
            queue.release_held(name, reason)

    def set_disabled(self, name, disabled):
        """Disabling ends the account's sessions and gives back its claims at once; it cannot log in until enabled.
        The last enabled admin is never disabled (LastAdmin)."""
        if disabled:
            self._leave_admins(name)
        self._update(name, {"disabled": "1" if disabled else ""})
        if not disabled:
            self.admins.join(name)
            return
        self.admins.forget(name)
        self._end_sessions(name)
        self._release_claims(name, "disabled")

    def reset_password(self, name, password):
        """A new password ends every session of the account (whoever knew the old one is logged out), and the delay
        wrong authenticator codes set on it (only whoever knew the old one could run it up)."""
        check_password(name, password)
        self._update(name, {"password": hashed(password)})
        self._end_sessions(name)
        LoginThrottle(self.redis, self.keys.prefix).end_code_delay(name, self.written)  # the throttle's own key

    def set_sites(self, name, sites):
        """The sites a moderator works on (none: every site); admins always see every site."""
        self._update(name, {"sites": self._checked_sites(sites)})

    def remove(self, name):
        """The account, its sessions, tokens and claims end; the last enabled admin is never removed (LastAdmin)."""
        if self.get(name) is None:
            raise NoSuchAccount(f"no account named {name!r}")
        self._leave_admins(name)
        self.redis.delete(self.key(name))
        self.admins.forget(name)
        self.redis.srem(self.keys.moderator_names(), name)
        self._end_sessions(name)
        self._revoke_tokens(name)
        self._release_claims(name, "removed")
        self.written.after(self.key(name), self.keys.moderator_names())

    def enable_totp(self, name):
        """A new TOTP secret for the account (replacing an earlier one), returned once for the authenticator app;
        from now on a login asks for the app's 6-digit code after the password."""
        import pyotp

        secret = pyotp.random_base32()
        self._update(name, {"totp": secret, "totp_last": -1})
        return secret

    def disable_totp(self, name):
        self._update(name, {"totp": "", "totp_last": -1})

    def verify_totp(self, name, code, now=None):
        """True once for a current code (one 30 s step of clock drift either way); False for a wrong, malformed
        or already used one, or an account without TOTP."""
        import pyotp

        secret = self.redis.hget(self.key(name), "totp") if NAME_RE.match(name or "") else None
        code = (code or "").replace(" ", "")
        if not secret or not TOTP_CODE.match(code):
            return False
        totp, step = pyotp.TOTP(secret), int((now or time.time()) // 30)
        for candidate in (step, step - 1, step + 1):
            if hmac.compare_digest(totp.at(candidate * 30), code):
                return bool(self._use_step(keys=[self.key(name)], args=[candidate]))
        return False

    def authenticate(self, name, password):
        """The account with its password's stamp (_stamped) when the password matches and it is not disabled, else
        None (same work either way)."""
        raw = self.redis.hgetall(self.key(name)) if NAME_RE.match(name or "") else {}
        ok = matches(raw.get("password"), password)
        return _stamped(raw) if raw and ok and raw.get("disabled") != "1" else None


def site_queues():
    """The configured sites' review queues (as api_keys.configured_sites: "demo" when none is configured)."""
    from moderation import settings
    from moderation.store.review_queue import get_queue

    return [get_queue(site) for site in settings.get().api_keys.sites or ["demo"]]


def get_moderators():
    return Moderators(*connection(), replicas=replica_wait(), queues=site_queues)
