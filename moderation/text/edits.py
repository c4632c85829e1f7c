"""Rewriting a text where a pattern matches, keeping the segments its offsets are worked out from."""

from __future__ import annotations

import itertools
import re

import numpy as np

from moderation.text.chars import _SEPARATORS
from moderation.text.normalized import _MANY, _offsets
from moderation.text.patterns import _CLASS, _OBFUSCATIONS, _SEP_BIT
from moderation.text.starts import _RUNS


def _apply_regex(text: str, starts, ends, pattern, repl_fn) -> tuple[str, list[int], list[int], int]:
    """Rewrite the matches of `pattern` (a regex, or its needles.Needles guard) in `text`, keeping the offset
    lists in step. Returns n changed."""
    if isinstance(repl_fn, _Replace):  # no call per match of a masked word
        return _replace_all(text, starts, ends, pattern, repl_fn.canonical)
    out, segments, edits = _edit(text, pattern, repl_fn)
    if not edits:
        return text, starts, ends, 0
    return (out, *_offsets(starts, ends, segments), edits)


def _edit(text: str, pattern, repl_fn) -> tuple[str, list[tuple[int, int, int, int]] | tuple, int]:
    """(new text, its segments for _offsets, n changed): the matches of `pattern` in `text` rewritten by `repl_fn`
    (`(string, "replace")` or `(indices of the characters to keep, "keep-chars")`)."""
    matches = []
    kept_span = 0  # characters inside the keep-chars matches
    replaced = False
    for m in pattern.finditer(text):
        repl, mode = repl_fn(m)
        a, b = m.span()
        if mode == "replace" and repl == text[a:b]:
            continue
        matches.append((a, b, repl, mode))
        if mode == "keep-chars":
            kept_span += b - a
        else:
            replaced = True
    if not replaced and (kept_span >= _MANY_KEPT or len(matches) >= _MANY_EDITS):
        return _edit_kept(text, matches)  # no Python step per kept character
    return _edit_matches(text, matches)


def _edit_matches(text: str, matches) -> tuple[str, list[tuple[int, int, int, int]], int]:
    """_edit's answer for its (start, end, replacement, mode) matches, in order and not overlapping (a caller that
    knows its spans, such as misspellings, gives them here with mode "replace")."""
    out_t: list[str] = []
    # the new text as segments: (index in starts, index in ends, length, 1 for kept characters or 0 for a
    # replacement, whose every character maps to the whole original span); kept characters that follow one
    # another in `text` make one segment, [ks, ke) while it grows
    segments: list[tuple[int, int, int, int]] = []
    pos = ks = ke = 0
    for a, b, repl, mode in matches:
        if a > pos:
            if ke != pos:
                if ke > ks:
                    out_t.append(text[ks:ke])
                    segments.append((ks, ks, ke - ks, 1))
                ks = pos
            ke = a
        if mode == "keep-chars":  # repl = indices (relative) of characters to keep
            for k in (repl.tolist() if isinstance(repl, np.ndarray) else repl):
                if a + k != ke:
                    if ke > ks:
                        out_t.append(text[ks:ke])
                        segments.append((ks, ks, ke - ks, 1))
                    ks = a + k
                ke = a + k + 1
        elif repl:  # replace with a new string mapped to the whole original span (ends never decrease)
            if ke > ks:
                out_t.append(text[ks:ke])
                segments.append((ks, ks, ke - ks, 1))
            ks = ke = -1
            out_t.append(repl)
            segments.append((a, b - 1, len(repl), 0))
        pos = b
    if not matches:
        return text, segments, 0
    if pos < len(text):
        if ke != pos:
            if ke > ks:
                out_t.append(text[ks:ke])
                segments.append((ks, ks, ke - ks, 1))
            ks = pos
        ke = len(text)
    if ke > ks:
        out_t.append(text[ks:ke])
        segments.append((ks, ks, ke - ks, 1))
    return "".join(out_t), segments, len(matches)


_MANY_KEPT = 256  # characters of keep-chars matches (or matches: _MANY_EDITS) from which _edit keeps them by numpy


_MANY_EDITS = 32


