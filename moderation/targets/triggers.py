"""A reader's trigger sets, asked of every comment, answered by the signals' code pass: one bit each."""

from __future__ import annotations

from moderation.needles.guards import Found


class Triggers:
    """Sets a reader asks of a comment before reading it (a character of the set in the text, or a needle of its
    strings found): features.patterns numbers each as a test of the code pass (GuardBits.add), in a row from `at`, so
    a comment's Found answers them all at once, where each was a set.isdisjoint of up to ~60 look-ups."""

    __slots__ = ("at", "every", "sets")

    def __init__(self, *sets):
        """`sets`: (characters, needle strings) each, in the order of their bits in held()'s answer."""
        self.sets = tuple((frozenset(one), frozenset(strings)) for one, strings in sets)
        self.every = (1 << len(self.sets)) - 1
        self.at = None  # the first bit of a Found's `passed` that answers them, once numbered

    def number(self, add) -> None:
        """Number the sets' tests with `add` (GuardBits.add: a test passes when a character or needle of its one
        set is in the text)."""
        bits = [add(("trigger", self, k), (((one, strings),),)) for k, (one, strings) in enumerate(self.sets)]
        if bits != list(range(bits[0], bits[0] + len(bits))):
            raise ValueError(f"a reader's trigger tests are numbered in a row: {bits}")
        self.at = bits[0]

    def held(self, chars, found) -> int:
        """Bit k set: set k has a character in `chars` (the text's set) or a needle in `found` (the needles found,
        a Found of the code pass: its bits read), or `found` is None and set k has strings (not known: asked on)."""
        at = self.at
        if at is not None and type(found) is Found:
            return found.passed >> at & self.every
        return sum(1 << k for k, (one, strings) in enumerate(self.sets)
                   if not one.isdisjoint(chars) or (strings and (found is None or not strings.isdisjoint(found))))
