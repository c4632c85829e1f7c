"""A private person's school year, department or workplace told as hearsay, or their yearbook posted, is exposed.

Session 33 (issue 12, ja): 卒アル晒すわ (personal_info 0.003 with 2026.12.04-4), 〇〇高校の3年だって (0.047) and
勤務先らしいよ、〇〇株式会社の営業部 (0.014) exposed no piece of personal information: an affiliation counted only
beside a singled-out target (こいつ〇〇高校の3年だって: 0.948), a yearbook was no piece. A report names a school or a
company as its sentence's subject (〇〇高校の3年生が優勝した), not as what someone is said to be; らしい of a manner
(営業部らしい強引なやり方) is no hearsay.
"""

import pytest

from moderation.features.signals import signal_dict

EXPOSED = [
    "卒アル晒すわ",
    "こいつの卒アル晒すわ",
    "〇〇高校の3年だって",
    "北高の2年らしいよ",
    "勤務先らしいよ、〇〇株式会社の営業部",
    "勤務先は山田商事の営業部らしい",
    "あの店員、駅前のコンビニの夜勤らしい",
    "あいつの職場、駅前の佐藤歯科らしいよ",
]


@pytest.mark.parametrize("text", EXPOSED)
def test_an_affiliation_told_or_a_yearbook_posted_is_exposed(text):
    assert signal_dict(text)["pii_exposed"] == 1.0


NOT_EXPOSED = [
    "トヨタの営業部が記者会見した",
    "〇〇高校の3年生が全国大会で優勝した",
    "容疑者は〇〇株式会社の営業部に勤務していたと警察は発表した",
    "息子は〇〇高校の3年です",
    "私は〇〇高校の3年だって言ったでしょ",  # the writer
    "来年から大学の1年生になるらしい",
    "職場の雰囲気が悪いらしい",
    "勤務先の雰囲気が悪いらしい",
    "この会社の営業部らしい強引なやり方だ",  # らしい of a manner
    "病院の看護師らしい対応だった",
    "卒業アルバムの写真が事件報道で使われたことに批判が出ている",
    "卒アル見返してたら懐かしくなった",
    "田中議員の事務所に抗議が殺到している",
]


@pytest.mark.parametrize("text", NOT_EXPOSED)
def test_a_report_or_a_manner_is_not_exposed(text):
    assert signal_dict(text)["pii_exposed"] == 0.0


SIGNED = ["下の奴、南が丘高校の2年だって笑", "投稿主の高校、制服で分かる。私立桜ヶ丘女子の2年だって",
          "スレ主の職場 南町運送の経理部らしいよ", "あいつ北高の2年みたいだね"]


@pytest.mark.parametrize("text", SIGNED)
def test_a_clause_ending_in_a_sign_or_a_private_school_is_still_told(text):
    """笑 or an emoji may end the hearsay; 私立 is a school's kind, not the writer's 私."""
    assert signal_dict(text)["pii_exposed"] == 1.0
