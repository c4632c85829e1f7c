"""An alternation scanned as its parts: each part guarded by its own needles, the matches those of the whole.

A regex `A|B|C` whose alternatives share no first character makes the engine try every alternative at every
position, and its needles are the union of theirs, so one common word (`the `, `need`) lets every scan run.
`Parts((A, B, C), index)` keeps each alternative apart: a part is scanned only when a needle of each of its
needle sets is in the text, and `finditer` gives exactly `re.compile("A|B|C").finditer(text)` (leftmost start
first; at one start, the earliest part; the next search from the end of the match), which
tests/test_needles.py checks against the whole pattern's own scan.
"""

from __future__ import annotations

import bisect
import functools
import re

from moderation.needles.guards import Found, Needles
from moderation.needles.known import prime
from moderation.needles.starts import MAX_TRIES
from moderation.needles.tails import Tail


class Parts:
    """The guard of an alternation split into `parts` (compiled patterns, in the alternation's order), each with
    its guard in `index` (a NeedleIndex built with them): `finditer(text, chars, found)` is the alternation's
    scan, `chars`/`strings` what every match needs (the parts' first needle sets together, as Needles has)."""

    __slots__ = ("also", "bit", "chars", "first", "guards", "keys", "needs", "one", "parts", "rest", "strings")

    def __init__(self, parts, index, tails=None, vetoes=None):
        from moderation.needles.vetoes import Veto  # it searches as _searcher below does

        self.parts = tuple(parts)
        prime([rx for pair in (vetoes or {}).values() for rx in pair])  # the vetoes' own guards, from the disk cache
        # a part in `tails` (its index -> (its tail, its head's width)) is tried only before where its tail matches;
        # a part in `vetoes` (its index -> (itself without its veto, the veto's core)) reads its veto only in a long
        # text where the core matches
        self.guards = tuple(Tail(index[rx], *tails[k]) if tails and k in tails
                            else Veto(index[rx], *vetoes[k]) if vetoes and k in vetoes else index[rx]
                            for k, rx in enumerate(self.parts))
        needs = []
        for guard in self.guards:
            if guard.chars is None or not (guard.chars or guard.strings):
                raise ValueError(f"a part without needles would be scanned in every text: {guard.pattern.pattern}")
            sets = [(guard.chars, guard.strings)]  # every set a match of the part has a needle of
            if guard.also is not None and len(guard.also) == 1:  # one alternative: a needle of each of its sets
                sets += [s for s in guard.also[0] if s not in sets]
            needs.append(tuple(sets))
        self.needs = tuple(needs)
        self.chars = frozenset().union(*(guard.chars for guard in self.guards))
        self.strings = frozenset().union(*(guard.strings for guard in self.guards))
        # each needle of a part's first set -> the parts (indices, in order) that need one of them
        first: dict[str, tuple[int, ...]] = {}
        for k, guard in enumerate(self.guards):
            for needle in guard.strings | guard.chars:
                first[needle] = (*first.get(needle, ()), k)
        self.first = first
        self.keys = frozenset(n for n in first if len(n) > 1)
        self.one = frozenset(n for n in first if len(n) == 1)
        self.rest = tuple(sets[1:] for sets in self.needs)  # what else each part needs, after its first set
        self.also = None  # what signals' pre-check reads of a Needles: the parts' sets are checked here
        self.bit = None  # which bit of a Found's `passed` says whether any part may match (moderation/needles/bits.py)

    def candidates(self, chars, found) -> list[int]:
        """The parts (indices, in order) that may match: a needle of each of their sets is in the text."""
        if self.bit is not None and type(found) is Found and not found.passed >> self.bit & 1:
            return []  # the code pass found no part that may
        if self.keys.isdisjoint(found) and (not self.one or self.one.isdisjoint(chars)):
            return []
        hits = self.keys.intersection(found)
        if self.one:
            hits |= self.one.intersection(chars)
        first = self.first
        parts = first[next(iter(hits))] if len(hits) == 1 else sorted(set().union(*(first[n] for n in hits)))
        out = []
        for k in parts:
            for one, strings in self.rest[k]:
                if one.isdisjoint(chars) and strings.isdisjoint(found):
                    break
            else:
                out.append(k)
        return out

    def may_match(self, text: str, chars, found=None) -> bool:
        if found is None:
            found = {n for sets in self.needs for _one, strings in sets for n in strings if n in text}
        return bool(self.candidates(chars, found))

    def finditer(self, text: str, chars=None, found=None, at=None):
        """The alternation's matches in `text` (`chars`, `found`: the text's characters and the index's needles
        found in it; without them every part is tried; `at`: the text's code pass, as Needles.finditer's)."""
        which = range(len(self.parts)) if chars is None or found is None else self.candidates(chars, found)
        if not which:
            return iter(())
        if len(which) == 1:  # the others cannot match anywhere: the one part's matches are the alternation's
            return self.guards[which[0]].finditer(text, at=at)
        return iter(_merged([self.guards[k] for k in which], text, at))



