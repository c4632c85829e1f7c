"""SharedTail (tests/support/shared_tail.py), the reference the needle tests read a pattern's matches from, gives
exactly the engine's own finditer of prefix + tail: look-behinds reaching back into the prefix, matches that run
from the prefix into the tail, anchors."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.shared_tail import SharedTail, TailScan, piece_runs, reach

PATTERNS = [re.compile(p) for p in (r"ab+", r"a|(?<=x.{3})b", r"(?<=(?<=x)..)c", r"(?<![a-z])ab(?!c)", r"\bab",
                                    r"^a|b$", r"(?m)^ab", r"(?:ab|b)c?", r"a(?=.{0,4}c)", r"(?<!x)b+a", r"x*|b")]


@pytest.mark.parametrize(("pattern", "most"), [(r"ab", 1), (r"(?<=x.{3})b", 5), (r"(?<=(?<=x)..)c", 4),
                                               (r"(?=.(?<!abc))d", 4), (r"(?:(?<!ab)c)+", 3)])
def test_how_far_back_a_pattern_reads(pattern, most):
    rx = re.compile(pattern)
    assert reach(re._parser.parse(rx.pattern, rx.flags)) == most


@pytest.mark.parametrize(("pattern", "prefix", "tail"), [
    (r"a|(?<=x.{3})b", "x", "a..b"),  # the look-behind sees the prefix's x four characters back
    (r"(?<=(?<=x)..)c", "x", "..c"),  # a look-behind inside one: six
    (r"ab+", "a", "bbb ab"),  # a match from the prefix into the tail
    (r"aa", "a", "aaa"),  # this scan tries a position inside one of the tail's own matches: not yet the same
])
def test_what_the_prefix_changes_in_the_tail_is_kept(pattern, prefix, tail):
    rx = re.compile(pattern)
    want = [m.span() for m in rx.finditer(prefix + tail)]
    assert want != [(a + len(prefix), b + len(prefix)) for a, b in SharedTail(rx, tail).tail_spans]
    assert SharedTail(rx, tail).spans(prefix) == want


@settings(max_examples=150, deadline=None)
@given(rx=st.sampled_from(PATTERNS), prefix=st.text("abcx. \n", max_size=12), tail=st.text("abcx. \n", max_size=20),
       start=st.integers(0, 34))
def test_the_shared_tail_gives_the_engines_matches(rx, prefix, tail, start):
    """From the text's start and from any position (where finditer's start search hands over to the engine)."""
    text = prefix + tail
    assert SharedTail(rx, tail).spans(prefix) == [m.span() for m in rx.finditer(text)]
    start = min(start, len(text))
    assert SharedTail(rx, tail).spans(prefix, start) == [m.span() for m in rx.finditer(text, start)]
    scan = TailScan(SharedTail(rx, tail), prefix)
    assert [m.span() for m in scan.finditer(text, start)] == [m.span() for m in rx.finditer(text, start)]
    shared = SharedTail(rx, tail)  # from `start` after the scan from the text's start: read from that scan's matches
    assert shared.spans(prefix) == [m.span() for m in rx.finditer(text)]
    assert shared.spans(prefix, start) == [m.span() for m in rx.finditer(text, start)]


def test_piece_runs_are_runs_then_their_groups_pieces_with_the_engines_matches():
    """Every piece gets a run of at least 32 copies (~300 characters) and a tail of its own group of 256 pieces."""
    rx = re.compile(r"(?<![a-z])ab+|x{2}")
    pieces = ["a", "b", "x", "ab", "abbbbbbbbbbbb"] + [f"q{i:03d}" for i in range(300)]
    runs = list(piece_runs(rx, pieces))
    assert len(runs) == len(pieces)
    for piece, (text, want, run, tail) in zip(pieces, runs, strict=True):
        n = max(32, 300 // len(piece))
        group = pieces[:256] if pieces.index(piece) < 256 else pieces[256:]
        assert text == piece * n + "".join(group) == run + tail.text
        assert want == [m.span() for m in rx.finditer(text)]
