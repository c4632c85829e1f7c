"""Japanese recipes chosen on ~1,000 rows, not ~100: grouped K-fold over the training side of RTP-LX and inspection-ai.

    python -m model.ja_cv --data-dir ../shared/data [--folds 3] [--source-weight SOURCE=W] [--C 4]
        [--no-quoted-apart] [--no-focus-sentence] [--char-ngram-max 3] [--toxic-absent none]
        [--length-matched on|off] [--length-kept SOURCE ...] [--length-cap 4] [--probe FILE ...] [--probe-only]
        [--drop-source SOURCE ...] [--dump OUT.npz] [--probe-scores OUT.json] [--synth-seed N]

The validation split holds ~60 RTP-LX prompts and ~32 inspection-ai rows (`en_quick --lang ja`): two fits of
equal recipes differ there by more than the effects being measured. Here every RTP-LX prompt and benign
continuation and every inspection-ai row of the TRAINING side (train and validation splits; never the held-out
split) is scored once by a fit that did not see its group (an RTP-LX prompt with its continuations, an
inspection-ai skeleton); ordinary chat and the generated rows are in every fit; the validation chat dialogues
are scored for the share of ordinary text flagged. Printed: ROC-AUC of abuse (the largest harm category) on the
pooled out-of-fold scores, and the share flagged at the review floor. Each fit is model/pipeline.py's, on the
Japanese rows only (real and generated), as en_quick --lang ja fits them. `--probe` scores written probe cases
(tests/functional/*probe*.jsonl) with the first fold's fit, flagged at the same floor; `--probe-only` stops there and
prints that fit's own figures on its fold (`fold1`: a third of the rows, for a quick comparison of two recipes).
`--synth-seed N` draws the generated harm rows with another seed (as en_quick's): an A/A refit's spread.
`--dump` writes the pooled out-of-fold scores in model.paired_bootstrap's format, so two recipes' runs compare by a
paired bootstrap interval (`python -m model.paired_bootstrap compare OLD.npz NEW.npz`), not by a point difference.
`--probe-scores` writes each probe case's first-fold probabilities per harm category, so a single case (a test's
minimal pair) is read, not only a probe's count.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

from model import data as D
from model.data import japanese
from model.evaluate import DEFAULT_DATA
from model.judge import load_cases
from model.paired_bootstrap import _digest
from model.pipeline import build_pipeline

log = logging.getLogger("model.ja_cv")
REVIEW = 0.3  # the review floor (model/thresholds.py REVIEW_FLOOR)
FOLDED = ("rtp-lx-prompts", "rtp-lx-benign", "rtp-lx-machine", "inspection-ai")  # split by group into folds


def fold_of(group: str, folds: int) -> int:
    """A group's fold: a hash of its key (the same group, the same fold, in every run)."""
    return int(hashlib.sha256(("cv:" + group).encode("utf-8")).hexdigest()[:8], 16) % folds


def fold_rows(rows: list[D.Row], synthetic: list[D.Row], fold: int, folds: int) -> tuple[list, list]:
    """(training rows, scored rows) of one fold: the folded sources' training-side rows outside the fold with
    every other training row (chat, generated); scored: the folded sources' rows in the fold (and, for fold 0,
    the validation chat dialogues). Held-out rows are never in either."""
    train, scored = [], []
    for r in rows + synthetic:
        if r.lang != "ja" or r.split == D.TEST:
            continue
        if r.source in FOLDED:
            (scored if fold_of(r.group, folds) == fold else train).append(r)
        elif r.split == D.TRAIN:
            train.append(r)
        elif fold == 0 and r.source == "realpersonachat" and not r.synthetic:
            scored.append(r)
    return train, [r for r in scored if not r.synthetic]


