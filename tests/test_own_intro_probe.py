"""The own-introduction probe (session 50) is well-formed: each pair one frame in which the writer introduces themself
by their own group word, against the same frame turned on someone else or with harm; test_probes.py holds the shipped
model to its results."""

from model.judge import OWN_INTRO_PROBE
from tests.support.probes import assert_word_twins

SHAPES = {"just_from", "your_signon", "here_with", "here_unsubjected", "profile", "demonstrative", "counted_later",
          "idiom"}
WORDS = ("queer", "dyke", "fag")


def test_own_intro_probe_is_well_formed():
    assert_word_twins(OWN_INTRO_PROBE, 16, SHAPES, WORDS, shared=14)
