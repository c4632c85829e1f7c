"""moderation/wordlists/alternation.py: a word list's factored regex matches exactly its words and, at any position,
tries them in the order of the list sorted longest first, so a pattern around it finds the same matches."""

import re
import re._parser as P

from moderation.needles.prefixes import _starts
from moderation.targets import withheld_en
from moderation.wordlists.alternation import alternation
from moderation.wordlists.groups import GROUPS_NAMED, SLURS

NAMED = [g for g in GROUPS_NAMED if g.isascii()]
WHOM = [g for g in (*GROUPS_NAMED, *SLURS, "homos", "fags") if g.isascii()]
TOY = ["gay", "gay men", "gay menfolk", "roma", "romanian men", "roma men", "sri lankan men", "sri lankans", "a b c",
       "a b", "a", "ab", "abc d", "x.y", "x+y men"]


def _words(pattern: str) -> set[str]:
    """Every string `pattern` matches (it matches only finitely many)."""
    strings = _starts(P.parse(pattern), 0, False, 1 << 30, 1 << 14)
    assert all(whole for _s, whole in strings)
    return {s for s, _whole in strings}


def _tried_longest_first(words) -> None:
    """At the start of each word, every word that is a prefix of it is tried, the longer first: with the ends beyond
    len - r refused (a lookahead of r characters), the match ends at the longest word that is left."""
    regex = alternation(words)
    longest = max(map(len, words))
    refusing = [re.compile("(?:" + regex + ")" + (f"(?=.{{{r}}})" if r else ""), re.DOTALL) for r in range(longest + 1)]
    vocabulary = set(words)
    for word in vocabulary:
        ends = [k for k in range(1, len(word) + 1) if word[:k] in vocabulary]
        for r in range(len(word) + 1):
            match = refusing[r].match(word)
            expected = max((k for k in ends if k <= len(word) - r), default=None)
            assert (match.end() if match else None) == expected, (word, r)


def test_the_same_words_tried_in_the_same_order():
    for words in (TOY, NAMED, WHOM):
        assert _words(alternation(words)) == set(words)
        _tried_longest_first(words)


def test_the_lists_patterns_are_a_fraction_of_the_sorted_lists():
    """GROUPS_NAMED sorted and joined was 70,719 characters, written five times into HATE_EN's parts (0.36 + 0.52 s of
    every start compiling them): now ~5,100, and the in-charge part ~65,000 characters (0.17 s to compile) with session
    46-47's refusals, sacking rules and "I won't have" (nine group alternations), not the ~650,000 sorted joins make."""
    flat = "|".join(sorted((re.escape(g) for g in NAMED), key=lambda g: (-len(g), g)))
    assert len(alternation(NAMED)) * 10 < len(flat)
    assert len(withheld_en._EN_IN_CHARGE) < 70_000
