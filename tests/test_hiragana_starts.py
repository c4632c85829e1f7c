"""Where a hiragana word starts: after a te-form or an urging adverb a death wish is read; inside another word not.

Session 32: 反対派の連中、まとめてくたばれ (harassment 0.187 in 2026.12.04-1), 早くくたばれ, みんなきえろ and
擁護してる奴らまとめてしね read no death word (a hiragana entry after a hiragana that is no particle was dropped,
as 動か|す is), こんなコメントするやつら no person; かたわら, めくらない read a slur and そのうちに the writer.
"""

import pytest

from moderation.features import vocabulary as FV
from moderation.features.signals import signal_dict
from moderation.text.normalize import normalize_text

DEATH_WISHES = [
    "反対派の連中、まとめてくたばれ",  # the te-form まとめて
    "反対派の連中、早くくたばれ",  # くたばれ starts a word after any hiragana
    "反対派の連中、もういなくなれ",
    "擁護してる奴らみんなきえろ",  # きえろ, listed in hiragana
    "擁護してる奴らまとめてしね",  # しね after a te-form is 死ね
    "擁護してる奴ら早くしね。",
    "上の奴、もうしね",
]


@pytest.mark.parametrize("text", DEATH_WISHES)
def test_a_death_wish_after_an_adverb_or_a_te_form_is_read(text):
    assert signal_dict(text)["death_wish_at_person"] > 0


NOT_DEATH = [
    "もうしねーよ、あんな店",  # もうしない
    "早くしねえと間に合わない",  # 早くしないと
    "まあ、それも仕方ないですしね",
    "明日は病院に行くしね",  # 行く + し + ね
    "知っててしねー",
]


@pytest.mark.parametrize("text", NOT_DEATH)
def test_shine_that_is_shinai_or_a_polite_ending_stays(text):
    assert "死ね" not in normalize_text(text)
    assert signal_dict(text)["death_wish"] == 0


def _words(text):
    return [w for _a, _b, w, _c in FV._WORDS.find(text)]


def test_yatsura_after_a_verb_are_people_and_yatsu_stays_bounded():
    """やつら after a verb names people (こんなコメントするやつらはゴミ); やつ alone after a verb is as often a thing
    (昨日買ったやつ、ゴミだった), so it keeps the old boundary, and おやつ is a snack."""
    assert signal_dict("こんなコメントするやつらはゴミ")["insult_at_person"] > 0
    assert "やつら" in _words("この記事書いたやつら出てこい")
    assert signal_dict("昨日買ったやつ、ゴミだった")["insult_at_person"] == 0
    assert "やつ" not in _words("三時のおやつの時間")
    assert "やつ" not in _words("やつれた顔で会見に出てきた")


@pytest.mark.parametrize("text, word", [("仕事のかたわら小説を書いている", "かたわ"),
                                        ("ページをめくらないで読める", "めくら"),
                                        ("そのうちに分かるよ", "うち")])
def test_a_listed_word_that_runs_into_a_verb_or_a_noun_is_not_read(text, word):
    assert word not in _words(text)


def test_a_thing_called_gomi_in_the_news_is_literal():
    """北朝鮮のゴミ風船、本当に迷惑 (the seed article's balloons) was harassment 0.667 in 2026.12.04-1."""
    signals = signal_dict("北朝鮮のゴミ風船、本当に迷惑")
    assert signals["literal"] > 0
    assert signal_dict("この記事にいちゃもんつけてる連中、ほんとゴミだな")["literal"] == 0