class Joined:
    """`"|".join` of compiled `parts` as one pattern: its `pattern` and `flags` now, the rest of a re.Pattern (search,
    finditer...) from its compile at the first use. The signals scan such an alternation as its Parts and only key it
    by the whole, which needle sets and start searches read as a string: compiling HATE_EN (90,000 characters) and
    THREAT_JA (43,000) at every start took ~0.35 s of each process for the tests that compare the two scans."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, parts):
        flags = {rx.flags for rx in parts}
        if len(flags) != 1:
            raise ValueError(f"parts compiled with other flags are no one alternation: {sorted(flags)}")
        self.pattern, self.flags, self._compiled = "|".join(rx.pattern for rx in parts), flags.pop(), None

    def __getattr__(self, name: str):
        if name == "_compiled":  # not set yet (a copy being made): no compile
            raise AttributeError(name)
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return getattr(self._compiled, name)


def _searcher(guard, text: str, tries: list[int] | None = None):
    """`pos -> guard.pattern.search(text, pos)` for rising `pos`, tried at the positions its start search finds
    (`tries`: all of them, as the code pass found them) with finditer's budget over the whole text (MAX_TRIES and
    one more per 16 characters the search skipped), then the engine's own: a budget per search gave up after 16
    tries each time, so a part whose start words ordinary text is full of was scanned whole by the engine."""
    starts = guard.starts
    if starts is None:
        return functools.partial(guard.pattern.search, text)
    match, search = guard.pattern.match, guard.scan.search  # the engine's own scan behind the start look-ahead
    n = None if tries is None else len(tries)
    state = [0, 0, False]  # tries made, positions skipped, the budget spent

    def next_match(pos: int):
        if state[2]:
            return search(text, pos)
        while True:
            if n is None:
                start = starts.search(text, pos)
                if start is None:
                    return None
                at = start.start()
            else:
                k = bisect.bisect_left(tries, pos)
                if k == n:
                    return None
                at = tries[k]
            state[0] += 1
            state[1] += at - pos
            if state[0] > MAX_TRIES + (state[1] >> 4):
                state[2] = True
                return search(text, at)
            if (m := match(text, at)) is not None:
                return m
            pos = at + 1

    return next_match


def _merged(guards, text: str, at=None) -> list[re.Match[str]]:
    """The matches of the alternation of the guards' patterns, in order: at each step the leftmost next match of
    any part, the earliest part at a tie, searched on from its end (a part's next match is searched again only
    when the chosen one overlapped it: a match at a position does not depend on where a search began)."""
    out = []
    # a Tail finds where its matches can start once per text (a Veto where its core matches); the others search from
    # each position asked (from the positions the code pass `at` found, for a guard it has a slot for)
    searches = [g.searcher(text, at) if type(g) is not Needles else _searcher(
        g, text, None if at is None or g.slot is None else at.tries(g.slot)) for g in guards]
    nxt = [search(0) for search in searches]
    while True:
        best = None
        for k, m in enumerate(nxt):
            if m is not None and (best is None or m.start() < nxt[best].start()):
                best = k
        if best is None:
            return out
        m = nxt[best]
        out.append(m)
        pos = m.end() if m.end() > m.start() else m.start() + 1
        for k, other in enumerate(nxt):
            if other is not None and other.start() < pos:
                nxt[k] = searches[k](pos)
