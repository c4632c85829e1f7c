"""owned.reading of one word of a comment, as the owned-word tests ask it."""

from moderation.targets.owned import reading
from moderation.text.normalize import normalize


def read_word(text: str, word: str) -> int:
    """owned.reading of the first `word` in the normalised `text` (OWN, LITERAL or 0)."""
    t = normalize(text).text
    a = t.index(word)
    return reading(t, a, a + len(word))
