"""The A/A band of a quick fit: a candidate's written cases and figures read against what chance alone moves."""

import json

import numpy as np
import pytest

from model.refit_band import (
    BAND,
    band,
    bars,
    case_scores,
    difference,
    main,
    verdict,
    written_cases,
)


def reading(scores: dict[str, tuple[bool, float]], **figures) -> dict:
    return {"figures": figures, "cases": {k: [h, p] for k, (h, p) in scores.items()}}


BASE = reading({"a:1": (True, 0.9), "a:2": (True, 0.2), "a:3": (False, 0.1), "b:1": (False, 0.5)},
               **{"auc en abuse": 0.95, "clean flagged en abuse": 0.10, "hatecheck auc": 0.84})


def test_written_cases_are_the_english_probes_and_the_labelled_validation_cases(tmp_path):
    (tmp_path / "en_x_probe.jsonl").write_text(
        '{"id": "x1", "text": "I will hurt you.", "expected": "harmful"}\n\n'
        '{"id": "x2", "text": "I will help you.", "expected": "non_harmful"}\n')
    (tmp_path / "en_validation.jsonl").write_text(
        '{"text": "Damn.", "harm": null, "kind": "vulgar"}\n{"text": "Nice.", "harm": 0, "kind": "civil_you"}\n')
    (tmp_path / "ja_x_probe.jsonl").write_text('{"id": "j1", "text": "死ね", "expected": "harmful"}\n')
    cases = written_cases(tmp_path)
    assert cases == {"en_x_probe:x1": {"text": "I will hurt you.", "harmful": True},
                     "en_x_probe:x2": {"text": "I will help you.", "harmful": False},
                     "en_validation:1": {"text": "Nice.", "harmful": False}}


def test_a_case_scores_its_highest_harm_head_not_spam():
    def proba(texts):  # columns: spam, then two harm heads; "hurt" lifts the second harm head
        return np.array([[0.99, 0.1, 0.8 if "hurt" in t else 0.05] for t in texts])

    cases = {"f:1": {"text": "I will hurt you.", "harmful": True}, "f:2": {"text": "Buy now", "harmful": False}}
    assert case_scores(proba, cases) == {"f:1": [True, 0.8], "f:2": [False, 0.1]}


def test_difference_counts_cases_that_cross_the_review_floor_either_way():
    cand = reading({"a:1": (True, 0.29), "a:2": (True, 0.31), "a:3": (False, 0.3), "b:1": (False, 0.1),
                    "c:9": (True, 0.9)}, **{"auc en abuse": 0.96, "clean flagged en abuse": 0.10})
    d = difference(BASE, cand)
    assert (d["won"], d["lost"]) == (["a:2", "b:1"], ["a:1", "a:3"])  # 0.3 is flagged: a civil case at it is lost
    assert (d["harms_won"], d["harms_lost"], d["cases"]) == (["a:2"], ["a:1"], 4)  # c:9 is not in the base
    assert d["figures"] == pytest.approx({"auc en abuse": 0.01, "clean flagged en abuse": 0.0})


def test_the_band_is_the_widest_pair_read_either_way_round():
    a = BASE
    b = reading({"a:1": (True, 0.1), "a:2": (True, 0.2), "a:3": (False, 0.1), "b:1": (False, 0.5)},
                **{"auc en abuse": 0.93, "clean flagged en abuse": 0.12, "hatecheck auc": 0.85})
    c = reading({"a:1": (True, 0.9), "a:2": (True, 0.9), "a:3": (False, 0.6), "b:1": (False, 0.1)},
                **{"auc en abuse": 0.955, "clean flagged en abuse": 0.09, "hatecheck auc": 0.83})
    out = band([a, b, c])
    assert out["pairs"] == 3
    assert out["figures"] == pytest.approx({"auc en abuse": 0.025, "clean flagged en abuse": 0.03,
                                            "hatecheck auc": 0.02})
    # b -> c wins a:1, a:2 and b:1 and loses a:3: one way 3, both ways 4, net 2; a -> b loses the harm a:1 and
    # c -> b (b -> c read the other way round) loses the harms a:1 and a:2
    assert (out["one_way"], out["flipped"], out["net"], out["harms_lost"], out["civil_lost"]) == (3, 4, 2, 2, 1)
    assert out["harm_net"] == 2  # b -> c won the harms a:1 and a:2 and lost none
    # a case's move: the widest pair's median (b -> c moves 0.8, 0.7, 0.5 and 0.4) and its largest (a:1, 0.8)
    assert (out["move"]["0.5"], out["move"]["1.0"]) == pytest.approx((0.6, 0.8))
    with pytest.raises(ValueError):
        band([a])


