"""A private person singled out by what they wrote or pretend, with their workplace or home and a call or a search
beside them, is exposed; a home found to go and apologise or thank at, with no menace, is not.

Session 34 (issue 12, ja): with 2026.12.04-5, a workplace posted of 被害者ぶってる女 with a call to it (personal_info
0.701 -> 0.492 from -4) and a reporter's home searched for (0.519 -> 0.297) read only pii_pieces and pii_expose_act,
whose weight fell when the hearsay rows taught pii_exposed; 書いてる奴 was a target, 書いた記者 and ぶってる女 were not.
A commenter's home found to take an apology to read pii_exposed (0.014 -> 0.316).
"""

import pytest

from moderation.features.signals import signal_dict

EXPOSED = [
    "悲劇のヒロインぶってる女、職場は駅前の美容室。店に電話しまくろう",
    "この記事を書いた記者、自宅の場所なんか調べたらすぐ出てくるぞ",
    "記事書いた奴の勤務先は〇〇銀行の支店、みんなで電話しよう",
    "上のコメ主の家わかった。今から行って話つけてくる",
    "スレ主の家わかったわ、ちょっと説明しに行ってくる",  # an "explanation" at home: as likely a confrontation
    "投稿者の職場わかったから、土下座で謝罪させに行く",  # coercion, no errand
]
NOT_EXPOSED = [
    "コメ主の家がわかったので、お詫びの手紙を持って謝りに行きます",
    "あの記者の勤め先がわかった。来週、取材のお礼を言いに伺います",
    "この記事を書いた記者の取材は丁寧だった",
    "記事を書いた記者の勤務先は新聞社だ",
]


@pytest.mark.parametrize("text", EXPOSED)
def test_a_singled_out_persons_whereabouts_with_a_call_or_search_is_exposed(text):
    assert signal_dict(text)["pii_exposed"] == 1.0


@pytest.mark.parametrize("text", NOT_EXPOSED)
def test_an_errand_visit_or_a_plain_mention_is_not_exposed(text):
    assert signal_dict(text)["pii_exposed"] == 0
