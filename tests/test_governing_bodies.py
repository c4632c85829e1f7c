"""A cabinet, a government, the Diet or a ruling party called rubbish is an opinion of a body, not an insult at a
person.

Session 34 (issue 12, ja): 今の内閣はゴミ was harassment 0.338 with 2026.12.04-5 (held), its insult unaimed, while
あの法案はゴミ (a thing) was 0.043. The bodies stay public figures; an insult at a person beside them stays one.
"""

import pytest

from moderation.features.signals import signal_dict


@pytest.mark.parametrize("text", ["今の政府はクズ", "この政権、ほんとゴミだな", "与党も野党もカスばっかり",
                                  "国会はバカの集まり"])
def test_an_insult_at_a_governing_body_is_at_a_thing(text):
    signals = signal_dict(text)
    assert signals["insult_at_thing"] > 0
    assert signals["insult_unaimed"] == 0
    assert signals["public_figure"] > 0


def test_an_insult_at_a_person_beside_one_stays_at_the_person():
    assert signal_dict("政府の犬のお前はクズ")["insult_at_person"] > 0


def test_an_insult_at_a_minister_is_no_thing():
    assert signal_dict("大臣はクズ")["insult_at_thing"] == 0


@pytest.mark.parametrize("text", ["与党の奴らはアホばかり", "政権の犬どもは黙れ", "内閣の連中はクズだ"])
def test_the_people_of_a_body_are_persons(text):
    """政府の犬, 与党の連中 (read2 s34): people of the body, so the insult is at persons, not at the body."""
    signals = signal_dict(text)
    assert signals["insult_at_thing"] == 0 and signals["insult_at_person"] > 0
