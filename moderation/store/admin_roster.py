"""The enabled admins' names in one key, so that "the last admin" is checked and taken away in one script: two admins
removing or disabling each other at once leave one, on a Cluster too (each account is a key of its own slot).

The roster never names more than the enabled admins the accounts say: a change that takes an admin away leaves the
roster first, then changes the account; one that makes an admin changes the account first, then joins, and reads the
account again (a disable that slipped in between leaves it again). A missing roster (an install from before it, or one
emptied by such a cleanup) is filled from the accounts, once, by whoever finds it missing.

Where the two still disagree (an instance from before the roster changed an admin during a rolling upgrade; a
failover lost the roster's write but not the account's, on another master of a Cluster), the accounts have the last
word: a leave then reads the names left on the roster and goes through only if one of them is an enabled admin's
account (a stale name is dropped). An enabled admin the roster misses is not added back from the accounts (a leave
under way looks just like it there): changes are refused as if it were not an admin until the roster is deleted.
"""

# Take ARGV[1] off the roster unless it is the last name on it ('left'; 'absent': not on it). 'unknown': no roster
# yet (fill it, ask again).
_LEAVE = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 'unknown' end
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0 then return 'absent' end
if redis.call('SCARD', KEYS[1]) <= 1 then return 'last' end
redis.call('SREM', KEYS[1], ARGV[1])
return 'left'
"""
# Add ARGV[1] to an existing roster; 0: none yet (fill it: the accounts already say this one is an admin).
_JOIN = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('SADD', KEYS[1], ARGV[1])
return 1
"""
# The roster from the accounts, unless someone made it meanwhile (then theirs is as new as ours, or newer).
_FILL = """
if redis.call('EXISTS', KEYS[1]) == 0 and #ARGV > 0 then redis.call('SADD', KEYS[1], unpack(ARGV)) end
return 1
"""


def _enabled_admin(account):
    return account is not None and account["role"] == "admin" and not account["disabled"]


class AdminRoster:
    """One set of names (Pmoderators:admins) beside the accounts (store/moderators.py), read to fill a missing one."""

    def __init__(self, accounts):
        self.accounts, self.redis, self.written = accounts, accounts.redis, accounts.written  # one file wait
        self.key = accounts.keys.moderator_admins()
        self._leave, self._join = self.written.script(_LEAVE), self.written.script(_JOIN)
        self._fill = self.written.script(_FILL)

    def _filled(self):
        self._fill(keys=[self.key], args=[a["name"] for a in self.accounts.list() if _enabled_admin(a)])

    def leave(self, name):
        """Take an account off before it stops being an enabled admin; False (nothing changed) when it is the only
        one left: nobody could manage accounts or models afterwards."""
        answer = self._leave(keys=[self.key], args=[name])
        if answer == "unknown":
            self._filled()
            answer = self._leave(keys=[self.key], args=[name])
        if answer == "last":
            return False
        if answer in ("absent", "unknown") and not _enabled_admin(self.accounts.get(name)):
            return True  # a moderator, or an admin already disabled (no roster: the accounts have no admin)
        return self._another_left(name, back=answer == "left")

    def _another_left(self, name, back):
        """After our leave: does the roster still name an enabled admin by its account? If not, we go `back` on (an
        enabled admin still) before the names that are not are dropped, so the roster never empties. Each leave
        reads after its own removal, so of two at once the later one sees the other gone."""
        others = sorted(self.redis.smembers(self.key) - {name})
        live = [other for other in others if _enabled_admin(self.accounts.get(other))]
        if not live and back:
            self._join(keys=[self.key], args=[name])
        if len(live) < len(others):
            self.redis.srem(self.key, *(other for other in others if other not in live))
            self.written.after(self.key)
        return bool(live)

    def join(self, name):
        """After a write that may have made the account an enabled admin: on the roster if it is one, then read again
        (a disable or removal that landed between that write and the join leaves it off)."""
        if not _enabled_admin(self.accounts.get(name)):
            return
        if not self._join(keys=[self.key], args=[name]):
            self._filled()
        if not _enabled_admin(self.accounts.get(name)):
            self.forget(name)

    def forget(self, name):
        """After an account stopped being an enabled admin (the change went through): off the roster for good. A
        leave() made room for it first, so this never takes the last enabled admin away."""
        self.redis.srem(self.key, name)
        self.written.after(self.key)
