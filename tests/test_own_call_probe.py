"""The own-call probe (session 60) is well-formed: each pair one frame in which the writer names, praises, rallies or
greets their own by their own group word, against the same frame turned on someone else, asked back, scorned or with
harm; test_probes.py holds the shipped model to its results."""

from model.judge import OWN_CALL_PROBE
from tests.support.probes import assert_word_twins

SHAPES = {"greeting", "call_myself", "that_one", "world_rally", "and_proud", "being_praised"}
WORDS = ("queer", "dyke", "fag", "nigga", "homo")


def test_own_call_probe_is_well_formed():
    assert_word_twins(OWN_CALL_PROBE, 12, SHAPES, WORDS, shared=12)
