"""Comments the tiny model surely flags or passes, and thresholds that hold (never reject) what it flags, for the
tests of the articles' breaker, the authors' standing and the articles page."""

from moderation.labels import CATEGORIES

ABUSIVE = "お前は本当にバカだな、死ね"
CLEAN = "この記事、とても参考になりました。ありがとうございます。"
SPAM = "副業で月収100万円！今すぐLINE追加してね ID:abc123"
# The model holds (never rejects) what it flags, with no harm-category label: every override is a rule's.
HOLD = {"spam": {"review": 0.5, "reject": 1.01}, "abuse": {"review": 0.5, "reject": 1.01},
        **{name: {"review": 1.01, "reject": 1.01} for name in CATEGORIES}}
# The model rejects what it flags (abuse and spam, no category labels): each flagged comment is one strike.
REJECT = {"spam": {"review": 0.5, "reject": 0.5}, "abuse": {"review": 0.5, "reject": 0.5},
          **{name: {"review": 1.01, "reject": 1.01} for name in CATEGORIES}}
