"""The English stance probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import STANCE_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_stance_probe_is_well_formed():
    cases = load_cases(STANCE_PROBE)
    # someone else's hatred endorsed against the same words rejected; weariness with a group against weariness with
    # what is done to it or with its attackers
    sides = assert_well_formed(cases, {"hate"})
    funcs = Counter(c["functionality"] for c in cases)
    assert funcs["endorsed_h"] == funcs["reported_nh"] >= 6 and funcs["weary_h"] == funcs["weary_other_nh"] >= 6
    assert sides["harmful"] == sides["non_harmful"]
    by_id = {c["id"]: c for c in cases}
    pairs = {c["functionality"]: by_id[c["pair"]]["functionality"] for c in cases if c["expected"] == "harmful"}
    assert pairs == {"endorsed_h": "reported_nh", "weary_h": "weary_other_nh"}
