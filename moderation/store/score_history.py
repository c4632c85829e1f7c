"""Threshold curves from the moderators' own decisions: precision, recall and daily queue volume per label.

Only comments the model flagged reach a moderator, so the curves are exact at and above the current review
threshold; below it they rest on reader reports alone and the page says so.
"""

import time

from moderation.store import connection
from moderation.store.keys import KeySpace

GRID = [round(t / 100, 2) for t in range(0, 100)]


class ThresholdReport:
    """Reads the per-day score histograms and the labels stream of one site."""

    def __init__(self, redis, site, prefix="mod:"):
        self.redis = redis
        self.site = site
        self.keys = KeySpace(prefix)

    def volume_per_day(self, label, days=7, now=None):
        """For each threshold on the grid, the comments per day whose score is at or above it."""
        now = now if now is not None else time.time()
        pipe = self.redis.pipeline(transaction=False)
        for back in range(days):
            day = time.strftime("%Y%m%d", time.gmtime(now - back * 86400))
            pipe.hgetall(self.keys.histogram(self.site, day))
        buckets = [0] * 100
        seen_days = 0
        for histogram in pipe.execute():
            if histogram:
                seen_days += 1
            for field, count in histogram.items():  # "abuse:12|spam:3" (a comment's), or "spam:3" (a label's: earlier)
                for part in field.split("|"):
                    name, _, bucket = part.partition(":")
                    if name == label:
                        buckets[int(bucket)] += int(count)
        per_day, running = [0.0] * 100, 0
        for bucket in range(99, -1, -1):
            running += buckets[bucket]
            per_day[bucket] = running / max(seen_days, 1)
        return per_day

    def decisions(self, label, limit=50_000):
        """(score, 1 if the moderators said `label`, else 0) for decided comments, newest decision per id."""
        latest = {}
        for _, fields in self.redis.xrevrange(self.keys.labels(self.site), count=limit):
            cid = fields.get("id")
            if cid in latest or fields.get("source") != "moderator":
                continue
            if fields.get("retract"):
                latest[cid] = None
            elif fields.get("task") == label and fields.get("score"):
                latest[cid] = (float(fields["score"]), int(fields["value"]))
        return [pair for pair in latest.values() if pair is not None]

    def curve(self, label):
        """Precision and recall (against moderator-confirmed positives) at every threshold on the grid."""
        pairs = self.decisions(label)
        positives = sum(value for _, value in pairs)
        points = []
        for t in GRID:
            above = [value for score, value in pairs if score >= t]
            hits = sum(above)
            points.append({
                "threshold": t,
                "precision": hits / len(above) if above else None,
                "recall": hits / positives if positives else None,
            })
        return {"label": label, "decided": len(pairs), "positives": positives, "points": points}


def get_report(site):
    redis, prefix = connection()
    return ThresholdReport(redis, site, prefix)
