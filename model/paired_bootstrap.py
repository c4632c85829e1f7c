"""Paired bootstrap of a held-out ROC-AUC difference: does a small set's drop exceed what its rows' luck explains?

The ship rule (session 9, clause b): a held-out set with fewer than 30 positives that moves by more than 0.01 counts
as worse only if the 95% interval of (new - old) ROC-AUC, 2,000 resamples with a fixed seed, lies entirely below 0.
Both models score the same rows. Each resample draws the positives and the negatives apart, with replacement and
the set's class counts kept, and takes both models' ROC-AUC on those same rows, so what the rows share cancels.

    python -m model.paired_bootstrap scores --artifact model/artifacts/V --out /tmp/V.npz [--data-dir ...]
    python -m model.paired_bootstrap compare /tmp/OLD.npz /tmp/NEW.npz

Score each artifact in the code tree it was trained from (a feature added since makes an older artifact's
columns mean other things), then compare the two files: rows must be the same texts in the same order.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

RESAMPLES = 2000
SEED = 20261130
SMALL = 30  # fewer positives than this: a drop counts only if the whole interval is below 0
TOLERANCE = 0.01  # the tolerance for any held-out set
FIELD = "small_sets"  # a model.compare snapshot's small sets' rows: {set: {digest, y, p}}


@dataclass(frozen=True)
class AucDifference:
    """ROC-AUC of the old and new scores on the same rows, new - old, and its bootstrap interval."""

    old: float
    new: float
    low: float
    high: float
    positives: int
    negatives: int

    @property
    def diff(self) -> float:
        return self.new - self.old

    @property
    def worse(self) -> bool:
        """Clause (b): a drop beyond the tolerance; on a small set only if the whole interval is below 0."""
        if self.diff >= -TOLERANCE:
            return False
        return self.high < 0 if self.positives < SMALL else True


def _auc_counts(pos: np.ndarray, neg: np.ndarray, cp: np.ndarray, cn: np.ndarray) -> np.ndarray:
    """ROC-AUC of each resample, given how often it drew each positive (cp, resamples x positives) and each negative
    (cn): a positive wins against a lower negative, ties count half (Mann-Whitney). The negatives are sorted once,
    so a resample costs one cumulative sum over them."""
    order = np.argsort(neg, kind="stable")
    ranked = neg[order]
    lo, hi = np.searchsorted(ranked, pos, "left"), np.searchsorted(ranked, pos, "right")
    below = np.zeros((cn.shape[0], neg.size + 1))
    np.cumsum(cn[:, order], axis=1, out=below[:, 1:])
    wins = below[:, lo] + 0.5 * (below[:, hi] - below[:, lo])
    return (cp * wins).sum(axis=1) / (pos.size * neg.size)


def _draws(rng: np.random.Generator, m: int, n: int) -> np.ndarray:
    """m resamples of n rows with replacement, as how often each row was drawn (m x n)."""
    picks = rng.integers(0, n, size=(m, n)) + n * np.arange(m)[:, None]
    return np.bincount(picks.ravel(), minlength=m * n).reshape(m, n).astype(float)


def paired_auc_difference(y, old, new, resamples: int = RESAMPLES, seed: int = SEED, level: float = 0.95,
                          chunk: int = 250) -> AucDifference:
    """Old and new ROC-AUC of labels `y` and the percentile interval of new - old over `resamples` paired
    resamples (positives and negatives drawn apart, with replacement)."""
    y = np.asarray(y).astype(bool)
    old, new = np.asarray(old, dtype=float), np.asarray(new, dtype=float)
    if not (y.shape == old.shape == new.shape) or y.ndim != 1:
        raise ValueError("y, old and new must be 1-d arrays of the same length")
    n_pos, n_neg = int(y.sum()), int((~y).sum())
    if not n_pos or not n_neg:
        raise ValueError("both classes are needed for a ROC-AUC")
    once = np.ones((1, n_pos)), np.ones((1, n_neg))
    auc_old, auc_new = (float(_auc_counts(s[y], s[~y], *once)[0]) for s in (old, new))
    rng = np.random.default_rng(seed)
    diffs = []
    for start in range(0, resamples, chunk):
        m = min(chunk, resamples - start)
        cp, cn = _draws(rng, m, n_pos), _draws(rng, m, n_neg)
        diffs.append(_auc_counts(new[y], new[~y], cp, cn) - _auc_counts(old[y], old[~y], cp, cn))
    d = np.concatenate(diffs)
    tail = (1 - level) / 2
    return AucDifference(auc_old, auc_new, float(np.quantile(d, tail)), float(np.quantile(d, 1 - tail)), n_pos, n_neg)


def _digest(texts) -> str:
    """Which rows, in which order: two score files compare only when their sets' digests agree."""
    h = hashlib.sha256()
    for t in texts:
        h.update(t.encode("utf-8") + b"\0")
    return h.hexdigest()