def _edit_kept(text: str, matches) -> tuple[str, list[tuple[int, int, int, int]] | tuple, int]:
    """_edit when every match keeps characters (no replacement string) and they are many or long (a text of
    spaced-out letters or of runs: a Python step per kept character was ~2 ms over 10,000): the kept characters
    by numpy over the code points, the segments (the runs of consecutive kept characters) as arrays."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    starts = np.fromiter((m[0] for m in matches), np.int64, count=len(matches))
    ends = np.fromiter((m[1] for m in matches), np.int64, count=len(matches))
    sizes = np.fromiter((len(m[2]) for m in matches), np.int64, count=len(matches))
    relative = np.fromiter(itertools.chain.from_iterable(m[2] for m in matches), np.int64, count=int(sizes.sum()))
    return _kept(codes, starts, ends, sizes, relative)


def _squash_runs(text: str, runs: np.ndarray) -> tuple[str, list[tuple[int, int, int, int]] | tuple, int]:
    """_edit(text, _RUNS, _squash) (`runs`: where each run of three or more equal code points starts, _starts_in):
    when _edit would keep the characters by numpy (many runs, or long ones), the runs' ends and which of them
    _RUN matches (not of a digit 0-9 or a space) by numpy too, without a match object and a call for each
    (`www.` repeated: 2,500 of them)."""
    if runs.size < _MANY_EDITS:  # a comment's few runs (..., ｗｗｗ): _edit's loop, without the arrays first
        return _edit(text, _RUNS, _squash)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    changes = np.flatnonzero(codes[1:] != codes[:-1]) + 1  # where each stretch of one code point starts
    ends = np.append(changes, codes.size)[np.searchsorted(changes, runs, side="right")]
    first = codes[runs]
    kinds = np.unique(first)
    plain = [not ("0" <= c <= "9" or c.isspace()) for c in map(chr, kinds.tolist())]  # [^0-9\s]
    keep = np.asarray(plain, dtype=bool)[np.searchsorted(kinds, first)]
    starts, ends = runs[keep], ends[keep]
    if starts.size < _MANY_EDITS and int((ends - starts).sum()) < _MANY_KEPT:
        return _edit(text, _RUNS, _squash)  # few and short: _edit's own loop, as it would take
    return _kept(codes, starts, ends, np.full(starts.size, 2, np.int64), np.tile(np.arange(2, dtype=np.int64),
                                                                                  starts.size))


def _kept(codes: np.ndarray, starts, ends, sizes, relative) -> tuple[str, list[tuple[int, int, int, int]] | tuple,
                                                                      int]:
    """_edit_kept's answer from its matches as arrays (starts, ends, how many characters each keeps, and which,
    relative to its start, laid end to end)."""
    inside = np.zeros(codes.size + 1, np.int64)  # the matches do not overlap: +1 where each starts, -1 where it ends
    inside[starts] += 1
    inside[ends] -= 1
    keep = np.cumsum(inside[:-1]) == 0
    keep[np.repeat(starts, sizes) + relative] = True
    at = np.flatnonzero(keep)
    if not at.size:
        return "", [], starts.size
    cut = np.flatnonzero(at[1:] != at[:-1] + 1) + 1
    first = at[np.concatenate(([0], cut))]
    length = np.diff(np.concatenate(([0], cut, [at.size])))
    out = codes[at].tobytes().decode("utf-32-le", "surrogatepass")
    if first.size < _MANY:  # what _offsets reads as a list, as the loop gives it
        return out, [(s, s, n, 1) for s, n in zip(first.tolist(), length.tolist(), strict=True)], starts.size
    return out, (first, first, length, np.ones(first.size, np.int64)), starts.size


def _replace_all(text: str, starts, ends, pattern, canonical: str) -> tuple[str, list[int], list[int], int]:
    """_apply_regex with one fixed replacement: the text joined from the matches' spans, the offsets by numpy
    from them (a text of thousands of masked words took a Python step per match)."""
    spans = _edits(text, pattern, canonical)
    if not len(spans):
        return text, starts, ends, 0
    return (*_rewrite(text, starts, ends, spans, canonical), len(spans))


def _edits(text: str, pattern, canonical: str) -> list[tuple[int, int]] | np.ndarray:
    """The spans of the matches of `pattern` in `text` that are not `canonical` already (those are no edit): a list,
    or from _MANY of them on one (k, 2) array, which _replace_spans then reads without a Python step a span."""
    if canonical not in text:
        spans = [m.span() for m in pattern.finditer(text)]
    else:
        spans = [m.span() for m in pattern.finditer(text) if m.group() != canonical]
    if len(spans) < _MANY:
        return spans
    return np.fromiter(itertools.chain.from_iterable(spans), dtype=np.int64, count=2 * len(spans)).reshape(-1, 2)


def _rewrite(text: str, starts, ends, spans, canonical: str):
    """(text, starts, ends) with every span of `spans` (sorted, not overlapping) replaced by `canonical`."""
    rewritten, segments = _replace_spans(text, spans, canonical)
    return (rewritten, *_offsets(starts, ends, segments))


def _replace_spans(text: str, spans, canonical: str):
    """(`text` with every span replaced by `canonical`, its segments for _offsets): the segments, computed once,
    also gather the new text when the spans are many (an array)."""
    segments = _replaced(text, spans, canonical)
    if len(spans) >= _MANY:  # _replaced's arrays
        return _join_codes(text, segments, canonical), segments
    return _join(text, spans, canonical), segments


def _replaced(text: str, spans, canonical: str):
    """The segments (for _offsets) of `text` with every span of `spans` replaced by `canonical`: a list of a few,
    or (for many spans) four arrays."""
    if len(spans) < _MANY:  # a few: segment by segment
        segments: list[tuple[int, int, int, int]] = []
        pos = 0
        for a, b in spans:
            if a > pos:
                segments.append((pos, pos, a - pos, 1))
            segments.append((a, b - 1, len(canonical), 0))
            pos = b
        if pos < len(text):
            segments.append((pos, pos, len(text) - pos, 1))
        return segments
    else:  # kept stretch before each match, the match, ...; the last kept stretch
        a, b = spans[:, 0], spans[:, 1]  # _edits' array
        before = np.concatenate(([0], b))
        k = a.size
        s = np.empty(2 * k + 1, np.int64)
        s[0:-1:2], s[1::2], s[-1] = before[:-1], a, before[-1]
        e = s.copy()
        e[1::2] = b - 1
        n = np.empty(2 * k + 1, np.int64)
        n[0:-1:2], n[1::2], n[-1] = a - before[:-1], len(canonical), len(text) - before[-1]
        kept = np.ones(2 * k + 1, np.int64)
        kept[1::2] = 0
        return s, e, n, kept


def _join(text: str, spans, canonical: str) -> str:
    """`text` with every span replaced by `canonical`, from the spans already found (the pattern's own sub would
    scan the whole text again, with no start search: ~300 us for one 死ね in 5,000 characters); many spans go to
    _join_codes (_replace_spans)."""
    pieces = []
    pos = 0
    for a, b in spans:
        pieces.append(text[pos:a])
        pos = b
    pieces.append(text[pos:])
    return canonical.join(pieces)


def _join_codes(text: str, segments, canonical: str) -> str:
    """_join by numpy over the code points, from _replaced's segment arrays: each kept stretch gathered from the old
    text's code points, each replaced one from the canonical word's (らいん repeated, 3,333 spans: 186 -> 76 us)."""
    start, _end, size, kept = segments
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    word = np.frombuffer(canonical.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    first = np.where(kept == 1, start, codes.size)  # where each piece starts in codes + word (the word sits at the end)
    at = np.cumsum(size) - size  # where each piece starts in the new text
    gather = np.arange(int(size.sum())) + np.repeat(first - at, size)
    return np.concatenate((codes, word))[gather].tobytes().decode("utf-32-le", "surrogatepass")


def _drop_separators(m: re.Match[str]):
    """Join spaced-out Japanese letters: three or more split by anything, or two split by a symbol."""
    body = m.group(0)
    if len(body) >= _MANY_KEPT:  # by numpy over the code points (_SEP_BIT marks exactly _SEPARATORS)
        codes = np.frombuffer(body.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        letters = np.flatnonzero((_CLASS[np.minimum(codes, _CLASS.size - 1)] & _SEP_BIT) == 0)
    else:
        letters = [i for i, c in enumerate(body) if c not in _SEPARATORS]
    if len(letters) < 3 and not any(c not in " \u3000" for c in body if c in _SEPARATORS):
        return body, "replace"  # 今日 は: two letters and a plain space are words, not a trick
    return letters, "keep-chars"


def _keep_alnum(m: re.Match[str]):
    return [i for i, c in enumerate(m.group(0)) if c.isalnum()], "keep-chars"


def _squash(m: re.Match[str]):
    return [0, 1], "keep-chars"


class _Replace:
    """Picklable replacement callback returning a fixed canonical word."""

    def __init__(self, canonical: str):
        self.canonical = canonical

    def __call__(self, m: re.Match[str]):
        return self.canonical, "replace"


_REPLACERS = {canonical: _Replace(canonical) for canonical, _t, _p in _OBFUSCATIONS}
