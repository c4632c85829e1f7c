"""Where normalisation's rewrites can start: one compiled pass over the code points and the obfuscation needles."""

from __future__ import annotations

import itertools
import re

import numpy as np

from moderation.automaton import _scan
from moderation.kernel_cache import njit
from moderation.needles.guards import NeedleIndex, strings_of
from moderation.text.chars import KANJI_AS_KANA
from moderation.text.patterns import (
    _ALNUM_BIT,
    _CLASS,
    _JA_BIT,
    _LOWER_BIT,
    _OBFUSCATIONS,
    _RUN,
    _SEP_BIT,
    _SEP_JA_BIT,
    _SPACED_JA,
    _SPACED_LATIN,
    _WS,
)

# the listed needles of each rewrite (one-character ones looked up in the text's characters), and a needle
# index over the rewrites' patterns whose one automaton pass also finds the longer listed needles
_OBFUSCATION_NEEDLES = tuple((frozenset(n for n in needles if len(n) == 1), frozenset(n for n in needles if len(n) > 1))
                             for _c, needles, _p in _OBFUSCATIONS)


_OBFUSCATION_INDEX = NeedleIndex([p for _c, _n, p in _OBFUSCATIONS],
                                 extra=frozenset().union(*(strings for _s, strings in _OBFUSCATION_NEEDLES)))


_EVERY_REWRITE = (1 << len(_OBFUSCATIONS)) - 1


_REWRITES_OF: dict[str, int] = {}  # a listed needle -> the rewrites listing it (bit i: _OBFUSCATIONS[i])


for _i, (_singles, _strings) in enumerate(_OBFUSCATION_NEEDLES):
    for _needle in _singles | _strings:
        _REWRITES_OF[_needle] = _REWRITES_OF.get(_needle, 0) | 1 << _i


_LISTED_SINGLES = frozenset(n for n in _REWRITES_OF if len(n) == 1)


def _listed_in(chars: set[str], found: set[str]) -> int:
    """The rewrites (bits) one of whose listed needles occurs: a character of the text, or a string found."""
    maybe = 0
    for needle in _LISTED_SINGLES.intersection(chars):
        maybe |= _REWRITES_OF[needle]
    for needle in found:
        maybe |= _REWRITES_OF.get(needle, 0)
    return maybe


# the characters an obfuscation needle holds twice in a row (none now): squashing a run of any other character to two
# (ｗｗｗｗ -> ｗｗ, しししね -> ししね) leaves a text's needles as they were, as an occurrence holds at most one of the
# run's characters, its first or its last, and both stay beside what was beside them; so normalize reads the needles
# of the scan before the squash
_DOUBLED = frozenset(a for n in _OBFUSCATION_INDEX.automaton.keys for a, b in itertools.pairwise(n) if a == b)


_NEEDLE_MAX = max(len(n) for n in _OBFUSCATION_INDEX.automaton.keys + [n for _s, s in _OBFUSCATION_NEEDLES for n in s])


def _later_strings(i: int) -> frozenset[str]:
    """The needle strings (listed, and of the guards) of the rewrites after the i-th."""
    guards = [_OBFUSCATION_INDEX[p] for _c, _n, p in _OBFUSCATIONS[i + 1:]]
    return frozenset().union(*(s for _s, s in _OBFUSCATION_NEEDLES[i + 1:]), *(g.strings for g in guards),
                             *(more for g in guards for sets in g.also or () for _one, more in sets))


# whether the i-th rewrite's word can make a needle of a later rewrite: a needle an edit makes holds a character of
# the word put in (what it holds of the text around was there before); when none can, the text's needles are not
# looked for again (the last rewrite, line: らいん repeated rescanned 13,333 characters for nothing, ~0.3 ms)
_MAKES_LATER_NEEDLES = tuple(not frozenset(canonical).isdisjoint("".join(_later_strings(i)))
                             for i, (canonical, _n, _p) in enumerate(_OBFUSCATIONS))


_KANA_LOOK = frozenset(KANJI_AS_KANA.values())


class _Runs:
    """`finditer(text)` is _RUN.finditer(text), trying _RUN only where a run of three or more equal characters
    starts (_starts over the code points): a match can start nowhere else, and one found there takes its run."""

    @staticmethod
    def finditer(text: str):
        for at in _starts_in(text)[0].tolist():
            m = _RUN.match(text, at)
            if m is not None:
                yield m


_RUNS = _Runs()


class _Spaces:
    """`finditer(text)` is _WS.finditer(text), from each "  " str.find finds (the engine stops at every space)."""

    @staticmethod
    def finditer(text: str):
        at = text.find("  ")
        while at >= 0:
            m = _WS.match(text, at)
            yield m
            at = text.find("  ", m.end())


