"""The one Redis client factory: standalone, Cluster or Sentinel from MODERATION_REDIS_URL (redis_url.py), or
the private embedded server (embedded.py); readiness's write probe."""

from pathlib import Path

import redis
from flask import current_app
from redis.backoff import NoBackoff
from redis.cluster import ClusterNode, RedisCluster
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ReadOnlyError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry
from redis.sentinel import Sentinel

from moderation import settings
from moderation.store.embedded import EmbeddedRedis
from moderation.store.master_pipeline import FailoverRetry, run_one
from moderation.store.redis_url import parse_url


def _retry():
    return FailoverRetry()


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

    def check(self, *, described=True):
        """{site: {"ok", "node", "server" or "error"}}; ok only when the write was acknowledged. Not `described`: no
        node or server (no INFO server a site: /readyz's public answer)."""
        out = {}
        for site, key in self.keys.items():
            try:
                # flagged writes wait for replicas (MODERATION_REDIS_MIN_REPLICAS): so does readiness
                run_one(self.client, key, lambda pipe, k=key: pipe.set(k, "1", px=10_000),
                        replicas=self.min_replicas, timeout_ms=self.wait_ms)
                out[site] = {"ok": True, **(describe(self.client, key) if described else {})}
            except redis.RedisError as error:
                out[site] = {"ok": False, "error": error.__class__.__name__}
        return out
