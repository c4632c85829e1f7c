"""The English probe of positive statements about a group that no praise word carries is well-formed; test_probes.py
holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import IDENTITY_POSITIVE_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_identity_positive_probe_is_well_formed():
    cases = load_cases(IDENTITY_POSITIVE_PROBE)
    # each positive statement (more of the group wanted, glad to see it, its valued role, friendship) is paired with
    # the same frame turned into an attack on the group
    sides = assert_well_formed(cases, {"hate"})
    assert sides["harmful"] == sides["non_harmful"] >= 12
    funcs = Counter(c["functionality"] for c in cases)
    assert all(funcs[f] >= 3 for f in ("more_wanted_nh", "glad_to_see_nh", "valued_role_nh", "friendship_nh"))
