"""The decision policy: per-label review and reject thresholds, and the night-time quiet hours."""

import time
from datetime import datetime
from zoneinfo import ZoneInfo

from moderation.labels import LABELS
from moderation.settings import json_object


class QuietHours:
    """A nightly window (e.g. 23:00-06:00 Asia/Tokyo) when fewer people watch: hold more, or everything."""

    def __init__(self, spec):
        spec = json_object(spec, "QUIET_HOURS")
        self.enabled = bool(spec)
        self.start = _minutes(spec.get("start", "23:00"))
        self.end = _minutes(spec.get("end", "06:00"))
        self.zone = ZoneInfo(spec.get("tz", "Asia/Tokyo"))
        self.mode = spec.get("mode", "lower")
        self.scale = float(spec.get("scale", 0.5))
        if self.mode not in ("lower", "hold"):
            raise ValueError("MODERATION_QUIET_HOURS mode must be 'lower' or 'hold'")

    def active(self, now=None):
        if not self.enabled:
            return False
        local = datetime.fromtimestamp(now if now is not None else time.time(), self.zone)
        minute = local.hour * 60 + local.minute
        if self.start <= self.end:
            return self.start <= minute < self.end
        return minute >= self.start or minute < self.end


def _minutes(text):
    hours, _, minutes = str(text).partition(":")
    return int(hours) * 60 + int(minutes or 0)


class Policy:
    """Review and reject thresholds per label: the card's, then configuration, then the admin's saved ones."""

    def __init__(self, card_thresholds, *overrides, quiet=None):
        self.thresholds = {label: dict(card_thresholds.get(label, {})) for label in LABELS}
        for override in overrides:
            for label, values in json_object(override, "THRESHOLDS").items():
                if label not in self.thresholds:
                    raise ValueError(f"thresholds name an unknown label {label!r}")
                self.thresholds[label].update(
                    {k: float(v) for k, v in values.items() if k in ("review", "reject")})
        for label, values in self.thresholds.items():
            values.setdefault("review", 0.5)
            values.setdefault("reject", 1.01)
            if not 0 <= values["review"] <= values["reject"]:
                raise ValueError(f"threshold for {label}: need 0 <= review <= reject")
        self.quiet = quiet or QuietHours({})

    def decide(self, scores, now=None):
        """(decision, labels crossing their review threshold, risk used to order the queue)."""
        quiet = self.quiet.active(now)
        scale = self.quiet.scale if quiet and self.quiet.mode == "lower" else 1.0
        labels = [label for label in LABELS if scores[label] >= self.thresholds[label]["review"] * scale]
        if quiet and self.quiet.mode == "hold" and not labels:
            labels = [max(LABELS, key=lambda label: scores[label])]
        if any(scores[label] >= self.thresholds[label]["reject"] for label in LABELS):
            decision = "reject"
        else:
            decision = "review" if labels else "allow"
        risk = max((scores[label] for label in labels), default=max(scores.values()))
        return decision, labels, risk
