"""Train the model and write a versioned artifact.

    python -m model.train --data-dir ../shared/data [--out model/artifacts] [--version V] [--no-activate]
        [--save-rows ROWS.json]

Deterministic: fixed seeds, hash-based splits, liblinear. Trains each head (spam and the seven harm
categories) on the real training rows labelled for it plus the marked synthetic rows (model/synth.py's
spam genres and hard negatives, model/synth_harms.py's category rows), picks thresholds per output on the
validation split, evaluates on the held-out split (and the naive baseline for comparison) and writes
model.joblib, card.json, CARD.md and SHA256. --save-rows also writes the fit's training-row snapshot (model.row_moves
--save of the new artifact, ~23 MB, not committed): what `model.recard --rows` needs to re-card these weights later.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
import time
from pathlib import Path

from model import answers, row_moves, training_set
from model import data as D
from model.card import ARTIFACTS, fit_params, measure_speed, write_active, write_artifact
from model.card_markdown import LABEL_MAPPING, card_markdown, long_comment_report
from model.data.rows import _bucket
from model.evaluate import (
    BASELINE_THRESHOLDS,
    DEFAULT_DATA,
    Baseline,
    eval_sets,
    format_table,
    memo_proba,
    metrics_for,
)
from model.functional import record_in_card
from model.functional_format import markdown_report
from model.owned_tweets import FIELD, owned_split
from model.pipeline import CATEGORIES, HEADS, SEED, build_pipeline, compact
from model.thresholds import REVIEW_FLOOR, REVIEW_QUANTILE, category_metrics, choose_thresholds
from model.training_set import sample_weights, set_source_weights, synthetic_rows
from moderation import lexicon_data

log = logging.getLogger("model.train")


USED_FOLDERS = (*D.LOADERS, "lexicons/mamadm-mamakatsu-dm-templates", "lexicons/lamrongol-twitter-spam-lists-ja",
                "lexicons/milteragent-jp-phishing-brand-rules", "lexicons/inappropriate-words-ja-mosasom",
                "lexicons/surge-ai-profanity-en")


def next_version(out: Path) -> str:
    """Today's date and the next free serial number under `out`, e.g. 2026.11.26-3."""
    day = dt.datetime.now(dt.UTC).strftime("%Y.%m.%d")
    taken = [int(p.name.rsplit("-", 1)[1]) for p in out.glob(day + "-*") if p.name.rsplit("-", 1)[1].isdigit()]
    return f"{day}-{max(taken, default=0) + 1}"


