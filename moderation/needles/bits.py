"""Which of many guards may match a text, one bit each, worked out in the text's code pass.

A guard's test is set lookups in Python: its one-character needles against the text's characters, its strings against
the needles found (`Needles.may_match`, `Parts.candidates`, the constructions' loop in signals), ~25 of them a
comment at 0.2-0.7 us each. Every needle string is in the automaton the code pass scans, and every one-character
needle is a code point it reads, so `GuardBits` numbers each needle set and each guard's test (an OR of ANDs of sets)
and the pass answers them all at once: bit k of `CodePass.passed` is test k's answer, the same as the Python test's
on that text (tests/test_guard_bits.py compares them).
"""

from __future__ import annotations

import numpy as np

from moderation.automaton import lower_bound
from moderation.kernel_cache import njit
from moderation.needles.guards import EACH_FROM

__all__ = ["GuardBits", "passes"]

WORD = 63  # tests a word of the answer holds (int64, its sign bit unused: a Python int reads it as it is)

# the packed table's header: sets, tests, words; where the BMP bitmap, how many one-character needles come before
# each of its words (four 16-bit counts a word), the one-character needles (sorted code points), their sets' bounds
# and sets, the needle strings' sets' bounds and sets, the terms' bounds and sets, and the tests' term ranges (below
# EACH_FROM characters, then from it) start; how many one-character needles
_SETS, _TESTS, _WORDS, _BITMAP, _RANK, _ONE, _ONE_AT, _ONE_SETS, _NEEDLE_AT, _NEEDLE_SETS, _TERM_AT, _TERM_SETS, \
    _SHORT, _LONG, _N_ONE = range(15)
_HEADER = 15


