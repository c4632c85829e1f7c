"""ModelPins: which model version every worker serves, its history, audit trail and shadow counters."""

import json
import time

from moderation.store import connection, replica_wait
from moderation.store.append_only import AppendOnly
from moderation.store.keys import KeySpace
from moderation.store.master_pipeline import NO_REPLICAS

HISTORY_LIMIT = 50
# The rollback history is the pins hash's `history` field (JSON [[version, sha256], ...], newest first), so one script
# owns a pin and the pin it displaced. In a list of its own (another Cluster slot: no script could hold both) two
# activations at once pushed the same previous pin twice and lost the one between, and a rollback racing an
# activation lost that activation's previous pin. ARGV: version, sha256, fallback version and sha256 (the pin served
# when none is set), the history's limit, '1' to stop shadowing this version. Returns 1 when shadowing stopped.
_ACTIVATE = """
local pin = redis.call('HMGET', KEYS[1], 'active_version', 'active_sha256', 'history', 'shadow_version')
local history = cjson.decode(pin[3] or '[]')
local version, sha = pin[1], pin[2]
if not version and ARGV[3] ~= '' then version, sha = ARGV[3], ARGV[4] end
if version and version ~= ARGV[1] then
  table.insert(history, 1, {version, sha or ''})
  while #history > tonumber(ARGV[5]) do table.remove(history) end
end
redis.call('HSET', KEYS[1], 'active_version', ARGV[1], 'active_sha256', ARGV[2],
           'history', #history > 0 and cjson.encode(history) or '[]')
local stopped = 0
if ARGV[6] == '1' and pin[4] == ARGV[1] then
  redis.call('HDEL', KEYS[1], 'shadow_version', 'shadow_sha256')
  stopped = 1
end
redis.call('HINCRBY', KEYS[1], 'generation', 1)
return stopped
"""
# Re-activate the newest previous pin, unless the pins changed since it was read and its file checked (ARGV[1]: the
# generation then): that caller reads again.
_ROLLBACK = """
local pin = redis.call('HMGET', KEYS[1], 'generation', 'history')
if (pin[1] or '') ~= ARGV[1] then return 0 end
local history = cjson.decode(pin[2] or '[]')
local head = table.remove(history, 1)
if not head then return 0 end
redis.call('HSET', KEYS[1], 'active_version', head[1], 'active_sha256', head[2],
           'history', #history > 0 and cjson.encode(history) or '[]')
redis.call('HINCRBY', KEYS[1], 'generation', 1)
return 1
"""

# Set pin fields only while the pins are as the caller read them (ARGV[1]: their generation then), else 0 and it reads
# again: a read-modify-write of one field (the saved thresholds) no longer drops what another admin saved meanwhile.
_CHANGE_IF = """
if (redis.call('HGET', KEYS[1], 'generation') or '') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('HINCRBY', KEYS[1], 'generation', 1)
return 1
"""


class ModelPins:
    """The deployment's pins (active, shadow, saved thresholds, generation, rollback history) and what changed them."""

    def __init__(self, redis, prefix="mod:", replicas=NO_REPLICAS):
        self.redis = redis
        self.keys = KeySpace(prefix)
        self.written = AppendOnly(redis, replicas)  # a pin changed is answered once in the append-only file
        self._activate, self._rollback = redis.register_script(_ACTIVATE), redis.register_script(_ROLLBACK)
        self._change_if = redis.register_script(_CHANGE_IF)

    def get(self):
        """The pins hash; `thresholds` parsed from its JSON (the history is previous()'s and head()'s)."""
        raw = self.redis.hgetall(self.keys.model("pins"))
        raw.pop("history", None)
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
        self._audit(what, by, mapping)

    def change_if(self, generation, mapping, what, by):
        """change() of `mapping` only while the pins' generation is still `generation` (as get() read it); False,
        nothing written, when another change came first."""
        args = [generation or "", *(part for pair in mapping.items() for part in pair)]
        if not self._change_if(keys=[self.keys.model("pins")], args=args):
            return False
        self._audit(what, by, mapping)
        return True

    def _audit(self, what, by, detail):
        self.redis.xadd(self.keys.model("audit"), {"what": what, "by": by or "cli", "at": int(time.time() * 1000),
                                                   "detail": json.dumps(detail, ensure_ascii=False)}, maxlen=10000)
        self.written.after(self.keys.model("pins"), self.keys.model("audit"))

    def activate(self, pin, fallback, by, stop_shadow=False):
        """Pin (version, sha256) as active; the pin it displaces (or `fallback`, what is served when none is set)
        goes on the history, in the same step. With stop_shadow, shadowing this version ends too; True when it did."""
        self.head()  # the history of the code before the field, moved in first
        fallback = [value or "" for value in (fallback or ("", ""))]
        version, sha = pin
        stopped = self._activate(keys=[self.keys.model("pins")],
                                 args=[version, sha, *fallback, HISTORY_LIMIT, "1" if stop_shadow else ""])
        self._audit("activate", by, {"active_version": version, "active_sha256": sha})
        if stopped:
            self._audit("shadow_off", by, {})
        return bool(stopped)

    def head(self):
        """(the newest previous pin as (version, sha256) or None, the pins' generation): what roll_back takes."""
        pins = self.keys.model("pins")
        raw, generation = self.redis.hmget(pins, "history", "generation")
        if raw is None:  # the history as the code before the field kept it, in a list: moved in once
            legacy = self.redis.lrange(self.keys.model("history"), 0, HISTORY_LIMIT - 1)
            if legacy:  # unless a field written meanwhile came first
                self.redis.hsetnx(pins, "history", json.dumps([json.loads(entry) for entry in legacy]))
                self.redis.delete(self.keys.model("history"))
                self.written.after(pins, self.keys.model("history"))
                raw, generation = self.redis.hmget(pins, "history", "generation")
        try:
            head = json.loads(raw or "[]")[0]
            return (head[0], head[1]), generation or ""
        except (ValueError, TypeError, IndexError, KeyError):
            return None, generation or ""

    def roll_back(self, pin, generation, by):
        """Re-activate `pin`, head() read at `generation`; False (nothing done) when the pins changed since."""
        if not self._rollback(keys=[self.keys.model("pins")], args=[generation]):
            return False
        self._audit("rollback", by, {"active_version": pin[0], "active_sha256": pin[1]})
        return True

    def previous(self):
        """The version a rollback would activate, without taking it (None when there is none or it is unreadable)."""
        pin, _ = self.head()
        return pin[0] if pin else None

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
