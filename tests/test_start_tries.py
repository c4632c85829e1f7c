"""A guard's tries (moderation/needles/starts.py): matched only at its start positions, each found without a call a try
(finditer's search inline, finditer_at's next position kept and a bisect only past a match's end), the matches are
the pattern's own: positions inside a match, repeated, before the text's matches, a dense text's fall back."""

import re

import pytest

from moderation.needles.starts import MAX_TRIES, finditer, finditer_at


def _spans(matches):
    return [m.span() for m in matches]


CASES = [
    # (pattern, text): matches that cover later start positions, zero-width ones, none, one at the end
    (r"ab+", "ab abbbb abab xab"),
    (r"a(?:ba)*", "abababa a aba"),
    (r"(?=a)", "aaa b a"),
    (r"a?", "baaab"),
    (r"x", "no match here"),
    (r"[0-9]+円", "100円と2000円、3円"),
    (r"(?<![a-z])id:[a-z0-9]{4,20}", "xid:abcd id:abcdef id:ab id:abcdefghij"),
]


@pytest.mark.parametrize(("pattern", "text"), CASES)
def test_tried_at_every_possible_start_the_matches_are_the_patterns(pattern, text):
    rx = re.compile(pattern)
    expected = _spans(rx.finditer(text))
    every = list(range(len(text) + 1))
    assert _spans(finditer_at(rx, every, text)) == expected
    # a position given twice (two start strings of one slot at one place) is tried once
    assert _spans(finditer_at(rx, sorted(every + every), text)) == expected
    first = re.compile("[" + "".join(sorted({re.escape(c) for c in pattern if c.isalnum()})) + "]")
    stops = [m.start() for m in first.finditer(text)]
    if all(m.start() in stops for m in rx.finditer(text)):  # the start search's stops hold every match's start
        assert _spans(finditer_at(rx, stops, text)) == expected
        assert _spans(finditer(rx, first, text)) == expected


def test_a_dense_text_falls_back_to_the_engine_with_the_same_matches():
    """More tries than MAX_TRIES with nothing skipped: the rest is the engine's own scan, from the last position."""
    rx = re.compile(r"ab")
    text = "a" * (4 * MAX_TRIES) + "ab" + "a b " * 50 + "ab"
    every = list(range(len(text)))
    assert _spans(finditer_at(rx, every, text)) == _spans(rx.finditer(text)) == [(4 * MAX_TRIES, 4 * MAX_TRIES + 2),
                                                                                (len(text) - 2, len(text))]
    assert _spans(finditer(rx, re.compile("a"), text)) == _spans(rx.finditer(text))


def test_a_match_that_covers_many_positions_skips_them_all():
    """Positions inside a match are not tried (the next search starts at its end), however many."""
    rx = re.compile(r"<[^>]*>")
    text = "<" + "a" * 500 + "> <b> <"
    every = list(range(len(text)))
    assert _spans(finditer_at(rx, every, text)) == _spans(rx.finditer(text)) == [(0, 502), (503, 506)]
