"""Scorer.score's instructions a comment, a commit against this checkout, counted by callgrind (issue 13).

    python -m bench.instructions [--against main] [--kinds news,en,ja] [--n 100] [--quick] [--explain] [--data-dir DIR]

On a shared machine the CPU time of the same code moves by several µs a comment from run to run (session 50, load
7-12: an A/A pair of bench.readers ab 14 µs apart); the instructions a comment executes do not (an A/A pair 0.01%
apart). Each version is counted in a process of its own (since session 55): A with the commit's package extracted
(bench.versions.extract) first on the path, then B, this checkout. Two versions in one process (as bench.readers ab
loads them) can link one side's numba kernel to the other side's cached callee (bench.versions), so a kernel change
could be counted as one side's code twice. Each side re-runs this tool under valgrind's callgrind with instrumentation
off, scores every text once to warm it, then counts score() over the texts between client-request marks (a six-line C
library built here with gcc from valgrind's callgrind.h, called through ctypes), each kind twice, and the report gives
each side's instructions a text and B's change. The collector is off while counting (session 52's counts of a side
were 60% apart: natively, one full collection of the loaded scorers' ~350k objects took ten times a 30-text run's own
time inside it), so allocation's share of collections is not counted on either side; each run scores its first text
once before its count starts (a warm memo, as in serving). Instructions are not time (a cache miss costs no more of
them): a win here is a win in CPU only where the other measures agree.
The kernels are compiled for a generic x86-64 (NUMBA_CPU_NAME=generic) into a cache of this tool's own (COMPILED), by
a native run before valgrind's (--prepare): numba keys a cached kernel on the CPU's features, and under valgrind the
CPU reports others, so the host's cached kernels were never found there and numba compiled every kernel under
valgrind (session 50's closing run had not started after 7 minutes; ~70 s of CPU natively, once per version of the
sources). Their instructions are a generic build's, not the host's: compare a kernel's counts within one run only.
Then ~2 minutes to start under valgrind (load 8), and about 60x the texts' CPU time: `--quick` counts 30 texts a kind.
With `--explain` each text's Score is asked for its explanation too, inside the count (score() alone never works one
out: it is made on first read, and the API reads it only for the comments it does not allow).
Memos of a comment's own text that outlive it (TEXT_MEMOS) are cleared before each text is scored, warm-up included:
a worker reads each comment once, so their answers are never kept for it, but a count warmed on its texts found every
answer kept and counted none of that reading (owned.reading, ~17 us a call, was invisible until session 59).
Needs gcc, valgrind and its headers (Debian's valgrind package).
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.real_comments import DATA_DIR, ROOT

# where the generic build of the kernels is cached (numba's NUMBA_CACHE_DIR), kept between runs
COMPILED = Path(tempfile.gettempdir()) / f"bench-instructions-numba-{os.getuid()}"
QUICK = 30  # texts a kind with --quick
RUNS = 2  # counts of each kind a side

MARKS = r"""#include <valgrind/callgrind.h>
void cg_start(void) { CALLGRIND_START_INSTRUMENTATION; }
void cg_stop(void) { CALLGRIND_STOP_INSTRUMENTATION; }
void cg_zero(void) { CALLGRIND_ZERO_STATS; }
void cg_dump(const char *name) { CALLGRIND_DUMP_STATS_AT(name); }
"""


# "module:name" of each memo keyed on a comment's text that outlives the comment: reading() keeps its last 64 words'
# answers (a 30-text run read twice finds all of them), _said and _denied their last texts'
TEXT_MEMOS = ("moderation.targets.owned:reading", "moderation.targets.identity:_said",
              "moderation.targets.warm_address:_denied")


def forgetful(score):
    """`score` with every memo of TEXT_MEMOS its side has loaded cleared before each text, as a worker meets each
    comment afresh (the clearing, ~0.5k instructions a text, is counted on both sides alike). Wrap a loaded scorer's:
    a module not imported yet has kept nothing."""
    clears = []
    for spec in TEXT_MEMOS:
        module, _, name = spec.partition(":")
        memo = getattr(sys.modules.get(module), name, None)  # an older side may have none
        if memo is not None:
            clears.append(memo.cache_clear)

    def scored(text):
        for clear in clears:
            clear()
        return score(text)

    return scored


def build_marks(folder: Path) -> Path:
    """The marks' shared library, compiled into `folder`."""
    source, library = folder / "marks.c", folder / "libmarks.so"
    source.write_text(MARKS)
    subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-o", str(library), str(source)], check=True)
    return library


def read_dumps(folder: Path) -> dict[str, list[int]]:
    """Each mark's instruction totals, by the name its dump was made at ("news-A"), in the order of the dumps."""
    out: dict[str, list[int]] = {}
    dumps = sorted(folder.glob("callgrind.out.*"), key=lambda p: [int(x) for x in re.findall(r"\d+", p.name)])
    for dump in dumps:
        text = dump.read_text(errors="replace")
        name = re.search(r"^desc: Trigger: Client Request: (.+)$", text, re.M)
        total = re.search(r"^totals: (\d+)", text, re.M) or re.search(r"^summary: (\d+)", text, re.M)
        if name and total:
            out.setdefault(name.group(1), []).append(int(total.group(1)))
    return out


