"""model.decision_parts cuts a head's decision into intercept, named signals, other signals and n-grams that sum to
what the scorer computes."""

import numpy as np
import pytest

from model.decision_parts import main, parts, report
from moderation.features.vocabulary import FEATURE_NAMES
from moderation.scoring.scorer import HEADS, load_scorer

GROUP = "Immigrants run most of the shops on our high street."
PLAIN = "The council meeting is on Thursday at the library."


@pytest.fixture(scope="module")
def scorer(tiny_model):
    root, version, sha = tiny_model
    return load_scorer(root / version, sha)


@pytest.mark.parametrize("head", ["hate", "spam", "threat"])
@pytest.mark.parametrize("text", [GROUP, PLAIN, "お前はバカか", ""])
def test_the_parts_sum_to_the_heads_decision(scorer, text, head):
    enc = scorer.features.encode(text, heads=scorer.heads)
    dec, _prob = scorer.heads.proba_row(enc.indices, enc.values)
    p = parts(scorer, text, head, ("length", "group"))
    total = p["intercept"] + p["length"] + p["group"] + p["other_signals"] + p["ngrams"]
    assert np.isclose(p["decision"], total, rtol=0, atol=1e-12)
    assert np.isclose(p["decision"], dec[HEADS.index(head)], rtol=0, atol=1e-9)


def test_a_named_signal_is_its_value_times_the_heads_weight(scorer):
    k, col = HEADS.index("hate"), FEATURE_NAMES.index("length")
    sig = scorer.features.encode(GROUP).signals
    expected = sig[col] * scorer.heads.coef_[scorer.features.signal_offset_ + col, k]
    assert sig[col] > 0 and np.isclose(parts(scorer, GROUP, "hate", ("length",))["length"], expected, atol=1e-12)
    unnamed = parts(scorer, GROUP, "hate")
    assert np.isclose(unnamed["other_signals"], parts(scorer, GROUP, "hate", ("length",))["other_signals"] + expected)


def test_the_report_splits_by_a_signal_and_averages(scorer):
    col = FEATURE_NAMES.index("group")
    assert scorer.features.encode(GROUP).signals[col] > 0 and scorer.features.encode(PLAIN).signals[col] == 0
    rep = report(scorer, [("civil", GROUP), ("civil", PLAIN), ("civil", PLAIN)], "hate", ("group",), split="group")
    assert rep["civil group=yes"]["n"] == 1 and rep["civil group=no"]["n"] == 2
    assert rep["civil group=no"]["group"] == 0.0
    assert rep["civil group=no"]["decision"] == round(parts(scorer, PLAIN, "hate", ("group",))["decision"], 4)


def test_the_command_prints_a_row_per_group(scorer, tiny_model, capsys):
    root, version, _sha = tiny_model
    assert main(["--artifact", str(root / version), "--signal", "length", "--probe", "en_group_mention_probe"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["group", "n", "intercept", "length"] and len(lines) > 2
    assert all(line.startswith("en_group_mention_probe:") for line in lines[1:])
