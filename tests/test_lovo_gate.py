"""model.lovo's folds fit one head (spam) with the shipped recipe, whose hate gate lifts head 2: a fold must fit and
score with the gate declared (session 49's fit A crashed there, IndexError in MaskedHeads.set_gate)."""

import csv

import pytest

from model import data as D
from model.lovo import leave_one_video_out
from model.pipeline import HATE_GATE_LIFT, build_pipeline

SPAM = ["check out my channel for free gift cards", "subscribe to me and win an iphone now",
        "click this link to earn $500 a day", "visit my site www.free-money.example for prizes",
        "follow me for free followers fast", "get rich quick, dm me now"]
HAM = ["this song takes me back to summer", "her voice in the second verse is amazing",
       "who is still listening in 2026", "the drummer deserves more credit",
       "i cried at the ending of this video", "the chorus is stuck in my head"]


def _write_video(folder, name, texts):
    with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["COMMENT_ID", "CONTENT", "CLASS"])
        w.writeheader()
        for i, (text, spam) in enumerate(texts):
            w.writerow({"COMMENT_ID": f"{name}-{i}", "CONTENT": text, "CLASS": spam})


@pytest.mark.slow
def test_leave_one_video_out_fits_with_the_shipped_gate_declared(tmp_path):
    assert HATE_GATE_LIFT  # the recipe lifts hate: what a one-head fold must not trip on
    folder = tmp_path / "youtube-spam-collection"
    folder.mkdir()
    videos = {"Youtube01-a": [(t, 1) for t in SPAM[:3]] + [(t, 0) for t in HAM[:3]],
              "Youtube02-b": [(t, 1) for t in SPAM[3:]] + [(t, 0) for t in HAM[3:]]}
    rows = []
    for name, texts in videos.items():
        _write_video(folder, name, texts)
        rows += [D.Row(t, s, None, "youtube-spam", "en", name, D.TRAIN) for t, s in texts]
    out = leave_one_video_out(rows, tmp_path, build_pipeline, lambda train: None)
    assert set(out) == {"Youtube01-a", "Youtube02-b", "mean"}
    assert all(0.0 <= v <= 1.0 for v in out.values())
