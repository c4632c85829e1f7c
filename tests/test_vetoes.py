"""PRAISE_EN's praise-word form reads its harm-done look-ahead only in a long text where a harm word is
(moderation/needles/vetoes.py): its matches stay the part's own (alone, merged with the other parts, by the code
pass's start positions and by its own search, short texts and long, a harm word at any distance), and a long text of
praise with no harm word in it is not matched with the look-ahead at all (issue 13: "deserve respect" repeated cost
2x an ordinary comment)."""

import random

import pytest

from moderation.features import patterns as FP
from moderation.features.signals import code_pass
from moderation.needles.vetoes import LONG_FROM, Veto
from moderation.targets import praise as TPR
from tests.test_codepass import codes_of

SPLIT = FP._SPLIT[TPR.PRAISE_EN]
VETOED = {k: g for k, g in enumerate(SPLIT.guards) if isinstance(g, Veto)}
# what the form and its look-ahead read: praise, the copula and feelings, harms, what opposes a harm, filler
PIECES = ("they deserve respect", "we really admire", "are kind", "make our town better", "i love", "are so generous",
          "deport", "deporting them", "kicked out", "lock them all up", "kill", "round them up", "send them home",
          "fighting", "against", "not", "never", "but", "the council", "our neighbours", "immigrants", "x" * 40,
          "and", "every single day", "in this town", ".", ",", "!", "\n", "lynch", "get rid of", "together", "urban")


def _spans(matches):
    return [m.span() for m in matches]


def _texts(seed: int, count: int, low: int, high: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        words, length = [], rng.randint(low, high)
        while sum(map(len, words)) + len(words) < length:
            words.append(rng.choice(PIECES))
        out.append(" ".join(words))
    return out


def _edge(gap: int) -> str:
    """Praise, then a harm word `gap` characters after the praise word's end (around the look-ahead's 50)."""
    return ("they deserve respect " + "a" * max(gap - 1, 0) + " deport them. ") * 40


def _long_edge(gap: int) -> str:
    """The same after the form's longest head ("make" and five words of twenty letters before the praise word)."""
    return ("they make " + " ".join(["abcdefghijklmnopqrst"] * 5) + " kind " + "a" * max(gap - 1, 0) + " deport. ") * 12


TEXTS = (_texts(1, 150, 200, 900) + _texts(2, 60, LONG_FROM, 4_000) + [_edge(gap) for gap in range(40, 60)]
         + [_long_edge(gap) for gap in range(40, 60)] + ["they deserve respect " * 300, "we are kind " * 200 + "kill"])


def test_the_praise_form_is_the_vetoed_part():
    assert list(VETOED) == [0]
    ahead = TPR.HARM_AHEAD_EN
    assert ahead in VETOED[0].pattern.pattern and ahead not in VETOED[0].bare.pattern.pattern


@pytest.mark.parametrize("chunk", range(4))
def test_the_vetoed_part_has_the_parts_matches(chunk):
    for text in TEXTS[chunk::4]:
        hits = code_pass(codes_of(text))
        chars, found = set(text), FP._NEEDLES.found(text)
        for guard in VETOED.values():
            expected = _spans(guard.pattern.finditer(text))
            assert _spans(guard.finditer(text, at=hits)) == expected, text[:200]
            assert _spans(guard.finditer(text)) == expected, text[:200]
            search = guard.searcher(text, hits)
            got, pos = [], 0
            while (m := search(pos)) is not None:
                got.append(m.span())
                pos = m.end() if m.end() > m.start() else m.start() + 1
            assert got == expected
        whole = _spans(TPR.PRAISE_EN.finditer(text))
        assert _spans(SPLIT.finditer(text, chars, found, at=hits)) == whole
        assert _spans(SPLIT.finditer(text, chars, found)) == whole


class _Counting:
    """A compiled pattern whose matches are counted (its other methods pass through)."""

    def __init__(self, pattern):
        self.pattern, self.matches = pattern, 0
        self.search, self.finditer = pattern.search, pattern.finditer

    def match(self, text, pos=0):
        self.matches += 1
        return self.pattern.match(text, pos)


def test_a_long_text_of_praise_is_matched_with_its_look_ahead_only_with_a_harm_in_it():
    guard = VETOED[0]
    counting = _Counting(guard.guard.pattern)
    guard.guard.pattern = counting
    try:
        text = "they deserve respect " * 300
        assert len(_spans(guard.finditer(text, at=code_pass(codes_of(text))))) == 300
        merged = text + "we need more nurses like them"  # another part's match: the parts' merged scan
        chars, found = set(merged), FP._NEEDLES.found(merged)
        assert len(SPLIT.candidates(chars, found)) >= 2
        expected = _spans(TPR.PRAISE_EN.finditer(merged))
        assert len(expected) == 301
        assert _spans(SPLIT.finditer(merged, chars, found, at=code_pass(codes_of(merged)))) == expected
        assert counting.matches == 0  # neither alone nor merged with the other part was the look-ahead read
        text = "they deserve respect " * 300 + "deport them"  # the last few praises are read as support of it
        expected = _spans(counting.pattern.finditer(text))
        assert len(expected) == 300 - 3  # "respect" 50 characters or fewer before "deport" is none
        assert _spans(guard.finditer(text, at=code_pass(codes_of(text)))) == expected
        assert counting.matches > 0
    finally:
        guard.guard.pattern = counting.pattern