def summarise(scored: list[D.Row], abuse: np.ndarray) -> dict:
    """ROC-AUC of abuse per set (RTP-LX prompts, inspection-ai, RTP-LX toxic prompts vs benign continuations)
    and the share of ordinary text flagged at the review floor."""
    src = np.asarray([r.source for r in scored])
    y = np.asarray([-1 if r.abuse is None else r.abuse for r in scored])

    def auc(pos, neg):
        return round(float(roc_auc_score(np.r_[np.ones(pos.sum()), np.zeros(neg.sum())],
                                         np.r_[abuse[pos], abuse[neg]])), 4), int(pos.sum()), int(neg.sum())

    rtp, insp, benign = src == "rtp-lx-prompts", src == "inspection-ai", src == "rtp-lx-benign"
    return {"rtp_prompts": auc(rtp & (y == 1), rtp & (y == 0)),
            "inspection": auc(insp & (y == 1), insp & (y == 0)),
            "rtp_toxic_vs_benign": auc(rtp & (y == 1), benign),
            "chat_flagged": round(float((abuse[src == "realpersonachat"] >= REVIEW).mean()), 5),
            "benign_flagged": round(float((abuse[benign] >= REVIEW).mean()), 5)}


def dump_scores(scored: list[D.Row], abuse: np.ndarray, out: Path, cases: dict | None = None) -> None:
    """The sets summarise() ranks, as labels and pooled out-of-fold abuse scores in model.paired_bootstrap's file
    format (its `compare` checks that both runs scored the same rows in the same order); with `cases`, each probe's
    fold-1 scores in case order (`case_NAME`), to read which cases two recipes decide differently."""
    src = np.asarray([r.source for r in scored])
    y = np.asarray([-1 if r.abuse is None else r.abuse for r in scored])
    rtp, insp, benign = src == "rtp-lx-prompts", src == "inspection-ai", src == "rtp-lx-benign"
    sets = {"rtp_prompts": rtp & (y >= 0), "inspection": insp & (y >= 0),
            "rtp_toxic_vs_benign": (rtp & (y == 1)) | benign}
    arrays, index = {}, []
    for k, (name, mask) in enumerate(sets.items()):
        arrays[f"y{k}"] = (y[mask] == 1).astype(int) if name != "rtp_toxic_vs_benign" else rtp[mask].astype(int)
        arrays[f"p{k}"] = abuse[mask]
        index.append({"name": name, "digest": _digest(r.text for r, m in zip(scored, mask, strict=True) if m)})
    arrays.update({f"case_{name}": v for name, v in (cases or {}).items()})
    np.savez(out, index=json.dumps(index, ensure_ascii=False), version="ja_cv", **arrays)


def probe_report(scores: np.ndarray, cases: list[dict]) -> dict:
    """Written probe cases passed by one fit (`scores`: its largest harm probability per case): a harmful case when
    flagged at the review floor, a non-harmful one when not (a proxy for the card's judge, whose review thresholds
    are this floor for every harm category)."""
    flagged = scores >= REVIEW
    harmful = np.asarray([c["expected"] == "harmful" for c in cases])
    return {"passed": int((flagged == harmful).sum()), "n": len(cases),
            "harmful_flagged": f"{int((flagged & harmful).sum())}/{int(harmful.sum())}",
            "non_harmful_flagged": f"{int((flagged & ~harmful).sum())}/{int((~harmful).sum())}"}


def write_case_scores(pipe, probes: dict, out: Path) -> None:
    """Each probe case's probability per harm category by one fit, as JSON ({probe: {id: {category: p}}})."""
    from model.data.rows import CATEGORY_NAMES

    table = {name: {c["id"]: dict(zip(CATEGORY_NAMES, map(float, p[1:]), strict=True))
                    for c, p in zip(cases, pipe.predict_proba([c["text"] for c in cases]), strict=True)}
             for name, cases in probes.items()}
    out.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def cross_validate(rows: list[D.Row], synthetic: list[D.Row], folds: int = 3, weights=None, probes=(),
                   probe_only: bool = False, dump: Path | None = None, probe_scores: Path | None = None,
                   **pipeline) -> dict:
    """Pooled out-of-fold figures of `folds` fits (model/pipeline.py's build_pipeline(**pipeline)); with `probes`
    ({name: cases}), each probe's result on the first fold's fit (only that, if `probe_only`)."""
    from model import training_set as T

    weights = weights or T.sample_weights
    scored_all, abuse_all, out = [], [], {}
    for fold in range(folds):
        train, scored = fold_rows(rows, synthetic, fold, folds)
        t0 = time.time()
        pipe = build_pipeline(**pipeline)
        pipe.fit([r.text for r in train], D.label_matrix(train), heads__sample_weight=weights(train))
        scored_all += scored
        abuse_all.append(pipe.predict_proba([r.text for r in scored])[:, 1:].max(axis=1))
        log.info("fold %d/%d: %d training rows, %d scored, %.0fs", fold + 1, folds, len(train), len(scored),
                 time.time() - t0)
        if fold == 0:
            case_scores = {name: pipe.predict_proba([c["text"] for c in cases])[:, 1:].max(axis=1)
                           for name, cases in dict(probes).items()}
            out = {f"probe:{name}": probe_report(case_scores[name], cases) for name, cases in dict(probes).items()}
            if probe_scores:
                write_case_scores(pipe, dict(probes), probe_scores)
            if probe_only:
                return {"fold1": summarise(scored, abuse_all[0]), **out}
    if dump:
        dump_scores(scored_all, np.concatenate(abuse_all), dump, case_scores if probes else None)
    return {**summarise(scored_all, np.concatenate(abuse_all)), **out}


