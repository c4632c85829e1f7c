"""A normalised text and its offsets back into what the user wrote, worked out from its rewrites."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True, init=False)
class Normalized:
    text: str
    # (starts, ends) of the character mapping, and the segments of each rewrite after it: the offsets of the
    # normalised text are worked out from them when first read (most comments are never explained)
    mapping: tuple = field(compare=False, repr=False)
    steps: tuple = field(compare=False, repr=False)
    invisible: int = 0
    lookalike: int = 0
    masked: int = 0
    spaced: int = 0
    chars: AbstractSet[str] | None = field(default=None, compare=False, repr=False)  # set(text): normalize fills it
    # text's code points (uint32), when normalize worked them out for the text it returns (encode reads them)
    codes: np.ndarray | None = field(default=None, compare=False, repr=False)

    def __init__(self, text: str, mapping: tuple, steps: tuple, invisible: int = 0, lookalike: int = 0,
                 masked: int = 0, spaced: int = 0, chars: AbstractSet[str] | None = None,
                 codes: np.ndarray | None = None):
        # the fields in one update: a frozen dataclass's own __init__ sets each through object.__setattr__ (~1 us)
        self.__dict__.update(text=text, mapping=mapping, steps=steps, invisible=invisible, lookalike=lookalike,
                             masked=masked, spaced=spaced, chars=chars, codes=codes)

    @functools.cached_property
    def _mapped(self) -> tuple[Sequence[int], Sequence[int]]:
        starts, ends = self.mapping
        for segments in self.steps:
            starts, ends = _offsets(starts, ends, segments)
        return starts, ends

    @property
    def starts(self) -> Sequence[int]:
        """Original start offset of each normalised character (a range, a list, or an int64 array for a long
        text: read them through span())."""
        return self._mapped[0]

    @property
    def ends(self) -> Sequence[int]:
        """Original end offset (exclusive) of each normalised character."""
        return self._mapped[1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the original text."""
        starts, ends = self._mapped
        if not len(starts) or start >= end:
            return (0, 0)
        start = max(0, min(start, len(starts) - 1))
        end = max(start + 1, min(end, len(ends)))
        if type(ends) is range:  # no rewrite moved a character: ends rise by one, the last is the largest
            return (starts[start], ends[end - 1])
        return (int(starts[start]), int(max(ends[start:end])))

    def spans(self, pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """span() of each (start, end) pair, in one call (an explanation maps a few dozen)."""
        starts, ends = self._mapped
        if not len(starts):
            return [(0, 0)] * len(pairs)
        last, n_ends, moved = len(starts) - 1, len(ends), type(ends) is not range
        out = []
        for start, end in pairs:
            if start >= end:
                out.append((0, 0))
                continue
            start = 0 if start < 0 else last if start > last else start
            end = n_ends if end > n_ends else end
            if end <= start:
                end = start + 1
            out.append((int(starts[start]), int(max(ends[start:end]))) if moved else (starts[start], ends[end - 1]))
        return out


_MANY = 32  # segments from which the offsets are gathered with numpy rather than list by list


_LONG_OFFSETS = 1000  # characters from which offsets stay int64 arrays (a list of thousands costs ~50 us to make)


def _offsets(starts, ends, segments):
    """The offsets of the rewritten text: each segment's own offsets or its span's, repeated (lists for a short
    text and a few segments, else int64 arrays). `segments`: a list of tuples, or a tuple of their four columns."""
    if isinstance(segments, tuple):
        return _gather(starts, ends, *segments)
    if len(segments) < _MANY and not _arrays(starts):
        out_s: list[int] = []
        out_e: list[int] = []
        for s, e, n, kept in segments:
            if kept:
                out_s.extend(starts[s:s + n])
                out_e.extend(ends[e:e + n])
            else:
                out_s.extend([starts[s]] * n)
                out_e.extend([ends[e]] * n)
        return out_s, out_e
    # one (4, n) array of the columns: with no segments (a rewrite that dropped the whole text) n is 0, not no columns
    return _gather(starts, ends, *np.asarray(segments, dtype=np.int64).reshape(-1, 4).T)


def _gather(starts, ends, s, e, n, kept) -> tuple[np.ndarray, np.ndarray]:
    """_offsets of segments given as arrays (start index, end index, length, kept or not)."""
    which = np.repeat(np.arange(n.size), n)
    step = (np.arange(which.size) - np.repeat(np.cumsum(n) - n, n)) * kept[which]
    return _array(starts)[s[which] + step], _array(ends)[e[which] + step]


def _arrays(offsets) -> bool:
    """Whether a rewrite of a text with these offsets keeps them as arrays: they are one already, or it is long."""
    return isinstance(offsets, np.ndarray) or len(offsets) >= _LONG_OFFSETS


def _array(offsets) -> np.ndarray:
    if isinstance(offsets, np.ndarray):
        return offsets
    if isinstance(offsets, range):
        return np.arange(offsets.start, offsets.stop, dtype=np.int64)
    return np.asarray(offsets, dtype=np.int64)
