"""The only package that talks to Redis: one small class per structure, owning its keys and its Lua.

Callers catch ``RedisError`` from here, so no module outside this package imports redis; errors.py turns
one that reaches a request into a 503 with Retry-After.
"""

from redis.exceptions import RedisClusterException as RedisClusterError
from redis.exceptions import RedisError

__all__ = ["RedisClusterError", "RedisError", "connection", "replica_wait"]


def connection():
    """(client, key prefix) of the current app: what the store classes' get_* factories are built from."""
    from moderation import settings
    from moderation.store.client import get_redis

    return get_redis(), settings.get().redis_prefix


def replica_wait():
    """What the current app's acknowledged writes wait for: MODERATION_REDIS_MIN_REPLICAS replicas, for up to half
    of MODERATION_REDIS_TIMEOUT (master_pipeline.Replicas)."""
    from moderation import settings
    from moderation.store.master_pipeline import Replicas

    config = settings.get()
    return Replicas(config.redis_min_replicas, int(config.redis_timeout * 500))
