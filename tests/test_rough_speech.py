"""頭湧いてんのか (a head teeming: mad) is an insult, aimed at whom it is said of: a commenter, or a policy.

Session 33 (issue 12, ja): 頭湧いてんのか read no word (harassment 0.029 with 2026.12.04-4; 上のコメ主、頭湧いてんのか
0.453 from its addressee alone). Said of a policy it is criticism: an insult at a thing, as この政策は頭おかしいだろ.
"""

import pytest

from moderation.features.signals import signal_dict

AT_PEOPLE = ["上のコメ主、頭湧いてんのか", "お前頭沸いてるだろ", "上でドヤってる奴、ほんと頭湧いてんのか"]


@pytest.mark.parametrize("text", AT_PEOPLE)
def test_a_head_teeming_said_of_a_person_is_an_insult_at_them(text):
    assert signal_dict(text)["insult_at_person"] > 0


@pytest.mark.parametrize("text", ["この政策、頭湧いてんのか", "あの法案、脳みそ沸いてるとしか思えない"])
def test_said_of_a_policy_it_is_no_insult_at_a_person(text):
    signals = signal_dict(text)
    assert signals["insult_at_person"] == 0
    assert signals["insult_at_thing"] > 0


def test_water_boiling_is_no_insult():
    assert signal_dict("お湯が沸いてから麺を入れる")["insult_unaimed"] == 0
