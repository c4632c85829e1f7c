"""The English denial-forms probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import DENIAL_FORMS_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_denial_forms_probe_is_well_formed():
    cases = load_cases(DENIAL_FORMS_PROBE)
    # every case is one half of a minimal pair: a denial in a form the readings did not know ("[group] are in no way
    # inferior", "no [group] is a burden") or a claim named to condemn it ("your comment that ...") against the same
    # words asserted
    sides = assert_well_formed(cases, {"hate"})
    assert sides["harmful"] == sides["non_harmful"] >= 18
    assert set(Counter(c["functionality"] for c in cases)) == {"denied_form_nh", "counter_named_nh", "group_attack_h"}
