"""The English neighbourliness probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import NEIGHBOUR_PROBE, load_cases
from tests.support.probes import assert_well_formed, no_listed_group, praise_worded


def test_neighbour_probe_is_well_formed():
    cases = load_cases(NEIGHBOUR_PROBE)
    # each civil shape is paired with the same shape turned into an attack
    sides = assert_well_formed(cases, {"hate"})
    funcs = Counter(c["functionality"] for c in cases)
    assert funcs["group_attack_h"] == sides["harmful"] == sides["non_harmful"]
    assert min(funcs["neighbour_nh"], funcs["likeness_nh"], funcs["benefit_nh"]) >= 4
    # said without the praise list's words, so group_praise cannot carry it, and of a listed group
    assert praise_worded(cases) == []
    assert no_listed_group(cases) == []
