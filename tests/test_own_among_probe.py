"""The own-among probe (session 51) is well-formed: each pair one frame in which the writer counts themself among
their own group word (or greets, rallies or names their kind by it), against the same frame turned on others or with
harm or menace; test_probes.py holds the shipped model to its results."""

from model.judge import OWN_AMONG_PROBE
from tests.support.probes import assert_word_twins

SHAPES = {"as_we", "us_apposed", "we_some", "just_counted", "rally", "word_energy", "just_her", "greeting", "this_one"}
WORDS = ("queer", "dyke", "fag", "homo", "nigga", "bitch")


def test_own_among_probe_is_well_formed():
    assert_word_twins(OWN_AMONG_PROBE, 18, SHAPES, WORDS, shared=14)
