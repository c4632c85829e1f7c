"""消えな / 失せな (the rough imperative: get lost) is an order to vanish, like 消えろ; 消えない and its kin are not.

Session 34 (issue 12, ja): 消えな read no word (abuse 0.042 with 2026.12.04-5, お前は消えな 0.090). A kanji entry was
taken as it stood, so listing 消えな would have fired inside 消えない / 消えなかった; the matcher now applies the listed
right-hand continuations (wordlists/boundaries.RIGHT_EXCLUDE) to kana-ending kanji entries too, one look per hit.
"""

import pytest

from moderation.features.signals import signal_dict

ORDERS = ["消えな", "お前はもう消えな", "さっさと消えなよ", "文句しか言えないなら失せな", "目障りだから消えなって"]
NOT_ORDERS = ["痛みがなかなか消えない", "不安が消えなかった", "この傷は消えなさそう", "煙が消えながら広がった",
              "早く熱が消えなきゃ困る", "明かりが消えなくて眠れない", "失せないうちにメモしておく",
              "記憶が消えなければいい"]


@pytest.mark.parametrize("text", ORDERS)
def test_the_rough_imperative_is_an_order_to_vanish(text):
    assert signal_dict(text)["death_wish"] > 0


@pytest.mark.parametrize("text", NOT_ORDERS)
def test_the_negative_forms_are_other_words(text):
    assert signal_dict(text)["death_wish"] == 0


def test_said_to_you_it_is_aimed_at_you():
    assert signal_dict("お前は消えな")["death_wish_at_person"] > 0
