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
# An article's or an author's rule that holds or rejects a comment in place of the model's labels (its `reason`).
RULES = ("article_closed", "article_premoderated", "author_suspended", "author_premoderated")
# Every rule that overrides the model's decision: those, and a trusted author's relaxed thresholds (never a hold).
OVERRIDES = (*RULES, "author_trusted")
