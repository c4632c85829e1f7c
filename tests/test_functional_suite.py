"""The functional case files are well-formed, and the shipped model does not regress on the Japanese suite."""

import json
import shutil
from collections import Counter

import pytest

from model.functional import record_in_card, regressions
from model.judge import HATECHECK, PROBE, SUITE, load_cases
from model.yardsticks import functional_report
from moderation.scoring.scorer import load_scorer

CATEGORIES = {"threat", "hate", "harassment", "sexual", "self_harm", "personal_info", "defamation"}
TOLERANCE = 0.01  # scoring is deterministic: this only absorbs float noise, never one case


@pytest.fixture(scope="module")
def suite():
    return load_cases(SUITE)


def test_suite_is_well_formed(suite):
    ids = [c["id"] for c in suite]
    assert len(suite) >= 400
    assert len(set(ids)) == len(ids)
    assert len({c["text"] for c in suite}) == len(suite)
    funcs = Counter(c["functionality"] for c in suite)
    assert len(funcs) >= 25
    by_id = {c["id"]: c for c in suite}
    for c in suite:
        assert set(c) == {"id", "functionality", "text", "expected", "category", "pair"}, c["id"]
        assert isinstance(c["text"], str) and c["text"].strip(), c["id"]
        assert c["expected"] in ("harmful", "non_harmful"), c["id"]
        # the functionality's suffix says which side it tests; only harmful cases carry a category
        assert c["functionality"].endswith("_h" if c["expected"] == "harmful" else "_nh"), c["id"]
        if c["expected"] == "harmful":
            assert c["category"] in CATEGORIES, c["id"]
        else:
            assert c["category"] is None, c["id"]
        if c["pair"] is not None:
            partner = by_id[c["pair"]]
            assert partner["pair"] == c["id"], c["id"]
            assert partner["expected"] != c["expected"], c["id"]
    assert sum(c["pair"] is not None for c in suite) >= 200
    assert all(n >= 6 for n in funcs.values()), funcs


def test_personal_info_probe_is_well_formed():
    probe = load_cases(PROBE)
    ids = [c["id"] for c in probe]
    assert len(probe) >= 200
    assert len(set(ids)) == len(ids) and len({c["text"] for c in probe}) == len(probe)
    assert all(set(c) == {"id", "text", "expected"} and isinstance(c["expected"], bool) for c in probe)
    kinds = Counter(c["expected"] for c in probe)
    assert kinds[True] >= 60 and kinds[False] >= 100  # precision needs many look-alike negatives


def test_suite_files_are_utf8_json_lines():
    for path in (SUITE, PROBE):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert all(json.loads(line) for line in lines)


@pytest.mark.slow
def test_no_case_is_a_training_row():
    from model.functional import training_overlap
    from model.judge import DEFAULT_DATA

    if not (DEFAULT_DATA / "README.md").is_file():
        pytest.skip(f"no shared data folder at {DEFAULT_DATA}")
    assert training_overlap(DEFAULT_DATA) == []  # the model is judged on cases it has never seen


def test_shipped_model_does_not_regress_on_the_japanese_suite(shipped_scorer):
    recorded = (shipped_scorer.card.get("functional") or {}).get("ja_suite")
    if not recorded:
        pytest.skip(f"the active card ({shipped_scorer.version}) records no functional results yet: "
                    "model/train.py records card['functional'] with model.functional.record_in_card")
    now = functional_report(shipped_scorer, shipped_scorer.card["thresholds"], parts=("ja_suite",))["ja_suite"]
    compared, worse = regressions(recorded, now, TOLERANCE)
    assert not worse, worse
    assert compared >= len(now["functionalities"]) // 2, "the card's results are for a different suite: retrain"


