"""Review and reject thresholds per output from the validation split, and held-out ROC-AUC per head."""

from __future__ import annotations

import numpy as np
from sklearn.metrics import roc_auc_score

from model import data as D
from model.pipeline import CATEGORIES, HEADS, LABELS

REVIEW_QUANTILE = 0.999  # per output on validation ordinary Japanese text: <= ~0.1% flagged each
REVIEW_FLOOR = 0.3  # never below: reviews and SNS posts name shops, prices and sites more than chat does
OUTPUTS = (*LABELS, *CATEGORIES)


def _outputs(pipe, texts) -> dict[str, np.ndarray]:
    heads = pipe.predict_proba(texts)
    out = {name: heads[:, k] for k, name in enumerate(HEADS)}
    out["abuse"] = heads[:, 1:].max(axis=1)
    return out


def category_metrics(pipe, rows: list[D.Row]) -> list[dict]:
    """Held-out ROC-AUC per head on the real rows labelled for it (RTP-LX, inspection-ai, Davidson, Stormfront,
    chat): where a category has both classes among the test rows."""
    test = [r for r in rows if r.split == D.TEST and not r.synthetic]
    labels = D.label_matrix(test)
    probs = pipe.predict_proba([r.text for r in test])
    out = []
    for k, name in enumerate(HEADS):
        for lang in ("ja", "en"):
            m = ~np.isnan(labels[:, k]) & np.asarray([r.lang == lang for r in test])
            y = labels[m, k]
            if 0 < y.sum() < len(y):
                out.append({"head": name, "lang": lang, "n": int(m.sum()), "pos": int(y.sum()),
                            "roc_auc": round(float(roc_auc_score(y, probs[m, k])), 4)})
    return out


def choose_thresholds(pipe, rows: list[D.Row]) -> dict:
    """Review: the REVIEW_QUANTILE of validation ordinary Japanese text per output, never below REVIEW_FLOOR.
    Reject: very high, at least 0.97 and above every validation negative's score of that output (capped 0.995)."""
    valid = [r for r in rows if r.split == D.VALID and not r.synthetic]
    ja_ham = [r.text for r in valid if r.lang == "ja" and not r.spam and not r.abuse]
    p_ham = _outputs(pipe, ja_ham)
    p_all = _outputs(pipe, [r.text for r in valid])
    labels = D.label_matrix(valid)
    out = {}
    for name in OUTPUTS:
        review = max(REVIEW_FLOOR, float(np.quantile(p_ham[name], REVIEW_QUANTILE)))
        if name == "abuse":
            neg = np.asarray([r.abuse == 0 for r in valid])
        else:
            neg = labels[:, HEADS.index(name)] == 0
        top_neg = float(p_all[name][neg].max()) if neg.any() else 0.0
        reject = min(max(0.97, top_neg + 1e-3), 0.995)
        out[name] = {"review": round(review, 4), "reject": round(max(reject, review + 0.05), 4)}
    return out
