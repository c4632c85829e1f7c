"""LabelStore: labelled examples for the next model, from moderators, Akismet-style feedback and reports."""

from moderation.labels import LABELS as TASKS  # a training task per label
from moderation.store import connection
from moderation.store.keys import KeySpace


class LabelStore:
    """The per-site `labels` stream; the queue's decide script appends to it too, in the same step."""

    def __init__(self, redis, site, prefix="mod:"):
        self.redis = redis
        self.site = site
        self.keys = KeySpace(prefix)

    def key(self):
        return self.keys.labels(self.site)

    def add(self, comment_id, text, task, value, source, by="", at_ms=None):
        """Append one example: `value` 1 means the text is `task` (spam or abuse), 0 that it is not."""
        if task not in TASKS:
            raise ValueError(f"task must be one of {TASKS}")
        at = at_ms if at_ms is not None else self._now_ms()
        self.redis.xadd(self.key(), {"id": comment_id, "task": task, "value": int(bool(value)), "source": source,
                                     "by": by or "", "at": at, "text": text})

    def _now_ms(self):
        sec, usec = self.redis.time()
        return sec * 1000 + usec // 1000

    def export(self, since_ms=0, page=1000):
        """Yield examples oldest first, one page of the stream at a time (memory stays flat)."""
        cursor = f"{int(since_ms)}-0"
        while True:
            batch = self.redis.xrange(self.key(), min=cursor, count=page)
            for entry_id, fields in batch:
                yield self._row(entry_id, fields)
            if len(batch) < page:
                return
            ms, seq = batch[-1][0].split("-")
            cursor = f"{ms}-{int(seq) + 1}"

    def _row(self, entry_id, fields):
        row = {"entry": entry_id, "site": self.site, "id": fields.get("id"), "source": fields.get("source"),
               "by": fields.get("by") or None, "at": int(fields.get("at", 0))}
        if fields.get("retract"):
            row["retract"] = True
        else:
            row.update(task=fields.get("task"), value=int(fields.get("value", 0)), text=fields.get("text", ""))
            if fields.get("score"):
                row["score"] = float(fields["score"])
        return row


def get_labels(site):
    redis, prefix = connection()
    return LabelStore(redis, site, prefix)
