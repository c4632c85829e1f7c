"""Thresholds that make the tiny model's decision certain whatever it scores (the `thresholds` fixture)."""

# Every comment goes to review (nothing is rejected).
FLAG_ALL = {"spam": {"review": 0.0, "reject": 1.01}, "abuse": {"review": 0.0, "reject": 1.01}}
# Every comment is published.
FLAG_NONE = {"spam": {"review": 1.01, "reject": 1.01}, "abuse": {"review": 1.01, "reject": 1.01}}
# Every comment is rejected (its spam score is at or above 0).
REJECT_ALL = {"spam": {"review": 0.0, "reject": 0.0}}
