"""A Japanese insult named in a calling condemned (人をバカ呼ばわり), denied of someone (お前はバカなんかじゃない) or
said of the writer (俺なんかデブのくせに) aims at no one; the same insult used at someone, asked (バカじゃないの?),
after a likeness (お前みたいなクズじゃない) or a calling called fitting (クズ呼ばわりされて当然) still does
(moderation/targets/mentioned_ja.py)."""

import time

import pytest

from model.judge import JA_INSULT_MENTION_PROBE
from moderation.features.signals import signal_dict
from moderation.targets.mentioned_ja import mentioned_spans
from moderation.vectorizer import TextFeatures
from tests.support.probes import assert_reading_probe

AIMED = ("insult_at_person", "insult_unaimed", "insult_at_thing", "insult_at_self", "insult_reported")
# (the insult named, aimed at no one; the same insult used at someone)
PAIRS = [
    ("人をゴミカスブタ呼ばわりするような書き込みはやめよう。", "お前はゴミカスブタ呼ばわりがお似合いだ。"),
    ("人をバカ呼ばわりするのはやめよう。", "お前なんかバカ呼ばわりされて当然だ。"),
    ("上司にハゲ呼ばわりされたと友人が泣いていた", "お前はハゲ呼ばわりで十分だ"),
    ("お前はクソバカなんかじゃない、気にするな。", "お前はクソバカじゃないの?"),
    ("お前は全然バカじゃないよ", "お前ってバカじゃないか"),
    ("あの記者はアホなんかじゃない、よく調べてる", "俺はあの記者みたいなアホじゃない"),
    ("俺なんかハゲデブのくせに偉そうに記事の感想書いてる、すまん。",
     "お前なんかハゲデブのくせに偉そうに記事の感想書くな。"),
    ("私ってほんとバカだな、また同じミスして", "あんたってほんとバカだな、また同じミスして"),
    ("僕みたいなデブでも結婚できた", "お前みたいなデブでも分かるだろ"),
]


@pytest.mark.parametrize(("named", "used"), PAIRS, ids=[p[0] for p in PAIRS])
def test_an_insult_named_aims_at_no_one(named, used):
    got = signal_dict(named)
    assert got["denied_harm"] > 0 and not any(got[name] for name in AIMED), named
    assert signal_dict(used)["insult_at_person"] > 0, used


@pytest.mark.parametrize("text", ["俺は殺す。", "俺はバカが嫌いだ", "お前はただのバカじゃない",
                                  "バカじゃないとできない", "俺はお前をクズだと思う"])
def test_no_other_harm_word_and_no_insult_as_an_object_is_read(text):
    """Only insult nouns (not a violence word), only as what is denied or said of the writer (not an object, not
    "just a", not a condition)."""
    assert [text[a:b] for a, b in mentioned_spans(text)] == [], text


def test_the_texts_characters_skip_only_what_cannot_be_found():
    """Given the text's set of characters, each closer, writer and め whose first character is absent is not searched
    for, and given the code pass's needles, no denial whose では or じゃ is not among them: the same spans as without
    either, on every case here and on ones holding each closer, each writer's word and a め said to no one."""
    import numpy as np

    import moderation.targets.mentioned_ja as mentioned_ja
    from moderation.features.patterns import _NEEDLES
    from moderation.features.signals import code_pass
    from moderation.needles.guards import strings_of
    from moderation.text.normalize import normalize

    more = ["このバカめ、俺ってやつは", "そこのアホめ、と猫に言った", "あいつはクズではありません。", "ゴミじゃねーよ",
            "あいつはバカではない。", "お前はアホじゃない、よく調べてる", "おれなんかデブのくせに", "オレってバカだな",
            "わたしってほんとバカだな", "あたしってバカだな", "ぼくみたいなデブでも結婚できた", "私ってバカだな",
            "😊わたしってバカだな😊"]
    for raw in [*(t for pair in PAIRS for t in pair), *more]:
        text = normalize(raw).text
        hits = code_pass(np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32))
        found = strings_of(_NEEDLES.automaton.values, hits.needles, hits.passed)
        mentioned_ja._LAST = (None, [])
        alone = mentioned_spans(text)
        mentioned_ja._LAST = (None, [])
        assert mentioned_spans(text, set(text)) == alone, text
        mentioned_ja._LAST = (None, [])
        assert mentioned_spans(text, set(text), found) == alone, text
    assert all(mentioned_spans(normalize(text).text, set(normalize(text).text)) for text in more)


def test_the_insult_is_hashed_apart_as_the_writers_own():
    """Its n-grams are salted as the writer's own words (mark 1), not as the writer's insult."""
    text = "お前はバカなんかじゃない"
    rows = TextFeatures(quoted_apart=True, owned_apart_en=True)._quoted(text, set(text))
    assert [tuple(r) for r in rows.tolist()] == [(3, 12, 1)]


@pytest.mark.slow
def test_the_reading_grows_linearly():
    """A text full of near misses (バカじゃ, 俺は, 呼ばわり) at 2,500 and 10,000 characters."""
    unit = "俺はバカじゃ呼ばわりお前はクソバカなんかじゃ"
    took = []
    for n in (2_500, 10_000):
        text = (unit * (n // len(unit) + 1))[:n]
        start = time.perf_counter()
        for _ in range(20):
            mentioned_spans(text + str(_))
        took.append(time.perf_counter() - start)
    assert took[1] < took[0] * 8


def test_the_probe_is_well_formed():
    """13 pairs written with the reading; a twin shares as little as one character."""
    assert_reading_probe(JA_INSULT_MENTION_PROBE, {"harmful": 13, "non_harmful": 13}, 13, 1)
