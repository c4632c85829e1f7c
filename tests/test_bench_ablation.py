"""`python -m bench.scoring --ablate` times score() without each stage: each stage must be cut where score() calls it
(a patch of a name the flow no longer looks up would time plain score() twice and report a stage as free), and the
answered runs must give every comment the Score it gets with the stage."""

import random

import pytest

from bench import ablation
from bench.scoring import PIECES, make_text
from moderation.scoring.scorer import load_scorer


@pytest.fixture(scope="module")
def scorer(tiny_model):
    root, version, sha = tiny_model
    return load_scorer(root / version, sha)


@pytest.fixture(scope="module")
def texts():
    rng = random.Random(5)
    return [make_text(rng, 200) for _ in range(6)] + ["", "ｗｗｗｗ f u c k", "「お前は黙れ」と言われた。"]


def test_every_stage_is_cut_where_score_calls_it_and_answers_stay_the_same(scorer, texts):
    results = ablation.ablate(scorer, texts, rounds=1)
    assert set(results) == set(ablation.stages())
    for name, r in results.items():
        assert r["recorded"] > 0, name  # the flow called the patched name
        assert r["called"] == 0, name  # ... and not the stage itself while answered
        assert r["same"], name
        assert r["base"] > 0 and r["without"] > 0
    assert all("| yes |" in line for line in ablation.report(results)[2:])


def test_a_stage_the_flow_does_not_look_up_is_found_out(scorer, texts, monkeypatch):
    # a name the module has and score() does not call (as a stage would be after the flow stopped looking it up
    # there): nothing recorded, so its row must not read as a stage that costs nothing
    stage = ablation.Stage(ablation.vectorizer_module, "segments", lambda rows, n: n)
    monkeypatch.setattr(ablation, "stages", lambda: {"moved": stage})
    r = ablation.ablate(scorer, texts, rounds=1)["moved"]
    assert r["recorded"] == 0 and r["same"]
    assert ablation.report({"moved": r})[2].endswith("| NO |")


def test_an_answer_not_recorded_goes_to_the_stage_and_is_counted(scorer):
    stage = ablation.stages()["normalize"]
    with stage.recording():
        scorer.score(PIECES[0])
    with stage.answering():
        assert scorer.score(PIECES[0]) == scorer.score(PIECES[0])
        assert stage.called == 0
        scorer.score(PIECES[1])
    assert stage.called == 1
