"""The writer introducing themself by their own group word without "here" (session 50, moderation.targets.introduced):
"just a queer kid from ...", a sign-on ("your friendly neighbourhood dyke, reporting for duty", "... here with ..."),
"x here, just wanted to ...", a profile ("dyke, mum, magistrate."); the same frames turned on someone else, or with
harm or scorn, are not the writer's (the frames of tests/functional/en_own_intro_probe.jsonl, other words)."""

import pytest

from moderation.targets.owned import OWN, reading
from tests.support.cpu_cost import cost
from tests.support.owned_words import read_word


@pytest.mark.parametrize(("text", "word"), [
    ("just a queer lad from hull who still can't drive", "queer"),
    ("just an old fag with a allotment and two cats", "fag"),
    ("just a tired dyke nurse trying to get home after nights", "dyke"),
    ("your friendly neighbourhood queer, checking in after the storm", "queer"),
    ("your local fag here with the quiz answers", "fag"),
    ("old queer here again, the footpath is still flooded", "queer"),
    ("dyke here, just wanted to thank whoever found my purse", "dyke"),
    ("queer here, popping in to say the choir concert is on friday", "queer"),
    ("dyke, grandma, beekeeper, church warden.", "dyke"),
    ("fag, 61, he/him, rubbish at darts, good at pies.", "fag"),
])
def test_the_writer_introduced_owns_the_word(text, word):
    assert read_word(text, word) == OWN


@pytest.mark.parametrize(("text", "word"), [
    ("he's just a queer lad from hull, nobody would miss him", "queer"),  # not at a clause's start: someone else
    ("just an old fag with a allotment, and she should be burnt out of it", "fag"),  # someone else, harm
    ("just a filthy dyke from the estate with a big mouth", "dyke"),  # scorn in the describing words
    ("just a dyke from the estate who deserves what's coming", "dyke"),  # harm after
    ("just a dyke from the estate, report it", "dyke"),  # no "from/with/who ..." frame: a report
    ("your friendly neighbourhood queer is outside the school again", "queer"),  # no sign-on: someone else
    ("your local fag here with his filth again, ban him", "fag"),  # someone else after "here"
    ("dyke here, just wanted to say get her out of the changing rooms", "dyke"),  # the one present, named after
    ("dyke, grandma, lives at 4 mill lane, go round.", "dyke"),  # a verb and a place: no profile
    ("dyke, grandma, beekeeper and a disgrace.", "dyke"),  # scorn among the items
    ("fag next door, 61, keeps his boyfriend over", "fag"),  # words between: no profile
    ("well. dyke, grandma, beekeeper.", "dyke"),  # not at the comment's or a line's start
])
def test_the_same_frames_at_someone_else_are_not_the_writers(text, word):
    assert read_word(text, word) != OWN


def test_the_introductions_grow_linearly():
    """Every window the new readings look at is bounded: reading the first word of a profile of many items, or a
    "just a" frame in a long comment, costs about what it does in a short one."""
    short = "dyke, mum, " + "runner, " * 8 + "baker. just a queer kid from leeds with a bike. "
    long = short[:-1] + "runner, " * 2000 + short
    for word in ("dyke", "queer"):
        def read(text, word=word):
            a = text.index(word)
            return reading(text, a, a + len(word))
        assert cost(read, long) < 5 * cost(read, short)


@pytest.mark.parametrize(("text", "word"), [  # read2's round on 997a893 (session 50), in other words
    ("your friendly neighbourhood queer here again, what a creep, posting under every article", "queer"),
    ("your local fag, checking in, the dirty pervert.", "fag"),
    ("dyke here, asking for a slap as usual.", "dyke"),
    ("just a tranny trying to groom kids at the swimming baths.", "tranny"),
    ("just an old queer living off our taxes.", "queer"),
    ("dyke, 50, netball coach, predator.", "dyke"),
    ("your local queer here with a warning: we know where you park.", "queer"),
    ("your friendly neighbourhood queer here again, someone should sort it out.", "queer"),  # "it" for a person
    ("dyke here, thought nobody would see it sneaking into the changing rooms.", "dyke"),
    ("your local fag, checking in, keep the kids indoors.", "fag"),  # children after a sign-on
    ("just a queer from the flats who needs sorting out.", "queer"),
])
def test_an_introduction_with_scorn_harm_or_a_charge_after_it_is_not_the_writers(text, word):
    assert read_word(text, word) != OWN


@pytest.mark.parametrize(("text", "word"), [
    ("i'm not ashamed to be a queer.", "queer"),  # not ashamed, as glad to be one
    ("ima really grumpy bitch before my tea", "bitch"),  # "ima", a degree adverb and an adjective no verb shares
    ("ima so peckish dyke right now", "dyke"),
    ("ima quite happily single bitch these days", "bitch"),
    ("we are stubborn dykes and the allotment is ours", "dykes"),  # "we are" and one describing word, no article
])
def test_the_writers_life_and_mood_own_the_word(text, word):
    assert read_word(text, word) == OWN


@pytest.mark.parametrize(("text", "word"), [
    ("you're not ashamed to be a faggot?", "faggot"),  # the reader, not the writer
    ("ima really bully bitch till she cries", "bitch"),  # a verb: "i'm going to"
    ("ima totally punish faggot", "faggot"),
    ("we are not dykes, unlike that lot", "dykes"),  # a denial
    ("we are hunting queers tonight", "queers"),  # a participle: a deed
])
def test_the_same_frames_judged_or_at_others_are_not_the_writers(text, word):
    assert read_word(text, word) != OWN
