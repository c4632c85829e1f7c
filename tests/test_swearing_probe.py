"""The English swearing probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import SWEARING_PROBE, load_cases
from tests.support.probes import assert_well_formed

NON_HARMS = {"swear_exclaimed_nh", "praise_nh"}


def test_swearing_probe_is_well_formed():
    cases = load_cases(SWEARING_PROBE)
    # every case is one half of a minimal pair: swearing as an exclamation or intensifier against the same words at a
    # person; a group praised against the praise denied ("[group] aren't welcome")
    assert_well_formed(cases, {"hate", "harassment"})
    funcs = Counter(c["functionality"] for c in cases)
    assert set(funcs) >= NON_HARMS and all(funcs[f] >= 6 for f in NON_HARMS)
