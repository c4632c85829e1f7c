"""Where a head's decision comes from, per group of cases: its intercept, named signals, the other signals, n-grams.

    python -m model.decision_parts [--artifact DIR|VERSION] [--head hate] [--signal length --signal group ...]
                                   [--split group] [--probe NAME ...] [--hatecheck] [--data-dir ../shared/data]

Each case is featurised as served and the head's decision (before its calibration sigmoid) is cut into parts that sum
to it: the intercept, each `--signal` (its value in the row times the head's weight), every other signal together,
and the n-grams (the char, word and focus-sentence blocks). `--split SIGNAL` splits each group by whether the signal
fires. Session 36 (issue 12): on 2026.12.04-8 `length` adds +4.10 to +4.20 to the hate head on our written harmful
and civil English cases alike (a second intercept: its weight is positive, a short text gets less) and `group` +2.84
to both. HateCheck is TEST ONLY: its figures are read per functionality, never used to choose a rule or a row.
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from model.judge import DEFAULT_DATA, resolve_artifact
from model.labelled_cases import labelled_cases
from moderation.features.vocabulary import FEATURE_NAMES
from moderation.scoring.scorer import HEADS, load_scorer


def parts(scorer, text: str, head: str, names: tuple[str, ...] = ()) -> dict[str, float]:
    """The head's decision on `text` and its parts: intercept, each of `names`, other signals, n-grams."""
    k = HEADS.index(head)
    enc = scorer.features.encode(text, heads=scorer.heads)
    idx, val = enc.indices, enc.values
    w = scorer.heads.coef_[idx, k] * val
    off = scorer.features.signal_offset_
    is_signal = (idx >= off) & (idx < off + len(FEATURE_NAMES))
    out = {"intercept": float(scorer.heads.intercept_[k])}
    named = 0.0
    for name in names:
        hit = idx == off + FEATURE_NAMES.index(name)
        out[name] = float(w[hit].sum())
        named += out[name]
    out["other_signals"] = float(w[is_signal].sum()) - named
    out["ngrams"] = float(w[~is_signal].sum())
    out["decision"] = out["intercept"] + named + out["other_signals"] + out["ngrams"]
    return out


def report(scorer, cases: list[tuple[str, str]], head: str, names: tuple[str, ...] = (),
           split: str | None = None) -> dict[str, dict[str, float]]:
    """Per group of (group, text) cases (with `split`, also by whether that signal fires): n and each part's mean."""
    sums: dict = defaultdict(lambda: defaultdict(float))
    col = FEATURE_NAMES.index(split) if split else None
    for group, text in cases:
        p = parts(scorer, text, head, names)
        if col is not None:
            fires = scorer.features.encode(text).signals[col] > 0
            group = f"{group} {split}={'yes' if fires else 'no'}"
        cell = sums[group]
        cell["n"] += 1
        for key, value in p.items():
            cell[key] += value
    return {g: {"n": int(c["n"]), **{key: round(v / c["n"], 4) for key, v in c.items() if key != "n"}}
            for g, c in sorted(sums.items())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--artifact", help="artifact folder or version under model/artifacts (default: the active one)")
    ap.add_argument("--head", default="hate", choices=HEADS)
    ap.add_argument("--signal", action="append", default=[], choices=FEATURE_NAMES, help="a signal shown on its own")
    ap.add_argument("--split", choices=FEATURE_NAMES, help="split each group by whether this signal fires")
    ap.add_argument("--data-dir", default=str(DEFAULT_DATA), help="shared data folder (for hatecheck-en)")
    ap.add_argument("--probe", action="append", default=[], help="a written probe by name (repeatable)")
    ap.add_argument("--hatecheck", action="store_true", help="HateCheck per functionality (test only)")
    args = ap.parse_args(argv)
    scorer = load_scorer(*resolve_artifact(args.artifact))
    cases = [(group, text) for group, text, _ in labelled_cases(args.probe, args.data_dir if args.hatecheck else None)]
    names = tuple(args.signal)
    rep = report(scorer, cases, args.head, names, args.split)
    keys = ("intercept", *names, "other_signals", "ngrams", "decision")
    print(f"{'group':56} {'n':>4} " + " ".join(f"{k[:13]:>13}" for k in keys))
    for group, row in rep.items():
        print(f"{group:56} {row['n']:4d} " + " ".join(f"{row[k]:+13.3f}" for k in keys))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
