"""Threshold curves from the moderators' own decisions: precision, recall and daily queue volume per label.

Only comments the model flagged reach a moderator, so the curves are exact at and above the current review
threshold; below it they rest on reader reports alone and the page says so.
"""

import time
from html import escape

from .keys import KeySpace

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
            pipe.hgetall(self.keys.site(self.site, "hist", day))
        buckets = [0] * 100
        seen_days = 0
        for histogram in pipe.execute():
            if histogram:
                seen_days += 1
            for field, count in histogram.items():
                name, _, bucket = field.partition(":")
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
        for _, fields in self.redis.xrevrange(self.keys.site(self.site, "labels"), count=limit):
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


def svg_chart(curve, volume, current, title):
    """An inline SVG line chart: precision, recall and relative queue volume against the threshold.

    The series carry `data-series` names; the page draws the legend in the reader's language."""
    width, height, pad = 560, 260, 40
    plot_w, plot_h = width - 2 * pad, height - 2 * pad

    def x(t):
        return pad + t * plot_w

    def y(v):
        return pad + (1 - v) * plot_h

    def path(values):
        parts, pen = [], "M"
        for t, v in zip(GRID, values, strict=True):
            if v is None:
                pen = "M"
                continue
            parts.append(f"{pen}{x(t):.1f},{y(v):.1f}")
            pen = "L"
        return " ".join(parts)

    peak = max(volume) or 1
    lines = [
        ("precision", "#1b5e9e", [p["precision"] for p in curve["points"]]),
        ("recall", "#b3261e", [p["recall"] for p in curve["points"]]),
        ("volume", "#4a6b2a", [v / peak for v in volume]),
    ]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="{escape(title)}" class="threshold-chart">',
           f'<rect x="{pad}" y="{pad}" width="{plot_w}" height="{plot_h}" fill="#fff" stroke="#888"/>']
    for tick in (0, 0.25, 0.5, 0.75, 1):
        out.append(f'<text x="{x(tick):.1f}" y="{height - pad + 16}" font-size="11" text-anchor="middle">'
                   f'{tick:.2f}</text>')
        out.append(f'<text x="{pad - 6}" y="{y(tick) + 4:.1f}" font-size="11" text-anchor="end">{tick:.2f}</text>')
    for name, colour, values in lines:
        out.append(f'<path d="{path(values)}" fill="none" stroke="{colour}" stroke-width="2" data-series="{name}"/>')
    out.append(f'<line x1="{x(current):.1f}" y1="{pad}" x2="{x(current):.1f}" y2="{height - pad}" '
               f'stroke="#000" stroke-dasharray="4 3" data-series="current"/>')
    out.append(f'<text x="{width / 2}" y="{height - 6}" font-size="12" text-anchor="middle">{escape(title)}</text>')
    out.append("</svg>")
    return "\n".join(out)
