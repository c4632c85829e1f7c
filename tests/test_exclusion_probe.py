"""The English exclusion probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import EXCLUSION_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_exclusion_probe_is_well_formed():
    cases = load_cases(EXCLUSION_PROBE)
    # each demand that a group be removed is paired with the same words reported, denied, opposed or turned welcoming
    sides = assert_well_formed(cases, {"hate"})
    funcs = Counter(c["functionality"] for c in cases)
    assert {"exclusion_demand_h", "exclusion_statement_h"} <= set(funcs)
    assert funcs["exclusion_reported_nh"] >= 8 and sides["harmful"] == sides["non_harmful"]
