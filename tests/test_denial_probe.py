"""The English denial probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import DENIAL_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_denial_probe_is_well_formed():
    cases = load_cases(DENIAL_PROBE)
    # every case is one half of a minimal pair: a short denial of hate with nothing civil around it ("[group] are not
    # rats.", "I would never call [group] vermin.") against the same words asserted
    sides = assert_well_formed(cases, {"hate", "threat"})
    assert sides["harmful"] == sides["non_harmful"] >= 12
    assert set(Counter(c["functionality"] for c in cases)) == {"denied_short_nh", "group_attack_h"}
