"""The decision policy: review and reject thresholds per label and harm category, and the night-time quiet hours.

A comment's values are its `spam` and `abuse` scores and its category probabilities (threat, hate, ...).
Each has its own thresholds; `labels` lists every one at or above its review threshold, and `abuse` joins
whenever one of its categories does (abuse is the largest category, and the queue filters by it).
"""

import time
from datetime import datetime
from zoneinfo import ZoneInfo

from moderation.labels import LABELS
from moderation.scoring.scorer import CATEGORIES
from moderation.settings import json_object

OUTPUTS = (*LABELS, *CATEGORIES)


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
        self.thresholds = {label: dict(card_thresholds.get(label, {})) for label in OUTPUTS}
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
        """(decision, labels crossing their review threshold, risk used to order the queue).

        `scores` holds `spam` and `abuse` and, when the model names them, the harm categories."""
        quiet = self.quiet.active(now)
        scale = self.quiet.scale if quiet and self.quiet.mode == "lower" else 1.0
        names = [name for name in OUTPUTS if name in scores]
        labels = [name for name in names if scores[name] >= self.thresholds[name]["review"] * scale]
        if "abuse" not in labels and any(name in CATEGORIES for name in labels):
            labels.insert(1 if "spam" in labels else 0, "abuse")
        if quiet and self.quiet.mode == "hold" and not labels:
            labels = [max(LABELS, key=lambda label: scores[label])]
        if any(scores[name] >= self.thresholds[name]["reject"] for name in names):
            decision = "reject"
        else:
            decision = "review" if labels else "allow"
        risk = max((scores[name] for name in labels), default=max(scores[name] for name in names))
        return decision, labels, risk
