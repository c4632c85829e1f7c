"""The Japanese accusation probe is well-formed, and the shipped model does no worse on it than recorded."""

from model.judge import ACCUSATION_PROBE, SUITE_DIR, load_cases
from model.yardsticks import accusation_probe_report
from tests.support.probes import assert_no_case_lost, assert_well_formed, recorded_results

RECORDED = SUITE_DIR / "ja_accusation_probe_results.json"  # results of models whose card predates the probe


def test_accusation_probe_is_well_formed():
    cases = load_cases(ACCUSATION_PROBE)
    sides = assert_well_formed(cases, {"defamation"})
    assert all("の犯人" in c["text"] for c in cases)  # the construction the probe is about
    assert sides["harmful"] >= 20 and sides["non_harmful"] >= 20


def test_shipped_model_does_not_regress_on_the_accusation_probe(shipped_scorer):
    recorded = recorded_results(shipped_scorer, "ja_accusation_probe", RECORDED)
    assert_no_case_lost(shipped_scorer, accusation_probe_report, ACCUSATION_PROBE, recorded)

