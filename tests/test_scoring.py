"""The serving contract of moderation.scoring: Score shape, explanation spans into the ORIGINAL text,
hostile input, score_many, read_active errors."""

import json
import math

import pytest

from model.tiny import train_tiny_artifact
from moderation.scoring import LABELS, ModelLoadError, Score, load_scorer, read_active


@pytest.fixture(scope="module")
def scorer(tmp_path_factory):
    folder, sha, _ = train_tiny_artifact(tmp_path_factory.mktemp("tiny-scoring"))
    return load_scorer(folder, sha)


def _check(score: Score, text: str):
    assert set(score.scores) == set(LABELS)
    for v in score.scores.values():
        assert isinstance(v, float) and 0.0 <= v <= 1.0 and not math.isnan(v)
    assert score.model_version
    for item in score.explanation:
        assert item["label"] in LABELS
        assert isinstance(item["weight"], float)
        if "start" in item:
            assert 0 <= item["start"] < item["end"] <= len(text)
            assert item["text"] == text[item["start"]:item["end"]]
        else:
            assert isinstance(item["feature"], str)
    weights = [abs(i["weight"]) for i in score.explanation if i["label"] == "spam"]
    assert weights == sorted(weights, reverse=True)
    assert len(weights) <= 8


def test_contract_constants():
    assert LABELS == ("spam", "abuse")


def test_spam_is_scored_and_explained(scorer):
    text = "副業で月収100万円！今すぐＬＩＮＥ追加してね ID:abc1234"
    s = scorer.score(text)
    _check(s, text)
    assert s.scores["spam"] > s.scores["abuse"]
    assert any(i["label"] == "spam" for i in s.explanation)
    spans = [i for i in s.explanation if "start" in i]
    assert spans, "expected at least one highlighted span"


def test_explanation_offsets_survive_obfuscation(scorer):
    text = "お\u200b前は\u200bバカ、氏ね"
    s = scorer.score(text)
    _check(s, text)
    assert s.scores["abuse"] > 0.5
    for i in s.explanation:
        if "start" in i:
            assert "\u200b" not in i["text"][:1]


def test_ordinary_text_is_low(scorer):
    s = scorer.score("今日は良い天気ですね。散歩に行きたいです。")
    assert s.scores["spam"] < 0.5 and s.scores["abuse"] < 0.5


HOSTILE = ["", "   ", "\u200b\u200b", "😀😀😀😀😀", "あ" * 10_000, "Hello こんにちは Привет مرحبا 你好",
           "abc\x00\x01\x1b[31m", "\u200f\u202bمرحبا\u202c", "a\ud800b", "http://" + "a" * 5000 + ".com",
           "L" + " I" * 3000]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input(scorer, text):
    _check(scorer.score(text), text)


def test_score_many_matches_score(scorer):
    texts = ["副業で稼げる", "バカ", "こんにちは"]
    many = scorer.score_many(texts)
    assert [m.scores for m in many] == [scorer.score(t).scores for t in texts]


def test_non_string_is_tolerated(scorer):
    _check(scorer.score(None), "")


def test_read_active_errors(tmp_path):
    with pytest.raises(ModelLoadError, match="missing"):
        read_active(tmp_path)
    (tmp_path / "active.json").write_text("{}")
    with pytest.raises(ModelLoadError, match="version"):
        read_active(tmp_path)
    (tmp_path / "active.json").write_text(json.dumps({"version": "v", "sha256": "ab"}))
    assert read_active(tmp_path) == ("v", "ab")
