"""The serving contract of moderation.scoring: Score shape, explanation spans into the ORIGINAL text,
hostile input, score_many, read_active errors."""

import json
import math

import pytest

from model.tiny import train_tiny_artifact
from moderation.scoring.scorer import LABELS, ModelLoadError, Score, load_scorer, read_active


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


# --- the signal features inside the pipeline ---------------------------------------------------

def _signals(text):
    from moderation.features import FEATURE_NAMES, compute_signals
    from moderation.text import normalize

    return dict(zip(FEATURE_NAMES, compute_signals(normalize(text)), strict=True))


SIGNAL_CASES = [
    ("spam domain", "ここ見て http://pcmax.jp/abc", "url_spam_domain"),
    ("shortener", "詳細 https://bit.ly/3xyz", "url_shortener"),
    ("safe domain", "元記事 https://togetter.com/li/1", "url_safe_domain"),
    ("unknown domain", "こちら https://fuku-money.xyz/", "url_unknown_domain"),
    ("brand next to a foreign domain", "【三菱UFJ銀行】確認してください https://mufg-secure.top/login",
     "brand_foreign_domain"),
    ("domain imitating a brand", "お荷物の確認→ http://sagawa-cx.com/track", "brand_lookalike_domain"),
    ("LINE id", "LINE ID: meet7777", "line_id"),
    ("contact hand-off", "詳しくはプロフ見てね", "contact_handoff"),
    ("LINE追加", "LINE追加してね", "contact_handoff"),
    ("phone", "電話 090-1234-5678 まで", "phone"),
    ("e-mail", "連絡は abc.def@gmail.com へ", "email"),
    ("money phrase", "副業で稼げる", "money_phrase"),
    ("money amount", "月収100万円", "money_amount"),
    ("urgency", "今すぐ登録、期間限定", "urgency_phrase"),
    ("emoji", "💰💰💰🔥", "emoji_count"),
    ("repetition", "拡散希望拡散希望拡散希望拡散希望拡散希望", "repetition"),
    ("invisible chars", "副\u200b業\u2061で", "invisible_chars"),
    ("look-alikes", "аmаzоn", "lookalike_chars"),
    ("masked word", "氏ね", "masked_words"),
    ("abuse word", "お前はクズだ", "abuse_lexicon"),
    ("threat", "ぶっ殺すぞ", "threat"),
    ("english profanity", "you are a fucking idiot", "profanity_en"),
]


@pytest.mark.parametrize(("case", "text", "feature"), SIGNAL_CASES, ids=[c[0] for c in SIGNAL_CASES])
def test_signal_fires(case, text, feature):
    assert _signals(text)[feature] > 0


def test_brand_on_its_own_domain_is_not_foreign():
    sig = _signals("三菱UFJ銀行のお知らせ https://www.bk.mufg.jp/info")
    assert sig["brand_foreign_domain"] == 0
    assert sig["brand_lookalike_domain"] == 0
    assert _signals("再配達は https://www.sagawa-exp.co.jp/ から")["brand_lookalike_domain"] == 0


def test_ordinary_text_has_no_spam_signals():
    sig = _signals("今日は良い天気ですね。散歩に行きたいです。")
    for name in ("url_count", "line_id", "contact_handoff", "phone", "email", "money_phrase", "invisible_chars"):
        assert sig[name] == 0


def test_signal_features_follow_estimator_rules():
    from sklearn.base import clone

    from moderation.features import FEATURE_NAMES, SignalFeatures

    est = SignalFeatures(scale=2.0)
    assert clone(est).get_params() == {"scale": 2.0}
    assert est.fit(["a"]) is est
    X = est.transform(["副業で稼げる https://bit.ly/x", ""])
    assert X.shape == (2, len(FEATURE_NAMES))
    assert list(est.get_feature_names_out()) == list(FEATURE_NAMES)


def test_no_model_import_in_service_package():
    import pathlib

    root = pathlib.Path(__file__).resolve().parent.parent / "moderation"
    for name in ("text.py", "features.py", "scoring/scorer.py", "lexicon_data.py"):
        src = (root / name).read_text(encoding="utf-8")
        assert "from model" not in src and "import model" not in src, name
