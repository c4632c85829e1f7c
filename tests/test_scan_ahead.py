"""A guard's scan (its pattern behind a look-ahead for its start strings: what the engine scans a text dense with
starts with) has the pattern's own matches; and PRAISE_EN's praise-word forms are parts of their own, so a text
full of one form's first word (we, are, make) is scanned for that form only (issue 13: "we we we ..." cost 2.8x an
ordinary comment, every alternative and look-behind of the form tried at every position)."""

import functools
import re

import pytest

from bench.adversarial import adversarial_inputs
from moderation.features import patterns as FP
from moderation.features.signals import code_pass
from moderation.needles.guards import Needles
from moderation.needles.starts import scan_of
from moderation.targets import praise as TPR
from moderation.targets.denied import DENIED_GUARD
from tests.test_codepass import codes_of
from tests.test_pattern_parts import WRITTEN

GUARDS = [g for index in (FP._NEEDLES, FP._PII_NEEDLES, FP._NEEDLES_REPORTED) for g in index.guards.values()]
GUARDS.append(DENIED_GUARD)


@functools.cache
def scanned():
    """The guards scanned behind a start look-ahead: each scan compiled (~0.5 s of CPU), so asked by the tests that
    read them, not at import, which each xdist worker does in every run, the file's tests run there or not."""
    return [g for g in GUARDS if g.scan is not g.pattern]


# dense starts of the praise forms, the copula and the feelings, each with a praise word now and then (a match among
# the tries) and a harm after it (the forms' look-ahead)
DENSE = ("we ", "are ", "i am ", "make ", "we are ", "made made ", "you are ", "deserve respect ", "i'm ", "we're ")


def _spans(matches):
    return [m.span() for m in matches]


@pytest.fixture(scope="module")
def texts():
    out = [t.lower() for t in WRITTEN]
    out += [" ".join(out[k:k + 30]) for k in range(0, len(out), 30)]
    out += [t[:300] for _name, t in adversarial_inputs(300)[::20]]
    out += [(unit * 200)[:900] + " they are kind, we deserve respect, deport them " + unit * 30 for unit in DENSE]
    return out


def test_guards_are_scanned_behind_their_start_look_ahead():
    assert len(scanned()) >= 40
    assert all(g.scan.pattern.startswith("(?=") for g in scanned())
    assert all(part.scan is not part.pattern for part in FP._SPLIT[TPR.PRAISE_EN].guards)


@pytest.mark.slow  # 3-5 s: waits on a real worker's passes or scans every pattern; CI runs it
def test_every_scan_has_its_patterns_matches(texts):
    for guard in scanned():
        for text in texts:
            assert _spans(guard.scan.finditer(text)) == _spans(guard.pattern.finditer(text)), guard.pattern.pattern
            # from a later position the look-behinds still read what comes before it
            assert _spans(guard.scan.finditer(text, 5)) == _spans(guard.pattern.finditer(text, 5))


@pytest.mark.slow
def test_a_dense_text_handed_to_the_engine_has_the_patterns_matches():
    for unit in DENSE:
        text = (unit * 1_500)[:6_000] + " they are kind and we deserve respect. " + unit * 40
        hits = code_pass(codes_of(text))
        for guard in scanned():
            expected = _spans(guard.pattern.finditer(text))
            assert _spans(guard.finditer(text)) == expected
            assert _spans(guard.finditer(text, at=hits)) == expected
        whole, split = TPR.PRAISE_EN, FP._SPLIT[TPR.PRAISE_EN]
        chars, found = set(text), FP._NEEDLES.found(text)
        assert _spans(split.finditer(text, chars, found, at=hits)) == _spans(whole.finditer(text))
        assert _spans(split.finditer(text, chars, found)) == _spans(whole.finditer(text))


def test_a_pattern_that_may_start_where_the_text_does():
    rx = re.compile(r"^ab|(?<![a-z])(?:cd|ce)")
    scan = scan_of(rx)
    assert scan.pattern.startswith(r"(?=\A|")
    for text in ("ab cd", "xab cd ce", "abcd", " cecd ce", "ab" * 50):
        assert _spans(scan.finditer(text)) == _spans(rx.finditer(text))
        assert _spans(Needles(rx).finditer(text)) == _spans(rx.finditer(text))
    assert scan_of(re.compile("abc")) is not None  # the engine skips to a literal itself: the pattern as it is
    assert scan_of(re.compile("abc")).pattern == "abc"


@pytest.mark.parametrize("unit", ["we ", "are ", "i am ", "make ", "we are ", "were "])
def test_a_text_full_of_a_forms_first_word_is_scanned_for_that_form_only(unit):
    text = unit * 2_000
    split = FP._SPLIT[TPR.PRAISE_EN]
    scanned = [TPR.PRAISE_EN_PARTS[k].pattern for k in split.candidates(set(text), FP._NEEDLES.found(text))]
    assert scanned  # the praise word's own forms (copula, make, the writer's feeling) start with these words
    # the forms that need other words (lucky, happily, like, part of, welcomed) are not tried where none is
    for word in ("lucky", "happily", "the same as", "part of", "welcomed", "backbone", "solidarity"):
        assert all(word not in pattern for pattern in scanned), (unit, word)
