"""The own-life probe (session 50) is well-formed: each pair one frame in which the writer tells their own life
by their own group word, against the same frame turned on someone else or with harm; test_probes.py holds the shipped
model to its results."""

from model.judge import OWN_LIFE_PROBE
from tests.support.probes import assert_word_twins

SHAPES = {"being_life", "not_ashamed", "we_are_adj", "ima_mood", "real_word", "demonstrative", "as_fuck"}
WORDS = ("queer", "dyke", "fag", "nigga", "bitch")


def test_own_life_probe_is_well_formed():
    assert_word_twins(OWN_LIFE_PROBE, 12, SHAPES, WORDS, shared=8)
