"""The English threat probe is well-formed, and the shipped model does no worse on it than recorded for its version."""

import json
from collections import Counter

import pytest

from model.judge import SUITE_DIR, THREAT_PROBE, Judge, load_cases
from model.yardsticks import threat_probe_report

RECORDED = SUITE_DIR / "en_threat_probe_results.json"  # results of models whose card predates the probe


def test_threat_probe_is_well_formed():
    cases = load_cases(THREAT_PROBE)
    ids = [c["id"] for c in cases]
    assert len(set(ids)) == len(ids) and len({c["text"] for c in cases}) == len(cases)
    by_id = {c["id"]: c for c in cases}
    for c in cases:
        assert set(c) == {"id", "functionality", "text", "expected", "category", "pair"}, c["id"]
        assert c["functionality"].endswith("_h" if c["expected"] == "harmful" else "_nh"), c["id"]
        assert c["category"] == ("threat" if c["expected"] == "harmful" else None), c["id"]
        if c["pair"] is not None:
            assert by_id[c["pair"]]["pair"] == c["id"] and by_id[c["pair"]]["expected"] != c["expected"], c["id"]
    sides = Counter(c["expected"] for c in cases)
    assert sides["harmful"] >= 20 and sides["non_harmful"] >= 30  # false positives need many look-alikes
    assert sum(c["pair"] is not None for c in cases) >= 30


def _recorded(scorer) -> dict | None:
    card = (scorer.card.get("functional") or {}).get("en_threat_probe")
    if card:
        return card
    return json.loads(RECORDED.read_text(encoding="utf-8")).get(scorer.version)


def test_shipped_model_does_not_regress_on_the_threat_probe(shipped_scorer):
    recorded = _recorded(shipped_scorer)
    if not recorded:
        pytest.skip(f"no threat-probe results recorded for {shipped_scorer.version}")
    now = threat_probe_report(Judge(shipped_scorer, shipped_scorer.card["thresholds"]), load_cases(THREAT_PROBE))
    assert now["n"] == recorded["n"], "the recorded results are for a different probe: record them again"
    # scoring is deterministic: each case that passed when recorded still passes
    assert sorted(set(now["failed"]) - set(recorded["failed"])) == []
    assert now["non_threats_flagged"]["rate"] <= recorded["non_threats_flagged"]["rate"]
    assert now["threats_flagged"]["rate"] >= recorded["threats_flagged"]["rate"]


def test_threat_construction_needs_a_harm_aimed_at_a_person():
    """The English threat construction fires on the probe's threats and on none of its same-shape non-threats
    (I'll find you a better source, we'll beat you in the election, I'll kill this thread)."""
    from moderation.features.signals import signal_dict

    cases = load_cases(THREAT_PROBE)
    fired = {c["id"]: signal_dict(c["text"])["threat_en"] > 0 for c in cases}
    assert [c["id"] for c in cases if c["expected"] == "non_harmful" and fired[c["id"]]] == []
    assert [c["id"] for c in cases if c["expected"] == "harmful" and not fired[c["id"]]] == []
