"""The English group-positive probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import POSITIVE_PROBE, load_cases
from tests.support.probes import assert_well_formed, praise_worded


def test_group_positive_probe_is_well_formed():
    cases = load_cases(POSITIVE_PROBE)
    # each praise, solidarity or plain description of a group is paired with an attack on it in the same shape
    sides = assert_well_formed(cases, {"hate"})
    funcs = Counter(c["functionality"] for c in cases)
    assert funcs["group_attack_h"] == sides["harmful"] == sides["non_harmful"]
    assert min(funcs["praise_nh"], funcs["solidarity_nh"], funcs["description_nh"]) >= 3
    # the civil side says it without the praise list's words, so group_praise cannot carry it
    assert praise_worded(cases) == []
