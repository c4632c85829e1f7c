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


@pytest.mark.parametrize("text", ["こんな法案通した連中、頭湧いてんのか", "この番組作ったやつ、脳みそ沸いてるだろ"])
def test_said_of_who_made_a_thing_it_is_at_them_not_the_thing(text):
    signals = signal_dict(text)  # read2 F5 (session 33): the thing inside the clause is no target
    assert signals["insult_at_person"] > 0
    assert signals["insult_at_thing"] == 0


@pytest.mark.parametrize("text", ["暑くて頭沸いてる、今日は何もできない", "徹夜で頭わいてるから変なこと言ったらごめん"])
def test_a_head_boiling_from_heat_or_no_sleep_is_no_insult(text):
    signals = signal_dict(text)  # read2 F12b (session 33): the writer's own state, with its cause said
    assert signals["insult_unaimed"] == 0
    assert signals["insult_at_person"] == 0


@pytest.mark.parametrize("text", ["クマが全然消えなーい", "眠気が消えなぃ、つらい"])
def test_a_drawled_negative_is_no_order(text):
    """消えなーい / 消えなぃ (read2 s34): the negative drawled, not the rough order 消えな."""
    assert signal_dict(text)["death_wish"] == 0
