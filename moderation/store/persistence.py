"""Whether Redis is keeping what it acknowledges: what /metrics exports and /readyz warns about.

The service acknowledges a queued comment once Redis has it in its append-only file (store/append_only.py), so
durability is that file: on (docker-compose and the embedded server run `appendonly yes`, `appendfsync everysec`),
its last write to disk succeeded, and the disk keeps up with the fsync every second (`aof_delayed_fsync` counts
writes held back behind one for over 2 s; README, Durability).
"""

from moderation.store import connection
from moderation.store.append_only import WAIT_S
from moderation.store.client import info_per_node


class RedisPersistence:
    """Reads INFO persistence (every node of a cluster: off anywhere is off, delays add up)."""

    def __init__(self, redis):
        self.redis = redis

    def read(self):
        """{"aof_enabled": every node appends, "write_ok": every node's last AOF write and RDB save succeeded,
        "delayed_fsyncs": writes postponed behind a slow fsync since the servers started}."""
        nodes = info_per_node(self.redis, "persistence", "aof_enabled")
        state = {"aof_enabled": bool(nodes), "write_ok": True, "delayed_fsyncs": 0}
        for node in nodes:
            state["aof_enabled"] &= int(node.get("aof_enabled", 0)) == 1
            state["write_ok"] &= (node.get("aof_last_write_status", "ok") == "ok"
                                  and node.get("rdb_last_bgsave_status", "ok") == "ok")
            state["delayed_fsyncs"] += int(node.get("aof_delayed_fsync", 0))
        return state

    @staticmethod
    def warnings(state):
        """What an operator should act on, in words (readyz)."""
        out = []
        if not state["aof_enabled"]:
            out.append("redis append-only file is off: acknowledged comments do not survive a Redis restart "
                       "(run it with --appendonly yes --appendfsync everysec)")
        if not state["write_ok"]:
            out.append("redis failed its last write to disk (aof_last_write_status or rdb_last_bgsave_status): "
                       "check the disk")
        if state["delayed_fsyncs"]:
            out.append(f"redis postponed {state['delayed_fsyncs']} append-only writes behind a slow fsync since it "
                       "started (aof_delayed_fsync): the disk cannot keep up; comments and decisions wait for it "
                       f"(503 after {WAIT_S:g} s) and a power cut loses more")
        return out


def get_persistence():
    return RedisPersistence(connection()[0])
