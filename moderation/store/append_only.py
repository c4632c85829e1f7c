"""Whether a write Redis answered is in its append-only file yet, so that a killed Redis cannot lose it.

Under `appendfsync everysec` Redis (and Valkey) answers a write it has not written to the file while its
background fsync of the previous second still runs: beforeSleep's flushAppendOnlyFile postpones the write(2)
(up to 2 s) and the answers go out regardless; a SIGKILL then loses them. Only while such an fsync is pending
(INFO persistence `aof_pending_bio_fsync`): when a script finds none pending, its writes reach the file before
any answer of that turn of the event loop (a new fsync is only ever queued after the buffer is written). So a
write script reports the server's run_id when one is pending (PENDING, nothing otherwise), and the caller then
waits (wait) until the same server says none is pending, which it answers only after writing its buffer.
README, Durability; tests/test_durability.py::test_answers_given_while_an_fsync_runs_survive_a_kill.
"""

import time

import redis

from moderation.store.master_pipeline import run_one

# Lua: '' when no background fsync is pending (the script's writes reach the file before its answer), else the
# server's run_id (a restarted server has another, and has lost what was only in the old one's buffer).
PENDING = """
local function aof_pending()
  local persistence = redis.call('INFO', 'persistence')
  local pending = string.match(persistence, 'aof_pending_bio_fsync:(%d+)')
  if pending == nil or pending == '0' then return '' end
  return string.match(redis.call('INFO', 'server'), 'run_id:(%x+)')
end
"""

# Asked again while waiting: the server's run_id and whether an fsync is still pending.
_CHECK = PENDING + """
return {string.match(redis.call('INFO', 'server'), 'run_id:(%x+)'), aof_pending() == '' and 0 or 1}
"""

POLL_S = 0.002


class NotWritten(redis.RedisError):
    """A write Redis answered was not in its append-only file in time, or its server was replaced (503: retry)."""


class AppendOnly:
    """The wait for a write answered while the server's background fsync was pending (see the module's doc)."""

    def __init__(self, client, wait_ms=1000):
        self.client = client
        self.wait_ms = wait_ms
        self._check = client.register_script(_CHECK)

    def check(self, pipe, key):
        """Queue the check after a pipeline's writes (same connection, so it runs after them); see confirm."""
        self._check(keys=[key], client=pipe)

    def confirm(self, key, checked):
        """Wait, when the check queued by check() found an fsync pending ([run_id, pending] as it answered)."""
        if isinstance(checked, Exception):
            raise checked
        run_id, pending = checked
        self.wait(key, (run_id.decode() if isinstance(run_id, bytes) else run_id) if pending else "")

    def wait(self, key, run_id):
        """Return once the server that answered (run_id, as the write script reported it) has written the write:
        at once when it reported none pending (''); NotWritten after wait_ms, or when another server answers."""
        if not run_id:
            return
        deadline = time.monotonic() + self.wait_ms / 1000
        while True:
            now_id, pending = run_one(self.client, key, lambda pipe: self._check(keys=[key], client=pipe))
            if isinstance(now_id, bytes):
                now_id = now_id.decode()
            if now_id != run_id:
                raise NotWritten(f"the server that answered the write ({run_id}) was replaced ({now_id})")
            if not pending:
                return
            if time.monotonic() > deadline:
                raise NotWritten(f"the write was not in the append-only file after {self.wait_ms} ms "
                                 "(a background fsync still running)")
            time.sleep(POLL_S)
