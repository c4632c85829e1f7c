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
    (conn._sock or _connect(conn)).sendall(packed)
    _receive(conn, count, replies)


def _receive(conn, count, replies):
    """_exchange's reading half: `count` replies off the held connection into `replies`."""
    sock, parser = conn._sock, conn._parser
    if sock is None:  # disconnected since the send (nothing else uses the connection): its replies are lost
        raise RedisConnectionError("the connection was closed before its replies were read")
    reader, buffer, push = parser._reader, parser._buffer, parser._hiredis_PushNotificationType
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
    conn = _plain_connection(client)
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


def _plain_connection(client):
    """This process's held connection for a plain client's pool, else None (see evalsha_many)."""
    pool = getattr(client, "connection_pool", None)
    if type(client) is not redis.Redis or client.connection is not None or type(pool) is not redis.ConnectionPool:
        return None
    return _held_connection(pool)


_UNANSWERED = object()  # read()'s mark for a call with no reply (a nil reply is None)


class Sent:
    """One call sent by send(), its reply not read yet: read() answers it. `conn` is None when the direct path did
    not send it (read() then takes redis-py's path)."""

    __slots__ = ("args", "client", "conn", "keys", "script")

    def __init__(self, client, script, keys, args):
        self.client, self.script, self.keys, self.args, self.conn = client, script, keys, args, None

    def drop(self):
        """The reply will never be read (the caller failed in between): the connection is never used again."""
        if self.conn is not None:
            self.conn.disconnect()
            self.conn = None


def send(client, script, keys, args):
    """evalsha's first half: the call packed and sent on the held connection, its reply left in the socket for
    read(), so that the caller's own work runs while the server runs the script (a SUBMIT's ~100-170 us the worker
    otherwise waits). Nothing may use this thread's held connection between the two: read() (or drop()) must
    follow. A connection that fails here leaves the call to read(), by redis-py's path."""
    sent = Sent(client, script, keys, args)
    conn = _plain_connection(client)
    if conn is None:
        return sent
    try:
        # numkeys as text: hiredis packs a str faster than an int, into the same bytes
        packed = hiredis.pack_command((*_head(script), str(len(keys)), *keys, *args))
        (conn._sock or _connect(conn)).sendall(packed)
    except BaseException as error:  # perhaps part sent: the connection is never used again
        conn.disconnect()
        if not isinstance(error, RedisConnectionError | RedisTimeoutError | OSError):
            raise
        return sent
    sent.conn = conn
    return sent


def read(sent):
    """evalsha's second half: the answer to a call send() sent, as evalsha answers it (a dropped connection, a
    read-only or unknown-script answer: the call again by redis-py's path, whose retries run it; a SUBMIT sent again
    after it ran is answered as its first run)."""
    conn, result = sent.conn, _UNANSWERED
    if conn is not None:
        replies = []
        try:
            _receive(conn, 1, replies)
        except BaseException as error:  # the reply left unread: the connection is never used again
            conn.disconnect()
            if not isinstance(error, RedisConnectionError | RedisTimeoutError | OSError):
                raise
        else:
            result = replies[0]
    if result is _UNANSWERED or retried(result):  # not sent, no answer, a demoted master, no script or function
        return sent.script(keys=sent.keys, args=sent.args, client=sent.client)
    if isinstance(result, redis.ResponseError):
        raise result
    return result


def evalsha(client, script, keys, args):
    """`script(keys=keys, args=args)` through the direct path (send, then read: about 25 µs less of a comment's
    submit than redis-py's command path); anything that path cannot answer goes the usual way, with its retries."""
    return read(send(client, script, keys, args))
