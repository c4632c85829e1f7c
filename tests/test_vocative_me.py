"""An insult with the contempt suffix め after a pointing word is said to a person (このブタめ, こんなクズどもめ); め
after the writer's own folly, a beast in its own sense, a thing or an oath is not (wordlists.addressees.SCORNED_ME)."""

import pytest

from model.judge import JA_VOCATIVE_ME_PROBE
from moderation.features.signals import signal_dict
from tests.support.probes import assert_reading_probe

PAIRS = [
    ("このブタめ、よくも顔を出せたな", "この大雨め、よくも運動会の日に降ったな"),
    ("このウジ虫め、二度と来るな", "ちくしょうめ、二度と来るか"),
    ("このバカめ、なんで傘を持っていった", "俺のバカめ、なんで傘を忘れたんだ"),
    ("このメス豚め、柵から出るな", "養豚場のメス豚め、また柵を壊した"),
    ("お前みたいな寄生虫めが", "腹の寄生虫めが、やっと出ていった"),
]


@pytest.mark.parametrize(("scorned", "other"), PAIRS, ids=[p[0] for p in PAIRS])
def test_an_insult_with_me_after_a_pointing_word_is_at_a_person(scorned, other):
    assert signal_dict(scorned)["insult_at_person"] > 0, scorned
    assert signal_dict(other)["insult_at_person"] == 0, other


@pytest.mark.parametrize("text", ["このブタめし、うまい", "そのアホめっちゃ面白い", "このバカめいた話"])
def test_me_beginning_another_word_is_no_suffix(text):
    """豚めし, めっちゃ, めいた: RIGHT_EXCLUDE, also after a katakana-first entry (matcher's compiled rules)."""
    assert signal_dict(text)["insult_at_person"] == 0, text


# session 51 (read2's round 2 on the め reading): め said to no one in the comment is no insult at a person
NO_ONE = [
    ("あー、このバカめ、俺の財布を盗みやがって", "あー、このバカめ、俺ってやつはまた財布を家に忘れた"),
    ("そこのアホめ、とお前に言いたい", "そこのアホめ、とうちの猫に言ったら障子をまた破られた"),
    ("この豚め、柵の外でお前を待ってるぞ", "この豚め、また柵を壊して畑に逃げ出しやがって"),
    ("このバカめ、二度と来るな", "このバカめ、と母に叱られた"),
    # read2's round on the first version: the writer before the insult, someone else's self-talk reported
    ("このアホめ、お前のせいで鍵をなくした", "私ったらこのアホめ、また鍵を家に置いてきた"),
    ("あのバカめ、と何度でもお前に言ってやる", "あのバカめ、と父は自分の失敗を笑った"),
]


@pytest.mark.parametrize(("scorned", "no_one"), NO_ONE, ids=[p[1] for p in NO_ONE])
def test_me_said_to_no_one_in_the_comment_is_no_insult_at_a_person(scorned, no_one):
    """The writer scolding themself (俺って), words told to a pet or by someone else (…、と猫に言った, と母に叱られた)
    and a pig on a farm (柵, 畑) aim at no one (moderation/targets/mentioned_ja.py); the same め at the reader does."""
    assert signal_dict(scorned)["insult_at_person"] > 0, scorned
    got = signal_dict(no_one)
    assert got["insult_at_person"] == 0 and got["denied_harm"] > 0, no_one


def test_the_probe_is_well_formed():
    """12 pairs written before the reading and 4 with session 51's readings of め said to no one; a twin shares as
    little as one character."""
    assert_reading_probe(JA_VOCATIVE_ME_PROBE, {"harmful": 16, "non_harmful": 16}, 16, 1)
