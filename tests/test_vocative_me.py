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


def test_the_probe_is_well_formed():
    """12 pairs written before the reading; a twin shares as little as one character."""
    assert_reading_probe(JA_VOCATIVE_ME_PROBE, {"harmful": 12, "non_harmful": 12}, 12, 1)
