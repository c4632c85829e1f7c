"""Writes pinned to the master of a key's slot: one pipeline, bounded retries through a failover, and WAIT."""

import time
from typing import NamedTuple

import redis
from redis.backoff import ExponentialBackoff
from redis.cluster import RedisCluster
from redis.exceptions import (
    AskError,
    AuthenticationError,
    AuthorizationError,
    ClusterDownError,
    NoScriptError,
    ReadOnlyError,
    TryAgainError,
)
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

from moderation.store.keys import replication_mark

# Failover: a command that met a dropped connection, a timeout or a read-only replica is retried this many
# times, backing off up to RETRY_CAP seconds, against a refreshed topology (bounded: then the caller answers 503).
RETRIES = 3
RETRY_BASE, RETRY_CAP = 0.05, 0.5

# Not transient: a wrong password fails the same way every time. redis-py counts it as a connection error, so
# without this every connect backed off three times (/readyz took 8.5 s to say 503); now the 503 is at once.
_REFUSED = (AuthenticationError, AuthorizationError)


# How long a slot's replication mark lives (it is written again by every write that waits for replicas).
REPLICATION_MARK_MS = 10_000


class FailoverRetry(Retry):
    """redis-py's bounded retry with backoff, except for a refused password (retrying cannot change the answer)."""

    def __init__(self):
        super().__init__(ExponentialBackoff(cap=RETRY_CAP, base=RETRY_BASE), RETRIES)

    def call_with_retry(self, do, fail, is_retryable=None, with_failure_count=False):
        def retryable(error):
            return not isinstance(error, _REFUSED) and (is_retryable is None or is_retryable(error))

        return super().call_with_retry(do, fail, retryable, with_failure_count)


class NotReplicated(redis.RedisError):
    """A write reached the master but not MODERATION_REDIS_MIN_REPLICAS replicas in time (answered 503)."""


class Replicas(NamedTuple):
    """What an acknowledged write waits for: MODERATION_REDIS_MIN_REPLICAS replicas, for up to wait_ms (WAIT)."""

    count: int = 0
    wait_ms: int = 1000


NO_REPLICAS = Replicas()


# What a write on a pinned node may meet during a failover: the slot moved, the node is down or demoted.
_TOPOLOGY_ERRORS = (AskError, ClusterDownError, TryAgainError, RedisConnectionError, RedisTimeoutError, ReadOnlyError)


def run_on_master(client, key, queue, *, replicas=0, timeout_ms=1000):
    """Queue commands with `queue(pipe)` on one pipeline to the master of `key`'s slot; their results, in order.

    A Cluster pipeline refuses scripts (EVALSHA), and WAIT counts only the writes of its own connection, so
    both go through the master's own client: one slot, one connection. With `replicas`, WAIT follows the
    writes and fewer acknowledgements in time raise NotReplicated; a write to the slot's replication mark goes
    before it, so that WAIT covers every write the master answered before (another connection's, or this one's
    run again and now writing nothing) and not only this connection's last write. A moved slot or a dead master
    refreshes the topology and runs everything again (callers only queue idempotent writes), a bounded number of times.
    """
    for attempt in range(RETRIES + 1):
        try:
            cluster = isinstance(client, RedisCluster)
            node = client.get_redis_connection(client.get_node_from_key(key)) if cluster else client
            pipe = node.pipeline(transaction=False)
            queue(pipe)
            if replicas:
                pipe.set(replication_mark(key), "1", px=REPLICATION_MARK_MS)
                pipe.wait(replicas, timeout_ms)
            results = pipe.execute(raise_on_error=False)
            moved = next((r for r in results if isinstance(r, _TOPOLOGY_ERRORS)), None)
            if moved is not None:
                raise moved
        except _REFUSED:
            raise
        except _TOPOLOGY_ERRORS:
            if attempt == RETRIES:
                raise
            time.sleep(min(RETRY_CAP, RETRY_BASE * 2 ** attempt))
            if isinstance(client, RedisCluster):
                try:
                    client.nodes_manager.initialize()
                except (redis.RedisError, redis.exceptions.RedisClusterException):
                    pass  # still failing over: the next attempt (or the caller's 503) says so
            continue
        if replicas:
            *results, _, acked = results
            if isinstance(acked, redis.RedisError):  # a node demoted since refuses WAIT: nothing is confirmed
                raise NotReplicated(f"WAIT was refused: {acked}")
            if acked < replicas:
                raise NotReplicated(f"the writes reached {acked} of {replicas} replicas in {timeout_ms} ms")
        return results
    raise AssertionError("unreachable")


def run_one(client, key, queue, **kwargs):
    """run_on_master() for a single command: its result, or its error raised."""
    result = run_on_master(client, key, queue, **kwargs)[0]
    if isinstance(result, Exception):
        raise result
    return result


def run_script(client, key, script, keys, args=()):
    """run_one() for one registered script sent by its sha alone: one EVALSHA a call, where a pipeline holding a
    Script asks SCRIPT EXISTS before every execute (two round trips); a server without it (restarted, failed over)
    answers NOSCRIPT and it is loaded once."""
    def call(pipe):
        pipe.evalsha(script.sha, len(keys), *keys, *args)

    result = run_on_master(client, key, call)[0]
    if isinstance(result, NoScriptError):
        run_one(client, key, lambda pipe: pipe.script_load(script.script))
        result = run_on_master(client, key, call)[0]
    if isinstance(result, Exception):
        raise result
    return result
