"""Where hits stand: merged spans, positions inside them, and the span records an explanation spells out."""

from __future__ import annotations

import itertools

import numpy as np

from moderation.features.tables import _tables


def _merge(spans: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Sorted, merged (starts, ends) of possibly overlapping spans."""
    if len(spans) >= 32:  # many: a span opens a new stretch where it starts after every earlier one ended
        a, b = np.fromiter(itertools.chain.from_iterable(spans), np.int64, count=2 * len(spans)).reshape(-1, 2).T
        opens = np.ones(a.size, dtype=bool)
        opens[1:] = a[1:] > np.maximum.accumulate(b)[:-1]
        at = np.flatnonzero(opens)
        return a[at], np.maximum.reduceat(b, at)
    starts, ends = [], []
    for a, b in spans:  # already sorted by start
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)


def _inside(quoted: tuple[np.ndarray, np.ndarray] | None, positions) -> np.ndarray:
    """For each position (a list or an array), whether it lies inside a reported or quoted span."""
    if quoted is None or len(positions) == 0:
        return np.zeros(len(positions), dtype=bool)
    starts, ends = quoted
    k = np.searchsorted(starts, positions, side="right") - 1
    return (k >= 0) & (np.asarray(positions) < ends[np.maximum(k, 0)])



class _WordSpans:
    """The word-list hits of a comment standing in its span list for their (category, start, end) spans: a
    comment of thousands of hits spent milliseconds building spans that only an explanation reads."""

    __slots__ = ("cats", "ends", "starts")

    def __init__(self, starts: np.ndarray, ends: np.ndarray, cats: np.ndarray):
        self.starts, self.ends, self.cats = starts, ends, cats


class _KindSpans:
    """A construction's matches standing in the span list for their (kind, start, end) spans (a text of thousands
    of quotes built thousands of tuples that only an explanation reads)."""

    __slots__ = ("kinds", "spans")

    def __init__(self, spans: list[tuple[int, int]], kinds: list[str]):
        self.spans, self.kinds = spans, kinds


def expand_spans(spans: list | None) -> list[tuple[str, int, int]]:
    """The (kind, start, end) spans `signals` recorded, with the word-list hits and constructions' matches spelled
    out in their place (a construction left for an explanation found now)."""
    out: list[tuple[str, int, int]] = []
    for item in spans or ():
        if callable(item) and (item := item()) is None:  # a construction scanned only now (matches._Later)
            continue
        if isinstance(item, _WordSpans):
            tuples = _tables().tuples
            out.extend([(c, a, b) for a, b, k in zip(item.starts.tolist(), item.ends.tolist(), item.cats.tolist(),
                                                       strict=True) for c in tuples[k]])
        elif isinstance(item, _KindSpans):
            out.extend([(kind, a, b) for (a, b), kind in zip(item.spans, item.kinds, strict=True)])
        else:
            out.append(item)
    return out


def spans_by_kind(spans: list | None) -> dict[str, list[tuple[int, int]]]:
    """expand_spans' (start, end) spans grouped by kind, each kind's in their order there, without
    its list of (kind, start, end) tuples in between (a comment's word hits are most of its spans)."""
    by_kind: dict[str, list[tuple[int, int]]] = {}
    for item in spans or ():
        if callable(item) and (item := item()) is None:  # a construction scanned only now (matches._Later)
            continue
        if isinstance(item, _WordSpans):
            tuples = _tables().tuples
            for a, b, k in zip(item.starts.tolist(), item.ends.tolist(), item.cats.tolist(), strict=True):
                for c in tuples[k]:
                    if (got := by_kind.get(c)) is None:
                        by_kind[c] = [(a, b)]
                    else:
                        got.append((a, b))
        elif isinstance(item, _KindSpans):
            for (a, b), kind in zip(item.spans, item.kinds, strict=True):
                by_kind.setdefault(kind, []).append((a, b))
        else:
            kind, a, b = item
            by_kind.setdefault(kind, []).append((a, b))
    return by_kind
