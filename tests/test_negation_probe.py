"""The English negation probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import NEGATION_PROBE, load_cases
from tests.support.probes import assert_well_formed

NON_HARMS = {"denied_predicate_nh", "swear_at_nothing_nh", "counter_named_nh"}


def test_negation_probe_is_well_formed():
    cases = load_cases(NEGATION_PROBE)
    # every case is one half of a minimal pair: a denied attack, swearing at nothing or hate named as hate, against
    # the same sentence as an attack on the group or an insult at a person
    assert_well_formed(cases, {"hate", "harassment"})
    funcs = Counter(c["functionality"] for c in cases)
    assert set(funcs) >= NON_HARMS and all(funcs[f] >= 8 for f in NON_HARMS)

