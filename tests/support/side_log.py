"""Fakes of bench.versions' Versions, a scorer and callgrind's marks that log, in order, each switch of side, each
score and explanation read (with whether the collector was on) and each mark: what a measure did between a switch and
its count."""

from __future__ import annotations

import contextlib
import gc


class SideLog:
    """The log (`events`) and the fakes writing to it: `Versions` (a class, as bench.versions names it), `marks`."""

    def __init__(self):
        self.events: list[tuple] = []
        log = self.events

        class Scorer:
            def __init__(self, side):
                self.side = side

            def score(self, text):
                log.append(("score", self.side, text, gc.isenabled()))
                return Scored(self.side, text)

        class Scored:
            def __init__(self, side, text):
                self.side, self.text = side, text

            @property
            def explanation(self):
                log.append(("explain", self.side, self.text, gc.isenabled()))
                return []

        class Versions:
            def __init__(self, root, against):
                pass

            def scorer(self, side):
                return Scorer(side)

            @contextlib.contextmanager
            def use(self, side):
                log.append(("use", side))
                yield

        class Marks:
            def cg_start(self):
                log.append(("start",))

            def cg_stop(self):
                log.append(("stop",))

            def cg_zero(self):
                log.append(("zero",))

            def cg_dump(self, name):
                log.append(("dump", name.decode()))

        self.Versions, self.marks = Versions, Marks()

    def counted(self, *what: str) -> list[tuple]:
        """The scores (or the events named `what`: "explain") made between a zero mark and its dump, in order."""
        what = what or ("score",)
        out, counting = [], False
        for event in self.events:
            if event[0] in ("zero", "dump"):
                counting = event[0] == "zero"
            elif counting and event[0] in what:
                out.append(event)
        return out

    def before_each(self, mark: str) -> list[list[tuple]]:
        """For each `mark` event, the events since the last switch of side before it."""
        out, since = [], []
        for event in self.events:
            if event[0] == "use":
                since = []
            elif event[0] == mark:
                out.append(list(since))
            else:
                since.append(event)
        return out
