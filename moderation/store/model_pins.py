"""ModelPins: which model version every worker serves, its history, audit trail and shadow counters."""

import json
import time

from moderation.store import connection, replica_wait
from moderation.store.append_only import AppendOnly
from moderation.store.keys import KeySpace
from moderation.store.master_pipeline import NO_REPLICAS

HISTORY_LIMIT = 50


class ModelPins:
    """The deployment's pins (active, shadow, saved thresholds, generation) and what changed them."""

    def __init__(self, redis, prefix="mod:", replicas=NO_REPLICAS):
        self.redis = redis
        self.keys = KeySpace(prefix)
        self.written = AppendOnly(redis, replicas)  # a pin changed is answered once in the append-only file

    def get(self):
        """The pins hash; `thresholds` parsed from its JSON."""
        raw = self.redis.hgetall(self.keys.model("pins"))
        if raw.get("thresholds"):
            raw["thresholds"] = json.loads(raw["thresholds"])
        return raw

    def change(self, mapping, what, by, remove=()):
        """Set and remove pin fields and bump the generation in one transaction, then audit the change.

        The transaction touches the pins key alone (one Cluster slot); the audit entry follows it.
        """
        pins = self.keys.model("pins")
        pipe = self.redis.pipeline(transaction=True)
        if mapping:
            pipe.hset(pins, mapping=mapping)
        if remove:
            pipe.hdel(pins, *remove)
        pipe.hincrby(pins, "generation", 1)
        pipe.execute()
        self.redis.xadd(self.keys.model("audit"), {"what": what, "by": by or "cli", "at": int(time.time() * 1000),
                                                   "detail": json.dumps(mapping, ensure_ascii=False)}, maxlen=10000)
        self.written.after(pins, self.keys.model("audit"))

    def push_previous(self, pin):
        """Remember a (version, sha256) pin for rollback (the latest 50)."""
        self.redis.lpush(self.keys.model("history"), json.dumps(list(pin)))
        self.redis.ltrim(self.keys.model("history"), 0, HISTORY_LIMIT - 1)
        self.written.after(self.keys.model("history"))

    def pop_previous(self):
        """Take the newest remembered pin as (version, sha256), or None."""
        raw = self.redis.lpop(self.keys.model("history"))
        self.written.after(self.keys.model("history"))
        return tuple(json.loads(raw)) if raw is not None else None

    def previous(self):
        """The version a rollback would activate, without taking it (None when there is none or it is unreadable)."""
        raw = self.redis.lindex(self.keys.model("history"), 0)
        try:
            return json.loads(raw)[0] if raw else None
        except (ValueError, TypeError, IndexError, KeyError):
            return None

    def record_shadow(self, version, active_decision, shadow_decision, site, comment_id):
        """Count agreement between the active and the shadow model; keep the latest disagreements."""
        counts, samples = self.keys.model("shadow", version), self.keys.model("shadow", version, "samples")
        pipe = self.redis.pipeline(transaction=False)
        pipe.hincrby(counts, "total", 1)
        if active_decision != shadow_decision:
            pipe.hincrby(counts, "disagree", 1)
            pipe.hincrby(counts, f"{active_decision}->{shadow_decision}", 1)
            pipe.lpush(samples, json.dumps([site, comment_id, active_decision, shadow_decision]))
            pipe.ltrim(samples, 0, 99)
        pipe.execute()

    def shadow_counts(self, version, samples=20):
        """({counter: n}, the latest disagreements) of one shadow version."""
        counts = {k: int(v) for k, v in self.redis.hgetall(self.keys.model("shadow", version)).items()}
        latest = self.redis.lrange(self.keys.model("shadow", version, "samples"), 0, samples - 1)
        return counts, [json.loads(s) for s in latest]


def get_model_pins():
    return ModelPins(*connection(), replicas=replica_wait())
