"""A regex's needles, strings one of which every match contains, and an index finding them all in one pass."""

from __future__ import annotations

import re
import re._constants as C
import re._parser as P
import weakref

import numpy as np

from moderation.automaton import Automaton
from moderation.needles.prefixes import _chars
from moderation.needles.starts import finditer, finditer_at, scan_of, starts_of
from moderation.pattern_cache import compiled

MAX_NEEDLES = 100  # more than this costs about what the scan it saves (one automaton pass finds them all)


MAX_CLASS = 12     # characters of a class spelled out as one-character needles


def _class(items) -> set[str] | None:
    """The characters of a small class spelled out as needles (None: negated, a category or more than MAX_CLASS)."""
    return _chars(items, 0, MAX_CLASS)


def _strength(needle: str) -> int:
    """How rare a needle is likely to be: kana and ASCII letters are everywhere, kanji and symbols less so."""
    return sum(1 if "\u3040" <= c <= "\u309f" or c.isascii() else 2 for c in needle)


def _best(candidates: list[set[str]]) -> set[str] | None:
    """The most selective candidate: strongest weakest needle, then strongest on average, then fewest."""
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(4, min(map(_strength, s))), sum(map(_strength, s)) / len(s), -len(s)))


def _op(op, av) -> set[str] | None:
    if op is C.LITERAL:
        return {chr(av)}
    if op is C.IN:
        return _class(av)
    if op is C.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            found = _sequence(alternative)
            if found is None:
                return None
            out |= found
        return out if len(out) <= MAX_NEEDLES else None
    if op is C.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _sequence(av[3])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        return _sequence(av[2]) if av[0] >= 1 else None
    if op is C.ATOMIC_GROUP:
        return _sequence(av)
    return None  # assertions, anchors, any character, back-references: nothing they are sure to consume


def _sequence(items) -> set[str] | None:
    """Needles of a sequence: each element's own set, and each run of literals and small classes as the
    strings it can spell (l[i1]ne: line, l1ne); the best one."""
    return _best(_candidates(items))


def _candidates(items) -> list[set[str]]:
    """Every needle set of a sequence (_sequence's candidates): a match contains a needle of each of them."""
    candidates: list[set[str]] = []
    run = {""}
    for op, av in items:
        spelled = {chr(av)} if op is C.LITERAL else _class(av) if op is C.IN else None
        if spelled is not None and len(run) * len(spelled) <= MAX_NEEDLES:
            run = {a + b for a in run for b in spelled}
            continue
        if run != {""}:
            candidates.append(run)
        run = {""}
        if spelled is not None:  # the run would spell too many strings: start a new one here
            run = spelled
            continue
        found = _op(op, av)
        if found:
            candidates.append(found)
    if run != {""}:
        candidates.append(run)
    return candidates


MAX_ALSO = 3  # needle sets checked together for one alternative (the strongest)


# characters from which may_match asks each alternative for all its sets: in a short text the scan it may save
# costs less than asking (comments of the benchmark's batches, 115 characters on average: 71 -> 77 us of signals)
EACH_FROM = 1000


def _alternatives(parsed) -> tuple[tuple[set[str], ...], ...] | None:
    """For each top-level alternative of a pattern, its needle sets, strongest first: a match of the alternative
    contains a needle of EACH (放火 then した, だ, ...: a text of 放火 alone has none of the second set). None when
    no alternative has two sets (the single best set already says everything)."""
    items = list(parsed)
    while len(items) == 1 and items[0][0] is C.SUBPATTERN and not items[0][1][1] & re.IGNORECASE:
        items = list(items[0][1][3])
    branches = items[0][1][1] if len(items) == 1 and items[0][0] is C.BRANCH else [items]
    out = []
    for alternative in branches:
        sets = sorted(_candidates(alternative), key=lambda s: (min(map(_strength, s)), -len(s)), reverse=True)
        if not sets or any(len(c) > MAX_NEEDLES for c in sets):
            return None
        out.append(tuple(sets[:MAX_ALSO]))
    return tuple(out) if any(len(sets) > 1 for sets in out) else None


# each pattern's (source, flags) -> its needle_sets, worked out once a process (moderation/needles/known.py fills it
# from the disk cache: parsing every guard's pattern again took ~0.5 s of each process's start)
NEEDLE_SETS: dict[tuple, tuple[set[str] | None, tuple | None]] = {}


