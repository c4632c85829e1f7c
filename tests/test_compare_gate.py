"""model.compare / model.gate: the ship gate reads two snapshots of the tiny model and refuses what the rules refuse."""

import copy
import json
import types

import pytest

from model import compare, gate
from model.judge import PROBE, SUITE, load_cases
from model.pipeline import CATEGORIES


@pytest.fixture(scope="module")
def cases():
    """A slice of every kind of written case: probes (both sides), the JA suite, the PI probe."""
    probes = compare.written_probe_cases()
    return {"probe_cases": probes[:30] + probes[-30:], "suite_cases": load_cases(SUITE)[:20],
            "pi_cases": load_cases(PROBE)[:10]}


@pytest.fixture(scope="module")
def snap(tiny_scorer, cases):
    return compare.snapshot(tiny_scorer, None, **cases)


def with_thresholds(scorer, review):
    """The same scorer with every review line moved to `review` (a harm the tiny model flags is then missed)."""
    moved = {k: {"review": review, "reject": 1.01} for k in ("abuse", *CATEGORIES)}
    moved["spam"] = scorer.thresholds["spam"]
    return types.SimpleNamespace(score=scorer.score, thresholds=moved, version="moved", pipeline=scorer.pipeline)


def test_written_probes_are_every_labelled_probe_file():
    probes = compare.written_probe_cases()
    assert len({c["id"] for c in probes}) == len(probes)
    assert {c["expected"] for c in probes} == {"harmful", "non_harmful"}
    assert not {c["id"] for c in probes} & {c["id"] for c in load_cases(SUITE)}


def test_same_model_passes_with_nothing_moved(snap):
    text, passed = gate.format_comparison(snap, json.loads(json.dumps(snap)))  # a saved snapshot reads the same
    assert passed and "## Verdict: PASS" in text
    assert "won 0, lost 0 (60 cases in both)" in text
    first = next(iter(snap["written"]))  # a new probe file's case counts apart from the totals of the cases in both
    fewer = {**json.loads(json.dumps(snap)), "written": {k: c for k, c in snap["written"].items() if k != first}}
    text, _ = gate.format_comparison(fewer, snap)
    in_both = sum(c["passed"] for k, c in snap["written"].items() if k != first)
    assert (f"Written probes: {in_both} -> {in_both} passed; won 0, lost 0 (59 cases in both); 1 more only the "
            f"candidate's checkout holds, {int(snap['written'][first]['passed'])} passed") in text


def test_margin_is_the_distance_to_the_review_line(tiny_scorer, cases):
    low, high = (compare.snapshot(with_thresholds(tiny_scorer, line), None, **cases) for line in (0.6, 0.7))
    for key, case in low["written"].items():
        assert high["written"][key]["margin"] == pytest.approx(case["margin"] - 0.1, abs=1e-6)
        assert case["passed"] == ((case["margin"] >= 0) == case["harmful"])


def test_cases_lost_far_from_the_line_refuse(tiny_scorer, snap, cases):
    flagged = [k for k, c in snap["written"].items() if c["harmful"] and c["passed"] and c["margin"] > 0.05]
    assert flagged, "the tiny model flags some written harm well over its line"
    deaf = compare.snapshot(with_thresholds(tiny_scorer, 1.01), None, **cases)
    text, passed = gate.format_comparison(snap, deaf)
    assert not passed and "## Verdict: REFUSE" in text
    assert all(f"written {k} lost" in text for k in flagged)


def _case(passed, margin, harmful=True):
    return {"text": "t", "harmful": harmful, "passed": passed, "margin": margin, "scores": {"hate": 0.3 + margin}}


def _pair(before_cases, after_cases, **after_parts):
    base = {"version": "v", "ja_suite": {"harmful": 0.97, "non_harmful": 0.97, "n": 2}, "ja_cases": {},
            "personal_info": {"precision": 1.0}, "written": before_cases, "heldout": None, "civil_en": None}
    return base, {**copy.deepcopy(base), "written": after_cases, **after_parts}


def test_line_flips_pass_only_when_more_cases_are_won():
    near = {"a": _case(True, 0.004), "b": _case(False, -0.02), "c": _case(False, -0.03)}
    flipped = {"a": _case(False, -0.006), "b": _case(True, 0.01), "c": _case(True, 0.001)}
    refuse, flips = gate.reasons(*_pair(near, flipped))
    assert refuse == [] and flips == ["a (margin +0.0040 -> -0.0060)"]
    refuse, _ = gate.reasons(*_pair(near, {**flipped, "c": _case(False, -0.03)}))  # won 1, lost 1
    assert refuse == ["1 line flip(s) with written won 1 <= lost 1"]
    refuse, _ = gate.reasons(*_pair(near, {**flipped, "a": _case(False, -0.017)}))  # moved 0.021
    assert refuse == ["written a lost: margin +0.0040 -> -0.0170, not a line flip"]


def test_figures_refuse_beyond_their_tolerance():
    heldout = [{"set": "en abuse: x", "n": 9, "pos": 3, "roc_auc": 0.95},
               {"set": "ja ordinary: chat", "n": 9, "pos": 0, "flagged_share": 0.001}]
    before, after = _pair({}, {}, heldout=[{**heldout[0], "roc_auc": 0.9489}, {**heldout[1], "flagged_share": 0.006}],
                          civil_en={"davidson": [115, 1000]}, ja_suite={"harmful": 0.89, "non_harmful": 0.97, "n": 2},
                          personal_info={"precision": 0.99})
    before.update(heldout=heldout, civil_en={"davidson": [100, 1000]})
    refuse, _ = gate.reasons(before, after)
    assert refuse == ["held-out en abuse: x: ROC-AUC 0.9500 -> 0.9489", "ja ordinary: chat: flagged 0.60% (bar 0.5%)",
                      "JA suite harmful: 0.89 (bar 0.9)", "personal_info precision 1.0 -> 0.99",
                      "real civil English flagged as served 10.00 -> 11.50% (> +1.0 point)"]
    after.update(heldout=[{**heldout[0], "roc_auc": 0.9491}, heldout[1]], civil_en={"davidson": [110, 1000]},
                 ja_suite=before["ja_suite"], personal_info=before["personal_info"])
    assert gate.reasons(before, after) == ([], [])