def small_set_scores(sets: list[dict], proba_fn) -> dict[str, dict]:
    """{set: {digest, y, p}} for every labelled set with fewer than SMALL positives (model.evaluate.eval_sets,
    proba_fn in LABELS order): what a snapshot must carry for the gate to read a small set's fall by its interval."""
    from model.pipeline import LABELS

    out = {}
    for s in sets:
        if s["label"] and int(np.sum(s["y"])) < SMALL:
            p = proba_fn(s["texts"])[:, LABELS.index(s["label"])]
            out[s["name"]] = {"digest": _digest(s["texts"]), "y": [int(v) for v in s["y"]],
                              "p": [float(v) for v in p]}
    return out


def snapshot_difference(before: dict, after: dict, name: str) -> AucDifference | str:
    """The paired interval of set `name` between two snapshots' saved rows, or why there is none (the same texts
    in the same order and the same labels, checked by digest as compare() checks two score files)."""
    old, new = ((snap.get(FIELD) or {}).get(name) for snap in (before, after))
    if old is None or new is None:
        which = "neither snapshot carries" if old is None and new is None else \
            "the active snapshot carries no" if old is None else "the candidate's snapshot carries no"
        return f"{which} row scores for it (saved before session 55)"
    if old["digest"] != new["digest"] or old["y"] != new["y"]:
        return "the two snapshots scored different rows"
    return paired_auc_difference(new["y"], old["p"], new["p"])


def write_scores(artifact: Path, data_dir: Path, out: Path) -> None:
    """Score every labelled held-out set (model.evaluate.eval_sets) with the artifact in `artifact`; the
    pinned SHA-256 in its folder is checked on load."""
    from model.data import load_all
    from model.evaluate import eval_sets, pipeline_proba
    from model.pipeline import LABELS
    from moderation.scoring.scorer import load_scorer

    sha = (artifact / "SHA256").read_text(encoding="utf-8").split()[0]
    proba = pipeline_proba(load_scorer(artifact, sha).pipeline)
    arrays, index = {}, []
    for k, s in enumerate(s for s in eval_sets(load_all(data_dir), data_dir) if s["label"]):
        arrays[f"y{k}"] = s["y"]
        arrays[f"p{k}"] = proba(s["texts"])[:, LABELS.index(s["label"])]
        index.append({"name": s["name"], "digest": _digest(s["texts"])})
    np.savez(out, index=json.dumps(index, ensure_ascii=False), version=artifact.name, **arrays)


def compare(old_file: Path, new_file: Path, resamples: int = RESAMPLES, seed: int = SEED) -> list[dict]:
    """One row per held-out set present in both files: old, new, difference, interval, worse by clause (b)."""
    old, new = np.load(old_file), np.load(new_file)
    old_index = {e["name"]: (k, e["digest"]) for k, e in enumerate(json.loads(str(old["index"])))}
    rows = []
    for k, e in enumerate(json.loads(str(new["index"]))):
        if e["name"] not in old_index:
            continue
        j, digest = old_index[e["name"]]
        if digest != e["digest"]:
            raise ValueError(f"{e['name']}: the two files scored different rows")
        r = paired_auc_difference(new[f"y{k}"], old[f"p{j}"], new[f"p{k}"], resamples, seed)
        rows.append({"set": e["name"], "positives": r.positives, "old": round(r.old, 4), "new": round(r.new, 4),
                     "diff": round(r.diff, 4), "low": round(r.low, 4), "high": round(r.high, 4), "worse": r.worse})
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("scores", help="score the held-out sets with one artifact")
    s.add_argument("--artifact", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--data-dir", default=None, help="default: model.evaluate's ../shared/data")
    c = sub.add_parser("compare", help="paired bootstrap of two score files")
    c.add_argument("old")
    c.add_argument("new")
    c.add_argument("--resamples", type=int, default=RESAMPLES)
    c.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    if args.cmd == "scores":
        from model.evaluate import DEFAULT_DATA

        write_scores(Path(args.artifact), Path(args.data_dir or DEFAULT_DATA), Path(args.out))
        return 0
    print(f"| set | pos | old | new | new - old | 95% interval ({args.resamples} paired resamples) | worse (b) |")
    print("|---|---:|---:|---:|---:|---|---|")
    for r in compare(Path(args.old), Path(args.new), args.resamples, args.seed):
        print(f"| {r['set']} | {r['positives']} | {r['old']:.4f} | {r['new']:.4f} | {r['diff']:+.4f} | "
              f"[{r['low']:+.4f}, {r['high']:+.4f}] | {'WORSE' if r['worse'] else 'no'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
