"""The English negation probe is well-formed, and the shipped model does no worse on it than recorded."""

from collections import Counter

from model.judge import NEGATION_PROBE, SUITE_DIR, load_cases
from model.yardsticks import group_probe_report
from tests.support.probes import assert_no_case_lost, assert_well_formed, recorded_results

RECORDED = SUITE_DIR / "en_negation_probe_results.json"  # results of models whose card predates the probe
NON_HARMS = {"denied_predicate_nh", "swear_at_nothing_nh", "counter_named_nh"}


def test_negation_probe_is_well_formed():
    cases = load_cases(NEGATION_PROBE)
    # every case is one half of a minimal pair: a denied attack, swearing at nothing or hate named as hate, against
    # the same sentence as an attack on the group or an insult at a person
    assert_well_formed(cases, {"hate", "harassment"})
    funcs = Counter(c["functionality"] for c in cases)
    assert set(funcs) >= NON_HARMS and all(funcs[f] >= 8 for f in NON_HARMS)


def test_shipped_model_does_not_regress_on_the_negation_probe(shipped_scorer):
    recorded = recorded_results(shipped_scorer, "en_negation_probe", RECORDED)
    assert_no_case_lost(shipped_scorer, group_probe_report, NEGATION_PROBE, recorded)