def needle_sets(pattern: re.Pattern[str]) -> tuple[set[str] | None, tuple | None]:
    """(the pattern's best needle set, its alternatives' sets: _alternatives), None where it has no guard."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or not isinstance(pattern.pattern, str):
        return None, None
    parsed = P.parse(pattern.pattern, pattern.flags)
    found = _sequence(parsed)
    return found, None if found is None else _alternatives(parsed)


class Needles:
    """`may_match(text, chars, found)` is False only when the pattern cannot match `text`.

    `chars` is set(text); `found` is `NeedleIndex.found(text)` of an index this guard is part of (one
    automaton pass for every guard of a text), or None to test the needles one by one."""

    __slots__ = ("__weakref__", "_scan", "also", "bit", "chars", "pattern", "slot", "starts", "strings")

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        self.starts = starts_of(pattern)
        self._scan = None  # scan_of(pattern), compiled when first asked for (~0.2 s for all at import: compile_scans)
        _MADE.add(self)
        self.slot = None  # where a StartIndex (moderation/needles/positions.py) finds this guard's starts
        self.bit = None  # which bit of a Found's `passed` answers may_match (moderation/needles/bits.py)
        key = (pattern.pattern, pattern.flags)
        if key not in NEEDLE_SETS:
            NEEDLE_SETS[key] = needle_sets(pattern)
        found, also = NEEDLE_SETS[key]
        # None: no guard (always scanned); one-character needles are looked up in the text's set of characters
        self.chars = None if found is None else frozenset(n for n in found if len(n) == 1)
        self.strings = frozenset() if found is None else frozenset(n for n in found if len(n) > 1)
        # each alternative's sets as (one-character needles, longer ones); None: chars/strings say all there is
        self.also = None if also is None else tuple(
            tuple((frozenset(n for n in c if len(n) == 1), frozenset(n for n in c if len(n) > 1)) for c in sets)
            for sets in also)

    @property
    def scan(self) -> re.Pattern[str]:
        """What the engine scans a dense text with (scan_of: the same matches)."""
        if self._scan is None:
            self._scan = scan_of(self.pattern)
        return self._scan

    @scan.setter
    def scan(self, rx: re.Pattern[str]) -> None:
        self._scan = rx

    def may_match(self, text: str, chars, found=None) -> bool:
        if self.bit is not None and type(found) is Found:  # the code pass has answered it
            return found.passed >> self.bit & 1 == 1
        if self.chars is None:
            return True
        if self.chars.isdisjoint(chars) and (self.strings.isdisjoint(found) if found is not None
                                             else not any(n in text for n in self.strings)):
            return False
        return self.also is None or len(text) < EACH_FROM or self.each(text, chars, found)

    def each(self, text: str, chars, found=None) -> bool:
        """Whether some alternative has a needle of each of its sets in `text` (what may_match asks after the
        first set: a text full of one alternative's first needle and nothing that must follow it is skipped)."""
        for sets in self.also:
            for one, strings in sets:
                if one.isdisjoint(chars) and (strings.isdisjoint(found) if found is not None
                                              else not any(n in text for n in strings)):
                    break
            else:
                return True
        return False

    def finditer(self, text: str, chars=None, found=None, at=None):
        """The pattern's matches in `text`, searched from where one can start (`finditer` below; `chars` and
        `found` are for a guard of parts, moderation/needles/parts.py); `at`: the text's code pass, which has found
        those starts already if this guard has a slot in its StartIndex."""
        scan = self._scan if self._scan is not None else self.scan  # the property's call only the first time
        if at is not None and self.slot is not None:
            return finditer_at(self.pattern, at.tries(self.slot), text, scan)
        return finditer(self.pattern, self.starts, text, scan)


_MADE: weakref.WeakSet = weakref.WeakSet()  # every guard made, for compile_scans


def compile_scans() -> int:
    """Compile every guard's scan now (how many were not yet): finditer asks for it at a guard's first search, so each
    gunicorn worker compiled the ~230 a score can reach over its first comments (~0.2-0.75 s of CPU, several ms to the
    comment that first reached each); compiled before the fork (scoring's warm-up), the workers share them. Read from
    the disk cache of compiled patterns (moderation/pattern_cache.py): compiling them took ~0.45 s of CPU a load."""
    todo = [guard for guard in list(_MADE) if guard._scan is None]
    for guard in todo:
        guard.scan = scan_of(guard.pattern, compiled)
    return len(todo)


class NeedleIndex:
    """The guards of many patterns, keyed by pattern, with one Aho-Corasick automaton for all their strings
    (and `extra` strings a caller wants found in the same pass)."""

    def __init__(self, patterns, extra=()):
        from moderation.needles.known import prime  # it reads this module's memo

        patterns = list(patterns)
        prime(patterns)
        self.guards = {rx: Needles(rx) for rx in patterns}
        strings = {n for guard in self.guards.values() for n in guard.strings} | set(extra)
        strings |= {n for guard in self.guards.values() for sets in guard.also or () for _one, more in sets
                    for n in more}
        self.automaton = Automaton({n: n for n in sorted(strings)})  # a set's order moves per process: the disk
        # cache of the automaton (table_cache) keys on the words in order

    def __getitem__(self, rx: re.Pattern[str]) -> Needles:
        return self.guards[rx]

    def found(self, text: str, codes=None) -> set[str]:
        """Every needle string that occurs in `text` (one pass, linear in the text plus the occurrences; `codes`:
        the text's code points as uint32, if known)."""
        if not text:
            return set()
        return strings_of(self.automaton.values, self.automaton.scan(text, codes)[1])


MANY_HITS = 64  # needle hits from which their indices are made distinct (by numpy) before they are looked up


def strings_of(values, ids, passed: int | None = None) -> set[str]:
    """The set of the needles `values[k]` for the automaton's hit indices `ids`: a text full of one needle (らいん
    repeated: 3,333 hits) looks up each distinct one once, not each hit (~100 us over 10,000 characters); a Found
    holding `passed` if given (the text's CodePass.passed)."""
    if ids.size >= MANY_HITS:
        ids = np.unique(ids)
    if passed is None:
        return set(map(values.__getitem__, ids.tolist()))  # no comprehension's frame a call (two a comment)
    found = Found(map(values.__getitem__, ids.tolist()))
    found.passed = passed
    return found


class Found(set):
    """The needles found in a text, with `passed`: the answers of the guards numbered by moderation/needles/bits.py
    for that text (bit `guard.bit`), which may_match and candidates read instead of asking the sets. A set made from
    it (|, -) is a plain set again: a guard asked with it asks the sets."""

    __slots__ = ("passed",)
