"""The English group-mention probe is well-formed, and the shipped model does no worse on it than recorded."""

from collections import Counter

from model.judge import MENTION_PROBE, SUITE_DIR, load_cases
from model.yardsticks import group_probe_report
from tests.support.probes import assert_no_case_lost, assert_well_formed, recorded_results

RECORDED = SUITE_DIR / "en_group_mention_probe_results.json"  # results of models whose card predates the probe
NON_ATTACKS = {"civil_opinion_nh", "positive_mention_nh", "news_report_nh"}


def test_group_mention_probe_is_well_formed():
    cases = load_cases(MENTION_PROBE)
    # every case is one half of a minimal pair: a group named civilly against the same group attacked by a predicate
    sides = assert_well_formed(cases, {"hate"})
    funcs = Counter(c["functionality"] for c in cases)
    assert set(funcs) >= NON_ATTACKS and all(funcs[f] >= 10 for f in NON_ATTACKS)
    assert sides["harmful"] == sides["non_harmful"]


def test_shipped_model_does_not_regress_on_the_group_mention_probe(shipped_scorer):
    recorded = recorded_results(shipped_scorer, "en_group_mention_probe", RECORDED)
    assert_no_case_lost(shipped_scorer, group_probe_report, MENTION_PROBE, recorded)
