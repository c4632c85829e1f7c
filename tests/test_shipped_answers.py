"""The active artifact still answers its written cases exactly as when it was trained (model/answers.py).

Code that changes what the pinned model sees (features, normalisation, constructions) without a new artifact
fails here in the fast suite, not only in the held-out card test that needs ../shared/data.
"""

import json

import pytest

from model.answers import FILE, explanation_digest
from model.card import ARTIFACTS
from moderation.scoring.scorer import load_scorer, read_active


@pytest.fixture(scope="module")
def shipped():
    version, sha = read_active(ARTIFACTS)
    recorded = json.loads((ARTIFACTS / version / FILE).read_text(encoding="utf-8"))
    return load_scorer(ARTIFACTS / version, sha), recorded


def test_answers_were_recorded_for_the_active_version(shipped):
    scorer, recorded = shipped
    assert recorded["model_version"] == scorer.version
    assert len(recorded["answers"]) >= 1000  # every written suite's texts


@pytest.mark.slow
def test_active_artifact_answers_its_written_cases_as_recorded(shipped):
    scorer, recorded = shipped
    drifted = []
    for row in recorded["answers"]:
        got = scorer.score(row["text"], explain_all=True)
        same = (got.scores == pytest.approx(row["scores"], abs=1e-9)
                and got.categories == pytest.approx(row["categories"], abs=1e-9)
                and explanation_digest(got.explanation) == row["explanation"])
        if not same:
            drifted.append(row["text"])
    assert not drifted, f"{len(drifted)} of {len(recorded['answers'])} answers changed, e.g. {drifted[:3]}"
