"""The signal readers' CPU in `Scorer.score` (issue 13) on real comments: where it goes, and what a change saves.

    python -m bench.readers profile|parts [--n 300] [--length 200] [--kinds ja,en,en modal,news]
    python -m bench.readers ab [--against main] [--n 300] [--pairs 4] [--stage score|explained|signals] [--cold]
                               [--swap]

`profile`: each reader of signals() and each stage of score() wrapped in a timer of this thread's CPU, over real
comments cut to `--length` characters (Japanese chat lines of one dialogue joined, English tweets and forum
sentences joined, and those English ones with a modal of duty: threat_en's should/must/need part) and the HTTP
benchmark's news mix: µs a text (inclusive, and the reader's own time without the readers it calls), calls a text,
share of the wrapped score(). `parts`: each construction's scan (each part of a split one) of the texts its gate
lets through, isolated and warm (in score() the same scan costs more: its code and tables are cold there).

`ab`: `--against` (a commit; main by default) against this checkout, both loaded in one process and timed
interleaved (A B, B A, as many times each), each text's median over the rounds, paired: the median and mean
per-text difference and the median ratio. The two versions share every module whose source is the same in both
and that imports no module that differs (bench.versions); every other module is loaded twice, and sys.modules is
switched between the rounds.
Before timing, every text's Score (probabilities, categories, the explanation of every head) must be the same in
both, to the bit: a change that moves an answer is refused here. Against this checkout's own HEAD with no change it
is an A/A run, the noise floor. `--stage signals` times signals() on the normalised text instead of score();
`--stage explained` times score() and its Score's explanation (which score() leaves to its first read).
The side whose modules are loaded twice runs 2-3% slower (A/A' with a comment changed: -3.1% en, -2.2% ja);
`--swap` runs the comparison again in a second process with the commit's package first on the path and this
checkout's loaded twice, and averages the two.
`ab` refuses (exit 2, before loading either side) when a module that compiles numba kernels differs, or imports one
that differs: two versions of a kernel in one process can link one side's kernel to the other's callee (bench.versions;
session 54's run against e801b74 died with SIGSEGV). Such a change is counted with each version in its own process:
`make bench-instructions AGAINST=commit` (bench.instructions), or timed with bench.worker_path.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.reader_ab import ab, answers, swapped
from bench.reader_profile import part_scans, print_parts, print_profile, profile
from bench.real_comments import DATA_DIR, ROOT, real_comments
from bench.versions import KernelsTwice, Versions


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="the signal readers' CPU in Scorer.score; ab refuses a change to a "
                                 "numba kernel module (each version in its own process: make bench-instructions)")
    ap.add_argument("what", choices=("profile", "parts", "ab"))
    ap.add_argument("--against", default="main", help="ab: the commit timed as A (this checkout is B)")
    ap.add_argument("--n", type=int, default=300, help="texts of each kind")
    ap.add_argument("--length", type=int, default=200)
    ap.add_argument("--pairs", type=int, default=4, help="ab: rounds A B then B A, this many of each")
    ap.add_argument("--stage", choices=("score", "explained", "signals"), default="score")
    ap.add_argument("--cold", action="store_true", help="ab: 4 MB touched before each call")
    ap.add_argument("--kinds", default="ja,en,en modal,news")
    ap.add_argument("--data-dir", type=Path, default=DATA_DIR)
    ap.add_argument("--swap", action="store_true", help="ab: and again with the sides' loading swapped, averaged")
    args = ap.parse_args(argv)
    mixes = real_comments(args.length, args.n, args.data_dir)
    kinds = args.kinds.split(",")
    if args.what == "profile":
        versions = Versions(ROOT, None)
        scorer = versions.scorer("B")
        for kind in kinds:
            for t in mixes[kind][:20]:
                scorer.score(t)
            timers, plain = profile(scorer, mixes[kind])
            print_profile(kind, mixes[kind], timers, plain)
        return 0
    if args.what == "parts":
        for kind in kinds:
            print_parts(kind, mixes[kind], part_scans(mixes[kind]))
        return 0
    if args.swap:
        return swapped(args)
    try:
        versions = Versions(ROOT, args.against)
    except KernelsTwice as refused:
        print(refused)
        return 2
    print(f"A = {args.against} ({versions.commit[:10]}), B = this checkout; {len(versions.twice)} modules loaded "
          f"twice: {', '.join(sorted(versions.twice)) or 'none (an A/A run)'}")
    for kind in kinds:
        texts = mixes[kind]
        got = {}
        for side in "AB":
            with versions.use(side):
                got[side] = answers(versions.scorer(side), texts)
        if got["A"] != got["B"]:
            bad = [t for t, a, b in zip(texts, got["A"], got["B"], strict=True) if a != b]
            print(f"{kind}: {len(bad)} of {len(texts)} texts' answers differ, e.g. {bad[0][:80]!r}: refused")
            return 1
        res = ab(versions, texts, args.pairs, args.stage, args.cold)
        print(json.dumps({"kind": kind, **res}), file=sys.stderr)
        print(f"{kind} ({len(texts)} texts, answers equal; {args.stage}{', cold' if args.cold else ''}, "
              f"{2 * args.pairs} rounds): A median {res['A']:.1f} µs (mean {res['A mean']:.1f}), B {res['B']:.1f} "
              f"(mean {res['B mean']:.1f}); B-A per text median {res['diff median']:+.2f} µs, mean "
              f"{res['diff mean']:+.2f}; ratio {res['ratio']:.3f}; B-A as a share of A's mean "
              f"{res['diff mean'] / res['A mean']:+.1%}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
