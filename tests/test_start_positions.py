"""The code pass finds where each slotted guard can start exactly where its start search would stop, and a guard
tried only there finds exactly the pattern's own matches (moderation/needles/positions.py: issue 13, bit-identical
answers), on text spelled from each pattern's own pieces and decimal digits of other scripts (the adversarial inputs:
tests/test_adversarial_matches.py)."""

import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from moderation.features import patterns as FP
from moderation.features.signals import code_pass
from moderation.needles import starts as needle_starts
from moderation.needles.positions import StartIndex, tries
from tests.support.draws import check_piece_texts
from tests.support.shared_tail import piece_runs
from tests.test_codepass import SLOTS, codes_of, stops_of
from tests.test_needles import _pieces

SLOTTED = [g for index in (FP._NEEDLES, FP._PII_NEEDLES, FP._NEEDLES_REPORTED) for g in index.guards.values()
           if g.slot is not None] + [FP.DENIED_GUARD]  # and targets/denied.py's DENIED_EN
DIGITS = ["٣", "٠١٢", "０", "𝟗", "߀", "9"]  # decimal digits of other scripts (\d), a full-width one, a math one


def _same(guard, text: str, hits=None, want=None):
    """`want`: the pattern's own matches, when already known (SharedTail)."""
    hits = code_pass(codes_of(text)) if hits is None else hits
    want = [m.span() for m in guard.pattern.finditer(text)] if want is None else want
    assert hits.tries(guard.slot) == stops_of(guard, text), (guard.pattern.pattern, text)
    assert [m.span() for m in guard.finditer(text, at=hits)] == want, (guard.pattern.pattern, text)


def test_every_decimal_digit_is_spelled_out():
    """\\d in a str pattern: the characters start_strings spells it as, and none above the planes it reads."""
    every = np.arange(0x110000, dtype=np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
    digits = {m.group() for m in re.finditer(r"\d", every)}
    assert needle_starts._decimals() == digits
    assert max(map(ord, digits)) < needle_starts.DECIMALS_BELOW
    assert needle_starts.start_strings(re.compile(r"(?<!\d)\d+円")) == (frozenset(digits), False)
    assert needle_starts.start_strings(re.compile(r"(?<!\d)\d+円", re.ASCII)) == (frozenset("0123456789"), False)


def test_most_guards_have_a_slot_and_guards_of_one_search_share_it():
    assert len(SLOTTED) >= 80 and len(SLOTS) >= 60
    by_slot: dict[int, set] = {}
    for g in SLOTTED:
        by_slot.setdefault(g.slot, set()).add(needle_starts.start_strings(g.pattern))
    assert all(len(searches) == 1 for searches in by_slot.values())
    assert FP._GUARDS[FP._MONEY_AMOUNT].slot is not None and FP._STARTS.begin[FP._GUARDS[FP._LINE_ID].slot]


def test_a_guard_without_a_slot_or_a_code_pass_searches_as_before():
    index = StartIndex(())
    assert index.begin.size == 0 and len(index.automaton) == 0
    guard = FP._GUARDS[FP._MONEY_AMOUNT]
    text = "月収100万円、¥5,000"
    assert [m.span() for m in guard.finditer(text)] == [m.span() for m in FP._MONEY_AMOUNT.finditer(text)]


def test_starts_of_the_text_start_and_the_empty_text():
    for text in ("", "@", "@abcde x", "x @abcde", " @abcde", "\n＠abcde", "٣٣٣円", "¥٣", "100円" * 3):
        hits = code_pass(codes_of(text))
        for guard in SLOTTED:
            _same(guard, text, hits)


@pytest.mark.parametrize("guard", SLOTTED, ids=lambda g: g.pattern.pattern[:30])
@pytest.mark.slow
def test_starts_on_text_of_the_patterns_own_pieces(guard):
    """Text spelled from the pattern's literals, characters and near-misses, and one of each piece repeated (a
    text full of start characters: the fall back to the engine's own scan)."""
    pieces = _pieces(guard.pattern) + DIGITS + ["\n", " "]
    check_piece_texts(lambda text: _same(guard, text), pieces, 60, 30, guard.pattern.pattern)
    for text, want, _run, _tail in piece_runs(guard.pattern, pieces):
        _same(guard, text, want=want)


CONTEXTS = [c for c in FP._PII_CONTEXT.values() if c.automaton is not None]


@pytest.mark.parametrize("context", CONTEXTS, ids=lambda c: c.pattern.pattern[:30])
@pytest.mark.slow
def test_personal_infos_context_patterns_begin_where_the_code_pass_says(context):
    """personal_info's context patterns (targets/pii._Starts: a company, a person, someone singled out, the writer)
    have a slot in the signals' StartIndex, its positions are where their start strings begin, and occurs() read
    from them answers as its own scan and as rx.search, on text of the pattern's own pieces and repeated pieces."""
    assert context.slot is not None
    pieces = [*_pieces(context.pattern), "\n", " ", "。"]

    def same(text):
        hits = code_pass(codes_of(text))
        assert hits.tries(context.slot) == stops_of(context, text), text
        assert context.occurs(text, hits=hits) == context.occurs(text) == (context.pattern.search(text) is not None)

    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(text=st.lists(st.sampled_from(pieces), max_size=30).map("".join))
    def check(text):
        same(text)

    check()
    for piece in pieces[:40]:
        same(piece * 50 + "".join(pieces))


def test_positions_come_in_order_whatever_the_strings_lengths():
    """A start string found inside a longer one ends first but starts later: each slot's positions are sorted."""
    from moderation.needles.guards import Needles

    guard = Needles(re.compile(r"(?<![a-z])(?:xyz|y|zq)+!"))
    index = StartIndex([guard])
    assert needle_starts.start_strings(guard.pattern) == (frozenset({"xyz", "y", "zq"}), False)
    text = "xyzq!y! xyzqxyz!"
    packed = tries(codes_of(text), index.automaton.table, index.slot_at, index.slot_of, index.lengths, index.begin)
    assert packed[packed[0]:packed[1]].tolist() == stops_of(guard, text) == [0, 1, 2, 5, 8, 9, 10, 12, 13]
