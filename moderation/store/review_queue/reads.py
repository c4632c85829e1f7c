"""The review queue's reads: counts, histograms, leases, summaries, search and a comment's state."""

import time

from moderation.store.client import describe
from moderation.store.review_queue.recording_lua import CLAIMED
from moderation.store.review_queue.staged_lua import RECENT_KEEP


class QueueReads:
    """ReviewQueue's reads of its records and indexes, each in one round trip or a bounded scan."""

    def received_on(self, days):
        """Comments received on each UTC day (YYYYMMDD), from the day's score histogram (kept 40 days): a field a
        comment ("abuse:12|spam:3") counts each once; of the fields a label (written while an earlier release served,
        MODERATION_RECORD_DOC=0) those of the first label do. A day may hold both."""
        pipe = self.redis.pipeline(transaction=False)
        for day in days:
            pipe.hgetall(self.key("hist", day))
        counts = []
        for histogram in pipe.execute():
            joined, apart = 0, {}
            for field, n in histogram.items():
                if "|" in field:
                    joined += int(n)
                else:
                    label = field.partition(":")[0]
                    apart[label] = apart.get(label, 0) + int(n)
            counts.append(joined + (apart[min(apart)] if apart else 0))
        return counts

    def author_history(self, author_id):
        raw = self.redis.hgetall(self.author_key(author_id)) if author_id else {}
        return {name: int(raw.get(name, 0)) for name in ("submitted", "approved", "rejected")}

    def stats(self):
        """Open items per label, pending and claimed counts, age of the oldest open item and totals."""
        pipe = self.redis.pipeline(transaction=False)
        pipe.hgetall(self.key("stats"))
        pipe.zcard(self.key("open"))
        pipe.zcard(self.key("ready"))
        pipe.zcard(self.key("claims"))
        # the oldest ready one and the oldest claimed one (at its arrival + CLAIMED: recording_lua)
        pipe.zrangebyscore(self.key("open"), "-inf", f"({CLAIMED}", start=0, num=1, withscores=True)
        pipe.zrangebyscore(self.key("open"), CLAIMED, "+inf", start=0, num=1, withscores=True)
        pipe.zrange(self.key("claims"), 0, 0, withscores=True)
        counters, open_count, ready, claimed, oldest, oldest_claimed, first_lease = pipe.execute()
        arrivals = [at for _, at in oldest] + [at - CLAIMED for _, at in oldest_claimed]
        sec, usec = self.redis.time()  # not in the pipeline: a Cluster sends TIME to any node, keyless
        now_ms = sec * 1000 + usec // 1000
        return {
            "open": open_count,
            "ready": ready,
            "claimed": claimed,
            "by_label": {k.split(":", 1)[1]: int(v) for k, v in counters.items() if k.startswith("open:")},
            "oldest_age_seconds": round((now_ms - min(arrivals)) / 1000, 1) if arrivals else 0,
            "next_return_seconds": max(0, round((first_lease[0][1] - now_ms) / 1000)) if first_lease else None,
            "counters": {k: int(v) for k, v in counters.items() if not k.startswith("open:")},
        }

    def held_by(self, moderator):
        """How many comments this moderator's live leases hold: the queue's page says how many others hold."""
        sec, usec = self.redis.time()
        return self.redis.zcount(self.held_key(moderator), sec * 1000 + usec // 1000 + 1, "+inf")

    def server(self):
        """Which node holds this site's slot, and its server name and version."""
        return describe(self.redis, self.key("stats"))

    def leases(self, limit=200):
        """Who holds what: [{id, by, until (ms), text (first 120 characters)}], soonest expiry first."""
        held = self.redis.zrange(self.key("claims"), 0, limit - 1, withscores=True)
        pipe = self.redis.pipeline(transaction=False)
        for comment_id, _ in held:
            pipe.hmget(self.record_key(comment_id), "claimed_by", "text")
        return [{"id": comment_id, "by": by or "", "until": int(until), "text": (text or "")[:120]}
                for (comment_id, until), (by, text) in zip(held, pipe.execute(), strict=True)]

    _SUMMARY = ("text", "status", "outcome", "reason", "decided_by", "author_id", "author_name", "article_id",
                "article_title", "received_at", "reports", "last_report", "queue_state", "decision", "decision_reason")

    def summaries(self, ids):
        """Short views of many comments in one round trip (text cut to 300 characters); missing ones left out."""
        ids = list(ids)
        pipe = self.redis.pipeline(transaction=False)
        for comment_id in ids:
            pipe.hmget(self.record_key(comment_id), *self._SUMMARY)
        out = []
        for comment_id, values in zip(ids, pipe.execute(), strict=True):
            if all(value is None for value in values):  # no record (its id is in its doc: records.DOC_FIELDS)
                continue
            row = {"id": comment_id, **dict(zip(self._SUMMARY, values, strict=True))}
            row["text"] = (row["text"] or "")[:300]
            row["received_at"] = int(row["received_at"] or 0)
            row["reports"] = int(row["reports"] or 0)
            row["queue_state"] = row["queue_state"] or ""  # never queued: none written (session 43), read as ''
            out.append(row)
        return out

    def authored(self, author_id, count=20):
        """An author's latest comments, newest first."""
        if not author_id:
            return []
        return self.summaries(self.redis.lrange(self.authored_key(author_id), 0, count - 1))

    def reported(self, count=100):
        """Comments readers reported, latest report first."""
        return self.summaries(self.redis.zrevrange(self.key("reported"), 0, count - 1))

    def search(self, query, limit=50, window=RECENT_KEEP, chunk=500):
        """A comment id, an author id, or a text fragment in the latest `window` comments (one pass, linear)."""
        query = (query or "").strip()
        if not query:
            return []
        found = self.summaries([query]) + self.authored(query, limit)
        seen = {row["id"] for row in found}
        folded = query.casefold()
        for start in range(0, window, chunk):
            ids = self.redis.lrange(self.key("recent"), start, start + chunk - 1)
            pipe = self.redis.pipeline(transaction=False)
            for comment_id in ids:
                pipe.hget(self.record_key(comment_id), "text")
            hits = [i for i, text in zip(ids, pipe.execute(), strict=True)
                    if text and i not in seen and folded in text.casefold()]
            found += self.summaries(hits[:limit - len(found)])
            if len(found) >= limit or len(ids) < chunk:
                break
        return found[:limit]

    def states(self, ids):
        """{id: {"state", "text" (first 120 characters)}} for many comments in one round trip."""
        ids = sorted(ids)
        pipe = self.redis.pipeline(transaction=False)
        for comment_id in ids:
            pipe.hmget(self.record_key(comment_id), "queue_state", "text")
        return {i: {"state": s or "", "text": (t or "")[:120]} for i, (s, t) in zip(ids, pipe.execute(), strict=True)}

    def peek(self, comment_id):
        """The text (first 120 characters), article and author of a record, without reading the rest."""
        text, article, author = self.redis.hmget(self.record_key(comment_id), "text", "article_id", "author_id")
        return {"text": (text or "")[:120], "article_id": article or "", "author_id": author or ""}

    def held(self, moderator):
        """The records a moderator holds a live lease on, read only (the moderation API's GET /queue)."""
        now = int(time.time() * 1000)
        records = (self.get(i) for i in self.redis.zrange(self.held_key(moderator), 0, -1))
        return [r for r in records if r and r.get("claimed_by") == moderator and int(r.get("lease_until") or 0) > now]
