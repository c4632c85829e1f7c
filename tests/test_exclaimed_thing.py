"""Swearing at a thing is no attack (session 33): "this fucking printer", "the goddamn train", "my fucking laptop" read
as an intensifier aimed at nobody (targets.exclaimed reading 7), so the swear word counts as neither profanity aimed at
someone nor towards an insult; a person noun after it, or "your" before it, keeps it aimed."""

import pytest

from moderation.features.signals import signal_dict
from tests.support.civil_en import CIVIL_NEWS_EN

AT_A_THING = [
    "This fucking printer has jammed again.",
    "The goddamn train is late for the third day running.",
    "My fucking laptop died in the middle of the call.",
    "Ugh, this fucking weather.",
    "That fuckin self-checkout ate my card.",
    "Our stupid fucking old boiler packed in again.",
    # session 40: institutions, bodies no one is
    "The fucking hospital lost my scan results.",
    "The fucking government raised the fares again.",
]
AT_A_PERSON = [
    "This fucking idiot never shuts up.",
    "The fucking ref is blind.",
    "That fucking landlord of mine kept the deposit.",
    "You and your fucking car, move it.",
    "The fucking council workers dumped the bins on my drive.",  # people of the institution
    "The fucking ministers raised the fares again.",
]


@pytest.mark.parametrize("text", AT_A_THING)
def test_swearing_at_a_thing_aims_at_nobody(text):
    signals = signal_dict(text)
    assert signals["profanity_unaimed"] == 0 and signals["insult_at_person"] == 0, text


@pytest.mark.parametrize("text", AT_A_PERSON)
def test_swearing_at_a_person_stays_aimed(text):
    signals = signal_dict(text)
    assert signals["profanity_unaimed"] > 0 or signals["insult_at_person"] > 0, text


def test_civil_news_gain_no_aimed_swearing():
    """Reading 7 adds no aimed reading to civil comments: only the insult word said of an office fires."""
    fired = {t: k for t in CIVIL_NEWS_EN for k, v in signal_dict(t).items()
             if v and k in ("profanity_unaimed", "insult_at_person", "insult_unaimed")}
    # ("This government has been a bitch to deal with ..." fired insult_unaimed until owned.py read a body as a thing)
    assert fired == {"Frankly the mayor is useless and the whole council should be voted out.": "insult_unaimed"}
