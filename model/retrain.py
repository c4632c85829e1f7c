"""Retrain on the public data plus the site's own labels; keep the candidate only if it is no worse.

    python -m moderation labels export --site SITE > var/labels.jsonl
    python -m model.retrain --data-dir ../shared/data --labels var/labels.jsonl [--tolerance 0.01]

The candidate and the active model are scored on the same held-out split of the public data and on a
held-out slice of the site's labels (by a hash of the text's skeleton, so near-duplicates stay on one
side). A new artifact is written only when, for every set and label, the candidate's ROC-AUC is at most
`tolerance` below the active model's; both results go into the candidate's card. Nothing is activated:
`python -m moderation model activate VERSION` (or shadow) does that.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

from model import data as D
from model.card import ARTIFACTS, write_artifact
from model.pipeline import LABELS, build_pipeline, compact
from moderation.scoring.scorer import load_scorer, read_active

log = logging.getLogger("model.retrain")

SOURCE_WEIGHT = {"moderator": 1.0, "akismet": 1.0, "report": 0.3}
MIN_LABELS = 20


class RetrainRefused(RuntimeError):
    """Too few site labels, labels of one class only, or a candidate worse than the active model."""


def read_labels(lines):
    """Site labels from `labels export` JSON lines, retractions applied; one dict per labelled comment."""
    examples = {}
    for line in lines:
        if not line.strip():
            continue
        row = json.loads(line)
        key = (row.get("site"), row.get("id"))
        if row.get("retract"):
            examples.pop(key, None)
            continue
        if row.get("task") not in LABELS or not row.get("text"):
            continue
        item = examples.setdefault(key, {"text": row["text"], "labels": {}, "source": row.get("source", "")})
        item["labels"][row["task"]] = int(row["value"])
        if row.get("source") == "moderator":
            item["source"] = "moderator"
            item.pop("weight", None)
        elif "weight" in row and item["source"] != "moderator":
            item["weight"] = float(row["weight"])  # unconfirmed feedback at the admin's FEEDBACK_WEIGHT
    return list(examples.values())


def site_rows(examples):
    """Rows for training and evaluation: a task not labelled is taken as negative (a comment rejected as spam
    is rarely abusive as well); the split follows the text's skeleton like the public data's."""
    rows = []
    for item in examples:
        group = "site:" + (D.skeleton(item["text"]) or item["text"][:48])
        rows.append(D.Row(text=item["text"], spam=item["labels"].get("spam", 0), abuse=item["labels"].get("abuse", 0),
                          source=f"site-{item['source']}", lang="site", group=group, split=D.split_of(group)))
    return rows


def check_labels(rows):
    """Refuse, with the reason, a label set that cannot teach anything."""
    if len(rows) < MIN_LABELS:
        raise RetrainRefused(f"only {len(rows)} site labels; at least {MIN_LABELS} are needed")
    classes = {(r.spam, r.abuse) for r in rows}
    if len(classes) == 1:
        raise RetrainRefused(f"every site label has the same class {classes.pop()}; nothing to learn from")


def auc_table(proba_fn, public_sets, site_test):
    """ROC-AUC per public held-out set and per label on the site's held-out slice."""
    out = {}
    for s in public_sets:
        if s["label"] is None or len(set(s["y"])) < 2:
            continue
        out[s["name"]] = float(roc_auc_score(s["y"], proba_fn(s["texts"])[:, LABELS.index(s["label"])]))
    if site_test:
        p = proba_fn([r.text for r in site_test])
        for k, label in enumerate(LABELS):
            y = [getattr(r, label) for r in site_test]
            if len(set(y)) == 2:
                out[f"site held-out: {label}"] = float(roc_auc_score(y, p[:, k]))
    return {name: round(value, 4) for name, value in out.items()}


TOLERANCE = 0.01  # the largest ROC-AUC loss on any set a candidate may show (README's `make retrain` line)


def compare(active, candidate, tolerance):
    """Rows of (set, active, candidate, delta, ok); ok when the candidate is at most `tolerance` worse."""
    rows = []
    for name in sorted(set(active) & set(candidate)):
        delta = round(candidate[name] - active[name], 4)
        rows.append({"set": name, "active": active[name], "candidate": candidate[name], "delta": delta,
                     "ok": delta >= -tolerance})
    return rows


