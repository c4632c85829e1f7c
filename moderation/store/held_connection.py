"""EVALSHA straight off this process's own connection: one packing, no redis-py per-command wrappers."""

import os
import threading

import redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ReadOnlyError
from redis.exceptions import TimeoutError as RedisTimeoutError


def _packer():
    """hiredis' packer when redis-py packs with it (then packing here is the same bytes without its per-call
    wrapper), else None."""
    try:
        import hiredis
        from redis.connection import HiredisRespSerializer
    except ImportError:
        return None
    return HiredisRespSerializer, hiredis.pack_command


_HIREDIS = _packer()


# This process's id, kept by an at-fork hook instead of a getpid() per call: a held connection (below) made
# before a fork belongs to the parent and is never used by the child.
_PID = os.getpid()


def _forked():
    global _PID
    _PID = os.getpid()


os.register_at_fork(after_in_child=_forked)


def _held_connection(pool):
    """This process's and thread's own connection to the pool's server, made with the pool's settings and kept
    between calls: the pool's get and release (its lock, observability counters, a poll() for stale data and a
    deprecation wrapper) were a fifth of a submit's client CPU. Every reply is read before the next call, and a
    connection that failed is dropped, so no stale reply is ever read; one the server closed while idle fails
    its next call, whose caller then takes redis-py's path (see evalsha_many). None for a pool with a client-side
    cache (its connections are wrapped)."""
    if pool.cache is not None:
        return None
    held = pool.__dict__.get("_moderation_held")
    if held is None:
        held = pool.__dict__.setdefault("_moderation_held", threading.local())  # setdefault: one per pool
    conn = getattr(held, "conn", None)
    if conn is None or conn.pid != _PID:
        conn = held.conn = pool.connection_class(**pool.connection_kwargs)
    return conn


def evalsha_many(client, script, calls):
    """`script` for each (keys, args) in one round trip on a plain client: the results in order, an error in place
    of a call that failed, as a pipeline answers. Packed once by hiredis and read off this process's held
    connection (_held_connection), without redis-py's per-command wrappers (retry closure, observability hooks,
    response callbacks) or a pipeline's SCRIPT EXISTS round trip. None when this path cannot answer: a Cluster,
    Sentinel or single-connection client, a failed connection (dropped, not reused), a read-only or unknown-script
    answer; the caller then takes redis-py's own path, whose retries run the calls again (callers only send
    idempotent writes: a re-sent SUBMIT is answered as a replay)."""
    pool = getattr(client, "connection_pool", None)
    if type(client) is not redis.Redis or client.connection is not None or type(pool) is not redis.ConnectionPool:
        return None
    conn = _held_connection(pool)
    pooled = conn is None
    if pooled:
        conn = pool.get_connection()
    results = []
    try:
        # numkeys as text: hiredis packs a str faster than an int, into the same bytes
        commands = [("EVALSHA", script.sha, str(len(keys)), *keys, *args) for keys, args in calls]
        if _HIREDIS is not None and isinstance(conn._command_packer, _HIREDIS[0]):
            conn.send_packed_command((b"".join(map(_HIREDIS[1], commands)),))
        else:
            conn.send_packed_command(conn.pack_commands(commands))
        for _ in commands:
            try:
                results.append(conn.read_response())
            except redis.ResponseError as error:  # this reply only: the ones after it are read as usual
                results.append(error)
    except BaseException as error:  # replies left unread: the connection is never used again
        conn.disconnect()
        if not isinstance(error, RedisConnectionError | RedisTimeoutError | OSError):
            raise
        return None
    finally:
        if pooled:
            pool.release(conn)
    if any(isinstance(r, ReadOnlyError | redis.exceptions.NoScriptError) for r in results):
        return None  # a demoted master or a server without the script: the usual path retries or loads it
    return results


def evalsha(client, script, keys, args):
    """`script(keys=keys, args=args)` through evalsha_many's direct path (about 25 µs less of a comment's submit
    than redis-py's command path); anything that path cannot answer goes the usual way, with its retries."""
    results = evalsha_many(client, script, [(keys, args)])
    if results is None:
        return script(keys=keys, args=args, client=client)
    if isinstance(results[0], redis.ResponseError):
        raise results[0]
    return results[0]
