"""Session 60's forms of the writer's own group word (moderation.targets.openings / owned / introduced / kindred): "i
call myself a ...", "i'm that ...", a rallying call with no comma, "... and proud", what being one is, a crowd of the
writer's own greeted as the whole comment; each with a refusing twin, the same words turned on others, denied, asked
back, scorned, with harm or with an open stretch after the greeting, which stays unread."""

import pytest

from moderation.targets.owned import OWN
from tests.support.owned_words import read_word


@pytest.mark.parametrize(("text", "word"), [
    ("i call myself a queer because it's my word.", "queer"),
    ("i've always called myself a dyke.", "dyke"),
    ("i'm that dyke who always brings the good snacks.", "dyke"),
    ("i was that queer kid in the back of the class reading poetry.", "queer"),
    ("dykes of the world unite!", "dykes"),
    ("dyke and proud.", "dyke"),
    ("being a dyke has been a gift, honestly.", "dyke"),
    ("being queer is the best thing about me.", "queer"),
    ("being a fag has been a blessing and i mean that.", "fag"),
    ("morning queers x", "queers"),
    ("happy pride, dykes!", "dykes"),
    ("sup niggas", "niggas"),
    ("night night homos x", "homos"),
    ("good morning my fellow dykes, thank you all for the cake!", "dykes"),
])
def test_the_writers_own_named_praised_and_greeted_own_the_word(text, word):
    assert read_word(text, word) == OWN


@pytest.mark.parametrize(("text", "word"), [
    ("i'd never call myself a dyke.", "dyke"),  # denied
    ("i refuse to call myself a faggot.", "faggot"),  # refused
    ("if i called myself a dyke my dad would kill me.", "dyke"),  # imagined
    ("i call him a queer because it's the word for vermin like him.", "queer"),  # someone else
    ("i'm that dyke's landlord and she owes me rent.", "dyke"),  # someone else's
    ("you were that queer kid in the back of the class.", "queer"),  # the reader
    ("dykes of the world unite so we can find you all at once.", "dykes"),  # the reader
    ("dyke and proud? disgusting.", "dyke"),  # asked back, scorned
    ("queer and proud, what a bunch of perverts.", "queer"),  # scorned
    ("being a dyke is a sin.", "dyke"),  # no praise
    ("being a dyke is a gift to nobody, keep them away from the school.", "dyke"),  # no praise closing the clause
    ("being a faggot is great until they find out.", "faggot"),  # others
    ("being a tranny is great fun for the perverts.", "tranny"),  # no close; scorn
    ("hey faggots", "faggots"),  # a bare hail of a word outsiders jeer with
    ("hey queers!", "queers"),
    ("morning niggas, the cotton won't pick itself.", "niggas"),  # an open stretch (read2, session 52)
    ("morning queers, lock up your kids.", "queers"),
    ("happy pride, faggots, enjoy it while it lasts.", "faggots"),
    ("morning trannies, happy birthday bro", "trannies"),  # misgendered
    ("sup bitches", "bitches"),  # not bitch / hoe / slut (kindred: Davidson's labels, left to a fit)
])
def test_the_same_frames_at_others_or_with_scorn_are_not_the_writers(text, word):
    assert read_word(text, word) != OWN
