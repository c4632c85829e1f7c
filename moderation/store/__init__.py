"""The only package that talks to Redis: one small class per structure, owning its keys and its Lua.

Callers catch ``RedisError`` from here, so no module outside this package imports redis; errors.py turns
one that reaches a request into a 503 with Retry-After.
"""

from redis.exceptions import RedisClusterException as RedisClusterError
from redis.exceptions import RedisError

__all__ = ["RedisClusterError", "RedisError", "connection"]


def connection():
    """(client, key prefix) of the current app: what the store classes' get_* factories are built from."""
    from moderation import settings
    from moderation.store.client import get_redis

    return get_redis(), settings.get().redis_prefix
