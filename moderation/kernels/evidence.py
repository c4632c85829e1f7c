"""Where a held comment's n-grams occur and how much each weighs, for its explanation (numba)."""

from __future__ import annotations

import numpy as np

from moderation.automaton import lower_bound
from moderation.kernel_cache import njit
from moderation.kernels.hashing import MUL
from moderation.kernels.rows import HEADER
from moderation.kernels.runs import ngram_runs


@njit(cache=True, nogil=True)
def ngram_layout(indices, lo, hi, buckets, budget=8):
    """Where the n-grams of one block of a row occur (explanations): (the block's first entry in the row, the
    row entry of each occurrence in `buckets` or -1 (bucket b is row index lo + b), each entry's occurrences).
    Entries are found in a hash table with linear probing while the probes stay within `budget` per key (always,
    unless the n-grams were crafted to collide), else by binary search in the sorted row: linear-time either way."""
    a0 = np.searchsorted(indices, lo)
    a1 = np.searchsorted(indices, hi)
    block = indices[a0:a1]
    entry = np.full(buckets.size, -1, np.int64)
    tf = np.zeros(a1 - a0, np.int64)
    m = block.size
    if m == 0:
        return a0, entry, tf
    bits = 4
    while (1 << bits) < 2 * m:
        bits += 1
    mask = (1 << bits) - 1
    shift = np.uint64(64 - bits)
    slot_key = np.full(mask + 1, -1, np.int64)  # row indices are never negative
    slot_at = np.empty(mask + 1, np.int64)
    left = budget * (m + buckets.size)
    hashed = True
    for e in range(m):
        s = np.int64((np.uint64(block[e]) * MUL) >> shift)
        while slot_key[s] != -1:
            left -= 1
            if left < 0:
                break
            s = (s + 1) & mask
        if left < 0:
            hashed = False
            break
        slot_key[s] = block[e]
        slot_at[s] = e
    for j in range(buckets.size):
        b = buckets[j] + lo
        loc = -1
        done = False
        if hashed:
            s = np.int64((np.uint64(b) * MUL) >> shift)
            while True:
                key = slot_key[s]
                if key == b:
                    loc = slot_at[s]
                    done = True
                    break
                if key == -1:
                    done = True
                    break
                left -= 1
                if left < 0:
                    hashed = False
                    break
                s = (s + 1) & mask
        if not done:
            first = lower_bound(block, 0, m, b)  # the block's indices are sorted
            if first < m and block[first] == b:
                loc = first
        if loc >= 0:
            entry[j] = loc
            tf[loc] += 1
    return a0, entry, tf


@njit(cache=True, nogil=True)
def ngram_spread(n_chars, indices, values, coef, k, a0, entry, tf, counts, tokens, words):
    """Head k's positive contribution of one block's n-grams spread over the characters they cover: each entry's
    contribution (value x weight) shared by its occurrences, each occurrence's share spread evenly over its
    characters (a char n-gram of size s at p covers [p, p + s); with `words`, word n-gram p of size s covers
    tokens[p, 0] to tokens[p + s - 1, 1]). `counts`: occurrences per size, laid end to end in `entry`. Summed as
    the numpy version did (a difference array per size, its running sum, sizes added in order), so the same floats
    (the pair of arrays made once, not once a size)."""
    out = np.zeros(n_chars)
    share = np.zeros(tf.size)
    for e in range(tf.size):
        contrib = values[a0 + e] * coef[indices[a0 + e], k]
        if contrib > 0:  # an n-gram weighing against the head spreads nothing
            share[e] = contrib / tf[e]
    plus = np.zeros(n_chars + 1)  # one pair of difference arrays for every size, zeroed again before the next
    minus = np.zeros(n_chars + 1)
    fresh = True
    at = 0
    for s in range(counts.size):
        hit = False
        for j in range(at, at + counts[s]):
            if entry[j] >= 0:
                hit = True
                break
        if hit:
            if not fresh:
                plus[:] = 0.0
                minus[:] = 0.0
            fresh = False
            for j in range(at, at + counts[s]):
                e = entry[j]
                if e < 0:
                    continue
                p = j - at
                if words:
                    start, end = tokens[p, 0], tokens[p + s, 1]
                else:
                    start, end = p, p + s + 1
                w = share[e] / max(end - start, 1)
                plus[start] += w
                minus[end] += w
            run = 0.0
            for i in range(n_chars):
                run += plus[i] - minus[i]
                out[i] += run
        at += counts[s]
    return out



@njit(cache=True, nogil=True)
def ngram_evidence(n_chars, indices, values, coef, k, chars, words, tokens, has_words, codes, widen):
    """ngram_runs of head k's char block spread plus (`has_words`) its word block spread: one call per head.
    `chars`, `words`: each block's (first entry, entry per occurrence, occurrences per entry, occurrences per
    size) from ngram_layout."""
    pc = ngram_spread(n_chars, indices, values, coef, k, chars[0], chars[1], chars[2], chars[3], tokens, False)
    if has_words:
        pc += ngram_spread(n_chars, indices, values, coef, k, words[0], words[1], words[2], words[3], tokens, True)
    return ngram_runs(pc, codes, widen)


@njit(cache=True, nogil=True)
def _leading_positive(sizes):
    """The sizes up to the first that is not positive (encoded._sizes: a text of 2 code points has no 3-grams)."""
    n = 0
    while n < sizes.size and sizes[n] > 0:
        n += 1
    return sizes[:n].copy()


