"""model.row_moves finds exactly the rows whose probabilities a code change moves, keyed without their text."""

import json
from types import SimpleNamespace

import numpy as np
import pytest

from model.row_moves import moved, reread_rows, snapshot


def _rows(*texts):
    return [SimpleNamespace(text=t, source="src", split="train") for t in texts]


def _proba(weight):
    """A stand-in model whose answer for a text containing "dyke" depends on `weight` (the code's reading)."""
    return lambda texts: np.asarray([[0.1, weight if "dyke" in t else 0.2] for t in texts])


def test_a_changed_reading_moves_only_its_rows():
    rows = _rows("old dyke here, hello", "a plain comment", "a plain comment", "another one")
    before, after = snapshot(_proba(0.7), rows), snapshot(_proba(0.3), rows)
    assert len(before) == 3  # distinct texts, the duplicate's rows listed under one key
    assert [e["rows"] for e in before.values()].count([["src", "train"], ["src", "train"]]) == 1
    keys = moved(before, after)
    assert len(keys) == 1 and after[keys[0]]["probs"] == [0.1, 0.3]
    assert moved(before, snapshot(_proba(0.7), rows)) == []
    assert "dyke" not in json.dumps(before)  # no text in a snapshot


def test_snapshots_of_different_data_are_refused():
    with pytest.raises(ValueError):
        moved(snapshot(_proba(0.7), _rows("a")), snapshot(_proba(0.7), _rows("b")))


def test_a_loader_change_counts_the_rows_it_reads_differently_and_compares_the_rest():
    """Session 51: a loader change (training tweets keeping their quote marks) reads rows as other texts; --reread
    counts them by source and split, and the texts in both snapshots still show what the code moved."""
    before = snapshot(_proba(0.7), _rows("a tweet", "old dyke here", "plain"))
    after = snapshot(_proba(0.3), _rows('"a tweet"', "old dyke here", "plain"))
    assert reread_rows(before, after) == ({("src", "train"): 1}, {("src", "train"): 1})
    keys = moved(before, after, reread=True)
    assert len(keys) == 1 and after[keys[0]]["probs"] == [0.1, 0.3]
    with pytest.raises(ValueError):
        moved(before, after)
