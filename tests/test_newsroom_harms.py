"""Session 52 (issue 12, read2's thirteenth probe): a threat at a reporter deserved, wished or veiled, and spying for a
state told as fact of a named or singled-out person, read as the construction they are; their civil twins are not."""

import pytest

from moderation.features.signals import signal_dict
from tests.support.threats import threat_read

THREATS_EN = [
    "That anchor deserves to get her nose broken for this.",
    "The editor who ran this deserves to have his jaw wired shut.",
    "Whoever approved this piece needs a bullet through the head.",
    "Someone should teach that correspondent a lesson.",
    "We'll teach the columnist a proper lesson she won't forget.",
    "The presenter would look much better with a bloody nose.",
    "Somebody ought to put the photographer in the morgue.",
    "The cameraman deserves to be shot for filming this.",  # a trade called on (the call's subject)
]
CIVIL_EN = [
    "That anchor deserves to get her job back after this.",
    "Whoever approved this piece needs a bullet point summary.",
    "Someone should teach that correspondent a lesson in basic geography.",
    "The presenter would look much better with a shorter fringe.",
    "The attack put the photographer in hospital for a week.",  # a report: no call
    "The cameraman was told he deserves to be shot, and he went to the police.",  # the call reported
]
THREATS_JA = [
    "あの記者は刺されても文句言えないよ。",
    "こいつ殴られて当然だわ。",
    "あのキャスターなんか痛い目にあえばいい。",
    "支局に火をつけてやりたい。",
    "特派員は袋叩きにしてやりたい。",
]
CIVIL_JA = [
    "赤信号で渡ったら轢かれても文句は言えない。",  # no one singled out, and 轢 is no deed here
    "あの記者は批判されて当然だ。",
    "記者が「刺されても文句言えない」と脅迫された。",
    "支局に花を届けてやりたい。",
]
SPIES = [
    "Senator Marlow is a Kremlin asset.",
    "Councillor Obi has been on the Kremlin payroll for years.",
    "That BBC correspondent works for the FSB.",
    "Dr Lena Park spies for Pyongyang.",
    "The foreign secretary is a traitor who sold our secrets to Moscow.",
    "山口議員は北朝鮮の工作員だ。",
    "あの特派員は中国のスパイで確定。",
]
NOT_SPIES = [
    "Is Senator Marlow a Kremlin asset? Nobody has shown it.",
    "Police say Councillor Obi has been on the Kremlin payroll.",
    "The spy in the novel is a Kremlin asset.",
    "The foreign secretary's plan is a traitor's deal with Moscow.",
    "山口議員は北朝鮮の工作員ではない。",
    "山口議員が北朝鮮の工作員だという噂はデマだ。",
    "あの特派員は中国のスパイ映画に詳しい。",
]


@pytest.mark.parametrize("text", THREATS_EN + THREATS_JA)
def test_a_threat_at_a_reporter_deserved_wished_or_veiled_is_read(text):
    assert threat_read(text) > 0


@pytest.mark.parametrize("text", CIVIL_EN + CIVIL_JA)
def test_the_same_frame_with_no_harm_or_the_threat_reported_is_not(text):
    assert threat_read(text) == 0


@pytest.mark.parametrize("text", SPIES)
def test_spying_told_as_fact_of_a_named_person_is_an_accusation(text):
    s = signal_dict(text)
    assert s.get("accusation_en", 0.0) + s.get("accusation_ja", 0.0) > 0


@pytest.mark.parametrize("text", NOT_SPIES)
def test_spying_asked_reported_fictional_denied_or_of_a_policy_is_not(text):
    s = signal_dict(text)
    assert s.get("accusation_en", 0.0) + s.get("accusation_ja", 0.0) + s.get("accusation_named", 0.0) == 0


# read2's round against the first version (session 52): heated opinion and stories in the same words
READ2_CIVIL = [
    "I'll teach that editor a proper lesson: I'm cancelling my subscription.",
    "Someone should teach that anchor a lesson, namely how to say Pyongyang.",
    "My brother looks better with a broken nose, he says it gives him character.",
    "あいつ、ボコボコにされても文句言えない試合だったな。",
]
READ2_NOT_SPIES = [
    "In the film the correspondent is a KGB agent, which makes the ending a real twist.",
    "Our ambassador was a spy, he admitted it in his memoir.",
]


@pytest.mark.parametrize("text", READ2_CIVIL)
def test_a_lesson_named_a_look_said_or_a_game_lost_is_nothreat_read(text):
    assert threat_read(text) == 0


@pytest.mark.parametrize("text", READ2_NOT_SPIES)
def test_a_story_s_spy_or_one_s_own_admission_is_no_accusation(text):
    s = signal_dict(text)
    assert s.get("accusation_en", 0.0) + s.get("accusation_named", 0.0) == 0
