"""Where Davidson's held-out ROC-AUC goes between two models, by side, @handles and words (issue 12, session 59).

    python -m model.davidson_moves score (--artifact VERSION|DIR | --dump PATH) --save SCORES.json [--data-dir D]
    python -m model.davidson_moves compare BASE.json CANDIDATE.json [--rows N]

`score` reads the held-out tweets as the card does (model.evaluate: abuse is the largest harm head, positives are
hate and offensive) with an artifact loaded through the serving code's SHA-256 check, or an en_quick --dump; a
version older than this code's pipeline is scored in a checkout of its own commit into the same JSON (text, class,
p). `compare` prints both ROC-AUCs, with and without the tweets the owned reading reads; which side moved (the
'neither' tweets' percentiles from one model and the positives' from the other); the tweets by @handles; and the
rows that moved most across the other side.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import numpy as np
from scipy.stats import rankdata
from sklearn.metrics import roc_auc_score

from model.evaluate import DEFAULT_DATA

# an @handle as moderation/features/patterns.py's _LINE_ID counts one (at the start or after a space or a bracket)
HANDLE = re.compile(r"(?:^|[\s(（])[@＠][a-z0-9._\-]{4,20}", re.I)
CLASSES = ("hate", "offensive", "neither")


def tweet_class(row) -> str:
    """Davidson's class from a loaded row's labels (hate is the hate head's positive, offensive abuse without it)."""
    return "neither" if not row.abuse else ("hate" if (row.cats or {}).get("hate") == 1 else "offensive")


def score(proba, data_dir: Path) -> list[dict]:
    """The held-out tweets, each with its class and abuse probability (proba: texts -> (n, heads))."""
    from model import data as D

    rows = [r for r in D.load_all(data_dir) if r.source == "davidson" and r.split == D.TEST]
    p = proba([r.text for r in rows])[:, 1:].max(axis=1)
    return [{"text": r.text, "class": tweet_class(r), "p": float(x)} for r, x in zip(rows, p, strict=True)]


def paired(base: list[dict], cand: list[dict]) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The tweets both score (texts, classes, positive, base p, candidate p)."""
    b = {r["text"]: r for r in base}
    texts = [r["text"] for r in cand if r["text"] in b]
    cls = np.asarray([b[t]["class"] for t in texts])
    c = {r["text"]: r["p"] for r in cand}
    return texts, cls, cls != "neither", np.asarray([b[t]["p"] for t in texts]), np.asarray([c[t] for t in texts])


def sides(y: np.ndarray, pa: np.ndarray, pb: np.ndarray) -> dict[str, float]:
    """ROC-AUC of each model, and with one side's tweets at their percentile (of all tweets) in the other model."""
    ua, ub = rankdata(pa) / len(pa), rankdata(pb) / len(pb)
    return {"base": roc_auc_score(y, pa), "candidate": roc_auc_score(y, pb),
            "neither moved only": roc_auc_score(y, np.where(y, ua, ub)),
            "positives moved only": roc_auc_score(y, np.where(y, ub, ua))}


def by_handles(texts: list[str], y: np.ndarray, pa: np.ndarray, pb: np.ndarray) -> list[dict]:
    """Per number of @handles (0, 1, 2, 3+): rows, share positive, mean p of each side in each model, AUC within."""
    n = np.minimum([len(HANDLE.findall(t)) for t in texts], 3)
    out = []
    for k in range(4):
        m = n == k
        if not m.any():
            continue
        row = {"handles": f"{k}+" if k == 3 else str(k), "rows": int(m.sum()), "positive": float(y[m].mean())}
        for name, p in (("base", pa), ("candidate", pb)):
            row[f"{name} neither"] = float(p[m & ~y].mean()) if (m & ~y).any() else float("nan")
            row[f"{name} positives"] = float(p[m & y].mean()) if (m & y).any() else float("nan")
            row[f"{name} auc"] = roc_auc_score(y[m], p[m]) if 0 < y[m].sum() < m.sum() else float("nan")
        out.append(row)
    return out


def misordered(y: np.ndarray, p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per 'neither' tweet the positives at or under it, per positive the 'neither' tweets at or over it."""
    pos, neg = np.sort(p[y]), np.sort(p[~y])
    return np.searchsorted(pos, p[~y], "right"), len(neg) - np.searchsorted(neg, p[y], "left")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("score")
    s.add_argument("--artifact", default=None)
    s.add_argument("--dump", default=None)
    s.add_argument("--save", required=True)
    s.add_argument("--data-dir", default=str(DEFAULT_DATA))
    c = sub.add_parser("compare")
    c.add_argument("base")
    c.add_argument("candidate")
    c.add_argument("--rows", type=int, default=15)
    args = ap.parse_args(argv)
    if args.cmd == "score":
        if bool(args.artifact) == bool(args.dump):
            ap.error("score: one of --artifact or --dump")
        if args.artifact:
            from model.judge import resolve_artifact
            from moderation.scoring.scorer import load_scorer

            pipe = load_scorer(*resolve_artifact(args.artifact)).pipeline
        else:
            import joblib

            pipe = joblib.load(args.dump)
        Path(args.save).write_text(json.dumps(score(pipe.predict_proba, Path(args.data_dir))), encoding="utf-8")
        return 0
    from model.data.english import owned

    base, cand = (json.loads(Path(f).read_text(encoding="utf-8")) for f in (args.base, args.candidate))
    texts, cls, y, pa, pb = paired(base, cand)
    kept = np.asarray([not owned(t) for t in texts])
    print(f"{len(texts)} held-out tweets ({int(y.sum())} hate or offensive); {int((~kept).sum())} read as owned")
    for name, m in (("every tweet", np.ones(len(y), bool)), ("without the owned reading's", kept)):
        print(f"{name}: " + ", ".join(f"{k} {v:.4f}" for k, v in sides(y[m], pa[m], pb[m]).items()))
    print("@handles | rows | positive | 'neither' mean p base -> candidate | positives | ROC-AUC within")
    for r in by_handles(texts, y, pa, pb):
        print(f"{r['handles']:>3} | {r['rows']:4d} | {r['positive']:.2f} | {r['base neither']:.3f} -> "
              f"{r['candidate neither']:.3f} | {r['base positives']:.3f} -> {r['candidate positives']:.3f} | "
              f"{r['base auc']:.4f} -> {r['candidate auc']:.4f}")
    (na, qa), (nb, qb) = misordered(y, pa), misordered(y, pb)
    pairs = y.sum() * (~y).sum()
    print("'neither' tweets over most positives in the candidate (AUC they cost: candidate, base; p base -> cand)")
    for i in np.argsort(-nb, kind="stable")[:args.rows]:
        print(f"  {nb[i] / pairs:.4f} {na[i] / pairs:.4f} {pa[~y][i]:.3f} -> {pb[~y][i]:.3f} "
              f"{texts_of(texts, ~y)[i]!r}")
    print("positives that fell under the most 'neither' tweets (AUC they cost: candidate, base; class; p)")
    for i in np.argsort(-(qb - qa), kind="stable")[:args.rows]:
        print(f"  {qb[i] / pairs:.5f} {qa[i] / pairs:.5f} {cls[y][i]} {pa[y][i]:.3f} -> {pb[y][i]:.3f} "
              f"{texts_of(texts, y)[i]!r}")
    return 0


def texts_of(texts: list[str], mask: np.ndarray) -> list[str]:
    """The texts where mask holds, in order."""
    return [t for t, m in zip(texts, mask, strict=True) if m]


if __name__ == "__main__":
    raise SystemExit(main())
