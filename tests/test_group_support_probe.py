"""The English probe of short statements standing up for a group is well-formed; test_probes.py holds the shipped
model to its recorded results."""

from collections import Counter

from model.judge import GROUP_SUPPORT_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_group_support_probe_is_well_formed():
    cases = load_cases(GROUP_SUPPORT_PROBE)
    # each short statement of support, rights, gratitude, contribution or shared humanity is paired with the same
    # frame turned into an attack on the group; the benign side stays short (where the group word weighs most)
    sides = assert_well_formed(cases, {"hate"})
    assert sides["harmful"] == sides["non_harmful"] >= 15
    funcs = Counter(c["functionality"] for c in cases)
    assert all(funcs[f] >= 3 for f in ("support_nh", "rights_nh", "gratitude_nh", "contribution_nh", "humanity_nh"))
    assert all(len(c["text"].split()) <= 8 for c in cases if c["expected"] == "non_harmful")