_SPACES = _Spaces()


class _SpacedStarts:
    """`finditer(text)` is `pattern.finditer(text)` (_SPACED_JA or _SPACED_LATIN), trying the pattern only where
    _starts finds what its matches start with: a letter with no letter of its kind before it, one or two
    separators, and a letter (both regexes try every position of a text otherwise: ~5 us at 200 characters)."""

    def __init__(self, pattern: re.Pattern[str], which: int):
        self.pattern, self.which = pattern, which  # which: 1 Japanese, 2 Latin (_starts_in)

    def finditer(self, text: str):
        match = self.pattern.match
        pos = 0
        for p in _starts_in(text)[self.which].tolist():
            if p < pos:
                continue
            m = match(text, p)
            if m is not None:
                yield m
                pos = m.end()


@njit(cache=True, nogil=True)
def _starts(codes, classes, letter, before, separator):
    """Where a spacing pattern's match can start (`letter` 0: where a run of three equal code points starts): a letter
    with none of class `before` before it, one or two separators, and a letter with none of class `before` after it
    (_SPACED_JA and _SPACED_LATIN look behind and ahead for the same class)."""
    n = codes.size
    out = np.empty(n, np.int64)
    k = 0
    if letter == 0:
        for i in range(n - 2):
            c = codes[i]
            if codes[i + 1] == c and codes[i + 2] == c and (i == 0 or codes[i - 1] != c):
                out[k] = i
                k += 1
        return out[:k]
    top = classes.size - 1
    for i in range(n - 2):
        if not classes[min(codes[i], top)] & letter or not classes[min(codes[i + 1], top)] & separator:
            continue
        if i > 0 and classes[min(codes[i - 1], top)] & before:
            continue
        # the letter after one or two separators (a character may be both: ・ is Japanese), which must stand alone:
        # the patterns' look-ahead after it is their look-behind's class (i think, 今日・明日: no start)
        third = classes[min(codes[i + 2], top)]
        if third & letter and (i + 3 >= n or not classes[min(codes[i + 3], top)] & before):
            out[k] = i
            k += 1
        elif third & separator and i + 3 < n and classes[min(codes[i + 3], top)] & letter and (
                i + 4 >= n or not classes[min(codes[i + 4], top)] & before):
            out[k] = i
            k += 1
    return out[:k]


@njit(cache=True, nogil=True)
def _every_start(codes, classes, needles):
    """_starts of the runs, the Japanese and the Latin spacing pattern, and the indices of the needles (the
    automaton table `needles`) found, in one call (a call costs more than a short comment's loop), in one array:
    the four sizes, then each's starts, then the needles (numba boxes each array a kernel returns, about a
    microsecond apiece)."""
    runs = _starts(codes, classes, 0, 0, 0)
    ja = _starts(codes, classes, _JA_BIT, _JA_BIT, _SEP_JA_BIT)
    latin = _starts(codes, classes, _LOWER_BIT, _ALNUM_BIT, _SEP_BIT)
    _ends, found = _scan(codes, needles)
    out = np.empty(4 + runs.size + ja.size + latin.size + found.size, np.int64)
    out[0], out[1], out[2], out[3] = runs.size, ja.size, latin.size, found.size
    at = 4
    for part in (runs, ja, latin, found.astype(np.int64)):
        out[at:at + part.size] = part
        at += part.size
    return out


def _starts_in(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """_every_start of `text`, kept (with its code points and obfuscation needles) for the last text asked about:
    normalize asks for the same text up to three times (its rewrites are rare), then for its needles."""
    global _LAST_STARTS
    last = _LAST_STARTS
    if last[0] is not text:
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        every = _every_start(codes, _CLASS, _OBFUSCATION_INDEX.automaton.table)
        runs, ja, latin, _needles = every[:4].tolist()
        a = 4 + runs
        b = a + ja
        c = b + latin
        last = _LAST_STARTS = (text, (every[4:a], every[a:b], every[b:c]), codes, every[c:])
    return last[1]


def _obfuscation_needles(text: str) -> set[str]:
    """_OBFUSCATION_INDEX.found(text), from _every_start's call when it was the last text asked about."""
    last = _LAST_STARTS
    if last[0] is not text:
        return _OBFUSCATION_INDEX.found(text)
    values = _OBFUSCATION_INDEX.automaton.values
    return strings_of(values, last[3])


_LAST_STARTS: tuple = (None, (), None, None)


_SPACED_JA_STARTS = _SpacedStarts(_SPACED_JA, 1)


_SPACED_LATIN_STARTS = _SpacedStarts(_SPACED_LATIN, 2)
