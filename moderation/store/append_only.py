"""Whether a write Redis answered is in its append-only file yet, so that a killed Redis cannot lose it.

Under `appendfsync everysec` Redis (and Valkey) answers a write it has not written to the file while its
background fsync of the previous second still runs: beforeSleep's flushAppendOnlyFile postpones the write(2) (up
to 2 s) and the answers go out regardless; a SIGKILL then loses them. Only while such an fsync is pending (INFO
persistence `aof_pending_bio_fsync`): when a script finds none pending, its writes reach the file before any
answer of that turn of the event loop (a new fsync is only ever queued after the buffer is written). So every
write script (SUBMIT by itself, the others through AppendOnly.script) reports, when one is pending, the server's
run_id and its count of forced writes (PENDING, nothing otherwise), and the caller then waits (wait) until the
same server says none is pending (it answers only after writing its buffer), or that its buffer is empty, or that
it wrote it anyway (`aof_delayed_fsync` went up: Redis writes what it held back after 2 s at the latest, so the
wait ends within about 2 s even on a stuck disk).
README, Durability; tests/test_durability.py::test_answers_given_while_an_fsync_runs_survive_a_kill.
"""

import os
import time

import redis
from redis.cluster import RedisCluster

from moderation.store.held_connection import evalsha_many
from moderation.store.keys import call_key
from moderation.store.master_pipeline import NO_REPLICAS, run_on_master, run_script

# Lua: an INFO field's value (`name` with its colon, `class` the value's characters), found by a plain search for
# its name and read where it ends: string.match(info, 'name:(%d+)') tried the pattern at every position of INFO
# persistence's ~1.3 KB, 4.4 us of a SUBMIT's ~63 (the plain search 0.7). The same value: each field is one line
# "name:value" of its section.
INFO_FIELD = """
local function info_field(info, name, class)
  local at = string.find(info, name, 1, true)
  if at == nil then return nil end
  return string.match(info, class, at + #name)
end
"""

# Lua: '' when no background fsync is pending (the script's writes reach the file before its answer), else
# "<run_id> <aof_delayed_fsync>" (a restarted server has another run_id, and has lost what was only in the old
# one's buffer; a higher count means the held-back buffer was written anyway).
# INFO persistence was 7-8% of a SUBMIT's instructions; a Function library (SUBMIT's: its locals outlive its calls)
# skips it while no fsync can be pending. The server queues a background fsync only from flushAppendOnlyFile, when
# its cached clock (server.mstime) is 1000 ms past the last one's, and TIME in a script is that clock as the call
# began (frozen for the script: tests/test_fsync_skip.py). So when a call sees one pending (at `now`) and the call
# before it that read INFO saw none (at FSYNC_ZERO), that fsync was queued at FSYNC_ZERO or later and the next cannot
# be before FSYNC_ZERO + 1000; a call that then sees none pending (it ended) knows none will be until then, and calls
# before FSYNC_SAFE (that bound less FSYNC_MARGIN ms, for a clock set back a little) answer '' without INFO. Only
# seen fsyncs open such a span; a clock set back more (a call's `now` below the last call's) forgets them all. A
# script's (EVALSHA) locals are made afresh at each run: it reads INFO every time. `now`: the call's TIME in ms when
# the caller read it already (SUBMIT's held comment's event: TIME is frozen for the call, so once a call is enough).
PENDING = INFO_FIELD + """
local FSYNC_MARGIN = 100
local FSYNC_LAST, FSYNC_ZERO, FSYNC_BOUND, FSYNC_SAFE = 0, nil, nil, 0
local FSYNC_SEC, FSYNC_SEC_MS = nil, 0
local function aof_pending(now)
  if not now then
    local t = redis.call('TIME')
    -- the second's ms parsed once a second (strtod: ~0.9k instructions a number)
    if t[1] ~= FSYNC_SEC then FSYNC_SEC, FSYNC_SEC_MS = t[1], tonumber(t[1]) * 1000 end
    now = FSYNC_SEC_MS + math.floor(tonumber(t[2]) / 1000)
  end
  if now < FSYNC_LAST then FSYNC_ZERO, FSYNC_BOUND, FSYNC_SAFE = nil, nil, 0 end  -- the clock was set back
  FSYNC_LAST = now
  if now < FSYNC_SAFE then return '' end
  local persistence = redis.call('INFO', 'persistence')
  local pending = info_field(persistence, 'aof_pending_bio_fsync:', '^%d+')
  if pending == nil or pending == '0' then
    if FSYNC_BOUND and now < FSYNC_BOUND then FSYNC_SAFE = FSYNC_BOUND end
    FSYNC_ZERO, FSYNC_BOUND = now, nil
    return ''
  end
  if FSYNC_ZERO then FSYNC_BOUND = FSYNC_ZERO + 1000 - FSYNC_MARGIN end
  return info_field(redis.call('INFO', 'server'), 'run_id:', '^%x+') .. ' ' ..
    info_field(persistence, 'aof_delayed_fsync:', '^%d+')
end
"""

