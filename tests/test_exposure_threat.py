"""A threat to expose someone, or their finding told, is an exposure of personal information (pii_exposed).

Session 37 (issue 12, ja): お前の住所をネットで教えてやるよ scored abuse 0.119 with 2026.12.05-1 (allowed): no piece of
personal information was posted, so nothing counted as exposed. Its civil neighbours differ in who owns what is
exposed, whether the writer wills it, or whether the words are reported (moderation/targets/exposed.py).
"""

import pytest

from moderation.features.signals import signal_dict
from moderation.targets.exposed import exposure_threat

THREATS = [
    "お前の住所をネットで教えてやるよ",
    "お前の住所を晒してやる",
    "住所晒すぞ",
    "こいつの勤務先、会社にばらしてやるからな",
    "お前を晒してやる",
    "会社にバラしてやる",
    "てめえの勤務先わかってるからな",
    "お前の家特定したから",
    "こいつの住所割れてるぞ",
    "お前の住所晒されたくなかったら黙れ",
    "あいつのこと晒そうぜ",
    "お前んちの住所ネットに貼っとくわ",
    "コメ主の実家、掲示板に書き込んでやるわ",
    "記者の自宅の住所、ネットに公開してやる",
    "オマエの住所晒すぞ！",  # full width, normalised
    "ｵﾏｴの住所さらしてやる",  # half-width kana, normalised
    "こいつのことツイッターに流してやる",  # the person, published on the net
    "コメ主の本名、拡散されたくなけりゃ消えろ",
    "お前の住所晒すからな笑",  # a laugh ends the clause
    "スレ主の実家、晒しスレに書き込んでやる",
]


@pytest.mark.parametrize("text", THREATS)
def test_a_threat_to_expose_or_a_finding_told_is_exposed(text):
    assert signal_dict(text)["pii_exposed"] == 1.0


CIVIL = [
    "警察が容疑者の住所を公開した",  # no will: a report
    "会社の住所は公式サイトに載っています",  # an office's, no verb of exposure
    "晒し行為は犯罪です",
    "「住所を晒す」と脅された",  # the threat reported
    "「お前の住所晒してやる」と書き込んだ男が逮捕された",
    "住所を晒すと脅迫された",
    "晒すぞとか書く奴は通報",
    "他人の住所を晒すのはやめよう",  # the form does not end its clause
    "私の住所を晒すのはやめて",
    "私の住所晒すわ",  # the writer's own
    "恥を晒すな",  # idioms
    "生き恥を晒してやる",
    "家族の恥を晒すわけにはいかない",
    "危険に身を晒す",
    "過去のことは水に流してやる",
    "新しい住所みんなに教えておくね",
    "住所教えてやるよ",  # a favour: no one singled out, no net named
    "お店の住所を教えてあげるね",
    "迷子の子供の写真を拡散希望",  # an appeal
    "行方不明の娘の情報を拡散してください",
    "娘の写真インスタに載せたよ",
    "政治家の不正を暴露してやる",  # 家 of 政治家 is no home
    "国家の機密を暴露してやる",
    "警察は投稿者を特定した。",
    "お前の気持ちは把握した",
    "住所を晒した男が逮捕された",
    # read2 (session 37): news talk the reading took for a threat to expose someone
    "記者会見の映像をみんなで拡散しよう",  # 記者 of 記者会見 is no reporter singled out
    "記者は与党の裏金を暴露しろ",  # an object between: a wrongdoing exposed, not the person
    "あいつらの嘘を拡散しよう",
    "この大臣の経歴、全部暴露してやる",  # no one singled out: a record, not a private piece
    "安いやつ拡散しときます",  # やつ: a thing
    "娘の写真を家族に拡散しちゃった",  # family words with no one singled out
    "顔を晒す覚悟で実名で書いている",
]


@pytest.mark.parametrize("text", CIVIL)
def test_exposure_talked_about_reported_or_idiomatic_is_not(text):
    assert not exposure_threat(text)
    assert signal_dict(text)["pii_exposed"] == 0.0


def test_a_found_home_visited_on_an_errand_stays_unexposed():
    """The errand visit (located.ERRAND_VISIT) still clears a home told as found (session 28's reading)."""
    assert exposure_threat("あいつの家わかったから、今からお礼を言いに行ってくる")
    assert signal_dict("あいつの家わかったから、今からお礼を言いに行ってくる")["pii_exposed"] == 0.0
