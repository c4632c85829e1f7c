"""The kindred probe (session 53) is well-formed: each pair one frame in which the writer shows themself, a dear friend
or their company by their own group word in a comment closed by a sign-off, against the same frame with an onlooker's
stereotype before it, after it or in an emoji; test_probes.py holds the shipped model to its results."""

from model.judge import KINDRED_PROBE
from tests.support.probes import assert_word_twins

SHAPES = {"this_one", "my_dear", "me_and_the"}
WORDS = ("queer", "dyke", "fag", "homo", "nigga", "tranny", "trannies")


def test_kindred_probe_is_well_formed():
    assert_word_twins(KINDRED_PROBE, 20, SHAPES, WORDS, shared=20)
