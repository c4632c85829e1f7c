"""The English probe of praise withheld from a group is well-formed; test_probes.py holds the shipped model to its
recorded results."""

from collections import Counter

from model.judge import WITHHELD_PRAISE_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_withheld_praise_probe_is_well_formed():
    cases = load_cases(WITHHELD_PRAISE_PROBE)
    # each attack withholding a praise word from a group (deserve no respect, zero love for, lost all respect for) is
    # paired with the same words giving it (every respect, nothing but love, gained respect for)
    sides = assert_well_formed(cases, {"hate"})
    assert sides["harmful"] == sides["non_harmful"] >= 10
    funcs = Counter(c["functionality"] for c in cases)
    assert funcs["praise_withheld_h"] >= 10 and funcs["praise_given_nh"] >= 10