def main(argv=None) -> int:
    from model import training_set as T

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default=str(DEFAULT_DATA))
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--source-weight", action="append", default=[], metavar="SOURCE=W")
    ap.add_argument("--C", type=float, default=4.0)
    ap.add_argument("--char-ngram-max", type=int, default=3)
    ap.add_argument("--no-quoted-apart", action="store_true", help="reported words' n-grams hashed as the writer's")
    ap.add_argument("--no-focus-sentence", action="store_true", help="no worst-sentence n-grams")
    ap.add_argument("--toxic-absent", choices=("0", "none"), default=None,
                    help="a toxic RTP-LX/inspection-ai row's absent categories: clean (0) or unlabelled (none)")
    ap.add_argument("--no-harm-length", action="store_true", help="the harm heads learn no weight for `length`")
    ap.add_argument("--harm-lookalike", action="store_true",
                    help="the harm heads learn a weight for `lookalike_chars` (words read from leet or a misspelling), "
                         "as until session 17")
    ap.add_argument("--length-matched", choices=("on", "off"), default=None,
                    help="each harm head's Japanese negatives reweighted to its positives' length distribution")
    ap.add_argument("--length-kept", action="append", default=[], metavar="SOURCE",
                    help="with --length-matched on: this source's negatives keep their weight")
    ap.add_argument("--length-cap", type=float, default=None, help="with --length-matched on: the factor's clip")
    ap.add_argument("--probe", action="append", default=[], metavar="FILE", help="written cases scored by fold 1")
    ap.add_argument("--probe-only", action="store_true", help="fit the first fold only and score the probes")
    ap.add_argument("--drop-source", action="append", default=[], metavar="SOURCE",
                    help="train without this source's rows (a generated family: synth-neg_crime_news-ja)")
    ap.add_argument("--dump", type=Path, default=None, metavar="OUT.npz",
                    help="pooled out-of-fold scores for model.paired_bootstrap compare")
    ap.add_argument("--probe-scores", type=Path, default=None, metavar="OUT.json",
                    help="each probe case's first-fold probability per harm category")
    ap.add_argument("--synth-seed", type=int, default=None, metavar="N",
                    help="model/synth_harms.py's generated rows drawn with this seed (an A/A refit's spread)")
    args = ap.parse_args(argv)
    if args.synth_seed is not None:
        T.HARMS_SEED = args.synth_seed
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    T.set_source_weights(args.source_weight)
    if args.length_matched:
        T.LENGTH_MATCHED = args.length_matched == "on"
    if args.length_cap:
        T.LENGTH_MATCH_CAP = args.length_cap
    if args.length_kept:
        T.LENGTH_KEPT_SOURCES = frozenset(args.length_kept)
    if args.toxic_absent:
        japanese.TOXIC_ABSENT = None if args.toxic_absent == "none" else 0
    data_dir = Path(args.data_dir)
    rows = [r for r in D.load_all(data_dir) if r.source not in args.drop_source]
    synthetic = [r for r in T.synthetic_rows(data_dir) if r.lang == "ja" and r.source not in args.drop_source]
    print(cross_validate(rows, synthetic, args.folds, C=args.C, char_ngram_max=args.char_ngram_max,
                         quoted_apart=not args.no_quoted_apart, focus_sentence=not args.no_focus_sentence,
                         harm_length=not args.no_harm_length, harm_lookalike=args.harm_lookalike,
                         probes={Path(f).stem: load_cases(f) for f in args.probe}, probe_only=args.probe_only,
                         dump=args.dump, probe_scores=args.probe_scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
