"""Session 51's forms of the writer's own group word said of their kind and their company (moderation.targets.owned /
introduced): a rallying call ("dykes, assemble!", "queers of the world, ..."), the word naming the writer's own kind of
life or mood before a noun of a closed list ("dyke life is the best life", "big fag energy today"), "just a dyke and her
dog"; the same frames with others, scorn, harm or worth denied after them are not the writer's."""

import pytest

from moderation.targets.owned import OWN
from tests.support.owned_words import read_word


@pytest.mark.parametrize(("text", "word"), [
    ("homos unite, the quiz starts at eight", "homos"),
    ("dykes, assemble! the allotment needs weeding", "dykes"),
    ("queers of leeds, the choir is back on tuesday", "queers"),
    ("queer life is a good life, mostly", "queer"),
    ("big dyke energy this morning, put the shelves up before breakfast", "dyke"),
    ("peak fag mode tonight: show tunes and cocktails", "fag"),
    ("just a queer and his allotment.", "queer"),
    ("just an old dyke and her bike", "dyke"),
])
def test_the_writers_kind_and_company_own_the_word(text, word):
    assert read_word(text, word) == OWN


@pytest.mark.parametrize(("text", "word"), [
    ("queers of leeds, you make me sick", "queers"),  # the reader, a reaction
    ("faggots unite, in a cell where they belong", "faggots"),  # someone else
    ("dykes of leeds, the quiz is back on friday and so are the lads", "dykes"),  # a menace with no harm word
    ("big queer energy at the pub tonight, bring a brick", "queer"),  # a weapon
    ("dykes of this town, get out before we make you", "dykes"),  # harm, the reader
    ("fag culture is a disease", "fag"),  # scorn ("culture" no noun of the list either)
    ("dyke life is a sickness of the mind", "dyke"),  # a demeaning predicate (read2, s51: none praising)
    ("queer energy is the reason this town went downhill", "queer"),  # blame
    ("fag vibes ruining the pub quiz again", "fag"),  # a verb after, no praise
    ("nigga life don't matter", "nigga"),  # worth denied
    ("dyke life is worth nothing", "dyke"),  # worth denied
    ("big dyke energy off her, someone sort it out", "dyke"),  # someone else, sorting out
    ("just a dyke and her filthy mouth", "dyke"),  # scorn
    ("just a tranny and his kids at the pool", "tranny"),  # children; no close after the noun
])
def test_the_same_frames_at_others_or_with_scorn_are_not_the_writers(text, word):
    assert read_word(text, word) != OWN
