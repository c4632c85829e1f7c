"""A regex's needles, strings one of which every match contains, and an index finding them all in one pass."""

from __future__ import annotations

import re
import re._constants as C
import re._parser as P

from moderation.automaton import Automaton
from moderation.needles.prefixes import _chars
from moderation.needles.starts import finditer, starts_of

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
    return _best(candidates)


class Needles:
    """`may_match(text, chars, found)` is False only when the pattern cannot match `text`.

    `chars` is set(text); `found` is `NeedleIndex.found(text)` of an index this guard is part of (one
    automaton pass for every guard of a text), or None to test the needles one by one."""

    __slots__ = ("chars", "pattern", "starts", "strings")

    def __init__(self, pattern: re.Pattern[str]):
        self.pattern = pattern
        self.starts = starts_of(pattern)
        found = None
        if not pattern.flags & (re.IGNORECASE | re.VERBOSE) and isinstance(pattern.pattern, str):
            found = _sequence(P.parse(pattern.pattern, pattern.flags))
        # None: no guard (always scanned); one-character needles are looked up in the text's set of characters
        self.chars = None if found is None else frozenset(n for n in found if len(n) == 1)
        self.strings = frozenset() if found is None else frozenset(n for n in found if len(n) > 1)

    def may_match(self, text: str, chars, found=None) -> bool:
        if self.chars is None:
            return True
        if not self.chars.isdisjoint(chars):
            return True
        if found is not None:
            return not self.strings.isdisjoint(found)
        return any(n in text for n in self.strings)

    def finditer(self, text: str):
        """The pattern's matches in `text`, searched from where one can start (`finditer` below)."""
        return finditer(self.pattern, self.starts, text)


class NeedleIndex:
    """The guards of many patterns, keyed by pattern, with one Aho-Corasick automaton for all their strings
    (and `extra` strings a caller wants found in the same pass)."""

    def __init__(self, patterns, extra=()):
        self.guards = {rx: Needles(rx) for rx in patterns}
        self.automaton = Automaton({n: n for n in {n for guard in self.guards.values() for n in guard.strings}
                                    | set(extra)})

    def __getitem__(self, rx: re.Pattern[str]) -> Needles:
        return self.guards[rx]

    def found(self, text: str, codes=None) -> set[str]:
        """Every needle string that occurs in `text` (one pass, linear in the text plus the occurrences; `codes`:
        the text's code points as uint32, if known)."""
        if not text:
            return set()
        values = self.automaton.values
        return {values[k] for k in self.automaton.scan(text, codes)[1].tolist()}
