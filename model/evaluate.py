"""Evaluation table: per data set and language, ROC-AUC, PR-AUC, precision/recall at the shipped
thresholds, share of held-out ordinary Japanese text flagged; the naive baseline (character n-gram
TF-IDF + logistic regression trained on the same real training rows, no synthetic data) runs alongside.

    python -m model.evaluate --data-dir ../shared/data [--version V] [--no-baseline]

Only held-out rows are scored (split == test); synthetic rows are never evaluated. The JA spam sets are
(a) the real akku1139 YouTube spam/troll lines and (b) paid-dating DMs composed from the mamadm phrases
that the generator was NOT allowed to use (template-derived from real DMs, reported apart), each against
held-out ordinary Japanese chat (realpersonachat test dialogues).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score

from model.data import TEST, TRAIN, Row, load_all
from model.pipeline import LABELS, SEED
from model.synth_mamadm import heldout_mamadm

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def eval_sets(rows: list[Row], data_dir: Path, split: str = TEST) -> list[dict]:
    """Named evaluation sets: {name, lang, label, texts, y} (and ham-only sets with y all 0). `split=VALID` gives
    the same sets from the validation rows of the training side (to choose recipes on; the evaluation-only
    sources, akku1139, mamadm and Jigsaw, have none), named with a "(validation)" suffix."""
    test = [r for r in rows if r.split == split and not r.synthetic]
    by = {}
    for r in test:
        by.setdefault(r.source, []).append(r)
    rpc = [r.text for r in by.get("realpersonachat", [])]
    sets = []

    suffix = "" if split == TEST else " (validation)"

    def add(name, lang, label, pos, neg):
        if pos and neg:
            sets.append({"name": name + suffix, "lang": lang, "label": label, "texts": list(pos) + list(neg),
                         "y": np.r_[np.ones(len(pos)), np.zeros(len(neg))]})

    akku = [r.text for r in by.get("akku1139-ja-spam", [])]
    troll = [t for t in akku if "?" in t or "？" in t]
    add("ja spam: akku1139 real YT ad/chain lines vs RPC", "ja", "spam", [t for t in akku if t not in troll], rpc)
    add("ja troll: akku1139 real YT troll replies (as spam) vs RPC", "ja", "spam", troll, rpc)
    mam = heldout_mamadm(data_dir, 300) if split == TEST and (data_dir / "lexicons").exists() else []
    add("ja spam: mamadm held-out phrases (template) vs RPC", "ja", "spam", mam, rpc)
    for src, name in (("rtp-lx-prompts", "ja abuse: RTP-LX prompts held-out"),
                      ("inspection-ai", "ja abuse: inspection-ai held-out")):
        rs = by.get(src, [])
        add(name, "ja", "abuse", [r.text for r in rs if r.abuse], [r.text for r in rs if not r.abuse])
    rs = by.get("rtp-lx-prompts", [])
    add("ja abuse: RTP-LX toxic prompts vs benign continuations", "ja", "abuse", [r.text for r in rs if r.abuse],
        [r.text for r in by.get("rtp-lx-benign", [])])
    for src, name, label in (("youtube-spam", "en spam: YouTube held-out video (Eminem)", "spam"),
                             ("sms-spam", "en spam: SMS held-out", "spam"),
                             ("davidson", "en abuse: Davidson tweets held-out", "abuse"),
                             ("stormfront", "en abuse: Stormfront held-out", "abuse"),
                             ("jigsaw-sample", "en abuse: Jigsaw 101-row smoke sample", "abuse")):
        rs = by.get(src, [])
        add(name, "en", label, [r.text for r in rs if getattr(r, label)],
            [r.text for r in rs if not getattr(r, label)])
    for src, name in (("realpersonachat", "ja ordinary: RPC held-out dialogues"),
                      ("rtp-lx-benign", "ja ordinary: RTP-LX benign continuations")):
        if by.get(src):
            sets.append({"name": name + suffix, "lang": "ja", "label": None, "texts": [r.text for r in by[src]],
                         "y": np.zeros(len(by[src]))})
    return sets


def _prf(y, p, thr):
    flag = p >= thr
    tp = float(np.sum(flag & (y == 1)))
    prec = tp / max(float(flag.sum()), 1.0)
    rec = tp / max(float((y == 1).sum()), 1.0)
    return prec, rec


def metrics_for(sets: list[dict], proba_fn, thresholds: dict) -> list[dict]:
    """proba_fn(texts) -> (n, 2) array in LABELS order."""
    out = []
    for s in sets:
        p = proba_fn(s["texts"])
        if s["label"] is None:
            flag = np.zeros(len(p), dtype=bool)
            for k, lab in enumerate(LABELS):
                flag |= p[:, k] >= thresholds[lab]["review"]
            out.append({"set": s["name"], "lang": s["lang"], "label": "either", "n": len(p), "pos": 0,
                        "flagged_share": round(float(flag.mean()), 4),
                        "flagged_spam": round(float((p[:, 0] >= thresholds["spam"]["review"]).mean()), 4),
                        "flagged_abuse": round(float((p[:, 1] >= thresholds["abuse"]["review"]).mean()), 4)})
            continue
        k = LABELS.index(s["label"])
        y, pk = s["y"], p[:, k]
        prec, rec = _prf(y, pk, thresholds[s["label"]]["review"])
        rprec, rrec = _prf(y, pk, thresholds[s["label"]]["reject"])
        out.append({"set": s["name"], "lang": s["lang"], "label": s["label"], "n": len(y), "pos": int(y.sum()),
                    "roc_auc": round(float(roc_auc_score(y, pk)), 4),
                    "pr_auc": round(float(average_precision_score(y, pk)), 4),
                    "precision_review": round(prec, 4), "recall_review": round(rec, 4),
                    "precision_reject": round(rprec, 4), "recall_reject": round(rrec, 4)})
    return out


class Baseline:
    """The naive baseline from issue 3: char n-gram TF-IDF + LogisticRegression per label, real rows only."""

    def __init__(self):
        self.vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), max_features=200_000, sublinear_tf=True)
        self.models = []

    def fit(self, rows: list[Row]):
        texts = [r.text for r in rows]
        X = self.vec.fit_transform(texts)
        for lab in LABELS:  # each label on the rows labelled for it
            y = np.asarray([np.nan if getattr(r, lab) is None else getattr(r, lab) for r in rows], dtype=float)
            m = ~np.isnan(y)
            self.models.append(LogisticRegression(C=4.0, max_iter=2000, solver="liblinear",
                                                  random_state=SEED).fit(X[m], y[m].astype(int)))
        return self

    def proba(self, texts):
        X = self.vec.transform(texts)
        return np.column_stack([m.predict_proba(X)[:, 1] for m in self.models])


BASELINE_THRESHOLDS = {lab: {"review": 0.5, "reject": 0.9} for lab in LABELS}


def pipeline_proba(pipeline):
    """texts -> (n, 2) spam and abuse (the largest harm category), as the service reports them."""
    def fn(texts):
        heads = pipeline.predict_proba(texts)
        return np.column_stack([heads[:, 0], heads[:, 1:].max(axis=1)])
    return fn


def memo_proba(pipeline):
    """pipeline_proba that scores each distinct text once over its calls: a snapshot's held-out sets share rows (RPC
    chat in five sets, the small sets and Davidson's tweets asked again). A row's probabilities do not depend on the
    batch it is scored in, to the bit (tests/test_evaluate_memo.py), so the figures are the unmemoised ones."""
    proba, seen = pipeline_proba(pipeline), {}

    def fn(texts):
        if new := [t for t in dict.fromkeys(texts) if t not in seen]:
            seen.update(zip(new, proba(new), strict=True))
        return np.array([seen[t] for t in texts], dtype=float).reshape(len(texts), len(LABELS))
    return fn


def format_table(model_rows: list[dict], base_rows: list[dict] | None = None) -> str:
    base = {r["set"]: r for r in (base_rows or [])}
    head = ("| set | label | n (pos) | ROC-AUC | PR-AUC | P@review | R@review | P@reject | R@reject | flagged "
            "| baseline ROC-AUC | baseline flagged |")
    lines = [head, "|" + "---|" * 12]
    for r in model_rows:
        b = base.get(r["set"], {})
        f = lambda k, d=r: "" if k not in d else (f"{d[k]:.3f}" if isinstance(d[k], float) else str(d[k]))  # noqa: E731
        flagged = f"{r['flagged_share']:.2%}" if "flagged_share" in r else ""
        bflag = f"{b['flagged_share']:.2%}" if "flagged_share" in b else ""
        lines.append(f"| {r['set']} | {r['label']} | {r['n']} ({r['pos']}) | {f('roc_auc')} | {f('pr_auc')} | "
                     f"{f('precision_review')} | {f('recall_review')} | {f('precision_reject')} | {f('recall_reject')} "
                     f"| {flagged} | {f('roc_auc', b)} | {bflag} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default=str(DEFAULT_DATA))
    ap.add_argument("--version", default=None, help="artifact version (default: active.json)")
    ap.add_argument("--artifacts", default=str(ARTIFACTS))
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--json", action="store_true", help="also print the rows as JSON")
    args = ap.parse_args(argv)
    from moderation.scoring.scorer import load_scorer, read_active

    data_dir = Path(args.data_dir)
    if not data_dir.exists():
        print(f"data dir {data_dir} not found", file=sys.stderr)
        return 2
    version, sha = read_active(Path(args.artifacts))
    if args.version and args.version != version:
        version = args.version
        sha = (Path(args.artifacts) / version / "SHA256").read_text().split()[0]
    scorer = load_scorer(Path(args.artifacts) / version, sha)
    rows = load_all(data_dir)
    sets = eval_sets(rows, data_dir)
    t0 = time.time()
    model_rows = metrics_for(sets, pipeline_proba(scorer.pipeline), scorer.thresholds)
    print(f"model {version} scored in {time.time() - t0:.1f}s; thresholds {json.dumps(scorer.thresholds)}")
    base_rows = None
    if not args.no_baseline:
        t0 = time.time()
        base = Baseline().fit([r for r in rows if r.split == TRAIN and not r.synthetic])
        base_rows = metrics_for(sets, base.proba, BASELINE_THRESHOLDS)
        print(f"baseline trained and scored in {time.time() - t0:.1f}s (thresholds 0.5)")
    print(format_table(model_rows, base_rows))
    if args.json:
        print(json.dumps({"model": model_rows, "baseline": base_rows}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
