"""Quick English experiments: fit the pipeline on the English rows only and print the English yardsticks.

    python -m model.en_quick --data-dir ../shared/data [--source-weight SOURCE=W] [--artifact DIR]

A full `make train` fits every head on both languages (~10-15 minutes on the shared machine); an English
change (features, generated rows, source weights) shows its direction in about a third of that when only
the English rows (real and generated) are fitted. Printed: held-out ROC-AUC of the English sets of issue 3's
table, per-head English ROC-AUC, and HateCheck's TOTALS (ROC-AUC of abuse, share flagged per functionality
at the review floor, mean head probabilities per functionality): never its cases, and nothing here chooses
a threshold or weight on it. `--artifact` measures a saved artifact instead of fitting one. Never writes an
artifact: the shipped model comes from model/train.py.
"""

from __future__ import annotations

import argparse
import csv
import logging
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

from model import data as D
from model.evaluate import DEFAULT_DATA, eval_sets
from model.functional import HATECHECK, HATECHECK_FOCUS
from model.pipeline import HEADS, build_pipeline

log = logging.getLogger("model.en_quick")
REVIEW = 0.3  # the review floor every category's threshold starts from (model/train.py REVIEW_FLOOR)


def hatecheck_totals(proba, data_dir: Path) -> dict:
    """ROC-AUC of abuse and per-functionality totals (share flagged, mean probability per head)."""
    with open(data_dir / HATECHECK, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    p = proba([r["test_case"].strip() for r in rows])
    abuse = p[:, 1:].max(axis=1)
    y = np.asarray([r["label_gold"] == "hateful" for r in rows])
    per: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        per[r["functionality"]].append(i)
    funcs = {k: {"label": rows[ix[0]]["label_gold"], "n": len(ix), "flagged": float((abuse[ix] >= REVIEW).mean()),
                 "means": {h: float(p[ix, j].mean()) for j, h in enumerate(HEADS) if j}} for k, ix in per.items()}
    return {"roc_auc": float(roc_auc_score(y, abuse)), "hateful_flagged": float((abuse[y] >= REVIEW).mean()),
            "non_hateful_flagged": float((abuse[~y] >= REVIEW).mean()), "functionalities": funcs}


def report(proba, rows: list[D.Row], data_dir: Path) -> str:
    lines = []
    for s in eval_sets(rows, data_dir):
        if s["lang"] == "en" and s["label"]:
            p = proba(s["texts"])
            col = p[:, 0] if s["label"] == "spam" else p[:, 1:].max(axis=1)
            clean = np.asarray(s["y"]) == 0
            lines.append(f"{s['name']:48} {roc_auc_score(s['y'], col):.4f}  clean flagged at {REVIEW}: "
                         f"{(col[clean] >= REVIEW).mean():.1%} of {int(clean.sum())}")
    test = [r for r in rows if r.split == D.TEST and not r.synthetic and r.lang == "en"]
    labels, p = D.label_matrix(test), proba([r.text for r in test])
    for k, name in enumerate(HEADS):
        m = ~np.isnan(labels[:, k])
        if 0 < labels[m, k].sum() < m.sum():
            lines.append(f"head {name:10} en n={int(m.sum())} pos={int(labels[m, k].sum())} "
                         f"{roc_auc_score(labels[m, k], p[m, k]):.4f}")
    hc = hatecheck_totals(proba, data_dir)
    lines.append(f"HateCheck ROC-AUC {hc['roc_auc']:.4f}; hateful flagged {hc['hateful_flagged']:.1%}, "
                 f"non-hateful {hc['non_hateful_flagged']:.1%}")
    for k, v in sorted(hc["functionalities"].items()):
        top = sorted(v["means"].items(), key=lambda kv: -kv[1])[:3]
        lines.append(f"  {k:20} {v['label'][:4]} {v['n']:4d} {v['flagged']:6.1%}" + (" *" if k in HATECHECK_FOCUS
                     else "  ") + "  " + " ".join(f"{h}={m:.2f}" for h, m in top))
    return "\n".join(lines)


def main(argv=None) -> int:
    from model import train as T

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default=str(DEFAULT_DATA))
    ap.add_argument("--artifact", default=None, help="measure this artifact folder instead of fitting")
    ap.add_argument("--source-weight", action="append", default=[], metavar="SOURCE=W")
    ap.add_argument("--C", type=float, default=4.0)
    ap.add_argument("--drop-source", action="append", default=[], help="leave a (generated) source out (ablation)")
    args = ap.parse_args(argv)
    for item in args.source_weight:
        src, _, w = item.partition("=")
        T.SOURCE_WEIGHTS[src] = float(w)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    data_dir = Path(args.data_dir)
    rows = D.load_all(data_dir)
    t0 = time.time()
    if args.artifact:
        from model.functional import resolve_artifact
        from moderation.scoring.scorer import load_scorer

        folder, sha = resolve_artifact(args.artifact)
        pipe = load_scorer(folder, sha).pipeline
    else:
        train = [r for r in rows + T.synthetic_rows(data_dir) if r.split == D.TRAIN and r.lang == "en"
                 and r.source not in args.drop_source]
        log.info("fitting on %d English training rows", len(train))
        pipe = build_pipeline(C=args.C)
        pipe.fit([r.text for r in train], D.label_matrix(train), heads__sample_weight=T.sample_weights(train))
        log.info("fitted in %.0fs", time.time() - t0)
    print(report(pipe.predict_proba, rows, data_dir))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