def test_zero_width_characters_appended_hide_no_harmful_case(shipped_scorer, suite):
    """Ten U+200B after an attack leave it held (README: 2026.12.02-9 fell 94.8 -> 64.8% so, the card's figure)."""
    from model.judge import Judge

    judge = Judge(shipped_scorer, shipped_scorer.card["thresholds"])
    harmful = [case["text"] for case in suite if case["expected"] == "harmful"]
    plain = [judge.judge(text)["flagged"] for text in harmful]
    hidden = [judge.judge(text + "\u200b" * 10)["flagged"] for text in harmful]
    assert hidden == plain
    recorded = shipped_scorer.card["functional"]["ja_suite"]["harmful"]["pass_rate"]
    assert sum(plain) / len(plain) == pytest.approx(recorded, abs=1e-3)


@pytest.mark.slow
def test_recorded_results_catch_a_regression(tiny_model, tmp_path):
    root, version, sha = tiny_model
    folder = tmp_path / version
    shutil.copytree(root / version, folder)
    rep = record_in_card(folder, sha, data_dir=tmp_path)  # no hatecheck-en here: reported as not available
    card = json.loads((folder / "card.json").read_text(encoding="utf-8"))
    assert card["functional"] == rep and card["sha256"] == sha
    assert rep["hatecheck"] == {"available": False, "reason": f"{tmp_path / HATECHECK} is missing"}
    recorded = rep["ja_suite"]
    scorer = load_scorer(folder, sha)
    again = functional_report(scorer, scorer.card["thresholds"], parts=("ja_suite",))["ja_suite"]
    assert regressions(recorded, again) == (len(recorded["functionalities"]), [])
    name, entry = next((k, v) for k, v in recorded["functionalities"].items() if v["pass_rate"] < 1)
    better = {"functionalities": {**recorded["functionalities"], name: {**entry, "pass_rate": 1.0}}}
    assert regressions(better, again)[1] == [f"{name}: 1.0 -> {entry['pass_rate']}"]
    changed = {"functionalities": {name: {**entry, "n": entry["n"] + 1, "pass_rate": 1.0}}}
    assert regressions(changed, again) == (0, [])


@pytest.mark.slow
def test_harness_reports_suite_hatecheck_and_probe(shipped_scorer, capsys):
    from model.functional import main
    from model.functional_format import format_failures, markdown_report
    from model.judge import DEFAULT_DATA, Judge

    assert main(["--json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["model_version"] == shipped_scorer.version
    ja = rep["ja_suite"]
    assert ja["n"] == len(load_cases(SUITE)) and ja["pairs"]["n"] >= 100
    assert ja["harmful"]["n"] + ja["non_harmful"]["n"] == ja["n"]
    assert sum(v["n"] for v in ja["functionalities"].values()) == ja["n"]
    assert len(ja["failed"]) == round(ja["n"] - sum(v["passed"] for v in ja["functionalities"].values()))
    hc = rep["hatecheck"]
    if (DEFAULT_DATA / HATECHECK).is_file():
        assert hc["available"] and hc["n"] == 3728 and 0 <= hc["roc_auc_abuse"] <= 1
        focus = {"threat_dir_h", "derog_neg_emote_h", "counter_quote_nh", "slur_reclaimed_nh"}
        assert focus <= set(hc["functionalities"])
    pi = rep["personal_info"]
    probe = shipped_scorer.score("x")
    assert pi["available"] == ("personal_info" in (getattr(probe, "categories", None) or probe.scores))
    if pi["available"]:
        assert pi["tp"] + pi["fp"] + pi["fn"] + pi["tn"] == pi["n"] >= 200
    card_md = markdown_report(rep)
    assert all(f"| {name} | {v['n']} |" in card_md for name, v in ja["functionalities"].items())
    cases = {c["id"]: c for c in load_cases(SUITE)}
    wrongly_held = [i for i in ja["failed"] if cases[i]["expected"] == "non_harmful"]
    assert sum(ja["false_alarms"].values()) >= len(wrongly_held)
    listing = format_failures(Judge(shipped_scorer, shipped_scorer.card["thresholds"]), ja["failed"][:3])
    assert all(f"{i} {cases[i]['functionality']}" in listing for i in ja["failed"][:3])