def retrain(public_rows, examples, active_proba, *, tolerance=TOLERANCE, site_weight=5.0, make_pipeline=build_pipeline,
            public_sets=None, weights=None):
    """Fit a candidate on public + site training rows; return (pipeline, report); raise RetrainRefused."""
    site = site_rows(examples)
    check_labels(site)
    site_train = [r for r in site if r.split != D.TEST]
    site_test = [r for r in site if r.split == D.TEST]
    train = [r for r in public_rows if r.split == D.TRAIN] + site_train
    base = weights or {}
    own = {id(row): item.get("weight", SOURCE_WEIGHT.get(item["source"], 1.0))
           for row, item in zip(site, examples, strict=True)}
    w = np.asarray([site_weight * own[id(r)] if id(r) in own else base.get(r.source, 1.0) for r in train])
    pipe = make_pipeline()
    pipe.fit([r.text for r in train], D.label_matrix(train), heads__sample_weight=w)
    compact(pipe)
    from model.evaluate import pipeline_proba

    candidate_proba = pipeline_proba(pipe)

    sets = public_sets if public_sets is not None else _public_sets(public_rows)
    before = auc_table(active_proba, sets, site_test)
    after = auc_table(candidate_proba, sets, site_test)
    rows = compare(before, after, tolerance)
    report = {"tolerance": tolerance, "site_weight": site_weight, "site_labels": len(site),
              "site_train": len(site_train), "site_test": len(site_test), "comparison": rows,
              "promoted": bool(rows) and all(r["ok"] for r in rows)}
    return pipe, report


def _public_sets(rows):
    """Held-out public sets by source and label (used when the evaluation module's sets are not given)."""
    test = [r for r in rows if r.split == D.TEST and not r.synthetic]
    sets = []
    for source in sorted({r.source for r in test}):
        for label in LABELS:
            rs = [r for r in test if r.source == source]
            y = np.asarray([getattr(r, label) or 0 for r in rs])
            if 0 < y.sum() < len(y):
                sets.append({"name": f"{source} held-out: {label}", "label": label, "texts": [r.text for r in rs],
                             "y": y})
    return sets


def report_table(report):
    lines = ["| set | active ROC-AUC | candidate ROC-AUC | delta | within tolerance |", "|---|---|---|---|---|"]
    for r in report["comparison"]:
        ok = "yes" if r["ok"] else "NO"
        lines.append(f"| {r['set']} | {r['active']:.4f} | {r['candidate']:.4f} | {r['delta']:+.4f} | {ok} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    from model.evaluate import DEFAULT_DATA, eval_sets
    from model.synth import generate
    from model.thresholds import choose_thresholds
    from model.train import next_version
    from model.training_set import SOURCE_WEIGHTS

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default=str(DEFAULT_DATA))
    ap.add_argument("--labels", required=True, help="JSON lines from `python -m moderation labels export`")
    ap.add_argument("--artifacts", default=str(ARTIFACTS))
    ap.add_argument("--tolerance", type=float, default=TOLERANCE, help="largest ROC-AUC loss accepted on any set")
    ap.add_argument("--site-weight", type=float, default=5.0, help="weight of a site label against a public row")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    started = time.time()
    with open(args.labels, encoding="utf-8") as handle:
        examples = read_labels(handle)
    artifacts = Path(args.artifacts)
    version, sha = read_active(artifacts)
    active = load_scorer(artifacts / version, sha)
    data_dir = Path(args.data_dir)
    public = D.load_all(data_dir) + generate(data_dir)
    try:
        pipe, report = retrain(public, examples, active.predict_proba_fast, tolerance=args.tolerance,
                               site_weight=args.site_weight, public_sets=eval_sets(public, data_dir),
                               weights=SOURCE_WEIGHTS)
    except RetrainRefused as error:
        print(f"retrain refused: {error}; nothing was written", file=sys.stderr)
        return 2
    table = report_table(report)
    print(table)
    if not report["promoted"]:
        print(f"candidate is worse than {version} beyond {args.tolerance}; nothing was written", file=sys.stderr)
        return 3
    new_version = next_version(artifacts)
    card = {"trained_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "training_seconds": round(time.time() - started, 1), "parent_version": version,
            "thresholds": choose_thresholds(pipe, [r for r in public if not r.synthetic]),
            "retrain": report, "data": {"sha256": D.checksums(data_dir, D.LOADERS), "site_labels": args.labels}}
    markdown = (f"# Moderation model {new_version} (retrained from {version})\n\n"
                f"Site labels: {report['site_labels']} ({report['site_test']} held out), weight "
                f"{report['site_weight']}; tolerance {report['tolerance']}.\n\n{table}\n")
    folder, new_sha = write_artifact(pipe, artifacts, new_version, card, markdown)
    print(f"wrote {folder} (sha256 {new_sha}); activate with: python -m moderation model activate {new_version}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
