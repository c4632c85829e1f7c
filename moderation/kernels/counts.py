"""Compiled counts for the signals: code point classes, distinct 4-grams, word-list and construction hits."""

from __future__ import annotations

import numpy as np

from moderation.kernel_cache import njit
from moderation.kernels.arena import pack, part
from moderation.kernels.hashing import MUL, STEP


@njit(cache=True, nogil=True)
def _distinct(keys, budget):
    """How many distinct values `keys` holds: a hash set with linear probing while the probes stay within
    `budget` per key (always, unless the keys were crafted to collide), else a radix sort: linear either way."""
    n = keys.size
    bits = 4
    while (1 << bits) < 2 * n:
        bits += 1
    size = 1 << bits
    table = np.empty(size, np.uint64)
    used = np.zeros(size, np.bool_)
    shift = np.uint64(64 - bits)
    left = budget * n
    found = 0
    for j in range(n):
        key = keys[j]
        s = np.int64((key * MUL) >> shift)
        while used[s] and table[s] != key:
            s = (s + 1) & (size - 1)
            left -= 1
        if left < 0:
            break
        if not used[s]:
            used[s] = True
            table[s] = key
            found += 1
    else:
        return found
    ordered = keys.copy()  # crafted collisions: 8 passes of 8-bit digits over the 64-bit keys
    tmp = np.empty_like(keys)
    count = np.empty(257, np.int64)
    for low in range(0, 64, 8):
        count[:] = 0
        for j in range(n):
            count[np.int64((ordered[j] >> np.uint64(low)) & np.uint64(255)) + 1] += 1
        for d in range(256):
            count[d + 1] += count[d]
        for j in range(n):
            d = np.int64((ordered[j] >> np.uint64(low)) & np.uint64(255))
            tmp[count[d]] = ordered[j]
            count[d] += 1
        ordered, tmp = tmp, ordered
    found = 1 if n else 0
    for j in range(1, n):
        if ordered[j] != ordered[j - 1]:
            found += 1
    return found


@njit(cache=True, nogil=True)
def code_stats(codes, edges, budget=8):
    """(code points per class, as np.bincount(np.searchsorted(edges, codes, side="right"), minlength=edges.size
    + 1) counts them; how many distinct 4-grams of code points the text holds, each hashed as
    ((c0 * STEP + c1) * STEP + c2) * STEP + c3 over uint64)."""
    counts = np.zeros(edges.size + 1, np.int64)
    for i in range(codes.size):
        k = 0
        while k < edges.size and edges[k] <= codes[i]:
            k += 1
        counts[k] += 1
    grams = np.empty(max(codes.size - 3, 0), np.uint64)
    for i in range(grams.size):
        grams[i] = ((np.uint64(codes[i]) * STEP + np.uint64(codes[i + 1])) * STEP
                    + np.uint64(codes[i + 2])) * STEP + np.uint64(codes[i + 3])
    return counts, _distinct(grams, budget)


@njit(cache=True, nogil=True)
def hit_counts(starts, cats, ends, info, feat_at, feat_idx, combo_at, negatable, unaimed_insult, unaimed_profanity,
               n_features, worst):
    """A comment's word-list and construction hits (start, category-tuple id) counted per feature, and combined
    per sentence (`ends`: where each sentence ends, sorted): (counts, the worst sentence or -1).
    Per id, `info` holds (combinations whose first group it meets, ... second group, flags: aimed 1, insult 2,
    profanity 4, negation 8; 1 for a harm word; what it adds to its sentence's claim to be the worst) and
    feat_idx[feat_at[id]:feat_at[id + 1]] the features it counts for; bit b of a combination set is feature
    combo_at[b]. With `worst`, the sentence with a harm word and the largest claim (the first on a tie)."""
    counts = np.zeros(n_features, np.int64)
    sentences = ends.size + 1
    first = np.zeros(sentences, np.int64)
    second = np.zeros(sentences, np.int64)
    flags = np.zeros(sentences, np.int64)
    seen = np.zeros(sentences, np.bool_)
    harm = np.zeros(sentences, np.int64)
    claim = np.zeros(sentences, np.int64)
    for i in range(starts.size):
        c = cats[i]
        for j in range(feat_at[c], feat_at[c + 1]):
            counts[feat_idx[j]] += 1
        s = np.searchsorted(ends, starts[i], side="right")
        seen[s] = True
        first[s] |= info[c, 0]
        second[s] |= info[c, 1]
        flags[s] |= info[c, 2]
        harm[s] += info[c, 3]
        claim[s] += info[c, 4]
    best = -1
    for s in range(sentences):
        if not seen[s]:
            continue
        fired = first[s] & second[s]
        if flags[s] & 8:
            fired &= ~negatable
        bit = 0
        while fired:
            if fired & 1:
                counts[combo_at[bit]] += 1
            fired >>= 1
            bit += 1
        if not flags[s] & 1:
            if flags[s] & 2:
                counts[unaimed_insult] += 1
            if flags[s] & 4:
                counts[unaimed_profanity] += 1
        if worst and harm[s] > 0 and (best < 0 or claim[s] > claim[best]):
            best = s
    return counts, best


@njit(cache=True, nogil=True)
def add_hit_counts(raw, starts, cats, ends, counted, worst):
    """hit_counts of a comment's hits added into its signal row `raw` (float64, as `raw += counts` adds them): the
    worst sentence or -1. One array less to box and no numpy call for the sum; hit_counts' seven constants come as
    one arena (`counted`: counted_arena's), so a call unboxes one argument for them, not seven."""
    info = part(counted, 0, np.int64)
    scalars = part(counted, 4, np.int64)  # negatable, unaimed_insult, unaimed_profanity
    counts, best = hit_counts(starts, cats, ends, info.reshape((info.size // 5, 5)), part(counted, 1, np.int64),
                              part(counted, 2, np.int64), part(counted, 3, np.int64), scalars[0], scalars[1],
                              scalars[2], raw.size, worst)
    for j in range(raw.size):
        raw[j] += counts[j]
    return best


def counted_arena(info, feat_at, feat_idx, combo_at, negatable: int, unaimed_insult: int,
                  unaimed_profanity: int) -> np.ndarray:
    """hit_counts' constants (int64 arrays, `info` of five columns) as the one arena add_hit_counts reads."""
    arrays = (info, feat_at, feat_idx, combo_at, np.asarray([negatable, unaimed_insult, unaimed_profanity], np.int64))
    if any(a.dtype != np.int64 for a in arrays) or info.ndim != 2 or info.shape[1] != 5:
        raise TypeError("hit_counts' tables are int64, info of five columns")
    return pack(*arrays)


@njit(cache=True, nogil=True)
def saturated(out, raw, values, halved):
    """In place, one signal row `out` = np.log1p(raw) as signals.saturate's three numpy calls after the log finish
    it (each a dispatch and a scalar converted, ~3 us for 88 elements): counts capped at 4.0 (a NaN kept, as
    np.minimum keeps it), the `values` copied from `raw`, element `halved` times 0.5."""
    for j in range(out.size):
        if values[j]:
            out[j] = raw[j]
        elif out[j] > 4.0:
            out[j] = 4.0
    out[halved] *= 0.5
