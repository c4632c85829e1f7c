"""The third Japanese group-blame probe is well-formed; test_probes.py holds the shipped model to its results."""

from collections import Counter

from model.judge import JA_BLAME_CHAIN_PROBE, load_cases
from tests.support.probes import assert_pairs_name_one_group, assert_well_formed


def test_ja_blame_chain_probe_is_well_formed():
    cases = load_cases(JA_BLAME_CHAIN_PROBE)
    # every case is one half of a minimal pair: a group blamed by a deed chained to what it goes on doing
    # (…を乗っ取って好き放題している) or as the agent of a passive ruin or takeover (…に牛耳られている, …に荒らされて
    # しまった, …に国を売り渡した), against the same group in a civil sentence, as the sufferer, or the blame denied
    sides = assert_well_formed(cases, {"hate"})
    assert sides == {"harmful": 12, "non_harmful": 12}
    assert_pairs_name_one_group(cases)
    assert Counter(c["functionality"] for c in cases if c["expected"] == "harmful") == {"group_blame_h": 12}
