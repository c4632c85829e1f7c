"""A pattern scanned as its parts keeps trying each part only at its start positions over the whole text (one try
budget per text, as a single guard's finditer has), so ordinary English, full of a part's start words (we, are, i),
is not handed to the engine's whole-text scan; the matches stay the whole pattern's, by both start searches."""

import pytest

from bench.adversarial import ordinary_comment
from moderation.features import patterns as FP
from moderation.features.signals import code_pass
from moderation.needles.parts import Parts
from moderation.targets import constructions as TC
from moderation.targets import praise as TPR
from tests.test_codepass import codes_of
from tests.test_pattern_parts import WRITTEN

SPLITS = {"praise_en": (TPR.PRAISE_EN, FP._SPLIT[TPR.PRAISE_EN]), "hate_en": (TC.HATE_EN, FP._SPLIT[TC.HATE_EN]),
          "threat_en": (TC.THREAT_EN, FP._SPLIT[TC.THREAT_EN])}
# ordinary English with the praise parts' start words every few words and no praise in it
SENTENCES = ("we are going to the match on saturday with the kids. ", "i think the council got this one right. ",
             "are the buses running late again today? ", "we have been waiting for the report since june. ",
             "i would like to see the minutes of that meeting. ")


class _Counting:
    """A compiled pattern whose whole-text searches are counted (match and finditer pass through)."""

    def __init__(self, pattern):
        self.pattern, self.searches = pattern, 0
        self.match, self.finditer = pattern.match, pattern.finditer

    def search(self, text, pos=0):
        self.searches += 1
        return self.pattern.search(text, pos)


def _ordinary_english(length: int) -> str:
    out, k = "", 0
    while len(out) < length:
        out += SENTENCES[k % len(SENTENCES)]
        k += 1
    return out[:length]


@pytest.mark.parametrize("length", [2_000, 10_000])
def test_ordinary_english_is_tried_at_its_start_words_not_scanned_whole(length):
    text = _ordinary_english(length)
    split = FP._SPLIT[TPR.PRAISE_EN]
    parts = Parts(TPR.PRAISE_EN_PARTS, FP._NEEDLES)
    counted = [_Counting(g.scan) for g in parts.guards]  # what the engine's own whole-text scan searches with
    for guard, counting in zip(parts.guards, counted, strict=True):
        guard.scan = counting
    try:
        hits = code_pass(codes_of(text))
        chars, found = set(text), FP._NEEDLES.found(text)
        assert len(split.candidates(chars, found)) >= 2  # the merged scan, not one part's own finditer
        for at in (hits, None):  # the code pass's positions, and each part's own start search
            assert [m.span() for m in parts.finditer(text, chars, found, at=at)] == []
        assert [c.searches for c in counted] == [0] * len(counted)
    finally:
        for guard, counting in zip(parts.guards, counted, strict=True):
            guard.scan = counting.pattern


@pytest.mark.parametrize("name", sorted(SPLITS))
@pytest.mark.slow
def test_the_matches_are_the_whole_patterns_by_both_start_searches(name):
    whole, split = SPLITS[name]
    texts = [t.lower() for t in WRITTEN]
    texts += [" ".join(texts[k:k + 40]) for k in range(0, len(texts), 40)]  # many matches and starts per text
    texts += [_ordinary_english(3_000) + t.lower() for t in WRITTEN[:50]]  # the budget spent before a match
    texts += [ordinary_comment(2_000) + " we are " * 300 + t.lower() for t in WRITTEN[:20]]  # dense starts
    for text in texts:
        expected = [m.span() for m in whole.finditer(text)]
        chars, found = set(text), FP._NEEDLES.found(text)
        hits = code_pass(codes_of(text))
        assert [m.span() for m in split.finditer(text, chars, found, at=hits)] == expected, text[-200:]
        assert [m.span() for m in split.finditer(text, chars, found)] == expected, text[-200:]
