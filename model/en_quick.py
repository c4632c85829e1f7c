"""Quick experiments: fit the pipeline on one language's rows only and print that language's yardsticks.

    python -m model.en_quick --data-dir ../shared/data [--lang en|ja] [--source-weight SOURCE[:HEAD[:LABEL]]=W]
        [--head-C HEAD=C] [--artifact DIR]
        [--drop-source SOURCE] [--davidson-harassment all] [--toxic-absent none] [--negated-apart] [--heldout]
        [--hatecheck] [--synth-seed N] [--family NAME] [--fit-seed N] [--no-harm-line-id]
        [--davidson-handles train] [--handles-unread] [--dump PATH] [--reading PATH]

A full `make train` fits every head on both languages (15-35 minutes on the shared machine); a change shows
its direction in a third of that when only one language's rows (real and generated) are fitted. Printed, on
the VALIDATION rows of the training side by default (recipes are chosen there): ROC-AUC of the sets of
issue 3's table, the share of ordinary text flagged, per-head ROC-AUC and, in English, the written validation
cases (tests/functional/en_validation.jsonl). `--heldout` prints the held-out split instead (the final check,
once); `--hatecheck` adds HateCheck's TOTALS (test only: never its cases, and nothing is chosen on it).
`--artifact` measures a saved artifact instead of fitting one. Never writes an artifact: the shipped model
comes from model/train.py.
"""

from __future__ import annotations

import argparse
import logging
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

from model import data as D
from model.evaluate import DEFAULT_DATA, eval_sets
from model.judge import HATECHECK, HATECHECK_FOCUS, THREAT_PROBE, hatecheck_rows, load_cases
from model.pipeline import HEADS, build_pipeline
from model.yardsticks import WRITTEN_PROBES

log = logging.getLogger("model.en_quick")
REVIEW = 0.3  # the review floor every category's threshold starts from (model/thresholds.py REVIEW_FLOOR)


def hatecheck_totals(proba, data_dir: Path) -> dict:
    """ROC-AUC of abuse and per-functionality totals (share flagged, mean probability per head)."""
    rows = hatecheck_rows(data_dir / HATECHECK)
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


EN_VALIDATION = Path(__file__).resolve().parent.parent / "tests" / "functional" / "en_validation.jsonl"


def written_validation(proba, path: Path = EN_VALIDATION) -> dict:
    """The written English validation cases (counter-speech, reclaimed words, groups named, criticism, news vs
    threats, group hate and insults at a person): ROC-AUC of abuse over the cases with a label, and the share
    flagged at the review floor per kind (vulgar language at nobody has no label: reported only)."""
    cases = load_cases(path)
    abuse = proba([c["text"] for c in cases])[:, 1:].max(axis=1)
    lab = np.asarray([c["harm"] is not None for c in cases])
    y = np.asarray([bool(c["harm"]) for c in cases])
    kinds: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cases):
        kinds[c["kind"]].append(i)
    return {"roc_auc": float(roc_auc_score(y[lab], abuse[lab])),
            "flagged": {k: float((abuse[ix] >= REVIEW).mean()) for k, ix in kinds.items()}}


