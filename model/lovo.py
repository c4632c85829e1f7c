"""YouTube leave-one-video-out: the spam head's ROC-AUC on each of the four shared videos, trained without it.

    python -m model.lovo --data-dir ../shared/data

Each fold refits the featurisation and the spam head on the spam-labelled training rows (real and synthetic)
minus one video's comments, and scores that video's comments (issue 12: a model that holds up on a video it
never saw). The spam head trains only on spam-labelled rows, so this is the shipped spam head's recipe.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

from model import data as D


def videos(data_dir: Path) -> dict[str, set[str]]:
    out = {}
    for f in sorted((data_dir / "youtube-spam-collection").glob("Youtube0*.csv")):
        out[f.stem] = {r["CONTENT"] for r in csv.DictReader(io.StringIO(f.read_bytes().decode("utf-8-sig")))}
    return out


def leave_one_video_out(rows: list[D.Row], data_dir: Path, make_pipeline, weights) -> dict[str, float]:
    """{video: ROC-AUC} and the mean, spam head only."""
    out = {}
    spam_rows = [r for r in rows if r.split == D.TRAIN and r.spam is not None]
    for name, texts in videos(data_dir).items():
        train = [r for r in spam_rows if not (r.source == "youtube-spam" and r.text in texts)]
        test = [r for r in rows if r.source == "youtube-spam" and r.text in texts]
        pipe = make_pipeline(hate_gate_lift=0.0)  # one head, spam: no hate head for the gate to lift (IndexError)
        pipe.fit([r.text for r in train], np.asarray([[float(r.spam)] for r in train]),
                 heads__sample_weight=weights(train))
        p = pipe.predict_proba([r.text for r in test])[:, 0]
        out[name] = round(float(roc_auc_score([r.spam for r in test], p)), 4)
    out["mean"] = round(float(np.mean([v for k, v in out.items()])), 4)
    return out


def main(argv=None) -> int:
    from model.pipeline import build_pipeline
    from model.training_set import sample_weights, synthetic_rows

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default=str(Path(__file__).resolve().parent.parent.parent / "shared" / "data"))
    ap.add_argument("--harm-rows-spam-negative", action="store_true",
                    help="the generated harm rows as spam negatives (model/training_set.py HARM_ROWS_SPAM_NEGATIVE)")
    ap.add_argument("--source-weight", action="append", default=[], metavar="SOURCE=W",
                    help="override a per-source training weight, as model.train does (repeatable)")
    args = ap.parse_args(argv)
    import model.training_set as T

    T.set_source_weights(args.source_weight)
    T.HARM_ROWS_SPAM_NEGATIVE = args.harm_rows_spam_negative
    data_dir = Path(args.data_dir)
    rows = D.load_all(data_dir) + synthetic_rows(data_dir)
    print(json.dumps(leave_one_video_out(rows, data_dir, build_pipeline, sample_weights)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
