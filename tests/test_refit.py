"""model.refit: a trial harness refits a shipped model's heads to the bit before any recipe is measured on it."""

import numpy as np
import pytest

from model import data as D
from model import refit
from model import training_set as T
from model.pipeline import HEADS
from model.tiny import tiny_corpus, train_tiny_pipeline


@pytest.fixture(scope="module")
def tiny():
    """The tiny Pipeline (fitted unweighted), its training matrix and labels."""
    pipe = train_tiny_pipeline()
    texts, y = tiny_corpus()
    return pipe, pipe.named_steps["features"].transform(texts), np.asarray(y)


def test_a_refit_with_the_shipped_parameters_equals_the_shipped_heads(tiny):
    pipe, X, Y = tiny
    names = ("threat", "harassment")
    heads = refit.refit(pipe.named_steps["heads"], X, Y, None, names)
    assert refit.differences(heads, pipe.named_steps["heads"]) == dict.fromkeys(HEADS, 0.0)


def test_a_changed_parameter_shows_and_only_the_named_heads_change(tiny):
    pipe, X, Y = tiny
    shipped = pipe.named_steps["heads"]
    heads = refit.refit(shipped, X, Y, None, ("harassment",), C=0.5)
    diff = refit.differences(heads, shipped)
    assert diff["harassment"] > 0.01
    assert all(v == 0.0 for k, v in diff.items() if k != "harassment")


def test_the_matrix_is_refused_for_rows_not_the_cards_and_cached_for_the_cards(tiny, tmp_path, monkeypatch):
    pipe, X, _ = tiny
    texts, y = tiny_corpus()
    rows = [D.Row(text, None if y_[0] != y_[0] else int(y_[0]), None, "tiny", "ja", str(i), D.TRAIN)
            for i, (text, y_) in enumerate(zip(texts, y, strict=True))]
    monkeypatch.setattr(D, "load_all", lambda data_dir: rows)
    monkeypatch.setattr(T, "synthetic_rows", lambda data_dir: [])
    with pytest.raises(SystemExit, match="not the card's"):
        refit.training_matrix(pipe, {"training_rows_sha256": "0" * 64}, tmp_path, tmp_path / "cache")
    card = {"training_rows_sha256": T.rows_digest(rows)}
    built, meta = refit.training_matrix(pipe, card, tmp_path, tmp_path / "cache")
    assert (built != X).nnz == 0 and meta["text"] == texts
    monkeypatch.setattr(D, "load_all", lambda data_dir: pytest.fail("read the rows again"))
    cached, _ = refit.training_matrix(pipe, card, tmp_path, tmp_path / "cache")
    assert (cached != X).nnz == 0
    assert meta["digest"] == card["training_rows_sha256"]
