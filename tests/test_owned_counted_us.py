"""Session 51's forms of the writer's own plural group word (moderation.targets.openings / introduced / owned): "as
queers we ..." with no comma, "us, a bunch of dykes ..." set beside the writer, "we some [describing] Xs" (the copula
left out), "just two dykes ... living our best life"; the same frames with scorn, harm or others after them, or
without the writer among them, are not the writer's."""

import pytest

from moderation.targets.owned import OWN
from tests.support.owned_words import read_word


@pytest.mark.parametrize(("text", "word"), [
    ("as dykes we learnt to fix our own bikes", "dykes"),
    ("as queers we have buried too many friends young", "queers"),
    ("look at us, a couple of old fags on a tandem", "fags"),
    ("picture us, three middle-aged dykes in a campervan, lost in wales", "dykes"),
    ("picture us, four old queers on a narrowboat in the rain, soaked and laughing", "queers"),
    ("we some lucky queers, the whole street came to the wedding", "queers"),
    ("we some tired niggas after that double shift", "niggas"),
    ("just two queers and a cat making our flat a home", "queers"),
    ("just a few old dykes minding our own business at the allotment", "dykes"),
])
def test_the_writer_among_them_owns_the_word(text, word):
    assert read_word(text, word) == OWN


@pytest.mark.parametrize(("text", "word"), [
    ("queers we can do without round here", "queers"),  # no "as": an object put first
    ("look at us, a bunch of dykes, pathetic", "dykes"),  # scorn after the apposition
    ("send it to us, a dyke is what they are", "dyke"),  # singular: no apposition to "us"
    ("look at us, two dykes on a bench with them staring", "dykes"),  # someone else in its sentence
    ("ring us back, bitches.", "bitches"),  # no count or article: an address to the reader, not an apposition
    ("look at us, two dykes at the bus stop? look at them, freaks the lot of them", "dykes"),  # a mocking question
    ("just two fags snogging on the bus, vile", "fags"),  # no writer among them: a report, with scorn
    ("just a couple of dykes wrecking our village", "dykes"),  # "our" is not the writer among them
    ("just two queers living our lives for us, they think", "queers"),  # someone else after
    ("just a few trannies trying to get at our kids", "trannies"),  # children: refused
])
def test_the_same_frames_without_the_writer_or_with_scorn_are_not_the_writers(text, word):
    assert read_word(text, word) != OWN
