"""The English counter-reference probe is well-formed; test_probes.py holds the shipped model to its results."""

from collections import Counter

from model.judge import COUNTER_REF_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_counter_ref_probe_is_well_formed():
    cases = load_cases(COUNTER_REF_PROBE)
    # every case is one half of a minimal pair: hate referred to by what is done with it to condemn it ("comparing
    # [group] to rats is ...", "people who hate [group] ...") against the same words asserted ("[group] are rats")
    sides = assert_well_formed(cases, {"hate"})
    assert sides["harmful"] == sides["non_harmful"] >= 16
    assert set(Counter(c["functionality"] for c in cases)) == {"group_attack_h", "counter_reference_nh"}
