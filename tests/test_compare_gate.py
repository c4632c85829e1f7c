"""model.compare / model.gate: the ship gate reads two snapshots of the tiny model and refuses what the rules refuse."""

import copy
import json
import types

import numpy as np
import pytest

from model import compare, gate
from model.judge import PROBE, SUITE, load_cases
from model.paired_bootstrap import FIELD, SMALL, small_set_scores
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
    heldout = [{"set": "en abuse: x", "n": 90, "pos": SMALL, "roc_auc": 0.95},
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


SET = "en abuse: Jigsaw 101-row smoke sample"


def _small(name=SET):
    """A made-up small set (13 positives of 101, Jigsaw-101's shape) and its old scores."""
    rng = np.random.default_rng(3)
    y = np.r_[np.ones(13), np.zeros(88)]
    return {"name": name, "label": "abuse", "texts": [f"t{k}" for k in range(101)], "y": y,
            "old": np.where(y == 1, 0.4 + 0.6 * rng.random(101), 0.7 * rng.random(101))}


def _snap(s, p, rows=True):
    """A snapshot holding only the set's held-out row (and, unless an old snapshot, its saved row scores)."""
    from sklearn.metrics import roc_auc_score

    row = {"set": s["name"], "n": 101, "pos": 13, "roc_auc": round(float(roc_auc_score(s["y"], p)), 4)}
    snap = {**_pair({}, {})[0], "heldout": [row]}
    if rows:
        snap[FIELD] = small_set_scores([s], lambda texts: np.c_[np.zeros(len(p)), p])
    return json.loads(json.dumps(snap))  # as saved by model.compare --save


def _noise(s):
    """One positive lower, the others a hair higher: -0.0123 as printed, an interval that holds 0."""
    p = s["old"].copy()
    p[0] -= 0.1
    p[1:13] += 0.002
    return p


def test_a_small_sets_fall_inside_its_noise_passes_and_is_named():
    s = _small()
    before, after = _snap(s, s["old"]), _snap(s, _noise(s))
    assert gate.reasons(before, after) == ([], [])
    text, passed = gate.format_comparison(before, after)
    assert passed and (f"- small held-out set's fall inside its noise (name it on the card): held-out {SET}: ROC-AUC "
                       "0.8733 -> 0.8610 (-0.0123; 13 positives < 30): paired bootstrap 95% interval [-0.0472, "
                       "+0.0052] holds 0: inside its rows' noise") in text


def test_a_small_sets_fall_wholly_below_0_refuses_with_its_interval():
    s = _small()
    refuse, _ = gate.reasons(_snap(s, s["old"]), _snap(s, s["old"] - 0.08 * s["y"]))  # every positive lower
    assert refuse == [f"held-out {SET}: ROC-AUC 0.8733 -> 0.7745 (-0.0988; 13 positives < 30): paired bootstrap 95% "
                      "interval [-0.1425, -0.0577] wholly below 0"]


def test_an_old_snapshot_or_other_rows_judge_a_small_set_flat_and_say_so():
    s = _small()
    before, after = _snap(s, s["old"]), _snap(s, _noise(s))
    other_rows = {**before, FIELD: {SET: {**before[FIELD][SET], "digest": "x"}}}
    for old, why in ((_snap(s, s["old"], rows=False), "the active snapshot carries no row scores for it"),
                     (other_rows, "the two snapshots scored different rows")):
        assert gate.reasons(old, after)[0] == [f"held-out {SET}: ROC-AUC 0.8733 -> 0.8610 (13 positives < 30, judged "
                                               f"by the flat 0.001: {why}" + (" (saved before session 55))"
                                                                              if "active" in why else ")")]


def test_a_snapshot_saves_only_the_small_sets_rows():
    small, large = _small(), {**_small("big"), "y": np.r_[np.ones(SMALL), np.zeros(71)]}
    saved = small_set_scores([small, large, {**small, "name": "chat", "label": None}],
                             lambda texts: np.c_[np.zeros(len(texts)), np.linspace(0, 1, len(texts))])
    assert list(saved) == [SET] and saved[SET]["y"] == [1] * 13 + [0] * 88
    assert saved[SET]["p"] == pytest.approx(np.linspace(0, 1, 101).tolist())
