"""The English spelling probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import SPELLING_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_spelling_probe_is_well_formed():
    cases = load_cases(SPELLING_PROBE)
    # each obfuscated attack is paired with a benign text holding a near-miss word, a symbol in a name, a spaced
    # acronym, a split or a run-together of ordinary words
    sides = assert_well_formed(cases, {"hate", "harassment", "threat", "self_harm"})
    assert sides["harmful"] == sides["non_harmful"] >= 20
    funcs = Counter(c["functionality"] for c in cases)
    kinds = ("leet", "masked", "deleted", "swapped", "doubled", "space_inside", "spaced_letters", "run_together")
    assert all(funcs[f"spell_{kind}_h"] >= 2 for kind in kinds)
    assert funcs["near_miss_word_nh"] >= 10
