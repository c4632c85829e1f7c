"""The Japanese group probe is well-formed, and the shipped model does no worse on it than recorded."""

from model.judge import JA_GROUP_PROBE, SUITE_DIR, load_cases
from model.yardsticks import group_probe_report
from moderation.wordlists.groups import GROUPS
from tests.support.probes import assert_no_case_lost, assert_well_formed, recorded_results

RECORDED = SUITE_DIR / "ja_group_probe_results.json"  # results of models whose card predates the probe


def test_ja_group_probe_is_well_formed():
    cases = load_cases(JA_GROUP_PROBE)
    sides = assert_well_formed(cases, {"hate"})
    japanese_groups = [g for g in GROUPS if not g.isascii()]
    by_id = {c["id"]: c for c in cases}
    for c in cases:  # both members of a pair name the same group: the probe is about what is said of it
        named = {g for g in japanese_groups if g in c["text"]}
        assert named and named == {g for g in japanese_groups if g in by_id[c["pair"]]["text"]}, c["id"]
    assert sides["harmful"] >= 20 and sides["non_harmful"] >= 20


def test_shipped_model_does_not_regress_on_the_ja_group_probe(shipped_scorer):
    recorded = recorded_results(shipped_scorer, "ja_group_probe", RECORDED)
    assert_no_case_lost(shipped_scorer, group_probe_report, JA_GROUP_PROBE, recorded)
