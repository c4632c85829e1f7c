"""The Japanese accusation probe is well-formed, and the shipped model does no worse on it than recorded."""

import json
from collections import Counter

import pytest

from model.judge import ACCUSATION_PROBE, SUITE_DIR, Judge, load_cases
from model.yardsticks import accusation_probe_report

RECORDED = SUITE_DIR / "ja_accusation_probe_results.json"  # results of models whose card predates the probe


def test_accusation_probe_is_well_formed():
    cases = load_cases(ACCUSATION_PROBE)
    ids = [c["id"] for c in cases]
    assert len(set(ids)) == len(ids) and len({c["text"] for c in cases}) == len(cases)
    by_id = {c["id"]: c for c in cases}
    for c in cases:
        assert set(c) == {"id", "functionality", "text", "expected", "category", "pair"}, c["id"]
        assert c["functionality"].endswith("_h" if c["expected"] == "harmful" else "_nh"), c["id"]
        assert c["category"] == ("defamation" if c["expected"] == "harmful" else None), c["id"]
        assert "の犯人" in c["text"], c["id"]  # the construction the probe is about
        assert by_id[c["pair"]]["pair"] == c["id"] and by_id[c["pair"]]["expected"] != c["expected"], c["id"]
    sides = Counter(c["expected"] for c in cases)
    assert sides["harmful"] >= 20 and sides["non_harmful"] >= 20


def _recorded(scorer) -> dict | None:
    card = (scorer.card.get("functional") or {}).get("ja_accusation_probe")
    if card:
        return card
    return json.loads(RECORDED.read_text(encoding="utf-8")).get(scorer.version)


def test_shipped_model_does_not_regress_on_the_accusation_probe(shipped_scorer):
    recorded = _recorded(shipped_scorer)
    if not recorded:
        pytest.skip(f"no accusation-probe results recorded for {shipped_scorer.version}")
    now = accusation_probe_report(Judge(shipped_scorer, shipped_scorer.card["thresholds"]),
                                  load_cases(ACCUSATION_PROBE))
    assert now["n"] == recorded["n"], "the recorded results are for a different probe: record them again"
    # scoring is deterministic: each case that passed when recorded still passes
    assert sorted(set(now["failed"]) - set(recorded["failed"])) == []
    assert now["non_harmful_flagged"]["rate"] <= recorded["non_harmful_flagged"]["rate"]
    assert now["harmful_flagged"]["rate"] >= recorded["harmful_flagged"]["rate"]
