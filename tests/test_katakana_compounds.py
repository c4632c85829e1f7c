"""Katakana insults strung into one word (クソバカ, ハゲデブ, キモオタハゲ) are insults; a katakana word with any other
part (バカンス, ハゲタカ, ザコキャラ) and a part repeated (バカバカしい, カスカス) are not (moderation/matcher.py)."""

import gc

import pytest

from moderation.features import vocabulary as FV
from moderation.features.signals import signal_dict
from tests.support.cpu_cost import cost

# (insult aimed at someone, the same frame with a katakana word that holds an insult's letters)
PAIRS = [
    ("お前ほんとクソバカだな", "お前ほんとバカンス好きだな"),
    ("お前はデブブスのくせに調子に乗るな", "お前はブスケッツのファンのくせに"),
    ("そこのバカデブ、邪魔だからどけ", "そこのザコキャラ、邪魔だからどけ"),
    ("あいつはキモオタハゲだ", "あいつはアホゲのあるキャラが好きだ"),
    ("このゴミクズハゲが、二度と来るな", "このゴミバケツが、二度と使うな"),
]
AIMED = ("insult_at_person",  # an insult counts only with whom it is aimed at (vocabulary._SAT's note)
         "insult_unaimed", "insult_at_thing", "insult_at_self", "insult_reported")


@pytest.mark.parametrize(("insult", "word"), PAIRS, ids=[p[0] for p in PAIRS])
def test_insults_strung_into_one_katakana_word_are_an_insult(insult, word):
    assert any(signal_dict(insult)[name] for name in AIMED), insult
    assert not any(signal_dict(word)[name] for name in AIMED), word


@pytest.mark.parametrize("text", ["このバカバカしい騒ぎ", "パンがカスカスだ", "ゴミゴミした路地", "カスタムパーツ",
                                  "ハゲタカファンド", "クソゲーだった", "キモカワなキャラ", "ピンボケ写真"])
def test_a_repeated_part_or_any_other_part_is_no_insult(text):
    assert not any(signal_dict(text)[name] for name in AIMED), text


def test_the_strung_word_is_one_hit_as_its_first_insult_part():
    """One word, one hit (counted once, as a listed compound is): its span is the whole word, and a listed word that
    is the whole word keeps its own hit (ゴミクズ)."""
    assert [(a, b, w) for a, b, w, _c in FV._WORDS.find("おいクソバカアホ！")] == [(2, 8, "クソ")]
    assert [(a, b, w) for a, b, w, _c in FV._WORDS.find("ブタキモ")] == [(0, 4, "キモ")]  # the insult, not ブタ
    assert [(a, b, w) for a, b, w, _c in FV._WORDS.find("ゴミクズ")] == [(0, 4, "ゴミクズ")]
    assert FV._WORDS.find("バカバカバカ") == []


@pytest.mark.slow
def test_a_long_strung_word_grows_linearly():
    """One katakana word of parts 10,000 characters long, and one of near-parts: at most ~4x the cost of 2,500."""
    gc.collect()
    gc.disable()
    try:
        for unit in ("クソバカ", "バカンス", "クソバカンス"):
            small, big = ((unit * (size // len(unit) + 1))[:size] for size in (2_500, 10_000))
            growth = min(cost(FV._WORDS.find_arrays, big, 0.05) / cost(FV._WORDS.find_arrays, small, 0.05)
                         for _ in range(3))
            assert growth < 6.0, (unit, growth)
    finally:
        gc.enable()