# ASK: whether the writes answered before it on the same connection are in the file (after(): plain commands have
# no script to report it). A batch's SUBMIT_MANY asks once at its end, as SUBMIT does.
ASK = PENDING + "return aof_pending()\n"

# Asked while waiting: {run_id, 1 when the write is in the file (no fsync pending, an empty buffer) else 0,
# aof_delayed_fsync}.
_CHECK = INFO_FIELD + """
local persistence = redis.call('INFO', 'persistence')
local pending = info_field(persistence, 'aof_pending_bio_fsync:', '^%d+')
local empty = info_field(persistence, 'aof_buffer_length:', '^%d+') == '0'
return {info_field(redis.call('INFO', 'server'), 'run_id:', '^%x+'), (pending == '0' or empty) and 1 or 0,
  tonumber(info_field(persistence, 'aof_delayed_fsync:', '^%d+'))}
"""

# The pauses between a wait's checks: 0.25 ms, doubling up to 2 ms. A sync worker waits through them and the
# requests queued behind it with it; most fsyncs end within a millisecond or two, and a flat 2 ms pause held the
# worker up to 2 ms past the write (docs/benchmark.md, the p99 at 64 connections).
FIRST_POLL_S = 0.00025
POLL_S = 0.002
WAIT_S = 3.0  # Redis writes a held-back buffer after 2 s (checked at every event-loop turn and server cron)


class NotWritten(redis.RedisError):
    """A write Redis answered was not in its append-only file in time, or its server was replaced (503: retry)."""


