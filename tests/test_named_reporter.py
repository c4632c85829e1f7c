"""A surname with 記者 or アナ names one person; a kind of reporter or the press's institutions name no one.

Session 33 (issue 12, ja): 田中記者 read only as a reporter in general (third_person), so 田中記者は賄賂を受け取っている
asserted no crime of a named person (accusation_named), as 田中議員は… did; 記者クラブはバカ was harassment 0.621 with
2026.12.04-4, its 記者 read as a person: the institution is a thing, as あの法案はゴミ.
"""

import pytest

from moderation.features.signals import signal_dict

NAMED = ["田中記者はバカ", "阿部記者は死ね", "佐藤アナはブス", "山田議員はバカ"]


@pytest.mark.parametrize("text", NAMED)
def test_a_surname_with_a_role_is_a_named_person(text):
    assert signal_dict(text)["named_person"] > 0


KINDS = ["新聞記者はバカ", "女性記者の質問が鋭い", "番記者が集まった", "このクソ記者、取材もせずに書くな", "記者は死ね"]


@pytest.mark.parametrize("text", KINDS)
def test_a_kind_of_reporter_names_no_one(text):
    assert signal_dict(text)["named_person"] == 0


@pytest.mark.parametrize("text", ["田中記者は賄賂を受け取っている", "佐藤アナは事務所の金を横領している"])
def test_a_crime_asserted_of_a_named_reporter_is_an_accusation(text):
    assert signal_dict(text)["accusation_named"] > 0


REPORTED = ["田中記者が賄賂を受け取っていたと報じられた", "佐藤アナが横領したという噂は事実無根だった"]


@pytest.mark.parametrize("text", REPORTED)
def test_a_report_or_a_denial_of_it_is_none(text):
    assert signal_dict(text)["accusation_named"] == 0


INSTITUTIONS = ["記者クラブはバカ", "記者クラブは既得権益の塊だ", "記者会見での質問が時間の無駄だった"]


@pytest.mark.parametrize("text", INSTITUTIONS)
def test_the_press_institutions_are_things_not_people(text):
    signals = signal_dict(text)
    assert signals["third_person"] == 0
    assert signals["insult_at_person"] == 0
