"""The writer counted among a group by a coordination or a partition ("me and the other dykes", "those of us who are
queers", "I'm one of those queers", "glad to be a dyke") owns its word (moderation.targets.owned, session 34); whom
someone else is counted with does not."""

import pytest

from moderation.features.signals import signal_dict
from moderation.targets.owned import OWN
from tests.support.civil_en import CIVIL_NEWS_EN
from tests.support.owned_words import read_word


@pytest.mark.parametrize(("text", "word"), [
    ("me and the other queers at the allotment won first prize", "queers"),
    ("i and all the other dykes in the choir sang at the vigil", "dykes"),
    ("my partner and i are both queers and we vote in every election", "queers"),
    ("my mates and me were all fags at a boys' school, so we stuck together", "fags"),
    ("those of us who are dykes have heard it all before", "dykes"),
    ("some of us that were queers in the seventies had nowhere to dance", "queers"),
    ("other dykes my age remember the clubs closing", "dykes"),
    ("my husband and i, both queers, moved here in 1990", "queers"),
    ("i'm one of those dykes who loves rugby", "dykes"),
    ("glad to be a queer in a city like this", "queer"),
    ("i'm so lucky to be a dyke with friends like mine", "dyke"),
])
def test_the_writer_counted_among_them_owns_the_word(text, word):
    assert read_word(text, word) == OWN


@pytest.mark.parametrize(("text", "word"), [
    ("you and the other fags should leave town", "fags"),
    ("he and the other dykes were shouting outside", "dykes"),
    ("me and the other lads called him a fag at school", "fag"),
    ("they and the other queers are ruining this street", "queers"),
    ("those of them who are dykes should keep quiet", "dykes"),
    ("he's happy to be a fag, apparently", "fag"),
    ("you'd be glad to be a dyke too", "dyke"),
    ("i'm glad to be rid of those fags next door", "fags"),
    ("i'm one of those people who hates fags", "fags"),
    ("hoes my age only care about money", "hoes"),  # read2 s34: "X my age" alone says whose age, not who is X
    ("faggots my age need to grow up", "faggots"),
])
def test_someone_else_counted_with_them_does_not(text, word):
    assert read_word(text, word) != OWN


_CIVIL_COUNTED = (
    "Me and the other parents complained to the head about the school run.",
    "Those of us who are old enough remember the miners' strike.",
    "My wife and I are both nurses and we have not had a pay rise in years.",
    "Other pensioners my age are choosing between heating and eating.",
    "Those of us that are disabled are sick of being blamed for the deficit.",
    "My wife and I, both teachers, are striking on Thursday.",
    "I'm one of the few people who voted for the bypass.",
    "Happy to be a nurse, less happy with the pay offer.",
)


@pytest.mark.parametrize("text", CIVIL_NEWS_EN + _CIVIL_COUNTED)
def test_civil_news_gains_no_attack_reading(text):
    sig = signal_dict(text)
    assert sig["insult_at_group"] == sig["hate_at_group"] == sig["group_attack"] == 0.0
