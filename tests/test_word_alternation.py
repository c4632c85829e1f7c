"""moderation/wordlists/alternation.py: a word list's factored regex matches exactly its words and, at any position,
tries them in the order of the list sorted longest first, so a pattern around it finds the same matches."""

import re
import re._parser as P
import sys

from moderation.features import patterns as signals
from moderation.needles.prefixes import _starts
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


def test_no_pattern_of_the_targets_holds_a_sorted_join_of_the_named_groups():
    """GROUPS_NAMED sorted and joined is 70,719 characters (alternation(): ~5,100); written five times into HATE_EN's
    parts it made the in-charge part 288,245 characters and HATE_EN 378,728 (0.36 + 0.52 s of every start to compile).
    Whatever parts a reading adds, none holds that join again (a size bound broke on session 47's new in-charge parts,
    d9eb45e: nine alternations, 65,000 characters, not the ~650,000 the sorted joins make)."""
    flat = "|".join(sorted((re.escape(g) for g in NAMED), key=lambda g: (-len(g), g)))
    assert len(alternation(NAMED)) * 10 < len(flat)
    head = flat[:2000]  # the first ~150 pairs, longest first: in no factored alternation
    patterns = [rx for module in sys.modules.values() if module and module.__name__.startswith("moderation.targets.")
                for value in vars(module).values()
                for rx in (value if isinstance(value, tuple) else (value,)) if isinstance(rx, re.Pattern)]
    assert len(patterns) > 100 and signals._SPLIT  # every target module is imported (by the signals')
    assert [rx.pattern[:60] for rx in patterns if head in rx.pattern] == []
