"""A cabinet, a government, the Diet or a ruling party called rubbish is an opinion of a body, not an insult at a person.

Session 34 (issue 12, ja): 今の内閣はゴミ was harassment 0.338 with 2026.12.04-5 (held), its insult unaimed, while
あの法案はゴミ (a thing) was 0.043. The bodies stay public figures; an insult at a person beside them stays one.
"""

import pytest

from moderation.features.signals import signal_dict


@pytest.mark.parametrize("text", ["今の政府はクズ", "この政権、ほんとゴミだな", "与党も野党もカスばっかり", "国会はバカの集まり"])
def test_an_insult_at_a_governing_body_is_at_a_thing(text):
    signals = signal_dict(text)
    assert signals["insult_at_thing"] > 0
    assert signals["insult_unaimed"] == 0
    assert signals["public_figure"] > 0


def test_an_insult_at_a_person_beside_one_stays_at_the_person():
    assert signal_dict("政府の犬のお前はクズ")["insult_at_person"] > 0


def test_an_insult_at_a_minister_is_no_thing():
    assert signal_dict("大臣はクズ")["insult_at_thing"] == 0