class AppendOnly:
    """The wait for a write answered while the server's background fsync was pending (see the module's doc), and
    with `replicas` (MODERATION_REDIS_MIN_REPLICAS) for that many replicas to have it (else NotReplicated: 503)."""

    def __init__(self, client, replicas=NO_REPLICAS):
        self.client = client
        self.replicas = replicas
        self._check = client.register_script(_CHECK)
        self.ask = client.register_script(ASK)

    def run(self, key, queue):
        """run_on_master() waiting for the replicas: the result of the one command `queue` queued."""
        return run_on_master(self.client, key, queue, replicas=self.replicas.count,
                             timeout_ms=self.replicas.wait_ms)[0]

    def script(self, lua):
        """A write script answered once its writes are in the file (Written)."""
        return Written(self, lua)

    def after(self, *keys):
        """Return once the writes already answered on the servers of `keys` are in their files (and replicas, with
        `replicas`): plain commands have no script to report a pending fsync, so ASK is asked after them, on each
        server the keys are on (one for a single server; each node of theirs on a Cluster)."""
        cluster = isinstance(self.client, RedisCluster)
        for key in {(self.client.get_node_from_key(key).name if cluster else ""): key for key in keys}.values():
            if self.replicas.count:  # WAIT after ASK: the replicas have every write answered before it
                self.wait(key, self.run(key, lambda pipe, key=key: self.ask(keys=[key], client=pipe)))
            else:
                self.wait(key, self.ask(keys=[key]))

    def wait(self, key, pending):
        """Return once the server that answered has the write in its file: at once when the write script found no
        fsync pending (''), else ("<run_id> <forced writes>" as PENDING reported) when the same server's check
        says so or its forced writes went up; NotWritten when another server answers, or after WAIT_S."""
        if not pending:
            return
        run_id, forced = (pending.decode() if isinstance(pending, bytes) else pending).split()
        deadline = time.monotonic() + WAIT_S
        pause, first = FIRST_POLL_S, True
        while True:
            answer = None if first else self._held_check(key)
            if answer is None:  # a wait's first check goes through run_script, which loads the script if need be
                answer = run_script(self.client, key, self._check, [key])
            first = False
            now_id, written, now_forced = answer
            if isinstance(now_id, bytes):
                now_id = now_id.decode()
            if now_id != run_id:
                raise NotWritten(f"the server that answered the write ({run_id}) was replaced ({now_id})")
            if written or int(now_forced) > int(forced):
                return
            if time.monotonic() > deadline:
                raise NotWritten(f"the write was not in the append-only file after {WAIT_S} s")
            time.sleep(pause)
            pause = min(2 * pause, POLL_S)

    def _held_check(self, key):
        """The check straight off this thread's held connection (held_connection.evalsha_many: 6.8 against 35.5 µs
        of client CPU through run_script's pipeline, warm), or None where only run_script can ask: a Cluster or
        Sentinel client, a failed connection, a server without the script, an error."""
        results = evalsha_many(self.client, [(self._check, [key], [])])
        if results is None or isinstance(results[0], Exception):
            return None
        return results[0]


# How long a write call's answer is kept (Written): its own resends (redis-py's retry, run_on_master's re-run after a
# failover) come within its request, a few seconds at most.
CALL_MS = 60_000

# A Written script's end: the call's own key (the last of KEYS, taken off before the write sees KEYS) holds its answer
# once it is made, so the same call sent again (its answer lost with the connection, or run_on_master's whole
# pipeline run again after a failover, on a new master that has the first run) answers the first run's answer instead
# of writing again; a new master without the first run has no key either, and writes. pending first: a script that
# answers nothing (nil) still answers its pending fsync.
_ONCE = """
local call = table.remove(KEYS)
local kept = redis.call('GET', call)
if kept then return {aof_pending(), cjson.decode(kept)[1]} end
local answer = write()
redis.call('SET', call, cjson.encode({answer}), 'PX', CALL_MS)
return {aof_pending(), answer}
"""


class Written:
    """A write script whose Lua runs as a function and which answers {aof_pending(), its answer}, as SUBMIT ends its
    answers with aof_pending(): one INFO a write, and a wait only while an fsync is pending; a call sent again is
    answered as its first run, never written twice (_ONCE)."""

    def __init__(self, append_only, lua):
        self.append_only = append_only
        self._script = append_only.client.register_script(
            PENDING + f"local CALL_MS = {CALL_MS}\nlocal function write()\n" + lua + "\nend\n" + _ONCE)

    def __call__(self, keys, args):
        """Run the script; its answer once the write is in the file (and replicas, with the store's `replicas`)."""
        keys = [*keys, call_key(keys[0], os.urandom(8).hex())]  # one call: every resend of it carries the same key
        if self.append_only.replicas.count:
            return self.settle(keys[0], self.append_only.run(keys[0], lambda pipe: self.queue(pipe, keys, args)))
        return self.settle(keys[0], self._script(keys=keys, args=args))

    def queue(self, pipe, keys, args):
        """Queue the script on `pipe`; `keys` end with the call's key (__call__ adds it)."""
        self._script(keys=keys, args=args, client=pipe)

    def settle(self, key, answer):
        """The script's own answer from {pending, answer}, after waiting for its write (AppendOnly.wait)."""
        if isinstance(answer, Exception):
            raise answer
        self.append_only.wait(key, answer[0])
        return answer[1] if len(answer) > 1 else None
