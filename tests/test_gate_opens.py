"""MaskedHeads.opens (predict_proba's gate) asks the serving kernel's _opens of each row in one compiled call and
answers exactly what scipy's column indexing answered, on matrices with empty rows, negative values, explicit zeros
and unsorted indices; where a column's entry is written twice (no featurised row has one) it reads each entry as the
kernel does, where scipy summed them first."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from moderation.heads import MaskedHeads
from moderation.kernels.decisions import _opens

WIDTH = 40
GATE, SHUT = (3, 17, 30), (5, 31)


def _heads(shut=SHUT) -> MaskedHeads:
    heads = MaskedHeads()
    heads.calibration_ = np.zeros((3, 2))
    return heads.set_gate(GATE, shut, ((1, 1.0),))


def _scipy_opens(heads: MaskedHeads, X) -> np.ndarray:
    """The gate as opens computed it until session 50: two fancy indexings of X's columns."""
    X = sp.csr_matrix(X)
    opened = np.asarray((X[:, list(heads.gate_columns)] > 0).sum(axis=1)).ravel() > 0
    if heads.gate_shut:
        opened &= np.asarray((X[:, list(heads.gate_shut)] != 0).sum(axis=1)).ravel() == 0
    return opened


def _kernel_opens(heads: MaskedHeads, X) -> np.ndarray:
    return np.asarray([_opens(heads.gate_[0], X.indices, X.data, X.indptr[r], X.indptr[r + 1])
                       for r in range(X.shape[0])], dtype=bool)


def _matrix(rng: np.random.Generator, rows: int, twice: bool = False) -> sp.csr_matrix:
    """Rows of 0-8 entries drawn over few columns (so the gate's are often hit), values in {-1, 0, 0.5, 1}, indices
    in drawing order; a column drawn twice in a row keeps its first entry, or both with `twice`."""
    indptr, indices, data = [0], [], []
    for _ in range(rows):
        n = int(rng.integers(0, 9))
        cols = rng.choice([*GATE, *SHUT, 0, 1, 2, 8, 39], size=n)
        if not twice:
            cols = cols[np.sort(np.unique(cols, return_index=True)[1])]
            n = cols.size
        indices.extend(cols.tolist())
        data.extend(rng.choice([-1.0, 0.0, 0.5, 1.0], size=n).tolist())
        indptr.append(len(indices))
    return sp.csr_matrix((np.asarray(data), np.asarray(indices, dtype=np.int32), np.asarray(indptr)),
                         shape=(rows, WIDTH))


@pytest.mark.parametrize("shut", [SHUT, ()], ids=["shut", "no-shut"])
def test_opens_equals_scipys_column_indexing_and_the_kernel(shut):
    heads = _heads(shut)
    rng = np.random.default_rng(50)
    for rows in (0, 1, 2, 7, 300):
        X = _matrix(rng, rows)
        got = heads.opens(X)
        assert got.dtype == bool and got.shape == (rows,)
        assert np.array_equal(got, _scipy_opens(heads, X))
        assert np.array_equal(got, _kernel_opens(heads, X))
        assert np.array_equal(heads.opens(X.toarray()), got)  # dense input: converted as before
        if rows == 300:
            assert got.any() and not got.all()  # the draws reach both answers


def test_an_entry_written_twice_is_read_as_the_kernel_reads_it():
    heads = _heads()
    X = _matrix(np.random.default_rng(2), 300, twice=True)
    assert any(np.unique(X.indices[a:b]).size < b - a for a, b in zip(X.indptr[:-1], X.indptr[1:], strict=True))
    assert np.array_equal(heads.opens(X), _kernel_opens(heads, X))


def test_opens_indexes_no_column_with_scipy(monkeypatch):
    """A one-text predict_proba paid ~0.7 ms for two fancy indexings of X's columns (session 49's closing note)."""
    X = _matrix(np.random.default_rng(1), 50)
    expected = _scipy_opens(_heads(), X)

    def refuse(*_args, **_kwargs):
        raise AssertionError("opens indexed X's columns")

    monkeypatch.setattr(sp.csr_matrix, "__getitem__", refuse)
    assert np.array_equal(_heads().opens(X), expected)


def test_no_gate_opens_nothing():
    heads = MaskedHeads()
    heads.calibration_ = np.zeros((3, 2))
    assert heads.set_gate(GATE, SHUT, ()).opens(_matrix(np.random.default_rng(0), 5)) is None
