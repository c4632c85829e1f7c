"""The English threat probe is well-formed, and the shipped model does no worse on it than recorded for its version."""

from model.judge import SUITE_DIR, THREAT_PROBE, load_cases
from model.yardsticks import threat_probe_report
from tests.support.probes import assert_no_case_lost, assert_well_formed, recorded_results

RECORDED = SUITE_DIR / "en_threat_probe_results.json"  # results of models whose card predates the probe


def test_threat_probe_is_well_formed():
    sides = assert_well_formed(load_cases(THREAT_PROBE), {"threat"}, pairs_required=False)
    assert sides["harmful"] >= 20 and sides["non_harmful"] >= 30  # false positives need many look-alikes
    assert sum(c["pair"] is not None for c in load_cases(THREAT_PROBE)) >= 30


def test_shipped_model_does_not_regress_on_the_threat_probe(shipped_scorer):
    recorded = recorded_results(shipped_scorer, "en_threat_probe", RECORDED)
    assert_no_case_lost(shipped_scorer, threat_probe_report, THREAT_PROBE, recorded,
                        flagged=("threats_flagged", "non_threats_flagged"))


def test_threat_construction_needs_a_harm_aimed_at_a_person():
    """The English threat construction fires on the probe's threats and on none of its same-shape non-threats
    (I'll find you a better source, we'll beat you in the election, I'll kill this thread)."""
    from moderation.features.signals import signal_dict

    cases = load_cases(THREAT_PROBE)
    fired = {c["id"]: signal_dict(c["text"])["threat_en"] > 0 for c in cases}
    assert [c["id"] for c in cases if c["expected"] == "non_harmful" and fired[c["id"]]] == []
    assert [c["id"] for c in cases if c["expected"] == "harmful" and not fired[c["id"]]] == []
