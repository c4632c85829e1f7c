"""bench.readers profile and parts: each reader of signals() and each stage of score() wrapped in a timer of this
thread's CPU, and each construction's scan isolated (bench/readers.py says what they print)."""

from __future__ import annotations

import statistics
import time


class Timers:
    """Wrapped functions' CPU time (ns) and calls, by label: inclusive, and own (less the wrapped calls inside)."""

    def __init__(self):
        self.total: dict[str, int] = {}
        self.own: dict[str, int] = {}
        self.calls: dict[str, int] = {}
        self._stack: list[list[int]] = []  # per open call: the time its wrapped callees took
        self._undo: list = []

    def wrap(self, owner, name: str, label=None):
        """Replace owner.name by a timed wrapper; `label(args)` names a call (a construction by its name)."""
        original = getattr(owner, name)
        clock, stack, total, own, calls = time.thread_time_ns, self._stack, self.total, self.own, self.calls

        def timed(*args, **kwargs):
            key = name if label is None else label(args)
            stack.append([0])
            a = clock()
            try:
                return original(*args, **kwargs)
            finally:
                spent = clock() - a
                inner = stack.pop()[0]
                if stack:
                    stack[-1][0] += spent
                total[key] = total.get(key, 0) + spent
                own[key] = own.get(key, 0) + spent - inner
                calls[key] = calls.get(key, 0) + 1

        self._undo.append((owner, name, original))
        setattr(owner, name, timed)

    def restore(self):
        for owner, name, original in reversed(self._undo):
            setattr(owner, name, original)
        self._undo.clear()

    def clear(self):
        self.total.clear(), self.own.clear(), self.calls.clear()


def wrap_readers(timers: Timers) -> None:
    """The stages of score() and the readers signals() calls, where their callers look them up."""
    import moderation.features.signals as sig
    import moderation.scoring.scorer as scorer
    import moderation.vectorizer as vec

    timers.wrap(scorer.Scorer, "score", lambda a: "Scorer.score")
    timers.wrap(vec, "normalize")
    timers.wrap(vec.TextFeatures, "_featurise")
    timers.wrap(scorer.Scorer, "_score")
    timers.wrap(vec, "signals")
    for name in ("code_pass", "named_signals", "pii_signals", "saturate", "_urls", "reported_spans", "denied_spans",
                 "_words", "_group_polarity", "_brands", "endorsed_spans", "unaimed_groups", "_sentence_combos",
                 "personal_info", "_denials"):
        timers.wrap(sig, name)
    timers.wrap(sig, "_count", lambda a: f"_count {a[2]}")
    timers.wrap(sig, "_construction", lambda a: f"construction {a[0]}")
    timers.wrap(sig._Treated, "__call__", lambda a: "treated_spans")


def profile(scorer, texts: list[str], repeats: int = 3) -> tuple[Timers, float]:
    """The wrapped timers' best-of-`repeats` run over `texts` (the run whose score() total is least), and the plain
    score()'s median µs a text in the same process."""
    plain = []
    for _ in range(repeats):
        for t in texts:
            a = time.thread_time_ns()
            scorer.score(t)
            plain.append(time.thread_time_ns() - a)
    timers = Timers()
    wrap_readers(timers)
    best = None
    try:
        for _ in range(repeats):
            timers.clear()
            for t in texts:
                scorer.score(t)
            if best is None or timers.total["Scorer.score"] < best[0]["Scorer.score"]:
                best = (dict(timers.total), dict(timers.own), dict(timers.calls))
    finally:
        timers.restore()
    timers.total, timers.own, timers.calls = best
    return timers, statistics.median(plain) / 1000


def print_profile(name: str, texts: list[str], timers: Timers, plain_us: float) -> None:
    n = len(texts)
    whole = timers.total["Scorer.score"]
    print(f"\n{name}: {n} texts of {statistics.median(map(len, texts)):.0f} characters; plain score() median "
          f"{plain_us:.1f} µs, wrapped mean {whole / n / 1000:.1f} µs")
    print("| reader | µs a text | own µs a text | calls a text | share of score() |")
    print("|---|---|---|---|---|")
    for key in sorted(timers.total, key=timers.total.get, reverse=True):
        print(f"| {key} | {timers.total[key] / n / 1000:.2f} | {timers.own[key] / n / 1000:.2f} | "
              f"{timers.calls[key] / n:.2f} | {timers.total[key] / whole:.1%} |")


def part_scans(texts: list[str], repeats: int = 3) -> dict[str, list[float]]:
    """Each construction's scan of each text its gate lets through, isolated (a construction split in parts: each
    part its candidates() names, as Parts.finditer runs it alone): label -> [runs, best-of-`repeats` µs summed]."""
    import numpy as np

    from moderation.features.patterns import _CONSTRUCTION_GUARDS, _LATIN, _NEEDLES
    from moderation.features.signals import code_pass
    from moderation.needles.guards import strings_of
    from moderation.needles.parts import Parts
    from moderation.text.normalize import normalize

    out: dict[str, list[float]] = {}
    clock = time.thread_time_ns
    for text in texts:
        norm = normalize(text)
        t, chars = norm.text, norm.chars
        codes = np.frombuffer(t.encode("utf-32-le"), dtype=np.uint32)
        hits = code_pass(codes)
        found = strings_of(_NEEDLES.automaton.values, hits.needles, hits.passed)
        latin = hits.classes.tolist()[_LATIN]
        for name, guard, latin_only, bit in _CONSTRUCTION_GUARDS:
            if (latin_only and not latin) or not hits.passed >> bit & 1:  # signals' gate (the code pass's answer)
                continue
            scans = ([(f"{name} part {k}", lambda g=guard.guards[k], t=t, hits=hits: list(g.finditer(t, at=hits)))
                      for k in guard.candidates(chars, found)] if isinstance(guard, Parts)
                     else [(name, lambda g=guard, t=t, c=chars, f=found, h=hits: list(g.finditer(t, c, f, h)))])
            for label, scan in scans:
                best = None
                for _ in range(repeats):
                    a = clock()
                    scan()
                    spent = clock() - a
                    best = spent if best is None else min(best, spent)
                row = out.setdefault(label, [0, 0.0])
                row[0] += 1
                row[1] += best / 1000
    return out


def print_parts(name: str, texts: list[str], scans: dict[str, list[float]]) -> None:
    n = len(texts)
    print(f"\n{name}: construction scans, isolated (best of 3 a text)")
    print("| construction (part) | runs a text | µs a run | µs a text |")
    print("|---|---|---|---|")
    for label, (runs, us) in sorted(scans.items(), key=lambda kv: -kv[1][1]):
        print(f"| {label} | {runs / n:.2f} | {us / runs:.1f} | {us / n:.2f} |")

