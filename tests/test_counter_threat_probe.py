"""The English counter-threat probe is well-formed; test_probes.py holds the shipped model to its results."""

from collections import Counter

from model.judge import COUNTER_THREAT_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_counter_threat_probe_is_well_formed():
    cases = load_cases(COUNTER_THREAT_PROBE)
    # every case is one half of a minimal pair: a threat against a group referred to in order to condemn it
    # ("threatening to burn down the mosque is a crime") against the threat said ("I'll burn down the mosque")
    sides = assert_well_formed(cases, {"threat", "hate"})
    assert sides["harmful"] == sides["non_harmful"] >= 14
    assert set(Counter(c["functionality"] for c in cases)) == {"threat_said_h", "threat_condemned_nh"}
