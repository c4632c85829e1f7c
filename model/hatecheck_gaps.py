"""Which HateCheck functionality holds the most of the ROC-AUC still missing, by counts only (issue 12).

    python -m model.hatecheck_gaps [--artifact DIR|VERSION] [--data-dir ../shared/data]

Per functionality: its cases, the share flagged, the mean `abuse`, and the ROC-AUC of the whole set if that
functionality alone were separated perfectly (its non-hateful cases below every other case, its hateful ones above)
or halfway (each case's score moved halfway there). HateCheck is TEST ONLY: this says which class is worth a reading,
never what to read; no case's wording is printed or kept, and the reading is chosen on our own sentences. Session 54
(-6, 0.8464): negate_neg_nh +0.0287 if perfect, ident_pos_nh +0.0267, profanity_nh +0.0175, target_indiv_nh +0.0171,
slur_reclaimed_nh +0.0147.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

from model.judge import DEFAULT_DATA, HATECHECK, Judge, hatecheck_rows, resolve_artifact


def gaps(hateful: np.ndarray, abuse: np.ndarray, flagged: np.ndarray, funcs: list[str]) -> dict[str, dict]:
    """Per functionality: n, share flagged, mean abuse, and the ROC-AUC gained if it alone were separated perfectly
    (`if_perfect`) or halfway (`if_halved`), over the whole set's (hateful, abuse)."""
    base = roc_auc_score(hateful, abuse)
    names = np.asarray(funcs)
    out = {}
    for name in sorted(set(funcs)):
        at = names == name
        perfect, halved = abuse.astype(float), abuse.astype(float)
        perfect[at] = np.where(hateful[at], 2.0, -1.0)
        halved[at] = np.where(hateful[at], (abuse[at] + 1.0) / 2, abuse[at] / 2)
        out[name] = {"n": int(at.sum()), "flagged": round(float(flagged[at].mean()), 4),
                     "mean_abuse": round(float(abuse[at].mean()), 4),
                     "if_perfect": round(float(roc_auc_score(hateful, perfect) - base), 4),
                     "if_halved": round(float(roc_auc_score(hateful, halved) - base), 4)}
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--artifact", default=None, help="artifact folder or version (default: the active one)")
    ap.add_argument("--data-dir", default=str(DEFAULT_DATA), help="shared data folder (for hatecheck-en)")
    args = ap.parse_args(argv)
    from moderation.scoring.scorer import load_scorer

    folder, sha = resolve_artifact(args.artifact)
    scorer = load_scorer(folder, sha)
    judge = Judge(scorer, scorer.thresholds)
    rows = hatecheck_rows(Path(args.data_dir) / HATECHECK)
    verdicts = [judge.judge(r["test_case"].strip()) for r in rows]
    hateful = np.asarray([r["label_gold"] == "hateful" for r in rows])
    abuse = np.asarray([v["abuse"] for v in verdicts])
    found = gaps(hateful, abuse, np.asarray([v["flagged"] for v in verdicts]), [r["functionality"] for r in rows])
    print(f"ROC-AUC {roc_auc_score(hateful, abuse):.4f} over {len(rows)} cases")
    for name, g in sorted(found.items(), key=lambda kv: -kv[1]["if_perfect"]):
        print(f"{name:22s} n={g['n']:4d} flagged={g['flagged']:.3f} mean_abuse={g['mean_abuse']:.3f} "
              f"if_perfect=+{g['if_perfect']:.4f} if_halved=+{g['if_halved']:.4f}")


if __name__ == "__main__":
    main()
