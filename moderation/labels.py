"""The labels the model scores and moderators decide on: one tuple every module reads."""

# What the model scores; scoring/scorer.py checks an artifact's card against its own copy of this tuple.
LABELS = ("spam", "abuse")
# Why a moderator rejects or a reader reports a comment: a label, or something else.
REASONS = (*LABELS, "other")
# The harm categories the model names (issue 12); each is also a moderator's reject reason, so a decision
# becomes a per-category label for retraining.
CATEGORIES = ("threat", "hate", "harassment", "sexual", "self_harm", "personal_info", "defamation")
# A moderator's reject reasons in the picker's key order: 1 spam, 2 abuse, 3 other, then 4-9 and 0 the categories.
REJECT_REASONS = (*REASONS, *CATEGORIES)
