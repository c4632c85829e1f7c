"""EVALSHA (FCALL) straight off this process's own connection: one packing, no redis-py per-command wrappers."""

import os
import socket
import struct
import threading

import redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ReadOnlyError
from redis.exceptions import TimeoutError as RedisTimeoutError

from moderation.store.function_library import missing

try:
    import hiredis
    from redis._parsers.hiredis import NOT_ENOUGH_DATA, _HiredisParser
except ImportError:  # without hiredis every call takes redis-py's own path
    hiredis = None

RETRIED = (ReadOnlyError, redis.exceptions.NoScriptError)  # answers the usual path handles (see evalsha_many)


def retried(result):
    """Whether a call's answer is one the usual path handles by sending it again: read-only (a demoted master), or
    a server without the script (NOSCRIPT) or the function ('Function not found'); nothing ran."""
    return isinstance(result, RETRIED) or missing(result)


def _head(script):
    """The command before a call's numkeys: FCALL and a Function's name, or EVALSHA and a Script's sha."""
    return getattr(script, "head", None) or ("EVALSHA", script.sha)

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
    its next call, whose caller then takes redis-py's path (see evalsha_many). None when the direct path cannot
    read its replies: no hiredis, or a pool with a client-side cache (its connections are wrapped)."""
    if hiredis is None or pool.cache is not None:
        return None
    held = pool.__dict__.get("_moderation_held")
    if held is None:
        held = pool.__dict__.setdefault("_moderation_held", threading.local())  # setdefault: one per pool
    conn = getattr(held, "conn", None)
    if conn is None or conn.pid != _PID:
        conn = held.conn = pool.connection_class(**pool.connection_kwargs)
    return conn if isinstance(conn._parser, _HiredisParser) else None


def _connect(conn):
    """Connect (redis-py's handshake: AUTH, SELECT, client name), then make a plain socket blocking with the
    timeouts in the kernel (SO_RCVTIMEO/SO_SNDTIMEO): a Python socket timeout costs a poll() before every send
    and every read. A call that times out raises BlockingIOError, an OSError, as a timeout did."""
    conn.connect()
    sock, timeout = conn._sock, conn.socket_timeout
    if type(sock) is socket.socket and timeout:
        whole = int(timeout)
        limit = struct.pack("ll", whole, int((timeout - whole) * 1_000_000))
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, limit)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, limit)
        sock.settimeout(None)
    return sock


def _exchange(conn, packed, count, replies):
    """Send `packed` and read `count` replies into `replies` straight off the held connection's socket into its
    hiredis reader (what redis-py's send_packed_command and read_response do, without their health-check clock,
    wrappers and per-reply checks). An error reply is kept in its place; a connection error the server answered
    (LOADING, ...) is raised, as redis-py raises it, and so is a dropped connection: `replies` then holds the replies
    read before it."""
    sock = conn._sock or _connect(conn)
    parser = conn._parser
    reader, buffer, push = parser._reader, parser._buffer, parser._hiredis_PushNotificationType
    sock.sendall(packed)
    while len(replies) < count:
        reply = reader.gets()
        if reply is NOT_ENOUGH_DATA:
            size = sock.recv_into(buffer)
            if not size:
                raise RedisConnectionError("the server closed the connection")
            reader.feed(buffer, 0, size)
            continue
        if isinstance(reply, RedisConnectionError):
            raise reply
        if push is not None and isinstance(reply, push):
            continue  # RESP3 out of band (nothing subscribes on this connection): not a reply
        replies.append(reply)


def evalsha_many(client, calls):
    """Each (script, keys, args) in one round trip on a plain client (a script: a redis-py Script, sent by EVALSHA,
    or a function_library.Function, by FCALL): the results in order, an error in place of a call that failed, as a
    pipeline answers. Packed once by hiredis and exchanged directly on this process's held connection
    (_held_connection, _exchange), without redis-py's per-command wrappers (retry closure, observability hooks,
    response callbacks) or a pipeline's SCRIPT EXISTS round trip. A read-only, unknown-script or unknown-function
    answer (retried) is in its place too: the caller sends that call again by redis-py's path (or the library's),
    which loads the script (or library) or finds the new master, and not the calls that were answered (a SUBMIT_MANY
    sent twice charged its comments' rate limits twice). A connection that failed part way (dropped, not reused)
    after some replies were read: those replies, None in place of the calls not answered (they may or may not have
    run), for the caller to send again alone (a SUBMIT sent again after it ran is answered as its first run). None
    when this path cannot answer: a Cluster, Sentinel or single-connection client, a connection that failed before
    any reply; the caller then takes redis-py's own path, whose retries run the calls again."""
    pool = getattr(client, "connection_pool", None)
    if type(client) is not redis.Redis or client.connection is not None or type(pool) is not redis.ConnectionPool:
        return None
    conn = _held_connection(pool)
    if conn is None:
        return None
    pack = hiredis.pack_command
    replies = []
    try:
        # numkeys as text: hiredis packs a str faster than an int, into the same bytes
        if len(calls) == 1:
            script, keys, args = calls[0]
            packed = pack((*_head(script), str(len(keys)), *keys, *args))
        else:
            packed = b"".join([pack((*_head(script), str(len(keys)), *keys, *args))
                               for script, keys, args in calls])
        _exchange(conn, packed, len(calls), replies)
    except BaseException as error:  # replies left unread: the connection is never used again
        conn.disconnect()
        if not isinstance(error, RedisConnectionError | RedisTimeoutError | OSError):
            raise
        if not replies:
            return None
        return replies + [None] * (len(calls) - len(replies))  # the answered ones are not sent again
    return replies


def evalsha(client, script, keys, args):
    """`script(keys=keys, args=args)` through evalsha_many's direct path (about 25 µs less of a comment's submit
    than redis-py's command path); anything that path cannot answer goes the usual way, with its retries."""
    results = evalsha_many(client, [(script, keys, args)])
    if results is None or retried(results[0]):  # a demoted master, a server without the script or function
        return script(keys=keys, args=args, client=client)
    if isinstance(results[0], redis.ResponseError):
        raise results[0]
    return results[0]
