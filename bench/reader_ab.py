"""bench.readers ab: two versions of the package in one process, timed interleaved on the same texts after their
answers are checked equal to the bit (bench/readers.py says what it prints)."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time

from bench.real_comments import ROOT
from bench.versions import Versions, checkout


def _timed(fn, items, cold: bytearray | None) -> list[int]:
    clock, out = time.thread_time_ns, []
    for item in items:
        if cold is not None:
            cold[::64] = cold[1::64]  # a line of each 64 bytes touched: the caches hold other data before each call
        a = clock()
        fn(item)
        out.append(clock() - a)
    return out


def answers(scorer, texts: list[str]) -> list:
    """Every text's Score as numbers and the explanation of every head: what must be the same to the bit."""
    out = []
    for t in texts:
        s = scorer.score(t, explain_all=True)
        out.append((s.scores, s.categories, s.explanation))
    return out


def ab(versions: Versions, texts: list[str], pairs: int, stage: str, cold: bool) -> dict:
    """Per-text medians of each version's CPU over `pairs` of rounds (A B, then B A), paired by text."""
    calls = {}
    for side in "AB":
        with versions.use(side):
            scorer = versions.scorer(side)
            if stage == "score":
                calls[side] = (scorer.score, texts)
            elif stage == "explained":  # score() and its Score's explanation (worked out on first read)
                calls[side] = ((lambda text, score=scorer.score: score(text).explanation), texts)
            else:
                import numpy as np

                from moderation.features.signals import signals
                from moderation.text.normalize import normalize

                items = [(n, np.frombuffer(n.text.encode("utf-32-le"), dtype=np.uint32))
                         for n in map(normalize, texts)]
                calls[side] = ((lambda item, signals=signals: signals(item[0], item[1], [], [])), items)
    buffer = bytearray(4 << 20) if cold else None
    samples = {"A": [], "B": []}
    for r, order in enumerate(("AB", *("AB", "BA") * pairs)):  # the first round warms both; then each side first
        for side in order:                                     # as often as the other
            with versions.use(side):
                fn, items = calls[side]
                fn(items[0])  # a shared module's memo of the other side's objects rebuilt here (bench.versions)
                got = _timed(fn, items, buffer)
            if r:
                samples[side].append(got)
    med = {side: [statistics.median(col) / 1000 for col in zip(*samples[side], strict=True)] for side in "AB"}
    diffs = [b - a for a, b in zip(med["A"], med["B"], strict=True)]
    return {"A": statistics.median(med["A"]), "B": statistics.median(med["B"]), "A mean": statistics.fmean(med["A"]),
            "B mean": statistics.fmean(med["B"]), "diff median": statistics.median(diffs),
            "diff mean": statistics.fmean(diffs),
            "ratio": statistics.median([b / a for a, b in zip(med["A"], med["B"], strict=True)])}


def swapped(args) -> int:
    """`ab` both ways, each in its own process: as asked (A the commit, loaded twice), then with A's package first
    on the path as B and this checkout loaded twice as A; the side loaded twice runs a few percent slower (A/A'
    -2 to -3%), so each kind's this-checkout-minus-A figures of the two runs are averaged."""
    import subprocess

    _commit, folder = checkout(ROOT, args.against)
    common = ["--n", str(args.n), "--length", str(args.length), "--pairs", str(args.pairs), "--stage", args.stage,
              "--kinds", args.kinds, "--data-dir", str(args.data_dir.resolve()), *(["--cold"] if args.cold else [])]
    runs, artifacts = {}, str(ROOT / "model" / "artifacts")
    for name, against, cwd, path in (("asked", args.against, ROOT, str(ROOT)),
                                     ("swapped", str(ROOT), folder, f"{folder}{os.pathsep}{ROOT}")):
        out = subprocess.run([sys.executable, "-m", "bench.readers", "ab", "--against", against, *common], cwd=cwd,
                             env={**os.environ, "PYTHONPATH": path, "BENCH_ARTIFACTS": artifacts},
                             capture_output=True, text=True)
        print(f"-- {name}:\n{out.stdout}", end="")
        if out.returncode:  # refused (a kernel module twice: bench.versions) or failed
            print(out.stderr, end="", file=sys.stderr)
            return out.returncode
        runs[name] = {r["kind"]: r for r in map(json.loads, out.stderr.splitlines()) if r.get("kind")}
    print(f"averaged (this checkout minus {args.against}, µs a text):")
    for kind in args.kinds.split(","):
        a, b = runs["asked"].get(kind), runs["swapped"].get(kind)
        if a and b:
            print(f"  {kind}: median {(a['diff median'] - b['diff median']) / 2:+.2f}, mean "
                  f"{(a['diff mean'] - b['diff mean']) / 2:+.2f}, share of {args.against}'s mean "
                  f"{(a['diff mean'] - b['diff mean']) / (a['A mean'] + b['B mean']):+.1%}")
    return 0

