"""MODERATION_REDIS_URL parsed into a topology: one server, a Cluster's seed nodes, or Sentinels and a master.

Forms:
  redis://[[user]:pass@]host:port/db, rediss://..., unix:///path/to/socket?db=0   one server
  redis+cluster://[[user]:pass@]host1:port1,host2:port2/  (rediss+cluster:// for TLS)  seed nodes of a Cluster
  redis+sentinel://[[user]:pass@]s1:26379,s2:26379/<master name>/<db>[?sentinel_password=...]  Sentinel
"""

import re
from urllib.parse import parse_qs, unquote

from moderation.settings import SettingsError


class RedisUrlError(SettingsError):
    """A MODERATION_REDIS_URL this factory cannot build a client for (a settings error: the CLI and start-up say
    "configuration: ..." in one line, not a traceback)."""



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
