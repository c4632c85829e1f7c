"""Where many guarded patterns can start, found in one compiled pass over a text's code points.

A guard's start search (moderation/needles/starts.py) is a regex scan of the whole text per pattern: over 5,000
characters each costs 20-60 us whatever it finds (the engine steps through a class such as [\\d¥$] character by
character), and a score asks for seven or more of them. A StartIndex spells every guard's start strings (a class's
characters) into one automaton: the code pass scans it with the rest and gives each guard's slot the positions its
search would stop at, so a guard's finditer only tries the pattern there (tests/test_start_positions.py).
"""

from __future__ import annotations

import numpy as np

from moderation.automaton import Automaton, _scan
from moderation.kernel_cache import njit
from moderation.needles.starts import start_strings

__all__ = ["StartIndex", "placed", "tries"]


class StartIndex:
    """The start strings of `guards` (Needles with a start search) in one automaton; each guard's `slot` numbers the
    positions `tries` gives it (guards whose searches stop at the same strings share a slot)."""

    __slots__ = ("automaton", "begin", "lengths", "slot_at", "slot_of")

    def __init__(self, guards):
        slots: dict[tuple[frozenset[str], bool], int] = {}
        words: dict[str, list[int]] = {}
        for guard in guards:  # a Tail (moderation/needles/tails.py) gives its tail's start strings
            begins = getattr(guard, "begins", None)
            search = (begins, False) if begins else None if guard.starts is None else start_strings(guard.pattern)
            if search is None:
                continue
            if search not in slots:
                slots[search] = len(slots)
                for s in sorted(search[0]):  # a frozenset's order moves per process (table_cache keys on it)
                    words.setdefault(s, []).append(slots[search])
            guard.slot = slots[search]
        self.automaton = Automaton({w: w for w in words})
        keys = self.automaton.keys
        self.slot_at = np.cumsum([0] + [len(words[w]) for w in keys], dtype=np.int64)  # each string's slots
        self.slot_of = np.asarray([s for w in keys for s in words[w]], dtype=np.int64)
        self.lengths = np.asarray([len(w) for w in keys], dtype=np.int64)
        self.begin = np.zeros(len(slots), dtype=np.bool_)  # the slots whose search also stops where the text starts
        self.begin[[slot for (_strings, begin), slot in slots.items() if begin]] = True


@njit(cache=True, nogil=True)
def _place(ends, words, lengths, slot_at, slot_of, begin, out, fill, write):
    """Each hit's start for each slot of its string (not 0 again for a slot that has the text's start): written at
    out[fill[slot]] when `write`, and fill[slot] moved on either way (so a first call counts them)."""
    for k in range(words.size):
        w = words[k]
        start = ends[k] - lengths[w] + 1
        for j in range(slot_at[w], slot_at[w + 1]):
            s = slot_of[j]
            if not (begin[s] and start == 0):
                if write:
                    out[fill[s]] = start
                fill[s] += 1


@njit(cache=True, nogil=True)
def tries(codes, table, slot_at, slot_of, lengths, begin):
    """Each slot's start positions, in order, as one int64 array: first the slots' bounds (slot s's positions are
    out[out[s]:out[s + 1]]), then the positions."""
    ends, words = _scan(codes, table)
    return placed(ends, words, slot_at, slot_of, lengths, begin)


@njit(cache=True, nogil=True)
def placed(ends, words, slot_at, slot_of, lengths, begin):
    """tries' answer from the automaton's hits (ends, word indices), for a kernel that scanned it with others."""
    n_slots = begin.size
    bound = np.zeros(n_slots + 1, np.int64)
    bound[0] = n_slots + 1
    for s in range(n_slots):
        if begin[s]:
            bound[s + 1] += 1
    _place(ends, words, lengths, slot_at, slot_of, begin, bound, bound[1:], False)
    for s in range(n_slots):
        bound[s + 1] += bound[s]
    out = np.empty(bound[n_slots], np.int64)
    out[:n_slots + 1] = bound
    fill = bound[:n_slots].copy()
    for s in range(n_slots):
        if begin[s]:
            out[fill[s]] = 0
            fill[s] += 1
    _place(ends, words, lengths, slot_at, slot_of, begin, out, fill, True)
    # the hits came by their end: a longer string's start may come after a shorter one's later start (by at most
    # the strings' lengths), so an insertion sort of each slot's positions is linear
    for s in range(n_slots):
        lo = bound[s]
        for i in range(lo + 1, bound[s + 1]):
            v = out[i]
            j = i - 1
            while j >= lo and out[j] > v:
                out[j + 1] = out[j]
                j -= 1
            out[j + 1] = v
    return out
