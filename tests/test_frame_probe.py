"""The English frame probe is well-formed, and the shipped model does no worse on it than recorded for its version."""

from collections import Counter

from model.judge import FRAME_PROBE, SUITE_DIR, load_cases
from model.yardsticks import group_probe_report
from tests.support.probes import assert_no_case_lost, assert_well_formed, recorded_results

RECORDED = SUITE_DIR / "en_frame_probe_results.json"  # results of models whose card predates the probe
NON_HARMS = {"own_plan_nh", "ingroup_apposition_nh", "counter_said_nh"}


def test_frame_probe_is_well_formed():
    cases = load_cases(FRAME_PROBE)
    # every case is one half of a minimal pair: the writer's plan, self-description or report against the harm
    assert_well_formed(cases, {"threat", "hate", "harassment"})
    funcs = Counter(c["functionality"] for c in cases)
    assert set(funcs) >= NON_HARMS and all(funcs[f] >= 10 for f in NON_HARMS)


def test_shipped_model_does_not_regress_on_the_frame_probe(shipped_scorer):
    recorded = recorded_results(shipped_scorer, "en_frame_probe", RECORDED)
    assert_no_case_lost(shipped_scorer, group_probe_report, FRAME_PROBE, recorded)
