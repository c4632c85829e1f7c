"""Each named reader's instructions a call inside Scorer.score, counted by callgrind, a commit against this checkout.

    python -m bench.reader_count [--against main] [--readers _urls,_words,...] [--texts scoring|news|en|ja] [--n 100]
                                 [--length 200] [--annotate DIR]

bench.instructions counts a whole score(); this counts the readers inside it. Each side (A the commit's package
first on the path, B this checkout: each in a process of its own, as bench.instructions runs them, with its generic
kernels) scores the texts once to warm, then, for each reader in turn, scores them again under callgrind with
collection toggled on at the reader's outermost call and off at its return (CALLGRIND_TOGGLE_COLLECT through
ctypes), so each reader's dump holds its own instructions and its callees', nothing else. A reader is a name that
moderation.features.signals binds (`_urls`, `reported_spans`, `mentioned_spans`...) or `module:attr`
(`moderation.scoring.scorer:Scorer.score`): wrapped where its callers look it up. The toggling's own cost a call is
counted on a no-op and taken off. `--texts scoring` is bench.scoring's own generator (seed 11: its 50-character row,
then the `--n` 200-character texts counted, as sessions 55-56 counted them); news, en and ja are bench.real_comments'.
Prints, for each reader, its calls over the texts and each side's instructions a call and a text, and B's change;
`--side B` counts one side only; `--annotate DIR` keeps the dumps there (callgrind_annotate reads which C functions
a reader's instructions are in). Both sides run with PYTHONHASHSEED=0: a set's probes move with the seed.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import importlib
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.instructions import _scorer, environment, forgetful, read_dumps, sides
from bench.real_comments import DATA_DIR

READERS = ("named_signals", "_urls", "_words", "reported_spans", "mentioned_spans", "_count", "_construction",
           "_brands", "_sentence_combos", "strings_of", "denied_spans", "unaimed_groups")
MARKS = r"""#include <valgrind/callgrind.h>
void cg_start(void) { CALLGRIND_START_INSTRUMENTATION; }
void cg_stop(void) { CALLGRIND_STOP_INSTRUMENTATION; }
void cg_zero(void) { CALLGRIND_ZERO_STATS; }
void cg_dump(const char *name) { CALLGRIND_DUMP_STATS_AT(name); }
void cg_toggle(void) { CALLGRIND_TOGGLE_COLLECT; }
"""
NOOP = "(toggling)"


def texts_of(kind: str, n: int, length: int, data_dir: Path) -> list[str]:
    """The counted texts: bench.scoring's generated ones (its seed and rows) or real comments of one kind."""
    if kind == "scoring":
        from bench.scoring import make_text

        rng = random.Random(11)
        for _ in range(n):  # its 50-character row first, as bench.scoring draws them
            make_text(rng, 50)
        return [make_text(rng, length) for _ in range(n)]
    from bench.real_comments import real_comments

    return real_comments(length, n, data_dir)[kind]


def _owner(spec: str):
    """(the object the reader is looked up on, its attribute name) for a bare name (signals') or module:attr."""
    if ":" not in spec:
        return importlib.import_module("moderation.features.signals"), spec
    module, _, path = spec.partition(":")
    owner = importlib.import_module(module)
    *parents, name = path.split(".")
    for part in parents:
        owner = getattr(owner, part)
    return owner, name


def _toggled(original, toggle, depth: list[int], calls: list[int]):
    """`original` with collection toggled on at its outermost call and off at that call's return."""

    def wrapper(*args, **kwargs):
        outer = not depth[0]
        if outer:
            calls[0] += 1
            toggle()
        depth[0] += 1
        try:
            return original(*args, **kwargs)
        finally:
            depth[0] -= 1
            if outer:
                toggle()

    return wrapper


def _noop():
    return None


def _count(args, library: Path) -> None:
    """Under callgrind, one side in this process: each reader's toggled instructions over the texts, a dump each."""
    marks = ctypes.CDLL(str(library))
    score = forgetful(_scorer(args.package).score)  # TEXT_MEMOS cleared before each text
    texts = texts_of(args.texts, args.n, args.length, args.data_dir)
    for text in texts:
        score(text)
    gc.collect()
    gc.disable()  # as bench.instructions: a collection inside a count is noise
    marks.cg_start()
    depth, calls = [0], [0]
    noop = _toggled(_noop, marks.cg_toggle, depth, calls)
    marks.cg_zero()
    for _ in range(1000):
        noop()
    marks.cg_dump(f"{NOOP} 1000 {args.side}".encode())
    for spec in args.readers.split(","):
        owner, name = _owner(spec)
        original = getattr(owner, name)
        depth[0], calls[0] = 0, 0
        setattr(owner, name, _toggled(original, marks.cg_toggle, depth, calls))
        try:
            score(texts[0])
            calls[0] = 0
            marks.cg_zero()
            for text in texts:
                score(text)
            marks.cg_dump(f"{spec} {calls[0]} {args.side}".encode())
        finally:
            setattr(owner, name, original)
    marks.cg_stop()
    gc.enable()


