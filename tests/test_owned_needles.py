"""owned_spans skips its stem scan where the signals' code pass found no slur stem among its needles, and reads the
words words._in_group read from reading()'s cache: the spans, and so the rows, are those of the scan (fit() asks
without the needles)."""

import numpy as np

from moderation.encoded import _codes
from moderation.features.patterns import _NEEDLES
from moderation.features.signals import signals
from moderation.targets.owned import STEMS, owned_spans
from moderation.text.normalize import normalize

TEXTS = ["we are both dykes and the allotment is ours", "faggots in gravy at the rugby club dinner",
         "those dykes ruin every meeting", "As a queer woman, I found this article really validating.",
         "a homogeneous description of the raccoon's script", "I think the council got this one right.",
         "今日のニュース、とても考えさせられました。", "お前はバカか", "trannies like me vote too. me and my niggas"]


def _found(text: str):
    norm = normalize(text)
    needles: list = []
    signals(norm, _codes(norm), None, [], needles)
    return norm, needles[0]


def test_the_code_pass_finds_every_stem():
    assert STEMS <= set(_NEEDLES.automaton.keys)


def test_owned_spans_with_the_needles_are_the_scans():
    read = 0
    for text in TEXTS:
        norm, found = _found(text)
        codes = _codes(norm)
        spans = owned_spans(norm.text, codes, norm.chars, found)
        assert spans == owned_spans(norm.text, codes, norm.chars), text
        read += len(spans)
    assert read >= 4  # own and literal words among them: the needles held their stems


def test_encode_rows_equal_fits_rows(shipped_scorer):
    features = shipped_scorer.features
    assert features.owned_apart_en
    for text in TEXTS:
        enc = features.encode(text)
        norm = normalize(text)
        codes = _codes(norm)
        focus: list = []
        row = features._featurise(norm, codes, signals(norm, codes, None, focus), focus)  # as fit(): no needles
        assert np.array_equal(enc._buf, row), text
