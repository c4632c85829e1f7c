"""'X is a bitch' is the thing's sense only when X is a thing: life, karma, it, or an everyday activity gerund from a
closed list (session 33); a capitalised -ing word may be a surname ("Manning is a bitch"), and a coordinated tail
("and so is your mother", "just like you", "and you're one too") aims the insult back at a person."""

import pytest

from moderation.features.signals import signal_dict
from moderation.targets.owned import owned_spans
from moderation.text.normalize import normalize_text
from tests.support.civil_en import CIVIL_NEWS_EN

THING = [
    "Running is a bitch when it's this humid.",
    "Parking here is a bitch on match days.",
    "Commuting into town is always a bitch.",
    "Getting a dentist appointment is such a bitch.",
    "Life is a bitch and so is the commute.",
    "Karma's a bitch, the new stadium roof leaked on day one.",
]
PERSON = [
    # an -ing surname: not a listed activity
    "Manning is a bitch and always was.",
    "Fleming was a real bitch to the interns.",
    "Browning is such a bitch to his staff.",
    "Golding is a total bitch.",
    # a coordinated tail re-aims the word at a person
    "Life is a bitch and so is your mother.",
    "Karma is a bitch and so are you.",
    "Life's a bitch, just like your sister.",
    "Karma's a bitch and you're one too.",
    "Life is a bitch, and so is he.",
]


@pytest.mark.parametrize(("text", "thing"), [(t, True) for t in THING] + [(t, False) for t in PERSON])
def test_the_thing_sense_needs_a_thing(text, thing):
    assert bool(owned_spans(normalize_text(text))) is thing, text
    assert (signal_dict(text)["literal"] > 0) is thing, text


def test_civil_news_keep_their_thing_reading_and_gain_no_person_one():
    """The civil comments that say "bitch" of a thing or a job keep it as the word's other sense."""
    readings = {t: bool(owned_spans(normalize_text(t))) for t in CIVIL_NEWS_EN if "bitch" in t}
    assert readings == {
        "This government has been a bitch to deal with for anyone running a small business.": True,  # a body
        "Reporting from the front line is a bitch of a job and these journalists deserve our thanks.": True,
        "Karma is a bitch: the minister who cut flood defences had his own house flooded.": True,
        "Parking near the hospital is a bitch and the trust does nothing about it.": True,
        "Life is a bitch and so is the housing market in this city.": True,
    }


@pytest.mark.parametrize(("text", "thing"), [
    ("The council is a real bitch about parking permits.", True),  # an institution: criticism of a body
    ("The tax office was a bitch to get hold of.", True),
    ("The councillor is a bitch.", False),  # a person who sits on it
    ("The council is a bitch and so is your mother.", False),
])
def test_an_institution_as_the_subject_is_a_thing(text, thing):
    assert bool(owned_spans(normalize_text(text))) is thing, text