def describe(folder: Path, sha: str, data_dir: Path, table: str) -> dict:
    """Measure a written artifact on this code (written suites, answers, speed, long comments) into its card.json
    and CARD.md, and return the card (model.train after a fit, model.recard on copied weights)."""
    functional = record_in_card(folder, sha, data_dir)
    answers.record(folder, sha)  # what tests/test_shipped_answers.py holds serving to
    speed = measure_speed(folder, sha)
    card_full = json.loads((folder / "card.json").read_text(encoding="utf-8"))
    card_full["speed"] = speed
    card_full["long_comments"] = long_comment_report(folder, sha, data_dir)
    (folder / "card.json").write_text(json.dumps(card_full, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (folder / "CARD.md").write_text(card_markdown(card_full, table) + "\n" + markdown_report(functional) + "\n",
                                    encoding="utf-8")
    return card_full


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default=str(DEFAULT_DATA))
    ap.add_argument("--out", default=str(ARTIFACTS))
    ap.add_argument("--version", default=None, help="default: today's date + the next free serial")
    ap.add_argument("--no-activate", action="store_true")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--C", type=float, default=4.0, help="inverse regularisation of the logistic regressions")
    ap.add_argument("--char-ngram-max", type=int, default=3)
    ap.add_argument("--sample", type=float, default=1.0, help="share of training rows (quick iterations)")
    ap.add_argument("--lovo", action="store_true", help="also measure YouTube leave-one-video-out (4 more fits)")
    ap.add_argument("--source-weight", action="append", default=[], metavar="SOURCE=W",
                    help="override a per-source training weight (repeatable)")
    ap.add_argument("--save-rows", metavar="FILE", default=None,
                    help="also write the rows snapshot of the new artifact (model.row_moves --save) to FILE")
    ap.add_argument("--harm-rows-spam-negative", action="store_true",
                    help="the generated harm rows as spam negatives (before 2026-11-30 session 7)")
    args = ap.parse_args(argv)
    set_source_weights(args.source_weight)
    training_set.HARM_ROWS_SPAM_NEGATIVE = args.harm_rows_spam_negative
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    data_dir = Path(args.data_dir)
    version = args.version or next_version(Path(args.out))
    t0 = time.time()
    rows = D.load_all(data_dir)
    synth = synthetic_rows(data_dir)
    rows_all = rows + synth
    train = [r for r in rows_all if r.split == D.TRAIN]
    if args.sample < 1.0:  # quick iterations: a hash-chosen share of the training rows
        train = [r for r in train if _bucket("sample:" + r.text) < args.sample * 100]
    log.info("rows: %d real, %d synthetic, %d training", len(rows), len(synth), len(train))
    pipe = build_pipeline(C=args.C, char_ngram_max=args.char_ngram_max)
    pipe.fit([r.text for r in train], D.label_matrix(train), heads__sample_weight=sample_weights(train))
    compact(pipe)
    fit_s = time.time() - t0
    log.info("fitted in %.0fs", fit_s)
    thresholds = choose_thresholds(pipe, rows)
    sets = eval_sets(rows, data_dir)
    proba = memo_proba(pipe)  # the held-out Davidson tweets are scored once for both figures
    metrics = metrics_for(sets, proba, thresholds)
    base_metrics = None
    if not args.no_baseline:
        base = Baseline().fit([r for r in rows if r.split == D.TRAIN and not r.synthetic])
        base_metrics = metrics_for(sets, base.proba, BASELINE_THRESHOLDS)
    table = format_table(metrics, base_metrics)
    print(table)
    train_s = time.time() - t0
    card = {
        "trained_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "training_seconds": round(train_s, 1),
        "fit_seconds": round(fit_s, 1),
        "seed": SEED,
        "command": " ".join(["python -m model.train", *(sys.argv[1:] if argv is None else argv)]),  # flags as used
        "sample_share": args.sample,
        **training_set.weights_recipe(),
        "training_rows_sha256": training_set.rows_digest(train),  # model.recard: same rows, labels and weights
        "threshold_rule": f"review = max(floor {REVIEW_FLOOR}, {REVIEW_QUANTILE} quantile of validation ordinary JA "
                          "text); "
                          "reject = max(0.97, top validation negative + 0.001), capped at 0.995",
        "thresholds": thresholds,
        "heads": list(HEADS),
        "categories": list(CATEGORIES),
        "abuse_rule": "abuse = max(threat, hate, harassment, sexual, self_harm, personal_info, defamation)",
        "pipeline": "moderation.vectorizer.TextFeatures (hashed char 1-3-gram and English word 1-2-gram TF-IDF "
                    "over moderation.text.normalize, named signals of moderation.features) -> "
                    "moderation.heads.MaskedHeads (per head: LogisticRegression(liblinear, balanced) on the rows "
                    "labelled for it, Platt sigmoid on 3-fold out-of-fold decisions)",
        "params": fit_params(pipe),
        "data": {
            "data_dir_folders": list(USED_FOLDERS),
            "licences": {f: D.LICENCES.get(f, "") for f in USED_FOLDERS},
            "upstream": D.source_commits(data_dir, USED_FOLDERS),
            "sha256": D.checksums(data_dir, USED_FOLDERS),
            "rows": D.summary(rows_all),
            "synthetic_rows": len(synth),
            "label_mapping": LABEL_MAPPING,
            "lexicon_data_sources": lexicon_data.SOURCES,
        },
        "metrics": {"heldout": metrics, "baseline": base_metrics},
        "notes": [
            "No real labelled Japanese comment spam exists in the data: JA spam is learnt from synthetic rows "
            "(marked synthetic, training split only). JA spam metrics use real akku1139 lines (16) and "
            "paid-dating DMs composed from mamadm phrases the generator never used.",
            "Ordinary Japanese text is chat (RealPersonaChat), politer than news comments.",
            "English abuse is measured on tweets (Davidson) and forum sentences (Stormfront), not news comments.",
        ],
    }
    if args.lovo:
        from model.lovo import leave_one_video_out

        card["metrics"]["youtube_lovo"] = leave_one_video_out(rows_all, data_dir, build_pipeline, sample_weights)
        log.info("YouTube leave-one-video-out: %s", card["metrics"]["youtube_lovo"])
    card["metrics"]["categories"] = category_metrics(pipe, rows)
    card["metrics"][FIELD] = owned_split(rows, proba)  # stated next to Davidson's figure
    folder, sha = write_artifact(pipe, Path(args.out), version, card, "")
    card_full = describe(folder, sha, data_dir, table)
    if args.save_rows:  # the next re-card of these weights needs no separate row pass
        saved = row_moves.save(args.save_rows, row_moves.snapshot(row_moves.served(folder, sha), rows_all))
        log.info("%d rows, %d distinct texts saved to %s", len(rows_all), len(saved), args.save_rows)
    if not args.no_activate:
        write_active(Path(args.out), version, sha)
    log.info("wrote %s (sha256 %s, %.1f MB) in %.0fs", folder, sha, card_full["model_bytes"] / 1e6, train_s)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