def report(counts: dict[str, list[int]], readers: list[str], n: int) -> list[str]:
    """One line a reader: calls, each side's instructions a call and a text (the toggling's taken off), B's change."""
    per: dict[str, dict[str, tuple[int, int]]] = {}
    for key, totals in counts.items():
        spec, calls, side = key.rsplit(" ", 2)
        per.setdefault(spec, {})[side] = (int(calls), totals[-1])
    toggling = {side: total / calls for side, (calls, total) in per.get(NOOP, {}).items()}
    lines = [f"toggling a call: A {toggling.get('A', 0):,.0f}, B {toggling.get('B', 0):,.0f} instructions (taken off)",
             "| reader | calls (A, B) | A k a call | B k a call | A k a text | B k a text | B-A a text |",
             "|---|---|---|---|---|---|---|"]
    for spec in readers:
        sides_ = per.get(spec, {})
        net = {s: (c, t - c * toggling.get(s, 0)) for s, (c, t) in sides_.items()}
        if not net or spec == NOOP:
            continue
        if set(net) != {"A", "B"}:  # one side counted (--side)
            side, (c, t) = next(iter(net.items()))
            call, text = f"{t / max(c, 1) / 1000:.1f}", f"{t / n / 1000:.1f}"
            a, b = ((call, text), ("", "")) if side == "A" else (("", ""), (call, text))
            lines.append(f"| {spec} ({side} only) | {c} | {a[0]} | {b[0]} | {a[1]} | {b[1]} | |")
            continue
        (ca, ta), (cb, tb) = net["A"], net["B"]
        lines.append(f"| {spec} | {ca}, {cb} | {ta / max(ca, 1) / 1000:.1f} | {tb / max(cb, 1) / 1000:.1f} | "
                     f"{ta / n / 1000:.1f} | {tb / n / 1000:.1f} | {(tb - ta) / n / 1000:+.1f} "
                     f"({(tb - ta) / ta if ta else 0:+.1%}) |")
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="each reader's instructions inside score(), a commit against this "
                                             "checkout, each version in a process of its own")
    ap.add_argument("--against", default="main")
    ap.add_argument("--readers", default=",".join(READERS))
    ap.add_argument("--texts", default="scoring", choices=("scoring", "news", "en", "ja"))
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--length", type=int, default=200)
    ap.add_argument("--data-dir", type=Path, default=DATA_DIR)
    ap.add_argument("--annotate", type=Path, help="keep the callgrind dumps in this folder")
    ap.add_argument("--inside", type=Path, help=argparse.SUPPRESS)  # the marks' library: the run under callgrind
    ap.add_argument("--side", choices=("A", "B"), help="count this side only (B: this checkout)")
    ap.add_argument("--package", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.inside:
        _count(args, args.inside)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.annotate or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        library = folder / "libmarks.so"
        (folder / "marks.c").write_text(MARKS)
        subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-o", str(library), str(folder / "marks.c")], check=True)
        common = ["--readers", args.readers, "--texts", args.texts, "--n", str(args.n), "--length", str(args.length),
                  "--data-dir", str(args.data_dir.resolve())]
        for side, (cwd, path) in sides(args.against).items():
            if args.side and side != args.side:
                continue
            # one hash seed for both: a set's or dict's probes move with it (an A/A pair 1-4% apart a reader without)
            env = {**environment(path), "PYTHONHASHSEED": "0"}
            package = str(Path(cwd) / "moderation")
            # natively first: the kernels compiled (or loaded) outside valgrind (bench.instructions says why)
            subprocess.run([sys.executable, "-m", "bench.instructions", "--prepare", "--side", side, "--package",
                            package, "--kinds", "news", "--n", "1", "--data-dir", str(args.data_dir.resolve())],
                           check=True, env=env, cwd=cwd)
            subprocess.run(["valgrind", "--tool=callgrind", "--instr-atstart=no", "--collect-atstart=no",
                            f"--log-file={folder}/valgrind.%p.log", f"--callgrind-out-file={folder}/callgrind.out.%p",
                            sys.executable, "-m", "bench.reader_count", *common, "--side", side, "--package",
                            package, "--inside", str(library)], check=True, env=env, cwd=cwd,
                           stdout=subprocess.DEVNULL)
        n = args.n
        for line in report(read_dumps(folder), [NOOP, *args.readers.split(",")], n):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
