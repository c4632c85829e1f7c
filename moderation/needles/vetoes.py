"""A part whose negative look-ahead (its veto) needs a word a long text lacks: matched without it there.

PRAISE_EN's praise-word form reads, after each praise word, 50 characters ahead for a harm done ("I support
deporting them"): ~3.5 us a match, so a long text of praise ("deserve respect" repeated: 625 matches in 10,000
characters) cost 2x an ordinary comment, most of it in that look-ahead. The look-ahead can only fail where its core
(a harm word) matches; in a text where the core matches nowhere it holds on every path the engine tries, and the
part's matches are those of the part without it (`bare`). `Veto` scans a long text with the bare part and, at its
first match, asks once whether the core is anywhere (the engine's scan behind the core's start strings): if not, the
bare matches are the part's; else the part scans as it did. tests/test_vetoes.py checks the matches against the
part's own scan.
"""

from __future__ import annotations

import itertools

from moderation.needles.guards import Needles
from moderation.needles.parts import _searcher
from moderation.needles.starts import finditer_at

LONG_FROM = 1000  # characters from which the bare part is scanned (a short text's few matches read their veto)


class Veto:
    """The guard of a part (`guard`: its Needles in the index) whose veto can only fail where `core` matches; `bare`
    is the part without its veto (the same start strings). `finditer(text, at=...)` is `guard.pattern.finditer(text)`,
    `searcher(text, at)(pos)` is `guard.pattern.search(text, pos)`."""

    __slots__ = ("bare", "core", "guard")

    def __init__(self, guard, bare, core):
        self.guard, self.bare, self.core = guard, Needles(bare), Needles(core)
        if self.bare.starts is None or self.bare.starts.pattern != guard.starts.pattern:
            raise ValueError(f"a veto's bare part must start where the part does: {bare.pattern[:60]}")
        if self.core.scan is core:
            raise ValueError(f"a veto's core without start strings: {core.pattern[:60]}")

    # what Parts and the signals read of a guard: the part's own
    pattern = property(lambda self: self.guard.pattern)
    chars = property(lambda self: self.guard.chars)
    strings = property(lambda self: self.guard.strings)
    also = property(lambda self: self.guard.also)
    starts = property(lambda self: self.guard.starts)
    scan = property(lambda self: self.guard.scan)
    slot = property(lambda self: self.guard.slot)

    def _tries(self, at):
        return None if at is None or self.guard.slot is None else at.tries(self.guard.slot)

    def _holds(self, text: str) -> bool:
        """Whether the veto holds everywhere in `text`: its core matches nowhere."""
        return self.core.scan.search(text) is None

    def searcher(self, text: str, at=None):
        """`pos -> pattern.search(text, pos)` for rising `pos` (`at`: the text's code pass, as Needles reads it)."""
        tries = self._tries(at)
        if len(text) < LONG_FROM:
            return _searcher(self.guard, text, tries)
        bare = _searcher(self.bare, text, tries)
        chosen = [None]

        def search(pos: int):
            if chosen[0] is None:
                if (m := bare(pos)) is None:  # no bare match from here: none of the part either
                    return None
                if self._holds(text):
                    chosen[0] = bare
                    return m
                chosen[0] = _searcher(self.guard, text, tries)
            return chosen[0](pos)

        return search

    def finditer(self, text: str, chars=None, found=None, at=None):
        """The part's matches (`at`: the text's code pass): the bare part's in a long text where the veto holds."""
        if len(text) < LONG_FROM:
            return self.guard.finditer(text, at=at)
        tries = self._tries(at)
        bare = self.bare.finditer(text) if tries is None else finditer_at(self.bare.pattern, tries, text,
                                                                          self.bare.scan)
        if (first := next(bare, None)) is None:
            return iter(())
        if self._holds(text):
            return itertools.chain((first,), bare)
        return self.guard.finditer(text, at=at)
