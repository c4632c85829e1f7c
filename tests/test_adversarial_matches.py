"""The guards on bench/adversarial.py's inputs (300 characters each, ~9,500 of them), every pattern's own matches
read once for the three checks that compare against them: each slotted guard tried only where the code pass says
it can start finds the pattern's matches (tests/test_start_positions.py), no needle guard skips a text its pattern
matches (tests/test_needles.py), and each split pattern's parts find the whole pattern's matches
(tests/test_pattern_parts.py). Each check searched every pattern on every input itself: 129 s of CI's tests
(session 50), the patterns' own scans most of it. A pattern is not searched in an input holding none of the
characters its matches can start with (tests/support/first_chars.py, read from the parsed pattern): 74 s of CI's
set-up (session 52), ~60% of it such searches."""

import pytest

from bench.adversarial import _inputs_for, _walk, adversarial_inputs
from moderation.features import patterns as FP
from moderation.features.signals import code_pass
from tests.support.first_chars import first_chars, matches_where_possible, parsed
from tests.test_codepass import codes_of, stops_of
from tests.test_needles import GUARDED, _agrees, _guards
from tests.test_pattern_parts import SPLIT_NAMES, SPLITS
from tests.test_pattern_parts import _same as parts_same
from tests.test_start_positions import SLOTTED

pytestmark = pytest.mark.slow

PATTERNS = {g.pattern for g in SLOTTED} | set(GUARDED) | {whole for whole, _, _ in SPLITS.values()}


@pytest.fixture(scope="module")
def matches():
    """(the inputs, {pattern: each input's match spans}): every pattern's own scan of every input, once."""
    texts = [text for _name, text in adversarial_inputs(300)]
    chars = [frozenset(text) for text in texts]
    return texts, {rx: matches_where_possible(rx, texts, chars) for rx in PATTERNS}


def test_a_skipped_search_would_have_found_nothing(matches):
    """The skip is sound: no pattern matches where it skips, asked of every 100th input and of the inputs made from
    the pattern's own characters and literals (the likeliest to match it; 100 characters, a third of the cost)."""
    texts, _found = matches
    skipped = 0
    for rx in PATTERNS:
        chars, literals = [], []
        _walk(parsed(rx), chars, literals)
        asked = [*texts[::100], *_inputs_for(chars, literals, 100)]
        firsts = first_chars(rx, {c for text in asked for c in text})
        for text in asked:
            if firsts is not None and firsts.isdisjoint(text):
                assert rx.search(text) is None, (rx.pattern[:80], text[:20])
                skipped += 1
    assert skipped > len(PATTERNS) * 50  # ~30,000 skips asked


def test_starts_on_the_adversarial_inputs(matches):
    """test_start_positions' two checks (_same) on every input: where the code pass says each guard's start search
    stops, and the guard's matches from there. The 141 guards have 109 start searches: each search's stops are
    read once a text (stops_of depends on the search alone), each guard's tries and matches asked as before (24 s
    of CI a guard at a time through _same, ~45% less CPU so)."""
    texts, found = matches
    wants = [(guard, found[guard.pattern]) for guard in SLOTTED]
    for i, text in enumerate(texts):
        hits = code_pass(codes_of(text))
        stops: dict[int, list[int]] = {}
        for guard, want in wants:
            search = id(guard.begins if getattr(guard, "begins", None) else guard.starts)
            if search not in stops:
                stops[search] = stops_of(guard, text)
            assert hits.tries(guard.slot) == stops[search], (guard.pattern.pattern, text)
            assert [m.span() for m in guard.finditer(text, at=hits)] == want[i], (guard.pattern.pattern, text)


def test_guards_hold_on_the_adversarial_inputs(matches):
    """A guard is wrong only where its pattern matches, so it is asked there: its four answers (_agrees) read where
    the pattern matched (every input x every guard asked took 84.7 s of CI's 952, more than half of it answers no
    assertion could fail on)."""
    texts, found = matches
    asked = [(rx, found[rx], _guards(rx)) for rx in GUARDED]  # looked up once: a lookup hashes the compiled pattern's
    # code, and found[rx] for each guard on each input was 5.5 s of this test's 5.9-6.0 s CPU
    matched = 0
    for i, text in enumerate(texts):
        chars = needles = None
        for rx, spans, guards in asked:
            if not spans[i]:
                continue
            if chars is None:  # the text's scan read once for all the guards asked of it
                chars, needles = set(text), FP._NEEDLES.found(text)
            _agrees(rx, text, chars, needles, guards)
            matched += 1
    assert matched >= 150  # 209 (pattern, input) pairs of 8,499 x 174 match: the inputs still reach the guards


@pytest.mark.parametrize("name", SPLIT_NAMES)
def test_the_adversarial_inputs_match_alike(name, matches):
    texts, found = matches
    whole = SPLITS[name][0]
    for i, text in enumerate(texts):
        parts_same(name, text, found[whole][i])
