"""The English praise probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import PRAISE_PROBE, load_cases
from tests.support.probes import assert_well_formed, no_listed_group, praise_worded


def test_praise_probe_is_well_formed():
    cases = load_cases(PRAISE_PROBE)
    # each praise of a group is paired with an attack in the same shape: another predicate, or the praise denied
    sides = assert_well_formed(cases, {"hate"})
    funcs = Counter(c["functionality"] for c in cases)
    assert funcs["group_attack_h"] + funcs["praise_denied_h"] == sides["harmful"] == sides["non_harmful"]
    assert min(funcs["praise_trait_nh"], funcs["praise_feeling_nh"], funcs["praise_denied_h"]) >= 4
    # the praise is said without the praise list's words, so -8's group_praise cannot carry it, and of a listed group
    assert praise_worded(cases) == []
    assert no_listed_group(cases) == []
