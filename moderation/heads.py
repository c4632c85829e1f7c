"""One calibrated logistic regression per label, each trained ONLY on the rows labelled for it.

A data set labelled for spam says nothing about threats, and one labelled for abuse says nothing about spam:
`MaskedHeads.fit(X, Y)` takes Y with NaN where a row is not labelled for a column and fits each column's
logistic regression on its labelled rows alone, then a Platt sigmoid on out-of-fold decision values (as
`CalibratedClassifierCV(method="sigmoid", ensemble=False)` does). It lives in `moderation/` so the service
unpickles it without the training code; `proba_row()` is what `predict_proba()` computes for each row.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin

from moderation.kernels.decisions import NO_GATE, decide, opens_rows

__all__ = ["MaskedHeads"]


def _platt(dec: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[float, float]:
    """(a, b) with P(y=1) = 1 / (1 + exp(a * dec + b)), fitted by weighted logistic regression on `dec`."""
    from sklearn.linear_model import LogisticRegression  # fitting's, not serving's (~0.07 s of loading the model)

    lr = LogisticRegression(C=1e4, solver="lbfgs", max_iter=1000)
    lr.fit(dec.reshape(-1, 1), y, sample_weight=w)
    return -float(lr.coef_[0, 0]), -float(lr.intercept_[0])


def _aligned(a: np.ndarray) -> np.ndarray:
    """`a` (C order) copied to start on a 64-byte boundary: a feature's row of eight heads' weights is then one
    cache line, not two (scoring gathers hundreds of rows at random from megabytes). Same values, same pickle."""
    if a.ctypes.data % 64 == 0:
        return a
    raw = np.empty(a.nbytes + 64, dtype=np.uint8)
    start = -raw.ctypes.data % 64
    out = raw[start:start + a.nbytes].view(a.dtype).reshape(a.shape)
    out[...] = a
    return out


class MaskedHeads(ClassifierMixin, BaseEstimator):
    """Y (n, k) with NaN = not labelled -> k calibrated linear heads; predict_proba gives (n, k)."""

    excluded_columns: tuple = ()  # what an artifact pickled before the option was added unpickles to
    damped_columns: tuple = ()
    lifted_heads: tuple = ()
    gate_columns: tuple = ()
    gate_shut: tuple = ()
    gate_lifts: tuple = ()
    gate_only: tuple = ()
    head_C: tuple = ()
    gate_ = NO_GATE

    def __init__(self, C: float = 4.0, calibration_cv: int = 3, max_iter: int = 3000, random_state: int = 0,
                 class_weight: str | None = "balanced", excluded_columns: tuple = (), damped_columns: tuple = (),
                 lifted_heads: tuple = (), gate_columns: tuple = (), gate_shut: tuple = (), gate_lifts: tuple = (),
                 gate_only: tuple = (), head_C: tuple = ()):
        self.C = C
        self.calibration_cv = calibration_cv
        self.max_iter = max_iter
        self.random_state = random_state
        self.class_weight = class_weight
        self.excluded_columns = excluded_columns  # ((head, column), ...): the head learns no weight for the column
        # ((column, factor), ...): every head fits the column scaled by factor < 1 and keeps its weight times factor,
        # the same scores for a penalty 1 / factor^2 as strong: a signal only generated rows teach cannot alone
        # take a head to 1.0 (issue 12: accusation_named)
        self.damped_columns = damped_columns
        # ((head, logits, column), ...): the head's fitted sigmoid moved up by that many logits for every row whose
        # 0/1 column is 0, the rows where it is 1 keep the fitted sigmoid (the column's weight takes the lift back): a
        # head whose rows make it rare in one language (English hate) is not drowned in the maximum by a common one
        self.lifted_heads = lifted_heads
        # the gate: a row where one of `gate_columns` is > 0 and none of `gate_shut` is non-zero (0/1 signal columns,
        # e.g. a construction of an attack on a group, in text with no Japanese character) has each head of
        # `gate_lifts` ((head, logits), ...) moved up by that many logits after its sigmoid's fit; every other row
        # keeps the fitted sigmoid, so what moves is the order of rows within a language, not one head's line
        self.gate_columns = gate_columns
        self.gate_shut = gate_shut
        self.gate_lifts = gate_lifts
        # columns the gate reads and no head does (the frames that keep it shut): every head is fitted without them,
        # as if they were not in X at all (so the fit equals one of the code without them, to the bit), and weighs
        # them 0
        self.gate_only = gate_only
        # ((head, C), ...): that head's inverse regularisation instead of C (session 50: harassment, whose Davidson
        # tweets' vulgar words rank under C = 4's penalty)
        self.head_C = head_C

    def _lr(self, C: float | None = None):
        from sklearn.linear_model import LogisticRegression  # fitting's, not serving's (~0.07 s of loading the model)

        return LogisticRegression(C=self.C if C is None else C, class_weight=self.class_weight,
                                  max_iter=self.max_iter, solver="liblinear", random_state=self.random_state)

    def _fit_head(self, X, y, w, C: float | None = None):
        classes = np.unique(y)
        if classes.size < 2:  # one class only: a constant head
            p = 0.999 if classes.size and classes[0] == 1 else 0.001
            return np.zeros(X.shape[1]), 0.0, (0.0, float(np.log((1 - p) / p)))
        k = int(min(self.calibration_cv, np.bincount(y.astype(int)).min()))
        dec = np.zeros(len(y))
        if k >= 2:
            from sklearn.model_selection import StratifiedKFold

            folds = StratifiedKFold(n_splits=k, shuffle=True, random_state=self.random_state)
            for tr, te in folds.split(np.zeros(len(y)), y):
                lr = self._lr(C).fit(X[tr], y[tr], sample_weight=w[tr])
                dec[te] = lr.decision_function(X[te])
        lr = self._lr(C).fit(X, y, sample_weight=w)
        if k < 2:
            dec = lr.decision_function(X)
        return lr.coef_.ravel(), float(lr.intercept_[0]), _platt(dec, y, w)

    def fit(self, X, Y, sample_weight=None):
        Y = np.asarray(Y, dtype=float)
        if Y.ndim == 1:
            Y = Y.reshape(-1, 1)
        w_all = np.ones(len(Y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        if w_all.ndim == 1:  # one weight per row for every head, or (n, k): a row's weight per head
            w_all = np.repeat(w_all[:, None], Y.shape[1], axis=1)
        scale = np.ones(X.shape[1])
        for column, factor in self.damped_columns:
            scale[column] = factor
        if self.damped_columns:
            X = X @ sp.diags(scale, format="csr") if sp.issparse(X) else X * scale
        width = X.shape[1]
        kept = np.setdiff1d(np.arange(width), np.asarray(self.gate_only, dtype=np.int64))
        if self.gate_only:  # each row's entries in their order, the others' columns renumbered
            X = X[:, kept]
        coefs, intercepts, cal = [], [], []
        self.n_labelled_ = []
        for k in range(Y.shape[1]):
            mask = ~np.isnan(Y[:, k])
            Xk = X[mask]
            if cols := [c for h, c in self.excluded_columns if h == k]:
                keep = np.ones(width)
                keep[cols] = 0.0
                keep = keep[kept]
                Xk = Xk @ sp.diags(keep, format="csr") if sp.issparse(Xk) else Xk * keep
            fitted, intercept, ab = self._fit_head(Xk, Y[mask, k].astype(int), w_all[mask, k], dict(self.head_C).get(k))
            coef = np.zeros(width)  # the gate-only columns weigh 0
            coef[kept] = fitted
            coefs.append(coef * scale if self.damped_columns else coef)
            intercepts.append(intercept)
            cal.append(ab)
            self.n_labelled_.append(int(mask.sum()))
        self.coef_ = _aligned(np.vstack(coefs).T.copy())  # (n_features, k): a feature's row picks k weights at once
        self.intercept_ = np.asarray(intercepts)
        self.calibration_ = np.asarray(cal)  # (k, 2): a, b of each head's sigmoid
        for k, logits, column in self.lifted_heads:
            if a := self.calibration_[k, 0]:  # P = 1 / (1 + exp(a * dec + b)): b - logits, and dec + logits / a at 1
                self.calibration_[k, 1] -= logits
                self.coef_[column, k] += logits / a
        self.n_features_in_ = width
        self.classes_ = np.asarray([0, 1])
        self.set_gate(self.gate_columns, self.gate_shut, self.gate_lifts)
        return self

    def set_gate(self, columns: tuple, shut: tuple, lifts: tuple) -> MaskedHeads:
        """Declare the gate (columns, shut, ((head, logits), ...)) and lay it out as the kernel reads it, `gate_`:
        (the opening columns then -1 - c for each shutting one, every head's logits), or NO_GATE without lifts."""
        self.gate_columns, self.gate_shut, self.gate_lifts = tuple(columns), tuple(shut), tuple(lifts)
        if not self.gate_lifts:
            self.gate_ = NO_GATE
            return self
        lift = np.zeros(self.calibration_.shape[0])
        for k, logits in self.gate_lifts:
            lift[k] += logits
        self.gate_ = (np.asarray([*self.gate_columns, *(-1 - c for c in self.gate_shut)], dtype=np.int64), lift)
        return self

    def __setstate__(self, state):
        super().__setstate__(state)
        if isinstance(self.__dict__.get("coef_"), np.ndarray):
            self.coef_ = _aligned(np.ascontiguousarray(self.coef_))
            self.set_gate(self.gate_columns, self.gate_shut, self.gate_lifts)

    def decision_function(self, X) -> np.ndarray:
        return np.asarray(X @ self.coef_) + self.intercept_

    def _sigmoid(self, dec: np.ndarray, opened: np.ndarray | None = None) -> np.ndarray:
        z = self.calibration_[:, 0] * dec + self.calibration_[:, 1]
        if opened is not None and opened.any():
            z[opened] -= self.gate_[1]
        z = np.minimum(np.maximum(z, -700), 700)  # np.clip
        return 1.0 / (1.0 + np.exp(z))

    def opens(self, X) -> np.ndarray | None:
        """Which rows of X open the gate (set_gate), or None without one: the kernel's _opens over a matrix's rows in
        one compiled call (scipy's column indexing, twice, cost a one-text predict_proba ~0.7 ms; numpy's unique,
        searchsorted and isin over its entries ~0.19)."""
        if not self.gate_lifts:
            return None
        if not (sp.issparse(X) and X.format == "csr"):
            X = sp.csr_matrix(X)
        return opens_rows(self.gate_[0], X.indices, X.data, X.indptr)

    def predict_proba(self, X) -> np.ndarray:
        """(n, k) probabilities, one column per label (not scikit-learn's per-class pairs)."""
        return self._sigmoid(self.decision_function(X), self.opens(X))

    def proba_row(self, indices: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(decision values, probabilities) of ONE sparse row, the same arithmetic as predict_proba."""
        dec, prob = self.proba_rows(indices, values, np.array([0, indices.size]))
        return dec[0], prob[0]

    def proba_rows(self, indices: np.ndarray, values: np.ndarray, bounds: np.ndarray):
        """(decision values, probabilities), each (n, k), of sparse rows laid end to end (row r is
        bounds[r]:bounds[r + 1]), in one compiled pass that reads each feature's k weights once."""
        return decide(self.coef_, self.intercept_, self.calibration_, *self.gate_, indices, values, bounds)

    def predict(self, X) -> np.ndarray:
        return (self.predict_proba(X) >= 0.5).astype(int)