@njit(cache=True, nogil=True)
def _heads_runs(buf, n_chars, n_codes, ngram_max, char_hi, signal_offset, coef, ks, codes, widen, starts, ends,
                weights):
    """ngram_evidence of every head in `ks` for one comment, appended to the lists `starts`, `ends`, `weights`
    (one array each per head), reading the row, n-grams and token spans from featurise's packed answer `buf`: the
    layout of each block once (ngram_layout), then each head's runs, as explain's per-head calls gave them."""
    n_char, n_word, n_tok, m = buf[0], buf[1], buf[2], buf[3]
    at = HEADER
    char_flat = buf[at:at + n_char]
    word_flat = buf[at + n_char:at + n_char + n_word]
    at += n_char + n_word
    tokens = np.empty((n_tok, 2), np.int64)
    for t in range(n_tok):
        tokens[t, 0] = buf[at + 2 * t]
        tokens[t, 1] = buf[at + 2 * t + 1]
    at += 2 * n_tok
    indices = buf[at:at + m]
    values = buf[at + m:at + 2 * m].view(np.float64)
    char_sizes = _leading_positive(n_codes - np.arange(ngram_max))
    a0, entry, tf = ngram_layout(indices, 0, char_hi, char_flat)
    chars = (a0, entry, tf, char_sizes)
    words = chars  # no word block: never read
    has_words = n_tok > 0
    if has_words:
        w0, w_entry, w_tf = ngram_layout(indices, char_hi, signal_offset, word_flat)
        words = (w0, w_entry, w_tf, _leading_positive(np.array([n_tok, n_tok - 1])))
    for i in range(ks.size):
        s, e, w = ngram_evidence(n_chars, indices, values, coef, ks[i], chars, words, tokens, has_words, codes,
                                 widen)
        starts.append(s)
        ends.append(e)
        weights.append(w)


@njit(cache=True, nogil=True)
def _laid_end_to_end(starts, ends, weights):
    """Every head's (starts, ends, weights) laid end to end in ONE int64 array (numba boxes each array it returns,
    ~3.5k instructions apiece): where each head's items start (len(starts) + 1, the last their count n), then the n
    starts, the n ends and the n weights' float64 bits. laid_out() reads it."""
    heads = len(starts)
    bounds = np.zeros(heads + 1, np.int64)
    for i in range(heads):
        bounds[i + 1] = bounds[i] + weights[i].size
    n = bounds[-1]
    out = np.empty(heads + 1 + 3 * n, np.int64)
    out[:heads + 1] = bounds
    at = heads + 1
    for i in range(heads):
        a, b = at + bounds[i], at + bounds[i + 1]
        out[a:b] = starts[i]
        out[n + a:n + b] = ends[i]
        out[2 * n + a:2 * n + b] = weights[i].view(np.int64)
    return out


def laid_out(answer: np.ndarray, heads: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(starts, ends, weights, bounds) of explain_ngrams' (or explain_ngrams_many's) answer for `heads` heads in all:
    head i's items are [bounds[i], bounds[i + 1]) of the three (views of the answer, not copies)."""
    bounds = answer[:heads + 1]
    n = int(bounds[-1])
    at = heads + 1
    return answer[at:at + n], answer[at + n:at + 2 * n], answer[at + 2 * n:at + 3 * n].view(np.float64), bounds


@njit(cache=True, nogil=True)
def explain_ngrams(buf, n_chars, n_codes, ngram_max, char_hi, signal_offset, coef, ks, codes, widen):
    """ngram_evidence of every head in `ks` for one comment in ONE call (a held comment paid a call per block for
    the layout and one per head): _heads_runs. Returns (starts, ends, weights) of every head laid end to end, and
    where each head's start (ks.size + 1), packed in one array (laid_out reads it)."""
    starts = [np.empty(0, np.int64)]
    ends = [np.empty(0, np.int64)]
    weights = [np.empty(0)]
    starts.clear()  # typed empty lists
    ends.clear()
    weights.clear()
    _heads_runs(buf, n_chars, n_codes, ngram_max, char_hi, signal_offset, coef, ks, codes, widen, starts, ends,
                weights)
    return _laid_end_to_end(starts, ends, weights)


@njit(cache=True, nogil=True)
def explain_ngrams_many(bufs, buf_at, n_chars, n_codes, ngram_max, char_hi, signal_offset, coef, ks, ks_at, codes,
                        codes_at, widen):
    """explain_ngrams of many comments in ONE call (a batch's held comments): comment c's packed answer is
    bufs[buf_at[c]:buf_at[c + 1]], its heads ks[ks_at[c]:ks_at[c + 1]], its code points codes[codes_at[c]:...].
    Returns every comment's heads' (starts, ends, weights) laid end to end, comment after comment, and where each
    (comment, head) starts (ks.size + 1), packed in one array as explain_ngrams' (laid_out reads it)."""
    starts = [np.empty(0, np.int64)]
    ends = [np.empty(0, np.int64)]
    weights = [np.empty(0)]
    starts.clear()
    ends.clear()
    weights.clear()
    for c in range(buf_at.size - 1):
        _heads_runs(bufs[buf_at[c]:buf_at[c + 1]], n_chars[c], n_codes[c], ngram_max, char_hi, signal_offset, coef,
                    ks[ks_at[c]:ks_at[c + 1]], codes[codes_at[c]:codes_at[c + 1]], widen, starts, ends, weights)
    return _laid_end_to_end(starts, ends, weights)
