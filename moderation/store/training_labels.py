"""LabelStore: labelled examples for the next model, from moderators, Akismet-style feedback and reports.

Memory is bounded: the stream keeps the newest ~RETENTION entries (XADD MAXLEN ~), an entry carries the text's
SHA-1 rather than the text, each distinct text is stored once beside it and dropped once no kept entry is newer,
and a feedback label (report, Akismet) already given to the same text is not added again.
"""

import datetime as dt

from moderation.labels import LABELS as TASKS  # a training task per label
from moderation.store import connection, replica_wait
from moderation.store.append_only import AppendOnly
from moderation.store.keys import KeySpace
from moderation.store.master_pipeline import NO_REPLICAS

RETENTION = 100_000  # label entries kept per site (about 50,000 moderator decisions); export before they age out
FEEDBACK = ("report", "akismet")  # sources a moderator has not confirmed

# label(): append one example to the stream, its text once to the texts hash; 0 for a repeated feedback label.
# Shared with the review queue's DECIDE and REPORT, which label in the same step as they decide or count.
LABEL = """
local function label(stream, texts, seen, maxlen, id, task, value, source, by, at, text, score)
  local sha = redis.sha1hex(text)
  if source ~= 'moderator' then
    local given = redis.call('HGET', texts, 'f:' .. sha) or ''
    local token = '|' .. source .. ':' .. task .. ':' .. value
    if string.find(given, token, 1, true) then return 0 end
    redis.call('HSET', texts, 'f:' .. sha, given .. token)
  end
  redis.call('HSET', texts, 't:' .. sha, text)
  local entry = redis.call('XADD', stream, 'MAXLEN', '~', maxlen, '*', 'id', id, 'task', task, 'value', value,
    'source', source, 'by', by, 'at', at, 'sha', sha, 'score', score or '')
  redis.call('ZADD', seen, tonumber(string.match(entry, '^(%d+)')), sha)
  local first = redis.call('XRANGE', stream, '-', '+', 'COUNT', 1)
  if first[1] then  -- texts no kept entry refers to any more (a few per call, so the cost stays flat)
    local oldest = string.match(first[1][1], '^(%d+)')
    for _, old in ipairs(redis.call('ZRANGEBYSCORE', seen, '-inf', '(' .. oldest, 'LIMIT', 0, 20)) do
      redis.call('HDEL', texts, 't:' .. old, 'f:' .. old)
      redis.call('ZREM', seen, old)
    end
  end
  return 1
end
"""

_ADD = LABEL + """
return label(KEYS[1], KEYS[2], KEYS[3], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], '')
"""


class LabelStore:
    """The per-site `labels` stream and its texts; the queue's decide and report scripts append to it too."""

    def __init__(self, redis, site, prefix="mod:", retention=RETENTION, replicas=NO_REPLICAS):
        self.redis = redis
        self.site = site
        self.keys = KeySpace(prefix)
        self.retention = int(retention)
        self._add = AppendOnly(redis, replicas).script(_ADD)  # feedback is answered once in the append-only file

    def key(self):
        return self.keys.labels(self.site)

    def all_keys(self):
        """The stream, the texts hash and the texts' last use (the KEYS of LABEL, in that order)."""
        return [self.key(), self.keys.site(self.site, "labels", "texts"), self.keys.site(self.site, "labels", "seen")]

    def add(self, comment_id, text, task, value, source, by="", at_ms=None):
        """Append one example: `value` 1 means the text is `task`; False when the same feedback was given before."""
        if task not in TASKS:
            raise ValueError(f"task must be one of {TASKS}")
        at = at_ms if at_ms is not None else self._now_ms()
        return bool(self._add(keys=self.all_keys(), args=[self.retention, comment_id, task, int(bool(value)), source,
                                                          by or "", at, text]))

    def _now_ms(self):
        sec, usec = self.redis.time()
        return sec * 1000 + usec // 1000

    def size(self):
        """Entries kept, distinct texts stored and the retention (for `queue stats`)."""
        pipe = self.redis.pipeline(transaction=False)
        pipe.xlen(self.key())
        pipe.zcard(self.all_keys()[2])
        entries, texts = pipe.execute()
        return {"entries": entries, "texts": texts, "retention": self.retention}

    def export(self, since_ms=0, page=1000, *, feedback_weight=0.0, daily_cap=0):
        """Yield examples oldest first, a page of the stream at a time (memory stays flat). Reports and Akismet
        feedback count only through the moderator's label on the same text, unless `feedback_weight` > 0: then
        they come with that weight, at most `daily_cap` a UTC day."""
        cursor, per_day = f"{int(since_ms)}-0", {}
        while True:
            batch = self.redis.xrange(self.key(), min=cursor, count=page)
            shas = sorted({f["sha"] for _, f in batch if f.get("sha")})
            found = self.redis.hmget(self.all_keys()[1], [f"t:{s}" for s in shas]) if shas else []
            texts = dict(zip(shas, found, strict=True))
            for entry_id, fields in batch:
                row = self._row(entry_id, fields, texts)
                if row.get("source") in FEEDBACK:
                    if feedback_weight <= 0 or not self._within_cap(row, per_day, daily_cap):
                        continue
                    row["weight"] = feedback_weight
                yield row
            if len(batch) < page:
                return
            ms, seq = batch[-1][0].split("-")
            cursor = f"{ms}-{int(seq) + 1}"

    @staticmethod
    def _within_cap(row, per_day, cap):
        day = dt.datetime.fromtimestamp(row["at"] / 1000, dt.UTC).date()
        per_day[day] = per_day.get(day, 0) + 1
        return per_day[day] <= cap

    def _row(self, entry_id, fields, texts):
        row = {"entry": entry_id, "site": self.site, "id": fields.get("id"), "source": fields.get("source"),
               "by": fields.get("by") or None, "at": int(fields.get("at", 0))}
        if fields.get("retract"):
            row["retract"] = True
        else:
            text = texts.get(fields.get("sha")) if fields.get("sha") else fields.get("text")
            row.update(task=fields.get("task"), value=int(fields.get("value", 0)), text=text or "",
                       sha=fields.get("sha", ""))
            if fields.get("score"):
                row["score"] = float(fields["score"])
        return row


def get_labels(site):
    redis, prefix = connection()
    return LabelStore(redis, site, prefix, replicas=replica_wait())
