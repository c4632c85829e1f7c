"""Re-card a fitted model on this code: its model.joblib copied byte for byte, its card, answers and figures measured
again, so a reading that moves no training row ships without a refit.

    python -m model.row_moves --save BEFORE.json --artifact SOURCE      # on the code SOURCE was fitted on
    python -m model.recard --from SOURCE --version V --rows BEFORE.json [--data-dir ../shared/data] [--no-activate]
        [--save-rows AFTER.json]      # V's own snapshot, measured on the way: a re-card of V needs no row pass

The fit's per-head factors (model.train's --source-weight SOURCE:HEAD=F) are read from the source's card
(head_weight_factors), as model.refit reads them; a --source-weight that sets a head's factor other than the card's is
refused before anything is scored (a re-card keeps the fit's weights: a new factor needs a fit).

The fit is deterministic on one machine (session 50: -9's refit gave -8's model.joblib byte for byte), so when this
code reads every training row as the source's code did, a refit would give the source's weights. Refuses otherwise:
a training row's probabilities under the source's weights moved against BEFORE.json (model.row_moves), other training
rows, labels or weights (the card's training_rows_sha256, or its row counts and weights on an older card), other
fitting parameters, other signals. Validation and held-out rows may move: thresholds, metrics, answers, the written
suites, long comments and speed are measured on this code, as model.train measures them; the naive baseline and
leave-one-video-out are the source's (the baseline runs no project code; a YouTube row that moved drops the latter).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import logging
import sys
from pathlib import Path

from model import data as D
from model import row_moves
from model import training_set as T
from model.card import ARTIFACTS, fit_params, write_active
from model.evaluate import eval_sets, format_table, memo_proba, metrics_for
from model.judge import DEFAULT_DATA, resolve_artifact
from model.owned_tweets import FIELD, owned_split
from model.pipeline import build_pipeline
from model.thresholds import category_metrics, choose_thresholds
from moderation.scoring.columns import FEATURE_NAMES, fitted_signals

log = logging.getLogger("model.recard")


class Refused(Exception):
    """This code would not fit the source's weights."""


def refusals(card: dict, pipe, rows: list[D.Row], before: dict, now: dict) -> list[str]:
    """Why a fit of this code would not give the weights of `pipe` (fitted as `card` says), empty when it would:
    `before` / `now` are model.row_moves snapshots of every row under those weights, on its code and on this one."""
    out = []
    try:
        moved = row_moves.moved(before, now)
    except ValueError as exc:
        return [f"rows: {exc}"]
    trained = {k for k in moved if any(split == D.TRAIN for _, split in now[k]["rows"])}
    if trained:
        out.append(f"{len(trained)} training texts moved under the source's weights (model.row_moves)")
    train = [r for r in rows if r.split == D.TRAIN]
    if "training_rows_sha256" in card and card["training_rows_sha256"] != T.rows_digest(train):
        out.append("the training rows, their labels or weights differ from the card's training_rows_sha256")
    recipe = {"data.rows": D.summary(rows), "sample_share": 1.0, **T.weights_recipe(),
              "params": fit_params(build_pipeline())}
    for key, value in recipe.items():
        recorded = card["data"]["rows"] if key == "data.rows" else card.get(key)
        if recorded != value:
            out.append(f"{key} differs from the card's (a fit of this code would use {str(value)[:200]})")
    signals = fitted_signals(pipe.named_steps["features"])
    if set(signals) != set(FEATURE_NAMES):
        out.append(f"this code computes other signals: {sorted(set(signals) ^ set(FEATURE_NAMES))}")
    return out


def card_weights(card: dict, options: list[str]) -> list[str]:
    """The fit's per-head factors as its card records them (head_weight_factors, as model.refit reads them), then
    `options`; Refused when an option sets a head's factor other than the card's (recorded as train wrote it)."""
    recorded = card.get("head_weight_factors", {})
    for item in options:
        key, _, value = item.partition("=")
        if ":" in key and recorded.get(key) != float(value):
            was = f"the card's {recorded[key]}" if key in recorded else "none on the card"
            raise Refused(f"--source-weight {item} is not the fit's ({key}: {was}; head_weight_factors "
                          f"{recorded or {}}): a re-card keeps the fit's weights, so leave the option out (the card's "
                          "are read) or fit anew")
    return [f"{key}={factor}" for key, factor in recorded.items()] + list(options)