class GuardBits:
    """The tests of guards over the needles of one index's automaton (`keys`: its words in order): `guard()` numbers
    a guard's may_match (sets its `bit`), `construction()` a construction's pre-check; `table()` packs them."""

    def __init__(self, keys: list[str]):
        self._key = {k: i for i, k in enumerate(keys)}
        self._sets: dict[tuple[frozenset, frozenset], int] = {}
        self._tests: list[tuple[tuple, tuple]] = []  # (terms below EACH_FROM characters, terms from it)
        self.asked: list[tuple] = []  # what each bit answers: ("guard", guard) or ("construction", guard, trigger)
        self._table = None

    def _terms(self, terms) -> tuple[tuple[int, ...], ...]:
        """Each term (the sets that must all have a needle in the text) as set numbers."""
        return tuple(tuple(self._sets.setdefault((frozenset(one), frozenset(strings)), len(self._sets))
                           for one, strings in term) for term in terms)

    def add(self, asked: tuple, short, long=None) -> int:
        """The bit of a test that passes when some term of `short` (of `long` from EACH_FROM characters) has a needle
        of each of its sets ((one-character needles, strings) each) in the text; a term of no sets always passes."""
        if self._table is not None:
            raise RuntimeError("a test added after the table was packed")
        self._tests.append((self._terms(short), self._terms(short if long is None else long)))
        self.asked.append(asked)
        return len(self._tests) - 1

    def guard(self, guard) -> None:
        """Number `guard`'s may_match: a Needles' (its first set; from EACH_FROM characters, a needle of each set of
        one of its alternatives too) or a Parts' (a needle of each set of one of its parts)."""
        asked = ("guard", guard)
        if hasattr(guard, "needs"):  # Parts: candidates() is not empty
            guard.bit = self.add(asked, guard.needs)
        elif guard.chars is None:
            guard.bit = self.add(asked, ((),))
        else:
            main = (guard.chars, guard.strings)
            guard.bit = self.add(asked, ((main,),), ((main,),) if guard.also is None else
                                 tuple((main, *sets) for sets in guard.also))

    def construction(self, guard, trigger) -> int:
        """The bit of a construction's pre-check in signals: a needle of its guard's first set, a `trigger` character
        (if any), and a needle of each set of one of its alternatives at any length."""
        base = ([] if guard.chars is None else [(guard.chars, guard.strings)]) + (
            [] if trigger is None else [(trigger, ())])
        also = getattr(guard, "also", None)
        return self.add(("construction", guard, trigger),
                        (tuple(base),) if also is None else tuple((*base, *sets) for sets in also))

    def table(self) -> np.ndarray:
        """The packed int64 table `passes` reads (the tests are fixed from here on)."""
        if self._table is None:
            self._table = self._packed()
        return self._table

    def _packed(self) -> np.ndarray:
        sets = list(self._sets)
        one: dict[int, list[int]] = {}
        needle: dict[int, list[int]] = {}
        for s, (chars, strings) in enumerate(sets):
            for c in chars:
                one.setdefault(ord(c), []).append(s)
            for w in strings:  # a string not in the automaton is never found (nor in the index's `found`)
                if w in self._key:
                    needle.setdefault(self._key[w], []).append(s)
        codes = sorted(one)
        bitmap = np.zeros(0x10000 >> 6, np.uint64)
        for c in codes:
            if c < 0x10000:
                bitmap[c >> 6] |= np.uint64(1) << np.uint64(c & 63)
        # a BMP needle's place in `codes`: the needles of the bitmap's words before its own, and of its word below it
        # (2 KB and the 8 KB bitmap, not a 128 KB table of places: a comment meets them between the other stages')
        rank = np.zeros(bitmap.size, np.uint16)
        rank[1:] = np.cumsum([int(w).bit_count() for w in bitmap.tolist()])[:-1]
        terms = [term for short, long in self._tests for term in (*short, *long)]
        at, term_of = 0, []
        for short, long in self._tests:
            term_of.append((at, at + len(short), at + len(short), at + len(short) + len(long)))
            at += len(short) + len(long)
        parts = [bitmap.view(np.int64), rank.view(np.int64), np.asarray(codes, np.int64),
                 np.cumsum([0] + [len(one[c]) for c in codes]), [s for c in codes for s in one[c]],
                 np.cumsum([0] + [len(needle.get(k, ())) for k in range(len(self._key))]),
                 [s for k in range(len(self._key)) for s in needle.get(k, ())],
                 np.cumsum([0] + [len(term) for term in terms]), [s for term in terms for s in term],
                 [x for a, b, _c, _d in term_of for x in (a, b)], [x for _a, _b, c, d in term_of for x in (c, d)]]
        header = [len(sets), len(self._tests), -(-len(self._tests) // WORD)] + [0] * (_HEADER - 3)
        place = _HEADER
        for k, part in enumerate(parts):
            header[_BITMAP + k] = place
            place += len(part)
        header[_N_ONE] = len(codes)
        return np.concatenate([np.asarray(header, np.int64)] + [np.asarray(p, np.int64) for p in parts])


@njit(cache=True, nogil=True)
def passes(codes, found, t, out, at):
    """Each test's answer for the text of code points `codes` whose needle strings found are `found` (automaton
    indices, each once), ORed into out[at:at + t[_WORDS]] (test k: bit k % WORD of word k // WORD)."""
    hit = np.zeros(t[_SETS], np.bool_)
    needle_at, needle_sets = t[_NEEDLE_AT], t[_NEEDLE_SETS]
    for j in range(found.size):
        w = found[j]
        for k in range(t[needle_at + w], t[needle_at + w + 1]):
            hit[t[needle_sets + k]] = True
    bitmap, rank, one, n_one, one_at, one_sets = t[_BITMAP], t[_RANK], t[_ONE], t[_N_ONE], t[_ONE_AT], t[_ONE_SETS]
    for i in range(codes.size):
        c = np.int64(codes[i])
        if c < 0x10000:
            b = c >> 6
            word = t[bitmap + b]
            if not (word >> (c & 63)) & 1:
                continue
            # the needles of the words before, then those below it in its word (a mask that clears the sign bit)
            r = ((t[rank + (b >> 2)] >> ((b & 3) << 4)) & 0xFFFF) + _ones(word & ((1 << (c & 63)) - 1))
        else:  # an astral one: looked up among the sorted code points
            r = lower_bound(t, one, one + n_one, c) - one
            if r == n_one or t[one + r] != c:
                continue
        for k in range(t[one_at + r], t[one_at + r + 1]):
            hit[t[one_sets + k]] = True
    term_at, term_sets = t[_TERM_AT], t[_TERM_SETS]
    ranges = t[_LONG] if codes.size >= EACH_FROM else t[_SHORT]
    for g in range(t[_TESTS]):
        for term in range(t[ranges + 2 * g], t[ranges + 2 * g + 1]):
            every = True
            for k in range(t[term_at + term], t[term_at + term + 1]):
                if not hit[t[term_sets + k]]:
                    every = False
                    break
            if every:
                out[at + g // WORD] |= np.int64(1) << np.int64(g % WORD)
                break


@njit(cache=True, nogil=True, inline="always")
def _ones(x):
    """How many bits of x (int64, its sign bit clear) are set."""
    x = x - ((x >> 1) & 0x5555555555555555)
    x = (x & 0x3333333333333333) + ((x >> 2) & 0x3333333333333333)
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0F
    return ((x * 0x0101010101010101) >> 56) & 0xFF
