"""殺 spelt in kana or masked is read only where ころ starts a word: こころ, ところ and a time's ころ (頃) stay words.

Session 33 (issue 12, ja): こころしてやる normalised to こ殺してやる (threat 1.000 with 2026.12.04-4) and このところ
すごく to このと殺すごく (violence_word): the rewrite matched ころ inside 心, 所 and 頃. こころしてやる is 心してやる
("I'll do it with care"); こ○してやる, with one mask for ろ, was read by nothing (threat 0.272).
"""

import pytest

from moderation.features.signals import signal_dict
from moderation.text.normalize import normalize_text

WORDS_WITH_KORO = [
    "こころしてやる",  # 心してやる
    "心して聞け",
    "こころして読んで",
    "この仕事、まごころしてやるよ",
    "このところすごく寒くなりましたね",
    "今のところすぐには無理です",
    "子供のころすごく泣き虫だった",
    "若いころすでに留学していた",
    "ころころすべって転んだ",
    "コロすけのぬいぐるみ",
    "〇〇高校の生徒はこ〇〇してやる気がない",  # two masks are a placeholder, not a spelling
]


@pytest.mark.parametrize("text", WORDS_WITH_KORO)
def test_koro_inside_a_word_is_no_kill(text):
    assert "殺" not in normalize_text(text)
    signals = signal_dict(text)
    assert signals["violence_word"] == 0
    assert signals["threat_ja"] == 0


KILLS = [
    ("ころしてやる", "殺してやる"),
    ("まじでころしてやる", "殺してやる"),
    ("コロしてやる", "殺してやる"),
    ("こ○してやる", "殺してやる"),  # one mask for ろ
    ("コ×ス", "殺す"),
    ("こ●すぞ", "殺すぞ"),
    ("ぶっころす", "ぶっ殺す"),
    ("まじころす", "殺す"),  # after a hiragana, ended
    ("お前ころすぞ", "殺すぞ"),
    ("黙らないところすぞ", "と殺すぞ"),  # the conditional と, then ころす ended by ぞ
    ("お前をころすことにした", "殺すこと"),
]


@pytest.mark.parametrize(("text", "read"), KILLS)
def test_a_kill_spelt_in_kana_or_masked_is_read(text, read):
    assert read in normalize_text(text)
    assert signal_dict(text)["violence_word"] > 0


@pytest.mark.parametrize("text", ["こ○してやる", "お前ころすぞ", "黙らないところすぞ"])
def test_a_masked_or_kana_kill_aimed_is_a_threat(text):
    assert signal_dict(text)["threat_ja"] > 0
