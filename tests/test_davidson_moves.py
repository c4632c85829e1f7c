"""model.davidson_moves on hand-built scores: the ROC-AUCs, which side moved, the @handle table, the costs."""

import numpy as np
import pytest

from model.data.rows import Row
from model.davidson_moves import by_handles, misordered, paired, sides, tweet_class


def _scores(ps):
    texts = ["@abcd no @efgh", "@abcd hey", "plain one", "plain two", "@abcd @efgh @ijkl ok", "plain three"]
    classes = ["neither", "neither", "neither", "offensive", "offensive", "hate"]
    return [{"text": t, "class": c, "p": p} for t, c, p in zip(texts, classes, ps, strict=True)]


def test_sides_name_the_side_that_moved():
    """Only a 'neither' tweet scored up: 'neither moved only' falls near the candidate's figure, 'positives moved only'
    near the base's (a percentile moves with the other side's moves too: the two do not add up)."""
    base = _scores([0.1, 0.2, 0.3, 0.7, 0.8, 0.9])
    cand = _scores([0.85, 0.2, 0.3, 0.7, 0.8, 0.9])
    _, cls, y, pa, pb = paired(base, cand)
    assert list(cls) == ["neither"] * 3 + ["offensive", "offensive", "hate"] and y.sum() == 3
    s = sides(y, pa, pb)
    assert s["base"] == 1.0 and s["candidate"] == pytest.approx(7 / 9)
    assert s["neither moved only"] == pytest.approx(7.5 / 9) and s["positives moved only"] == pytest.approx(8.5 / 9)
    na, _ = misordered(y, pa)
    nb, qb = misordered(y, pb)
    assert list(na) == [0, 0, 0] and list(nb) == [2, 0, 0] and nb.sum() == qb.sum() == 2


def test_handles_counted_as_line_id_counts_them():
    base = _scores([0.1, 0.2, 0.3, 0.7, 0.8, 0.9])
    texts, _, y, pa, pb = paired(base, base)
    table = {r["handles"]: r for r in by_handles(texts, y, pa, pb)}
    assert {k: r["rows"] for k, r in table.items()} == {"0": 3, "1": 1, "2": 1, "3+": 1}
    assert table["0"]["positive"] == pytest.approx(2 / 3) and table["0"]["base auc"] == 1.0
    assert table["1"]["base neither"] == pytest.approx(0.2) and np.isnan(table["1"]["base positives"])


def test_a_rows_class_is_read_from_its_labels():
    def row(abuse, hate):
        return Row("t", None, abuse, "davidson", "en", "g", "test", cats={"hate": hate, "harassment": None})

    assert [tweet_class(row(1, 1)), tweet_class(row(1, 0)), tweet_class(row(0, 0))] == list(
        ("hate", "offensive", "neither"))


def test_training_tweets_lose_their_handles_only_when_asked():
    """en_quick --davidson-handles train (session 59's second candidate): a handle goes, an e-mail address stays;
    by default every tweet keeps its handles."""
    from model.data import english

    assert english.DAVIDSON_HANDLES == "keep"
    assert english.davidson_without_handles("RT @maycie32: @Whitecholo23 np, mail a@b.com") == "RT :  np, mail a@b.com"