def copy_weights(source: Path, out: Path, version: str, card: dict) -> tuple[Path, str]:
    """Write `<out>/<version>/` with the source's model.joblib, byte for byte, and `card` (its sha256 checked)."""
    data = (Path(source) / "model.joblib").read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    if sha != card["sha256"]:
        raise Refused(f"{source}/model.joblib is not the sha256 its card names")
    folder = Path(out) / version
    folder.mkdir(parents=True, exist_ok=False)
    (folder / "model.joblib").write_bytes(data)
    (folder / "SHA256").write_text(f"{sha}  model.joblib\n", encoding="utf-8")
    (folder / "card.json").write_text(json.dumps({**card, "version": version}, ensure_ascii=False, indent=2) + "\n",
                                      encoding="utf-8")
    return folder, sha


def main(argv=None) -> int:
    from model.train import describe
    from moderation.scoring.scorer import load_scorer

    ap = argparse.ArgumentParser(prog="python -m model.recard", description=__doc__.splitlines()[0])
    ap.add_argument("--from", dest="source", required=True, help="the fitted artifact: folder or version")
    ap.add_argument("--version", required=True, help="the new artifact's version")
    ap.add_argument("--rows", required=True, help="model.row_moves --save of the source, on the code it was fitted on")
    ap.add_argument("--data-dir", default=str(DEFAULT_DATA))
    ap.add_argument("--out", default=str(ARTIFACTS))
    ap.add_argument("--no-activate", action="store_true")
    ap.add_argument("--save-rows", metavar="FILE", default=None,
                    help="also write the new artifact's rows snapshot (model.row_moves --save on this code) to FILE")
    ap.add_argument("--source-weight", action="append", default=[], metavar="SOURCE=W",
                    help="optional: the card's head_weight_factors are read; a head factor other than the card's is "
                         "refused; SOURCE=W as model.train takes it")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    source, sha = resolve_artifact(args.source)
    card = json.loads((source / "card.json").read_text(encoding="utf-8"))
    try:
        T.set_source_weights(card_weights(card, args.source_weight))
    except Refused as exc:
        print(f"REFUSED: {exc}")
        return 1
    pipe = load_scorer(source, sha).pipeline
    data_dir = Path(args.data_dir)
    rows = D.load_all(data_dir)
    rows_all = rows + T.synthetic_rows(data_dir)
    now = row_moves.snapshot(pipe.predict_proba, rows_all)
    before = json.loads(Path(args.rows).read_text(encoding="utf-8"))
    if reasons := refusals(card, pipe, rows_all, before, now):
        print(f"REFUSED: a fit of this code would not give {card['version']}'s weights:\n  " + "\n  ".join(reasons))
        return 1
    moved = row_moves.moved(before, now)
    log.info("%d of %d distinct texts moved, none of them a training row", len(moved), len(now))
    thresholds = choose_thresholds(pipe, rows)
    proba = memo_proba(pipe)  # the held-out Davidson tweets are scored once for both figures
    metrics = metrics_for(eval_sets(rows, data_dir), proba, thresholds)
    lovo = card["metrics"].get("youtube_lovo")
    if lovo and any(src == "youtube-spam" for k in moved for src, _ in now[k]["rows"]):
        lovo = None  # its held-out videos read differently now; a refit per video would measure it
    earlier = card.get("recard") or {}  # a re-card of a re-card names the artifact that fitted the weights
    fitted_by = earlier.get("fitted_by") or earlier.get("weights_from") or card["version"]
    recarded = {"weights_from": card["version"], "fitted_by": fitted_by, "sha256": sha,
                "fitted_at": card.get("trained_at"),
                "recarded_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "command": " ".join(["python -m model.recard", *(sys.argv[1:] if argv is None else argv)]),
                "texts_moved": len(moved), "texts": len(now), "lovo": "the source's" if lovo else "dropped"}
    train = [r for r in rows_all if r.split == D.TRAIN]
    measured = {"heldout": metrics, "categories": category_metrics(pipe, rows),
                FIELD: owned_split(rows, proba)}
    new = {**{k: v for k, v in card.items() if k not in ("functional", "speed", "long_comments", "recard")},
           "thresholds": thresholds, "training_rows_sha256": T.rows_digest(train), "recard": recarded,
           "metrics": {**{k: v for k, v in card["metrics"].items() if k != "youtube_lovo"}, **measured,
                       **({"youtube_lovo": lovo} if lovo else {})}}
    folder, sha = copy_weights(source, Path(args.out), args.version, new)
    table = format_table(metrics, card["metrics"].get("baseline"))
    print(table)
    describe(folder, sha, data_dir, table)
    if args.save_rows:  # the same weights on this code: what a re-card of the new artifact compares against
        row_moves.save(args.save_rows, now)
    if not args.no_activate:
        write_active(Path(args.out), args.version, sha)
    log.info("wrote %s: %s's weights (sha256 %s) on this code", folder, card["version"], sha)
    return 0


if __name__ == "__main__":
    sys.exit(main())
