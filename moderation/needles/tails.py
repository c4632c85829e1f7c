"""A regex `head + tail` whose head is common and its tail rare, tried only just before where the tail matches.

A Japanese construction starts at a group word and ends in its predicate (在日の連中が…牛耳っている): scanned from
its start, a text naming groups in every sentence makes the engine try the bounded gap and every predicate after
each group word (8-10x an ordinary comment at 10,000 characters). Every match of `head + tail` has its tail at most
`width` (the head's longest match) characters after its start, so `Tail` finds the places the tail matches first
and tries the whole pattern only where the head's first word starts in those windows, each place once, in order:
the same matches as `pattern.finditer(text)`, which tests/test_needles.py checks.
"""

from __future__ import annotations

import re
import re._parser as P


def width(head: str) -> int:
    """The most characters a match of `head` spans (its bounded gaps at their longest)."""
    most = P.parse(head).getwidth()[1]
    if most >= P.MAXREPEAT:
        raise ValueError(f"an unbounded head has no window: {head}")
    return most


class Tail:
    """The guard of a part `head + tail` (`guard`: its Needles, whose needles still say whether it is scanned at
    all): `search(text, pos)` is `guard.pattern.search(text, pos)`, tried only where the tail can end a match."""

    __slots__ = ("also", "chars", "head", "pattern", "starts", "strings", "tail", "width")

    def __init__(self, guard, tail: re.Pattern[str], width: int, head: re.Pattern[str]):
        self.pattern, self.chars, self.strings, self.also = guard.pattern, guard.chars, guard.strings, guard.also
        self.starts = None
        self.tail, self.width, self.head = tail, width, head

    def search(self, text: str, pos: int = 0):
        """The leftmost match starting at `pos` or later: the tail's places in order, and before each the places
        at most `width` back, not tried yet, where `head` (what every match starts with: the group words) starts
        (each tried once, and in order, so the first match is the leftmost)."""
        tail, head, match, span = self.tail.search, self.head.search, self.pattern.match, self.width
        tried = pos
        while (t := tail(text, tried)) is not None:
            at = t.start()
            # a head word starting at `at` or before ends within `span` after it: the search may stop there
            while (h := head(text, max(tried, at - span), at + span + 1)) is not None and h.start() <= at:
                if (m := match(text, h.start())) is not None:
                    return m
                tried = h.start() + 1
            tried = at + 1
        return None

    def finditer(self, text: str, chars=None, found=None):
        """The pattern's matches, each searched from where the last ended."""
        out, pos = [], 0
        while (m := self.search(text, pos)) is not None:
            out.append(m)
            pos = m.end() if m.end() > m.start() else m.start() + 1
        return iter(out)
