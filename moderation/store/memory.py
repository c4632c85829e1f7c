"""Redis memory use against its maxmemory: what /metrics exports and /readyz warns about above 80%.

With `maxmemory` and `noeviction` (docker-compose), a full Redis refuses writes: flagged comments get a 503
with Retry-After while clean ones are still answered; nothing is evicted, so nothing acknowledged is lost.
"""

from moderation.store import connection
from moderation.store.client import info_per_node

WARN_RATIO = 0.8


class RedisMemory:
    """Reads INFO memory (every node of a cluster: the fullest one counts)."""

    def __init__(self, redis):
        self.redis = redis

    def read(self):
        """{"used_bytes", "max_bytes" (0: no limit), "ratio" (None without a limit), "policy"}."""
        fullest = None
        for node in info_per_node(self.redis, "memory", "used_memory"):
            used, limit = int(node.get("used_memory", 0)), int(node.get("maxmemory", 0))
            ratio = used / limit if limit else None
            entry = {"used_bytes": used, "max_bytes": limit, "ratio": ratio,
                     "policy": node.get("maxmemory_policy", "")}
            if fullest is None or (ratio or 0) > (fullest["ratio"] or 0):
                fullest = entry
        return fullest or {"used_bytes": 0, "max_bytes": 0, "ratio": None, "policy": ""}

    @staticmethod
    def warnings(state):
        """What an operator should act on, in words (readyz)."""
        if state["ratio"] is not None and state["ratio"] > WARN_RATIO:
            return [f"redis memory at {state['ratio']:.0%} of maxmemory: flagged comments get 503 once it is full "
                    "(raise maxmemory or trim old data)"]
        return []


def get_memory():
    return RedisMemory(connection()[0])