def report(proba, rows: list[D.Row], data_dir: Path, split: str = D.VALID, hatecheck: bool = False,
           lang: str = "en") -> str:
    """English figures on `split` (validation rows of the training side by default; the held-out split only for
    the final report) and the written validation cases; HateCheck's totals only when asked."""
    lines = []
    for s in eval_sets(rows, data_dir, split):
        if s["lang"] == lang and s["label"]:
            p = proba(s["texts"])
            col = p[:, 0] if s["label"] == "spam" else p[:, 1:].max(axis=1)
            clean = np.asarray(s["y"]) == 0
            lines.append(f"{s['name']:48} {roc_auc_score(s['y'], col):.4f}  clean flagged at {REVIEW}: "
                         f"{(col[clean] >= REVIEW).mean():.1%} of {int(clean.sum())}")
        elif s["lang"] == lang:
            flagged = (proba(s["texts"])[:, 1:].max(axis=1) >= REVIEW).mean()
            lines.append(f"{s['name']:48} flagged {flagged:.2%}")
    if lang == "en":
        wv = written_validation(proba)
        lines.append(f"written EN validation ROC-AUC {wv['roc_auc']:.4f}; flagged " +
                     " ".join(f"{k}={v:.0%}" for k, v in wv["flagged"].items()))
        probe = load_cases(THREAT_PROBE)
        hit = proba([c["text"] for c in probe])[:, 1:].max(axis=1) >= REVIEW
        threat = np.asarray([c["expected"] == "harmful" for c in probe])
        lines.append(f"threat probe (test): threats flagged {hit[threat].mean():.1%} of {int(threat.sum())}, "
                     f"same-shape non-threats flagged {hit[~threat].mean():.1%} of {int((~threat).sum())}")
        for key, (path, _report) in WRITTEN_PROBES.items():  # the English ones but the threat probe (above)
            if not key.startswith("en_") or path == THREAT_PROBE:
                continue
            name = key.removeprefix("en_").removesuffix("_probe").replace("_", " ")
            probe = load_cases(path)
            hit = proba([c["text"] for c in probe])[:, 1:].max(axis=1) >= REVIEW
            kinds: dict[str, list[int]] = defaultdict(list)
            for i, c in enumerate(probe):
                kinds[c["functionality"]].append(i)
            passed = sum(h == (c["expected"] == "harmful") for h, c in zip(hit, probe, strict=True))
            lines.append(f"{name} probe (test), passed {passed}/{len(probe)}, flagged: " + " ".join(
                f"{k}={hit[ix].mean():.0%}" for k, ix in sorted(kinds.items())))
    test = [r for r in rows if r.split == split and not r.synthetic and r.lang == lang]
    labels, p = D.label_matrix(test), proba([r.text for r in test])
    ham = np.asarray([r.spam == 0 and r.abuse is None for r in test])  # messages people wrote to each other
    if ham.any():
        lines.append(f"ham (SMS/YouTube non-spam) flagged by abuse at {REVIEW}: "
                     f"{(p[ham, 1:].max(axis=1) >= REVIEW).mean():.2%} of {int(ham.sum())}")
    for k, name in enumerate(HEADS):
        m = ~np.isnan(labels[:, k])
        if 0 < labels[m, k].sum() < m.sum():
            lines.append(f"head {name:10} {lang} n={int(m.sum())} pos={int(labels[m, k].sum())} "
                         f"{roc_auc_score(labels[m, k], p[m, k]):.4f}")
    if not hatecheck or lang != "en":
        return "\n".join(lines)
    hc = hatecheck_totals(proba, data_dir)
    lines.append(f"HateCheck ROC-AUC {hc['roc_auc']:.4f}; hateful flagged {hc['hateful_flagged']:.1%}, "
                 f"non-hateful {hc['non_hateful_flagged']:.1%}")
    for k, v in sorted(hc["functionalities"].items()):
        top = sorted(v["means"].items(), key=lambda kv: -kv[1])[:3]
        lines.append(f"  {k:20} {v['label'][:4]} {v['n']:4d} {v['flagged']:6.1%}" + (" *" if k in HATECHECK_FOCUS
                     else "  ") + "  " + " ".join(f"{h}={m:.2f}" for h, m in top))
    return "\n".join(lines)


