"""The heads' decisions over sparse rows, and compiling every kernel before gunicorn forks."""

from __future__ import annotations

import numpy as np

from moderation.kernel_cache import njit


@njit(cache=True, nogil=True)
def decide(coef, intercept, calibration, indices, values, bounds):
    """(decision values, probabilities), each (rows, heads), of sparse rows laid end to end (row r is
    bounds[r]:bounds[r + 1]): each head's weighted sum of the row's weights, then its Platt sigmoid."""
    rows = bounds.size - 1
    heads = coef.shape[1]
    dec = np.empty((rows, heads))
    prob = np.empty((rows, heads))
    for r in range(rows):
        _decide_row(coef, intercept, calibration, indices, values, bounds[r], bounds[r + 1], dec[r], prob[r])
    return dec, prob


@njit(cache=True, nogil=True)
def _decide_row(coef, intercept, calibration, indices, values, lo, hi, dec, prob):
    """dec, prob (k each) of the row indices[lo:hi], values[lo:hi]: the one arithmetic of decide and featurise."""
    heads = coef.shape[1]
    for k in range(heads):
        dec[k] = 0.0
    for j in range(lo, hi):
        v = values[j]
        row = indices[j]
        for k in range(heads):
            dec[k] += v * coef[row, k]
    for k in range(heads):
        dec[k] += intercept[k]
        z = min(max(calibration[k, 0] * dec[k] + calibration[k, 1], -700.0), 700.0)
        prob[k] = 1.0 / (1.0 + np.exp(z))


# warm()'s comment: a quotation, a Japanese and an English sentence, a leet word (text/leet.py's kernel), an emoji
SAMPLE = "「お前は黙れ」と言われた。 That's what they said, calling it \"stupid\" in l33t. 😊"


def warm(features, heads=None) -> None:
    """Compile (or load from the on-disk cache) every kernel with the argument types serving passes."""
    features.encode("", spans=True)
    sample = SAMPLE
    enc = features.encode(sample, spans=True, heads=heads)
    features.encode(sample * 20, heads=heads)  # a long comment's paths
    from moderation.text.chars import _charset  # chars imports the kernels: here, not at the top

    # normalize's compiled pass (text/prepass.py) takes the sample's learnt characters, so a long comment with one
    # not learnt yet was the first to load distinct_codes, in each worker (LLVM there: worker RSS 198 -> 250 MB)
    _charset(sample * 20)
    features.encode_batch(["", sample], spans=True, heads=heads)  # a batch's one call (Scorer.score_many)
    if heads is not None:
        heads.proba_row(enc.indices, enc.values)
        from moderation.explain import evidence_many, explain  # explain imports this module

        explain(features, heads, enc, 0, "spam", enc.norm.text)  # the n-gram layout and spread kernels
        evidence_many(features, heads, [(features.encode(sample, spans=True, heads=heads), [0])])  # a batch's
