"""The heads' decisions over sparse rows, and compiling every kernel before gunicorn forks."""

from __future__ import annotations

import numpy as np

from moderation.kernel_cache import njit

NO_GATE = (np.zeros(0, np.int64), np.zeros(0))  # (gate, lift) of heads whose sigmoids are moved nowhere


@njit(cache=True, nogil=True)
def decide(coef, intercept, calibration, gate, lift, indices, values, bounds):
    """(decision values, probabilities), each (rows, heads), of sparse rows laid end to end (row r is
    bounds[r]:bounds[r + 1]): each head's weighted sum of the row's weights, then its Platt sigmoid (moved by `lift`
    where the row opens `gate`: MaskedHeads.gate_)."""
    rows = bounds.size - 1
    heads = coef.shape[1]
    dec = np.empty((rows, heads))
    prob = np.empty((rows, heads))
    for r in range(rows):
        _decide_row(coef, intercept, calibration, gate, lift, indices, values, bounds[r], bounds[r + 1], dec[r],
                    prob[r])
    return dec, prob


@njit(cache=True, nogil=True)
def _opens(gate, indices, values, lo, hi):
    """Whether the row indices[lo:hi] opens `gate`: a column c >= 0 of it opens where the row's value is > 0, one
    written -1 - c keeps it shut where the value is not 0 (a signal column: 0 when absent from the row)."""
    if gate.size == 0:
        return False
    least = gate[0] if gate[0] >= 0 else -1 - gate[0]  # the gate's first column: the row's columns before it skip
    for g in range(1, gate.size):
        least = min(least, gate[g] if gate[g] >= 0 else -1 - gate[g])
    opened = False
    for j in range(lo, hi):
        c = indices[j]
        if c < least:
            continue
        for g in range(gate.size):
            if gate[g] == c and values[j] > 0:
                opened = True
            elif gate[g] == -1 - c and values[j] != 0:
                return False
    return opened


@njit(cache=True, nogil=True)
def opens_rows(gate, indices, values, indptr):
    """Whether each row of a CSR matrix (indices, values, indptr) opens `gate` (_opens): MaskedHeads.opens, so
    predict_proba's gate is serving's, row for row, in one call."""
    rows = indptr.size - 1
    out = np.zeros(rows, np.bool_)
    for r in range(rows):
        out[r] = _opens(gate, indices, values, indptr[r], indptr[r + 1])
    return out


@njit(cache=True, nogil=True)
def _sums8(coef, indices, values, lo, hi, dec):
    """dec[k] = the sum of values[j] * coef[indices[j], k] over j in lo..hi, for 8 heads: each head's products added
    in the same order from 0.0 as _decide_row's loop adds them, so the same doubles."""
    d0 = d1 = d2 = d3 = d4 = d5 = d6 = d7 = 0.0
    for j in range(lo, hi):
        v = values[j]
        row = indices[j]
        d0 += v * coef[row, 0]
        d1 += v * coef[row, 1]
        d2 += v * coef[row, 2]
        d3 += v * coef[row, 3]
        d4 += v * coef[row, 4]
        d5 += v * coef[row, 5]
        d6 += v * coef[row, 6]
        d7 += v * coef[row, 7]
    dec[0], dec[1], dec[2], dec[3], dec[4], dec[5], dec[6], dec[7] = d0, d1, d2, d3, d4, d5, d6, d7


@njit(cache=True, nogil=True)
def _decide_row(coef, intercept, calibration, gate, lift, indices, values, lo, hi, dec, prob):
    """dec, prob (k each) of the row indices[lo:hi], values[lo:hi]: the one arithmetic of decide and featurise.
    `lift` (k logits, or none) moves each head's calibrated log-odds where the row opens `gate` (_opens)."""
    heads = coef.shape[1]
    if heads == 8:  # the shipped heads (scorer.HEADS): each sum in a register, not read and written back in dec
        _sums8(coef, indices, values, lo, hi, dec)
    else:
        for k in range(heads):
            dec[k] = 0.0
        for j in range(lo, hi):
            v = values[j]
            row = indices[j]
            for k in range(heads):
                dec[k] += v * coef[row, k]
    lifted = lift.size > 0 and _opens(gate, indices, values, lo, hi)
    for k in range(heads):
        dec[k] += intercept[k]
        z = calibration[k, 0] * dec[k] + calibration[k, 1]
        if lifted:
            z -= lift[k]
        z = min(max(z, -700.0), 700.0)
        prob[k] = 1.0 / (1.0 + np.exp(z))


# warm()'s comment: a quotation, a Japanese and an English sentence, a leet word (text/leet.py's kernel), an emoji
SAMPLE = "「お前は黙れ」と言われた。 That's what they said, calling it \"stupid\" in l33t. 😊"


def warm(features, heads=None) -> None:
    """Compile (or load from the on-disk cache) every kernel with the argument types serving passes."""
    features.encode("", spans=True)
    sample = SAMPLE
    enc = features.encode(sample, spans=True, heads=heads)
    features.encode(sample * 20, heads=heads)  # a long comment's paths
    from moderation.needles.guards import compile_scans  # both import the kernels: here, not at the top
    from moderation.text.chars import _charset

    compile_scans()  # every guard's engine scan, before gunicorn forks (not in each worker's first comments)

    # normalize's compiled pass (text/prepass.py) takes the sample's learnt characters, so a long comment with one
    # not learnt yet was the first to load distinct_codes, in each worker (LLVM there: worker RSS 198 -> 250 MB)
    _charset(sample * 20)
    features.encode_batch(["", sample], spans=True, heads=heads)  # a batch's one call (Scorer.score_many)
    if heads is not None:
        heads.proba_row(enc.indices, enc.values)
        from moderation.explain import evidence_many, explain  # explain imports this module

        explain(features, heads, enc, 0, "spam", enc.norm.text)  # the n-gram layout and spread kernels
        evidence_many(features, heads, [(features.encode(sample, spans=True, heads=heads), [0])])  # a batch's
