"""The labels the model scores and moderators decide on: one tuple every module reads."""

# What the model scores; scoring/scorer.py checks an artifact's card against its own copy of this tuple.
LABELS = ("spam", "abuse")
# Why a moderator rejects or a reader reports a comment: a label, or something else.
REASONS = (*LABELS, "other")
