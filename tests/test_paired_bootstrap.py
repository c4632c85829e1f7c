"""The paired bootstrap behind clause (b) of the ship rule: a small set's drop counts only when it is systematic."""

import json
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from model.paired_bootstrap import SMALL, compare, main, paired_auc_difference
from moderation.scoring.scorer import read_active

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "model" / "artifacts"
DATA_DIR = ROOT.parent / "shared" / "data"


@pytest.fixture
def chat():
    """4,000 ordinary lines' scores and 11 positives' scores among them (the troll set's shape)."""
    rng = np.random.default_rng(7)
    y = np.r_[np.ones(11), np.zeros(4000)]
    return y, rng.random(y.size)


def test_point_estimates_are_roc_auc_with_ties_counted_half():
    rng = np.random.default_rng(1)
    y = rng.random(300) < 0.2
    old = np.round(rng.random(300), 1)  # many ties
    new = np.where(y, old + 0.05, old)
    r = paired_auc_difference(y, old, new, resamples=50)
    assert r.old == pytest.approx(roc_auc_score(y, old), abs=1e-12)
    assert r.new == pytest.approx(roc_auc_score(y, new), abs=1e-12)
    assert (r.positives, r.negatives) == (int(y.sum()), int((~y).sum()))


def test_the_same_scores_give_a_zero_interval(chat):
    y, p = chat
    r = paired_auc_difference(y, p, p.copy(), resamples=500)
    assert (r.diff, r.low, r.high) == (0.0, 0.0, 0.0)
    assert not r.worse


def test_every_positive_a_little_lower_is_worse_even_on_a_small_set(chat):
    y, p = chat
    new = p.copy()
    new[y == 1] -= 0.04  # each of the 11 lines ~4 percentiles lower: systematic
    r = paired_auc_difference(y, p, new)
    assert r.diff < -0.01 and r.high < 0
    assert r.positives < SMALL and r.worse


def test_one_line_moving_on_a_small_set_is_not_worse(chat):
    y, p = chat
    new = p.copy()
    pos = np.flatnonzero(y == 1)
    new[pos[0]] = max(p[pos[0]] - 0.4, 0.0)  # one line 40 percentiles lower, the others a little higher
    new[pos[1:]] += 0.005
    r = paired_auc_difference(y, p, new)
    assert r.diff < -0.01
    assert r.low < 0 < r.high
    assert not r.worse


def test_a_large_set_is_worse_past_the_tolerance_whatever_its_interval():
    rng = np.random.default_rng(3)
    y = np.r_[np.ones(40), np.zeros(400)]
    old = rng.random(y.size) + 0.5 * y
    new = old.copy()
    new[:4] = 0.0  # four of 40 positives to the bottom
    r = paired_auc_difference(y, old, new)
    assert r.positives >= SMALL and r.diff < -0.01
    assert r.worse


def test_fixed_seed_gives_the_same_interval_and_another_seed_another(chat):
    y, p = chat
    new = p + np.random.default_rng(5).normal(0, 0.05, p.size)
    a, b = paired_auc_difference(y, p, new, resamples=500), paired_auc_difference(y, p, new, resamples=500)
    c = paired_auc_difference(y, p, new, resamples=500, seed=1)
    assert (a.low, a.high) == (b.low, b.high)
    assert (a.low, a.high) != (c.low, c.high)


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="same length"):
        paired_auc_difference([1, 0], [0.1, 0.2], [0.1])
    with pytest.raises(ValueError, match="both classes"):
        paired_auc_difference([1, 1], [0.1, 0.2], [0.1, 0.3])


def _scores(path, version, p, texts_digest="d"):
    y = np.r_[np.ones(11), np.zeros(4000)]
    np.savez(path, index=f'[{{"name": "ja troll", "digest": "{texts_digest}"}}]', version=version, y0=y, p0=p)


def test_compare_reads_two_score_files_and_prints_the_table(tmp_path, chat, capsys):
    y, p = chat
    new = p.copy()
    new[y == 1] -= 0.04
    _scores(tmp_path / "old.npz", "old", p)
    _scores(tmp_path / "new.npz", "new", new)
    (row,) = compare(tmp_path / "old.npz", tmp_path / "new.npz", resamples=200)
    assert row["set"] == "ja troll" and row["positives"] == 11 and row["worse"]
    assert main(["compare", str(tmp_path / "old.npz"), str(tmp_path / "new.npz"), "--resamples", "200"]) == 0
    assert "| ja troll | 11 |" in capsys.readouterr().out


def test_compare_refuses_files_that_scored_different_rows(tmp_path, chat):
    _, p = chat
    _scores(tmp_path / "old.npz", "old", p, "a")
    _scores(tmp_path / "new.npz", "new", p, "b")
    with pytest.raises(ValueError, match="different rows"):
        compare(tmp_path / "old.npz", tmp_path / "new.npz")


@pytest.mark.slow
@pytest.mark.shared_data
@pytest.mark.skipif(not DATA_DIR.exists(), reason="../shared/data not present")
def test_the_shipped_model_scored_against_itself_is_its_card_and_no_difference(tmp_path):
    version, _ = read_active(ARTIFACTS)
    out = tmp_path / "shipped.npz"
    assert main(["scores", "--artifact", str(ARTIFACTS / version), "--out", str(out), "--data-dir", str(DATA_DIR)]) == 0
    card = {m["set"]: m["roc_auc"] for m in json.loads((ARTIFACTS / version / "card.json").read_text())["metrics"]
            ["heldout"] if "roc_auc" in m}
    rows = compare(out, out, resamples=200)
    assert {r["set"] for r in rows} == set(card)
    for r in rows:
        assert r["old"] == pytest.approx(card[r["set"]], abs=1e-4), r["set"]
        assert (r["diff"], r["low"], r["high"], r["worse"]) == (0.0, 0.0, 0.0, False)
