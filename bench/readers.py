"""The signal readers' CPU in `Scorer.score` (issue 13) on real comments: where it goes, and what a change saves.

    python -m bench.readers profile|parts [--n 300] [--length 200] [--kinds ja,en,en modal,news]
    python -m bench.readers ab [--against main] [--n 300] [--pairs 4] [--stage score|signals] [--cold] [--swap]

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
is an A/A run, the noise floor. `--stage signals` times signals() on the normalised text instead of score().
The side whose modules are loaded twice runs 2-3% slower (A/A' with a comment changed: -3.1% en, -2.2% ja);
`--swap` runs the comparison again in a second process with the commit's package first on the path and this
checkout's loaded twice, and averages the two.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

from bench.mixes import news_comments
from bench.versions import Versions, extract

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT.parent / "shared" / "data"
MODALS = ("should ", "must ", "need to ", "needs to ", "deserve", "ought to ")


def _joined(lines: list[str], length: int, rng: random.Random, n: int) -> list[str]:
    """`n` texts of `length` characters, each consecutive lines from a random place joined by a space."""
    out = []
    while len(out) < n:
        k = rng.randrange(len(lines))
        text = lines[k]
        while len(text) < length and k + 1 < len(lines):
            k += 1
            text += " " + lines[k]
        out.append(text[:length])
    return out


def real_comments(length: int = 200, n: int = 300, data_dir: Path = DATA_DIR, seed: int = 43) -> dict[str, list[str]]:
    """Real comments at `length` characters: Japanese chat (RealPersonaChat, a dialogue's lines in order), English
    tweets and forum sentences (Davidson, Stormfront), and English texts holding a modal of duty; and `news`, the
    HTTP benchmark's generated news-site mix (bench.mixes.news_comments, at their own lengths)."""
    from model.data.rows import _csv_rows

    rng = random.Random(seed)
    chat = _csv_rows((data_dir / "realpersonachat-ja-utterances" / "rpc_utterances_sample40k.csv").read_bytes())
    chat.sort(key=lambda r: (r["dialogue_id"], int(r["utterance_id"]) if r["utterance_id"].isdigit() else 0))
    tweets = [r["tweet"] for r in _csv_rows((data_dir / "davidson-hate-offensive" / "labeled_data.csv").read_bytes())]
    forum = [r["text"] for r in _csv_rows((data_dir / "stormfront-hate-speech" / "stormfront_sentences.csv")
                                          .read_bytes())]
    english = tweets + forum
    modal = [t for t in english if any(m in t.lower() for m in MODALS)]
    return {"ja": _joined([r["text"] for r in chat], length, rng, n), "en": _joined(english, length, rng, n),
            "en modal": [(t + " " + _joined(english, length, rng, 1)[0])[:length] for t in rng.sample(modal, n)],
            "news": [text for text, _article, _author in news_comments(random.Random(seed), n)]}


# ---- profile: each reader wrapped in a timer of this thread's CPU --------------------------------------------------

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
        found = strings_of(_NEEDLES.automaton.values, hits.needles)
        latin = hits.classes.tolist()[_LATIN]
        for name, guard, latin_only, trigger, needles, strings in _CONSTRUCTION_GUARDS:
            if (latin_only and not latin) or (needles is not None and needles.isdisjoint(chars)
                                               and strings.isdisjoint(found)) or (
                    trigger is not None and chars.isdisjoint(trigger)) or (
                    guard.also is not None and not guard.each(t, chars, found)):
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


# ---- ab: two versions in one process, interleaved ------------------------------------------------------------------

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

    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", f"{args.against}^{{commit}}"], check=True,
                            capture_output=True, text=True).stdout.strip()
    folder = extract(ROOT, commit)
    common = ["--n", str(args.n), "--length", str(args.length), "--pairs", str(args.pairs), "--stage", args.stage,
              "--kinds", args.kinds, "--data-dir", str(args.data_dir.resolve()), *(["--cold"] if args.cold else [])]
    runs, artifacts = {}, str(ROOT / "model" / "artifacts")
    for name, against, cwd, path in (("asked", args.against, ROOT, str(ROOT)),
                                     ("swapped", str(ROOT), folder, f"{folder}{os.pathsep}{ROOT}")):
        out = subprocess.run([sys.executable, "-m", "bench.readers", "ab", "--against", against, *common], cwd=cwd,
                             env={**os.environ, "PYTHONPATH": path, "BENCH_ARTIFACTS": artifacts},
                             capture_output=True, text=True, check=True)
        print(f"-- {name}:\n{out.stdout}", end="")
        runs[name] = {r["kind"]: r for r in map(json.loads, out.stderr.splitlines()) if r.get("kind")}
    print(f"averaged (this checkout minus {args.against}, µs a text):")
    for kind in args.kinds.split(","):
        a, b = runs["asked"].get(kind), runs["swapped"].get(kind)
        if a and b:
            print(f"  {kind}: median {(a['diff median'] - b['diff median']) / 2:+.2f}, mean "
                  f"{(a['diff mean'] - b['diff mean']) / 2:+.2f}, share of {args.against}'s mean "
                  f"{(a['diff mean'] - b['diff mean']) / (a['A mean'] + b['B mean']):+.1%}")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="the signal readers' CPU in Scorer.score")
    ap.add_argument("what", choices=("profile", "parts", "ab"))
    ap.add_argument("--against", default="main", help="ab: the commit timed as A (this checkout is B)")
    ap.add_argument("--n", type=int, default=300, help="texts of each kind")
    ap.add_argument("--length", type=int, default=200)
    ap.add_argument("--pairs", type=int, default=4, help="ab: rounds A B then B A, this many of each")
    ap.add_argument("--stage", choices=("score", "signals"), default="score")
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
    versions = Versions(ROOT, args.against)
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
