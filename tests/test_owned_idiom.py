"""'bitch' said of a thing or a situation is no one's insult (session 32): life, karma, it, that, this or a gerund
as its subject, or 'a bitch of a' day or commute, read as the word's other sense (owned.LITERAL); said of a person,
with the same frames, it stays an insult."""

import pytest

from moderation.features.signals import signal_dict
from moderation.targets.owned import owned_spans
from moderation.text.normalize import normalize_text

THING = [
    "Life is a bitch and then you die.",
    "Karma's a bitch, the new bypass flooded in its first week.",
    "It's such a bitch to find a plumber before Christmas.",
    "Ugh, that's a bitch.",
    "Finding a parking space near the market was a real bitch.",
    "What a bitch of a week, three nights on call.",
]
PERSON = [
    "She's a bitch to everyone at work.",
    "That bitch stole my parking space.",
    "Your sister is a bitch of a woman.",
    "What a bitch of a mother-in-law you have.",
    "The receptionist was a real bitch to me.",
    "You're a bitch, and everyone knows it.",
    # the second read (session 32): a clause-opening "-thing" or a gerund whose words name a person is no thing
    "Nothing against her but she is a bitch.",
    "Something tells me your wife is a bitch.",
    "Everything about that man says he's a bitch.",
]


@pytest.mark.parametrize(("text", "thing"), [(t, True) for t in THING] + [(t, False) for t in PERSON])
def test_bitch_of_a_thing_is_its_other_sense(text, thing):
    norm = normalize_text(text)
    assert bool(owned_spans(norm)) is thing, text
    assert (signal_dict(text)["literal"] > 0) is thing, text  # counted as the other sense, not an insult


@pytest.mark.parametrize(("text", "own"), [
    ("Queer folks like me deserve better healthcare.", True),  # a people noun between the word and "like me"
    ("Dyke elders like us built this choir.", True),
    ("Queer kids like me had nobody to talk to.", True),
    ("Queer folks like you ruin everything.", False),  # the reader's group, not the writer's
    ("Dykes like them should leave.", False),
    ("I would never hire dyke women myself.", False),  # an emphatic "myself": the people noun only before "like me"
    ("I can't stand tranny people myself.", False),
])
def test_a_people_noun_may_stand_between_the_word_and_like_me(text, own):
    assert bool(owned_spans(normalize_text(text))) is own, text  # the writer's own word: n-grams hashed apart


@pytest.mark.parametrize(("text", "thing"), [
    ("Karma is a cruel bitch.", True),  # an intensifier
    ("That's a stupid bitch.", False),  # a describing word: a person
    ("It's a lil bitch at the bus stop in flip-flops.", False),
])
def test_only_an_intensifier_may_stand_before_the_word(text, thing):
    assert bool(owned_spans(normalize_text(text))) is thing, text