def report(counts: dict[str, list[int]], kinds: list[str], n: int) -> list[str]:
    """One line a kind: each side's instructions a text (the mean of its runs, and their spread) and B's change."""
    lines = []
    for kind in kinds:
        a, b = counts.get(f"{kind}-A"), counts.get(f"{kind}-B")
        if not a or not b:
            continue
        mean_a, mean_b = sum(a) / len(a) / n, sum(b) / len(b) / n
        spread = max((max(runs) - min(runs)) / min(runs) for runs in (a, b))
        lines.append(f"{kind}: A {mean_a:,.0f} instructions a text, B {mean_b:,.0f}: B-A {mean_b - mean_a:+,.0f} "
                     f"({(mean_b - mean_a) / mean_a:+.2%}); runs of one side within {spread:.2%}")
    return lines


def environment(path: str) -> dict[str, str]:
    """The environment of a side's runs: `path` first on PYTHONPATH (its package, then this checkout's bench), the
    kernels built for a generic CPU, cached in COMPILED (module docstring)."""
    return {**os.environ, "PYTHONPATH": path, "NUMBA_CPU_NAME": "generic", "NUMBA_CPU_FEATURES": "",
            "NUMBA_CACHE_DIR": str(COMPILED), "BENCH_ARTIFACTS": str(ROOT / "model" / "artifacts")}


def sides(against: str) -> dict[str, tuple[Path, str]]:
    """Each side's working folder and PYTHONPATH: A's holds the commit's package (found before this checkout's),
    B's is this checkout."""
    from bench.versions import checkout

    _commit, folder = checkout(ROOT, against)
    return {"A": (folder, f"{folder}{os.pathsep}{ROOT}"), "B": (ROOT, str(ROOT))}


def _scorer(package: Path | None):
    """The active model's scorer, loaded by the one package this process imports (checked to be `package`'s)."""
    import moderation
    from bench.versions import Versions

    found = Path(moderation.__file__).resolve().parent
    if package is not None and found != package.resolve():
        raise SystemExit(f"moderation imported from {found}, not {package}")
    return Versions(ROOT, None).scorer("B")


def _prepare(args) -> None:
    """Natively, before valgrind: load the side's scorer (Scorer's warm() compiles every kernel serving calls, or
    loads it from COMPILED) and score a text of each kind, so the run under valgrind compiles nothing."""
    from bench.real_comments import real_comments

    scorer = _scorer(args.package)
    mixes = real_comments(args.length, 1, args.data_dir)
    for kind in args.kinds.split(","):
        scorer.score(mixes[kind][0])


def _scored(scorer, explain: bool):
    """What is counted a text: scorer.score, and with `explain` the Score's explanation read as well."""
    if not explain:
        return scorer.score
    return lambda text: scorer.score(text).explanation


def _count(args, library: Path) -> None:
    """Under callgrind, one side in this process: warm it, then count each kind's texts twice between marks."""
    from bench.real_comments import real_comments

    marks = ctypes.CDLL(str(library))
    score = forgetful(_scored(_scorer(args.package), args.explain))
    mixes = real_comments(args.length, args.n, args.data_dir)
    kinds = args.kinds.split(",")
    for kind in kinds:
        for text in mixes[kind]:
            score(text)
    gc.collect()
    gc.disable()  # a full collection of the scorer's heap inside one run is noise, not a cost of its code
    marks.cg_start()
    for kind in kinds:
        texts = mixes[kind]
        for _run in range(RUNS):
            score(texts[0])
            marks.cg_zero()
            for text in texts:
                score(text)
            marks.cg_dump(f"{kind}-{args.side}".encode())
    marks.cg_stop()
    gc.enable()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Scorer.score's instructions a comment, A against this checkout, each "
                                             "version counted in a process of its own")
    ap.add_argument("--against", default="main")
    ap.add_argument("--kinds", default="news,en,ja")
    ap.add_argument("--n", type=int, default=None, help=f"texts of each kind (100; {QUICK} with --quick)")
    ap.add_argument("--quick", action="store_true", help=f"{QUICK} texts a kind (a closing run)")
    ap.add_argument("--explain", action="store_true", help="count each Score's explanation too")
    ap.add_argument("--length", type=int, default=200)
    ap.add_argument("--data-dir", type=Path, default=DATA_DIR)
    ap.add_argument("--inside", type=Path, help=argparse.SUPPRESS)  # the marks' library: the run under callgrind
    ap.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)  # the native run before it
    ap.add_argument("--side", choices=("A", "B"), help=argparse.SUPPRESS)  # the side a child counts
    ap.add_argument("--package", type=Path, help=argparse.SUPPRESS)  # the package the child must have imported
    args = ap.parse_args(argv)
    if args.n is None:
        args.n = QUICK if args.quick else 100
    if args.prepare:
        _prepare(args)
        return 0
    if args.inside:
        _count(args, args.inside)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        library = build_marks(folder)
        common = ["--kinds", args.kinds, "--n", str(args.n), "--length", str(args.length), "--data-dir",
                  str(args.data_dir.resolve()), *(["--explain"] if args.explain else [])]
        for side, (cwd, path) in sides(args.against).items():
            command = [sys.executable, "-m", "bench.instructions", *common, "--side", side, "--package",
                       str(Path(cwd) / "moderation")]
            env = environment(path)
            subprocess.run([*command, "--prepare"], check=True, env=env, cwd=cwd)
            # valgrind's own lines into a file; the counted run's errors (a traceback) still reach stderr
            subprocess.run(["valgrind", "--tool=callgrind", "--instr-atstart=no",
                            f"--log-file={folder}/valgrind.%p.log", f"--callgrind-out-file={folder}/callgrind.out.%p",
                            *command, "--inside", str(library)],
                           check=True, env=env, cwd=cwd, stdout=subprocess.DEVNULL)
        for line in report(read_dumps(folder), args.kinds.split(","), args.n):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
