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
    # もうしね is as often "won't do it any more" (second read F4: harassment 0.017 -> 0.817 on the first reading), so
    # もう no longer urges (上の奴、もうしね is read by nothing: the cost)
    "あの店もう二度と行かね、もうしね",
    "もうしね。疲れた",
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
    assert [w for w in _words("この記事書いたやつら出てこい") if w.endswith("やつら")]  # one entry: its maker
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


QUOTATIVE_YATSU = ["日本の政治ってやつはゴミだ", "政治ってやつは本当にクソだな", "これが民主主義ってやつか"]


@pytest.mark.parametrize("text", QUOTATIVE_YATSU)
def test_a_thing_called_yatsu_after_the_quotative_is_no_person(text):
    """Second read F1: with て a particle, ってやつ (the thing called X) read a person: 日本の政治ってやつはゴミだ
    harassment 0.217 -> 0.977 in the first refit with it (2026.12.04-2, not shipped)."""
    signals = signal_dict(text)
    assert signals["third_person"] == 0 and signals["insult_at_person"] == 0


AFTER_TE = [("公園を歩いてごみを拾った", "ごみ"), ("雨が降ってきてごみが散らばった", "ごみ"),
            ("頑張ってあほみたいに働いた", "あほ"), ("来日してがいじん扱いされた", "がいじ")]


@pytest.mark.parametrize("text, word", AFTER_TE)
def test_a_short_insult_after_a_te_form_is_not_read(text, word):
    """Second read F2: a te-form ends no clause for the short insults (only LEFT_FREE words start there)."""
    assert word not in _words(text)


def test_the_death_words_after_a_te_form_start_a_word_without_te_as_a_particle():
    """まとめて|くたばれ and まとめて|きえろ are read by LEFT_FREE, not by て."""
    assert "くたばれ" in _words("反対派の連中、まとめてくたばれ")
    assert "きえろ" in _words("反対派の連中、まとめてきえろ")


def test_a_conditional_of_inakunare_and_ayatsuru_are_no_listed_words():
    """Second read F3, F5: いなくなれば (a news comment on depopulation) is no death wish, やつら not inside
    あやつられる or おやつらしい."""
    assert signal_dict("医者がどんどんいなくなれば地方は終わる")["death_wish"] == 0
    assert "やつら" not in _words("国民はマスコミにあやつられている")
    assert "やつら" not in _words("おやつらしい味がする")