def test_the_verdict_reads_twice_the_band_and_never_hatecheck():
    width = {"figures": {"auc en abuse": 0.01, "clean flagged en abuse": 0.02, "hatecheck auc": 0.001}, "net": 2,
             "harm_net": 5}

    def diff(won, lost, harms_won=0, harms_lost=0, **figures):
        return {"won": [f"w:{i}" for i in range(won)], "lost": [f"l:{i}" for i in range(lost)], "figures": figures,
                "harms_won": [f"w:{i}" for i in range(harms_won)], "harms_lost": [f"l:{i}" for i in range(harms_lost)]}

    assert bars(width) == (4, 10)
    assert verdict(diff(15, 10, **{"auc en abuse": -0.015}), width)[0] == "BEATS"  # net +5, a fall inside 2 x 0.01
    assert verdict(diff(15, 10, **{"auc en abuse": -0.025}), width)[0] == "LOSES"  # a fall outside it
    assert verdict(diff(14, 10), width) == ("INSIDE", ["written cases net +4 (needed beyond 4)"])
    assert verdict(diff(10, 14), width)[0] == "INSIDE"
    assert verdict(diff(10, 15), width) == ("LOSES", ["written cases net -5 (needed beyond 4)"])
    # more cases passed, but harms traded for civil cases beyond what a refit trades
    assert verdict(diff(30, 10, 2, 13), width) == ("LOSES", ["harms net -11 (needed beyond -10)"])
    assert verdict(diff(30, 10, 2, 12), width)[0] == "BEATS"
    call, reasons = verdict(diff(10, 0, **{"clean flagged en abuse": 0.05, "hatecheck auc": -0.05}), width)
    assert (call, reasons) == ("LOSES", ["clean flagged en abuse +0.0500 (band 0.0200)"])
    assert verdict(diff(10, 0, **{"clean flagged en abuse": -0.05}), width)[0] == "BEATS"  # fewer held: better


def test_the_command_line_saves_a_band_and_compares_with_it(tmp_path, capsys):
    paths = []
    for name, p in (("base", 0.9), ("aa", 0.2)):
        paths.append(tmp_path / f"{name}.json")
        paths[-1].write_text(json.dumps(reading({"a:1": (True, p)}, **{"auc en abuse": p})))
    assert main(["band", *map(str, paths), "--save", str(tmp_path / "band.json")]) == 0
    saved = json.loads((tmp_path / "band.json").read_text())
    assert (saved["net"], saved["readings"]) == (1, ["base.json", "aa.json"])
    capsys.readouterr()
    assert main(["compare", str(paths[0]), str(paths[1]), "--band", str(tmp_path / "band.json")]) == 0
    out = capsys.readouterr().out
    assert "won 0 (0 harms), lost 1 (1 harms), net -1" in out
    assert "99th percentile move (0.7000): 0 of 1; won 0, lost 0" in out  # the band's own pair moved as far
    assert out.rstrip().endswith("verdict: INSIDE: written cases net -1 (needed beyond 2)")


@pytest.mark.skipif(not BAND.exists(), reason="no band measured yet")
def test_the_committed_band_names_its_readings_and_widths():
    saved = json.loads(BAND.read_text())
    assert saved["pairs"] >= 1 and len(saved["readings"]) >= 2
    assert saved["net"] <= saved["one_way"] <= saved["flipped"]
    assert all(width >= 0 for width in saved["figures"].values())
