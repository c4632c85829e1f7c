"""Thresholds that make the tiny model's decision certain whatever it scores (the `thresholds` fixture).

They name every label and harm category: the tiny card's own category thresholds would otherwise still
reject (or hold) a comment the fixture means to send elsewhere."""

from moderation.labels import CATEGORIES, LABELS

_OUTPUTS = (*LABELS, *CATEGORIES)
_NEVER = {"review": 1.01, "reject": 1.01}
# Every comment goes to review (nothing is rejected).
FLAG_ALL = {"spam": {"review": 0.0, "reject": 1.01}, "abuse": {"review": 0.0, "reject": 1.01},
            **{name: dict(_NEVER) for name in CATEGORIES}}
# Every comment is published.
FLAG_NONE = {name: dict(_NEVER) for name in _OUTPUTS}
# Every comment is rejected (its spam score is at or above 0).
REJECT_ALL = {"spam": {"review": 0.0, "reject": 0.0}}
