"""Retraining on the site's own labels: promoted when better, refused when worse or when labels are unusable."""

import functools
import json
import re
import time
from pathlib import Path

import numpy as np
import pytest

from model import data as D
from model.evaluate import pipeline_proba
from model.pipeline import build_pipeline
from model.retrain import TOLERANCE, RetrainRefused, compare, read_labels, retrain
from model.tiny import ABUSE, HAM, SPAM
from moderation.store.training_labels import LabelStore

TINY = functools.partial(build_pipeline, min_df=1, calibration_cv=2, char_bits=14, word_bits=10)
SPAMMY = ["副業で日給{}万円、詳しくはLINE追加", "在宅で月{}万稼げる方法はプロフ見て",
          "限定{}名、無料で投資術を教えます→ https://x.top/{}"]
HAMMY = ["{}時のニュースで見ました、心配です", "{}年前にもこんな事件がありましたね",
         "記事の{}段落目の説明が分かりやすい"]
HELD_OUT = [
    {"name": "public held-out spam", "label": "spam", "y": np.array([1, 1, 1, 1, 0, 0, 0, 0]),
     "texts": ["今すぐLINE追加で副業の秘密を教えます", "簡単に稼げる在宅ワーク、詳細はプロフ",
               "Win a free prize now, call 0800", "Cheap money fast, click www.cash.biz",
               "今日は雨で寒いですね", "選挙の結果が気になります", "I enjoyed this article a lot",
               "地元の祭りが楽しみです"]},
    {"name": "public held-out abuse", "label": "abuse", "y": np.array([1, 1, 1, 0, 0, 0]),
     "texts": ["お前はバカか、消えろ", "クズは黙ってろ", "You idiot, shut up", "今日は雨で寒いですね",
               "選挙の結果が気になります", "I enjoyed this article a lot"]},
]


def public_rows():
    return [D.Row(t, int(t in SPAM), int(t in ABUSE), "tiny", "ja", t, D.TRAIN) for t in SPAM + ABUSE + HAM]


def trained(flip_spam=False):
    rows = public_rows()
    y = D.label_matrix(rows)
    if flip_spam:
        y[:, 0] = 1 - y[:, 0]
    return pipeline_proba(TINY().fit([r.text for r in rows], y))


def site_examples(n, spam_is):
    """n labelled site comments; `spam_is` says what the spam-like ones were labelled (1 = truthfully)."""
    out = []
    for i in range(n):
        template = (SPAMMY if i % 2 == 0 else HAMMY)[i % 3]
        value = spam_is if i % 2 == 0 else 1 - spam_is
        out.append({"text": template.format(i, i), "labels": {"spam": value}, "source": "moderator"})
    return out


@pytest.mark.slow
def test_decisions_through_the_queue_train_a_better_candidate_that_is_promoted(queue, rdb, prefix):
    now = int(time.time() * 1000)
    for n, example in enumerate(site_examples(60, spam_is=1)):
        truly_spam = example["labels"]["spam"] == 1
        queue.submit({"id": f"s{n}", "article_id": "a", "text": example["text"], "text_sha256": str(n),
                      "received_at": now + n, "decision": "review", "status": "pending",
                      "scores": {"spam": 0.6, "abuse": 0.1}, "labels": ["spam"], "explanation": [],
                      "model_version": "v", "risk": 0.6}, queued=True)
        queue.decide(f"s{n}", "reject" if truly_spam else "approve", "hanako", "spam" if truly_spam else "")
    lines = [json.dumps(row, ensure_ascii=False) for row in LabelStore(rdb, "test", prefix).export()]
    examples = read_labels(lines)
    assert len(examples) == 60
    _, report = retrain(public_rows(), examples, trained(flip_spam=True), make_pipeline=TINY,
                        public_sets=HELD_OUT, site_weight=2.0)
    assert report["promoted"], report
    spam_row = next(r for r in report["comparison"] if r["set"] == "public held-out spam")
    assert spam_row["candidate"] > spam_row["active"]
    assert any(r["set"].startswith("site held-out") for r in report["comparison"])


@pytest.mark.slow
def test_candidate_taught_wrong_labels_is_refused():
    _, report = retrain(public_rows(), site_examples(80, spam_is=0), trained(), make_pipeline=TINY,
                        public_sets=HELD_OUT, site_weight=20.0)
    assert not report["promoted"]
    assert any(not r["ok"] and r["set"] == "public held-out spam" for r in report["comparison"])


@pytest.mark.slow
def test_unusable_labels_stop_with_a_clear_message():
    with pytest.raises(RetrainRefused, match="at least 20"):
        retrain(public_rows(), site_examples(5, spam_is=1), trained(), make_pipeline=TINY, public_sets=HELD_OUT)
    same = [{"text": f"同じクラス{i}", "labels": {"spam": 0}, "source": "moderator"} for i in range(30)]
    with pytest.raises(RetrainRefused, match="same class"):
        retrain(public_rows(), same, trained(), make_pipeline=TINY, public_sets=HELD_OUT)


def test_read_labels_applies_retractions():
    lines = [json.dumps(r) for r in (
        {"site": "s", "id": "1", "task": "spam", "value": 1, "text": "a", "source": "moderator"},
        {"site": "s", "id": "1", "retract": True, "source": "moderator"},
        {"site": "s", "id": "2", "task": "abuse", "value": 1, "text": "b", "source": "report"},
        {"site": "s", "id": "2", "task": "spam", "value": 0, "text": "b", "source": "moderator"})]
    assert read_labels(lines) == [{"text": "b", "labels": {"abuse": 1, "spam": 0}, "source": "moderator"}]


def test_a_candidate_may_lose_at_most_the_readme_s_tolerance_on_any_set():
    """README: `make retrain` writes a new artifact only if no worse (tolerance 0.01 ROC-AUC)."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert float(re.search(r"tolerance ([0-9.]+) ROC-AUC", readme).group(1)) == TOLERANCE == 0.01
    rows = compare({"a": 0.9, "b": 0.9, "c": 0.9, "d": 0.9}, {"a": 0.891, "b": 0.89, "c": 0.889, "d": 0.95}, TOLERANCE)
    assert [(r["set"], r["delta"], r["ok"]) for r in rows] == [
        ("a", -0.009, True), ("b", -0.01, True), ("c", -0.011, False), ("d", 0.05, True)]