def main(argv=None) -> int:
    from model import training_set as T
    from model.data import english, japanese

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default=str(DEFAULT_DATA))
    ap.add_argument("--artifact", default=None, help="measure this artifact folder instead of fitting")
    ap.add_argument("--source-weight", action="append", default=[], metavar="SOURCE=W")
    ap.add_argument("--C", type=float, default=4.0)
    ap.add_argument("--head-C", action="append", default=[], metavar="HEAD=C",
                    help="fit this head with its own inverse regularisation (repeatable; default pipeline.HEAD_C)")
    ap.add_argument("--drop-source", action="append", default=[], help="leave a (generated) source out (ablation)")
    ap.add_argument("--lang", choices=("en", "ja"), default="en", help="fit and report this language's rows")
    ap.add_argument("--toxic-absent", choices=("0", "none"), default=None,
                    help="a toxic RTP-LX/inspection-ai row's absent categories: clean (0) or unlabelled (none)")
    ap.add_argument("--heldout", action="store_true", help="report the held-out split (final check) not validation")
    ap.add_argument("--hatecheck", action="store_true", help="also print HateCheck's totals (test only)")
    ap.add_argument("--davidson-harassment", choices=("addressed", "all", "reclaimed"), default=None,
                    help="Davidson hate/offensive tweets as harassment: when addressed, all, or as shipped (vulgar) "
                         "but an offensive tweet with a reclaimable in-group word never (reclaimed)")
    ap.add_argument("--davidson-quotes", choices=("strip", "train", "keep"), default=None,
                    help="Davidson tweets without their quote marks: training and validation (strip), training only "
                         "(train), none (keep)")
    ap.add_argument("--davidson-handles", choices=("keep", "train"), default=None,
                    help="Davidson's training tweets without their @handles (train; held-out and validation as posted) "
                         "or with them (keep, the default). Session 59, six paired draws: LOSES (Davidson validation "
                         "-0.0109, its clean tweets flagged 23.5 -> 43.9%%: the generated rows' handles are harms)")
    ap.add_argument("--ham-unlabelled", action="append", default=[], metavar="CATEGORY",
                    help="civil SMS/YouTube ham leaves this harm category unlabelled (repeatable; default: clean)")
    ap.add_argument("--negated-apart", action="store_true",
                    help="hash what an English negation denies apart (TextFeatures negated_apart_en). Session 7, "
                         "English-only fits, validation, with leet spelling read as letters (branch en-s7-exp): "
                         "Stormfront 0.8825 -> 0.8788, and 0.8765 with 800 generated denied-attack rows (written "
                         "cases 0.914 -> 0.919): not adopted")
    ap.add_argument("--negated-copies", action="store_true",
                    help="keep the plain n-grams of what an English negation denies and add salted copies "
                         "(TextFeatures negated_copies_en). Session 8, with s7's denied-attack rows, 600 short civil "
                         "group lines and leet spelling (branch en-s8-final): validation passed (Stormfront 0.8825 -> "
                         "0.8791, written cases 0.9070 -> 0.9220), but the full model lost two met HateCheck targets "
                         "('I hate <group>' 82 -> 76%%, direct threats 81 -> 80%%): not adopted")
    ap.add_argument("--no-harm-length", action="store_true", help="the harm heads learn no weight for `length`")
    ap.add_argument("--harm-lookalike", action="store_true",
                    help="the harm heads learn a weight for `lookalike_chars` (words read from leet or a misspelling), "
                         "as until session 17")
    ap.add_argument("--harm-invisible", action="store_true",
                    help="the harm heads learn a weight for `invisible_chars` (characters normalisation drops), as "
                         "until session 22")
    ap.add_argument("--no-harm-group", action="store_true",
                    help="the harm heads learn no weight for `group` (a group named). Session 11, English-only fits, "
                         "validation: written cases 0.9367 -> 0.9402, group attacks flagged 83 -> 72%%, negated hate "
                         "85 -> 77%%, Stormfront 0.8814 -> 0.8806: fewer civil mentions held but more attacks missed "
                         "at the review floor ('I hate <group>' is a met target): not adopted")
    ap.add_argument("--no-harm-line-id", action="store_true",
                    help="the harm heads but personal_info learn no weight for `line_id` (an @handle or a LINE id). "
                         "Session 59, six paired draws: BEATS by the paired rule (nets +10.3, harms +20.3) through a "
                         "lift of every written case, while Davidson stays (held-out per pair within +0.0002: the "
                         "handle is learnt back from its n-grams): not adopted")
    ap.add_argument("--handles-unread", action="store_true",
                    help="no head reads an @handle's characters (cut out of the n-grams' text), the harm heads but "
                         "personal_info no weight for `line_id` (pipeline handles_unread). Session 60, six paired "
                         "draws: "
                         "LOSES (nets +17.0, harms +25.7, civil -8.7 SE 1.8; written ROC-AUC -0.0007..-0.0015 a pair): "
                         "Davidson held-out +0.003 a pair, but the handle's weight moves to slur words (HateCheck "
                         "0.8501 -> 0.8440, reclaimed 25.7 -> 27.2%%): not adopted. With davidson:harassment=1.0 "
                         "instead of 1.5: INSIDE (nets +7.2, civil +0.3; net +0 in one draw), Davidson held-out "
                         "unmoved: the gain and the civil loss were both the 1.5's")
    ap.add_argument("--hate-lift", type=float, default=None, metavar="LOGITS",
                    help="lift the hate head's sigmoid by LOGITS for English (default pipeline.HATE_LIFT, 0: off)")
    ap.add_argument("--synth-seed", type=int, default=None, metavar="N",
                    help="draw model/synth_harms.py's generated rows with this seed (default: the pipeline's): an A/A "
                         "refit, the same recipe with other generated rows, measures how far untouched cases move")
    ap.add_argument("--family", action="append", default=[], metavar="NAME",
                    help="also draw this generated set (model/synth_harms.py EXTRA_EN, e.g. ingroup): a candidate "
                         "family screened against its base before model.train reads it")
    ap.add_argument("--fit-seed", type=int, default=None, metavar="N",
                    help="the heads' random state (their calibration folds) instead of the pipeline's SEED: the "
                         "second A/A refit, with the generated rows fixed (--synth-seed draws those)")
    ap.add_argument("--dump", default=None, metavar="PATH",
                    help="also save the fitted pipeline there with joblib (for analysis; never an artifact)")
    ap.add_argument("--reading", default=None, metavar="PATH",
                    help="also save the fit's reading (figures and written cases' scores, JSON) for python -m "
                         "model.refit_band compare, which reads a candidate against its base and the A/A band")
    args = ap.parse_args(argv)
    if args.reading and args.lang != "en":
        ap.error("--reading: English fits only")
    T.set_source_weights(args.source_weight)
    if args.synth_seed is not None:
        T.HARMS_SEED = args.synth_seed
    T.EXTRA_FAMILIES = tuple(args.family)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    data_dir = Path(args.data_dir)
    if args.toxic_absent:
        japanese.TOXIC_ABSENT = None if args.toxic_absent == "none" else 0
    if args.davidson_harassment:
        english.DAVIDSON_HARASSMENT = args.davidson_harassment
    if args.davidson_quotes:
        english.DAVIDSON_QUOTES = args.davidson_quotes
    if args.davidson_handles:
        english.DAVIDSON_HANDLES = args.davidson_handles
    if args.ham_unlabelled:
        english.HAM_UNLABELLED = tuple(args.ham_unlabelled)
    rows = D.load_all(data_dir)
    t0 = time.time()
    if args.artifact:
        from model.judge import resolve_artifact
        from moderation.scoring.scorer import load_scorer

        folder, sha = resolve_artifact(args.artifact)
        pipe = load_scorer(folder, sha).pipeline
    else:
        train = [r for r in rows + T.synthetic_rows(data_dir) if r.split == D.TRAIN and r.lang == args.lang
                 and r.source not in args.drop_source]
        log.info("fitting on %d %s training rows", len(train), args.lang)
        pipe = build_pipeline(C=args.C, negated_apart_en=args.negated_apart,
                              negated_copies_en=args.negated_copies, harm_length=not args.no_harm_length,
                              harm_lookalike=args.harm_lookalike, harm_invisible=args.harm_invisible,
                              harm_group=not args.no_harm_group, harm_line_id=not args.no_harm_line_id,
                              handles_unread=args.handles_unread,
                              **({} if args.fit_seed is None else {"seed": args.fit_seed}),
                              **({} if args.hate_lift is None else {"hate_lift": args.hate_lift}),
                              **({"head_C": tuple((h, float(c)) for h, _, c in (x.partition("=") for x in args.head_C))}
                                 if args.head_C else {}))
        pipe.fit([r.text for r in train], D.label_matrix(train), heads__sample_weight=T.sample_weights(train))
        log.info("fitted in %.0fs", time.time() - t0)
        if args.dump:
            import joblib

            joblib.dump(pipe, args.dump)
    print(report(pipe.predict_proba, rows, data_dir, D.TEST if args.heldout else D.VALID, args.hatecheck,
                 args.lang))
    if args.reading:
        from model.refit_band import reading, save

        save(reading(pipe.predict_proba, rows, data_dir, args.hatecheck), args.reading)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
