"""The English probe of slurs the word lists do not name is well-formed; test_probes.py holds the shipped model to its
recorded results."""

from collections import Counter

from model.judge import SLUR_LIST_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_slur_list_probe_is_well_formed():
    cases = load_cases(SLUR_LIST_PROBE)
    # each attack naming a group by an ethnic slur the lists lack (paki, gook, wog, beaner, dago) in a plain statement
    # is paired with the same statement naming the group by its own name or a homonym of the slur (chinks in a frame)
    sides = assert_well_formed(cases, {"hate"})
    assert sides["harmful"] == sides["non_harmful"] >= 10
    funcs = Counter(c["functionality"] for c in cases)
    assert funcs["slur_unlisted_h"] >= 10 and funcs["nationality_nh"] >= 8 and funcs["homonym_nh"] >= 1
