"""Compiled inner loops of scoring (numba): a comment's code points to its sorted TF-IDF row in one pass.

A comment's row took some sixty small numpy calls (about a microsecond each, whatever the size); here it is
one loop over the code points. Nothing is compiled at import: numba compiles a kernel on its first call, and
`warm()` (which scorer loading calls, so gunicorn's master compiles before it forks) makes that call with the
argument types serving uses. The machine code is kept in numba's on-disk cache (NUMBA_CACHE_DIR if set,
else moderation/__pycache__), so a restarted service loads it instead of compiling again.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

__all__ = ["code_stats", "crc_table", "decide", "explain_ngrams", "featurise", "featurise_many", "hit_counts",
           "ngram_evidence", "ngram_layout", "ngram_runs", "ngram_spread", "warm"]

MUL = np.uint64(0x9E3779B97F4A7C15)  # multiply-shift hashing (Fibonacci)
STEP = np.uint64(1_000_003)  # n-gram hash: h * STEP + next code point
QUOTED = np.uint64(0x5157_4F54_4544)  # n-grams inside someone else's reported words hash apart ("QUOTED")
NEGATED = np.uint64(0x4E45_4741_5445)  # and those a negation denies (a span whose third column is 1), apart again
_ZERO = np.uint64(0)


def crc_table() -> np.ndarray:
    """zlib.crc32's byte table (reflected polynomial 0xEDB88320)."""
    table = np.arange(256, dtype=np.int64)
    for _ in range(8):
        table = np.where(table & 1, (table >> 1) ^ 0xEDB88320, table >> 1)
    return table


@njit(cache=True, nogil=True)
def _word_char(c) -> bool:
    return 97 <= c <= 122 or 48 <= c <= 57 or c == 39  # [a-z0-9']


@njit(cache=True, nogil=True)
def _sorted(keys, bits):
    """keys (each below 2 ** bits) in ascending order, in time linear in their number whatever they are:
    insertion sort for a handful, else a least-significant-digit radix sort (digits of 8 bits for a comment's
    few hundred n-grams, 11 for thousands: a 5,000-character comment's 15,000 keys in a ninth of np.sort's time).
    No quicksort: crafted bucket orders cannot make a comment quadratic."""
    n = keys.size
    out = keys.copy()
    if n <= 32:
        for j in range(1, n):
            key = out[j]
            i = j - 1
            while i >= 0 and out[i] > key:
                out[i + 1] = out[i]
                i -= 1
            out[i + 1] = key
        return out
    width = 8 if n < 4096 else 11
    radix = 1 << width
    tmp = np.empty_like(keys)
    count = np.empty(radix + 1, np.int64)
    for low in range(0, bits, width):
        count[:] = 0
        for j in range(n):
            count[((out[j] >> low) & (radix - 1)) + 1] += 1
        for d in range(radix):
            count[d + 1] += count[d]
        for j in range(n):
            d = (out[j] >> low) & (radix - 1)
            tmp[count[d]] = out[j]
            count[d] += 1
        out, tmp = tmp, out
    return out


@njit(cache=True, nogil=True)
def _counted(keys, bits):
    """(sorted distinct keys, how often each occurs); every key is below 2 ** bits."""
    keys = _sorted(keys, bits)
    uniq = np.empty(keys.size, np.int64)
    count = np.empty(keys.size, np.int64)
    m = 0
    for j in range(keys.size):
        if m > 0 and keys[j] == uniq[m - 1]:
            count[m - 1] += 1
        else:
            uniq[m] = keys[j]
            count[m] = 1
            m += 1
    return uniq[:m], count[:m]


@njit(cache=True, nogil=True)
def _normalise(values, lo, hi):
    """values[lo:hi] /= their L2 norm (when not zero)."""
    total = 0.0
    for j in range(lo, hi):
        total += values[j] * values[j]
    norm = math.sqrt(total)
    if norm > 0:
        for j in range(lo, hi):
            values[j] /= norm


HEADER = 4  # featurise's packed answer starts with these sizes: char buckets, word buckets, tokens, row entries


@njit(cache=True, nogil=True)
def featurise(codes, quoted, focus_start, focus_end, char_bits, word_bits, ngram_max, idf_code, idf_values, sig,
              signal_offset, crc_table, coef, intercept, calibration):
    """One comment's row and, with heads (`coef` of k > 0 columns), its k probabilities as `decide` gives them,
    packed in ONE int64 array (numba boxes each array it returns, about a microsecond apiece): HEADER sizes, the
    char buckets, the word buckets, the token spans (start, end), the row indices, the row values' float64
    bits, the probabilities' float64 bits."""
    return _packed(codes, quoted, focus_start, focus_end, char_bits, word_bits, ngram_max, idf_code, idf_values, sig,
                   signal_offset, crc_table, coef, intercept, calibration)


@njit(cache=True, nogil=True)
def featurise_many(codes, code_at, quoted, quoted_at, focus, char_bits, word_bits, ngram_max, idf_code, idf_values,
                   sig, signal_offset, crc_table, coef, intercept, calibration):
    """featurise of many comments in one call (a batch pays one dispatch, not one per comment): comment r is
    codes[code_at[r]:code_at[r + 1]], its reported spans quoted[quoted_at[r]:quoted_at[r + 1]] (three columns), its
    focus sentence focus[r] and its signals sig[r]. Returns (each comment's packed answer, the probabilities
    (rows, k)): each answer and row of probabilities is featurise's. The answers stay apart (a list), so a batch's
    memory is what its comments' answers take, not twice that while they are joined."""
    rows = code_at.size - 1
    k = coef.shape[1]
    parts = []
    probs = np.empty((rows, k))
    for r in range(rows):
        part = _packed(codes[code_at[r]:code_at[r + 1]], quoted[quoted_at[r]:quoted_at[r + 1]], focus[r, 0],
                       focus[r, 1], char_bits, word_bits, ngram_max, idf_code, idf_values, sig[r], signal_offset,
                       crc_table, coef, intercept, calibration)
        probs[r] = part[part.size - k:].view(np.float64)
        parts.append(part)
    return parts, probs


@njit(cache=True, nogil=True)
def _packed(codes, quoted, focus_start, focus_end, char_bits, word_bits, ngram_max, idf_code, idf_values, sig,
            signal_offset, crc_table, coef, intercept, calibration):
    """featurise's packed answer of one comment: the one arithmetic of featurise and featurise_many."""
    chars, words, tokens, indices, values = _row(codes, quoted, focus_start, focus_end, char_bits, word_bits,
                                                 ngram_max, idf_code, idf_values, sig, signal_offset, crc_table)
    k = coef.shape[1]
    m = indices.size
    n_tok = tokens.shape[0]
    out = np.empty(HEADER + chars.size + words.size + 2 * n_tok + 2 * m + k, np.int64)
    out[0], out[1], out[2], out[3] = chars.size, words.size, n_tok, m
    at = HEADER
    out[at:at + chars.size] = chars
    at += chars.size
    out[at:at + words.size] = words
    at += words.size
    for t in range(n_tok):
        out[at] = tokens[t, 0]
        out[at + 1] = tokens[t, 1]
        at += 2
    out[at:at + m] = indices
    at += m
    out[at:at + m] = values.view(np.int64)
    at += m
    if k:
        dec = np.empty(k)
        prob = np.empty(k)
        _decide_row(coef, intercept, calibration, indices, values, 0, m, dec, prob)
        out[at:at + k] = prob.view(np.int64)
    return out


@njit(cache=True, nogil=True)
def _sublinear(tf):
    """log(tf) + 1: exactly 1.0 for the many n-grams seen once (log(1) is 0 exactly), without calling log."""
    return 1.0 if tf == 1 else np.log(np.float64(tf)) + 1.0


@njit(cache=True, nogil=True)
def _row(codes, quoted, focus_start, focus_end, char_bits, word_bits, ngram_max, idf_code, idf_values, sig,
         signal_offset, crc_table):
    """One comment: (char buckets of every n laid end to end, word buckets (unigrams then bigrams), token spans
    (n, 2), row indices, row values). Bucket b's IDF is idf_values[idf_code[b]] (word buckets after the char
    buckets). `quoted`: (start, end) spans of reported words (salted apart), or (start, end, negated) rows where 1
    marks what a negation denies (salted apart from both) and 2 what it denies to hash twice (plain, and a copy salted
    apart after all plain n-grams); the focus
    sentence [focus_start, focus_end) (start -1: none) adds its own L2-normalised char n-grams to the char block.
    The row: char block, word block (each sublinear TF x IDF, L2-normalised), then the non-zero signals."""
    n_codes = codes.size
    salt = np.zeros(n_codes, np.uint64)
    copy = np.zeros(n_codes, np.bool_)  # also hashed again, salted NEGATED, after the plain n-grams
    n_copy = 0
    if quoted.shape[0]:
        depth = np.zeros(n_codes + 1, np.int64)
        denied = np.zeros(n_codes + 1, np.int64)
        copied = np.zeros(n_codes + 1, np.int64)
        for s in range(quoted.shape[0]):
            if quoted.shape[1] > 2 and quoted[s, 2] == 2:
                copied[quoted[s, 0]] += 1
                copied[quoted[s, 1]] -= 1
            elif quoted.shape[1] > 2 and quoted[s, 2] != 0:
                denied[quoted[s, 0]] += 1
                denied[quoted[s, 1]] -= 1
            else:
                depth[quoted[s, 0]] += 1
                depth[quoted[s, 1]] -= 1
        inside = 0
        negated = 0
        copying = 0
        for i in range(n_codes):
            inside += depth[i]
            negated += denied[i]
            copying += copied[i]
            if inside > 0:
                salt[i] = QUOTED
            elif negated > 0:
                salt[i] = NEGATED
            elif copying > 0:
                copy[i] = True
                n_copy += 1
    char_size = 1 << char_bits
    # character n-grams, n = 1..ngram_max, each n's buckets after the previous n's
    total = 0
    extra = 0
    for n in range(1, ngram_max + 1):
        total += max(n_codes - n + 1, 0)
        if n_copy:
            for i in range(n_codes - n + 1):
                if copy[i]:
                    extra += 1
    chars = np.empty(total + extra, np.int64)
    shift = np.uint64(64 - char_bits)
    at = 0
    for n in range(1, ngram_max + 1):
        for i in range(n_codes - n + 1):
            h = np.uint64(codes[i])
            for k in range(i + 1, i + n):
                h = h * STEP + np.uint64(codes[k])
            chars[at] = np.int64(((h + np.uint64(n) + salt[i]) * MUL) >> shift)
            at += 1
    if n_copy:  # the copies of what a negation denies come after every plain n-gram (explanations read those)
        for n in range(1, ngram_max + 1):
            for i in range(n_codes - n + 1):
                if copy[i]:
                    h = np.uint64(codes[i])
                    for k in range(i + 1, i + n):
                        h = h * STEP + np.uint64(codes[k])
                    chars[at] = np.int64(((h + np.uint64(n) + NEGATED) * MUL) >> shift)
                    at += 1
    # English word tokens ([a-z][a-z0-9']+, as a regex finds them left to right), crc32 of each
    tokens = np.empty((n_codes // 2 + 1, 2), np.int64)
    n_tok = 0
    i = 0
    while i < n_codes:
        if 97 <= codes[i] <= 122 and i + 1 < n_codes and _word_char(codes[i + 1]):
            j = i + 2
            while j < n_codes and _word_char(codes[j]):
                j += 1
            tokens[n_tok, 0] = i
            tokens[n_tok, 1] = j
            n_tok += 1
            i = j
        else:
            i += 1
    tokens = tokens[:n_tok]
    hashes = np.empty(n_tok, np.uint64)
    for t in range(n_tok):
        crc = np.int64(0xFFFFFFFF)
        for k in range(tokens[t, 0], tokens[t, 1]):
            crc = crc_table[(crc ^ np.int64(codes[k])) & 0xFF] ^ (crc >> 8)
        hashes[t] = np.uint64(crc ^ 0xFFFFFFFF) + salt[tokens[t, 0]]
    w_extra = 0
    if n_copy:
        for t in range(n_tok):
            if copy[tokens[t, 0]]:
                w_extra += 1
                if t + 1 < n_tok:
                    w_extra += 1
            elif t + 1 < n_tok and copy[tokens[t + 1, 0]]:
                w_extra += 1
    words = np.empty(max(2 * n_tok - 1, 0) + w_extra, np.int64)
    wshift = np.uint64(64 - word_bits)
    for t in range(n_tok):
        words[t] = np.int64(((hashes[t] + np.uint64(1)) * MUL) >> wshift)
    for t in range(n_tok - 1):
        words[n_tok + t] = np.int64(((hashes[t] * STEP + hashes[t + 1] + np.uint64(2)) * MUL) >> wshift)
    if w_extra:  # copies: a denied word, and a bigram with a denied word, salted NEGATED
        at = max(2 * n_tok - 1, 0)
        for t in range(n_tok):
            h0 = hashes[t] + NEGATED if copy[tokens[t, 0]] else hashes[t]
            if copy[tokens[t, 0]]:
                words[at] = np.int64(((h0 + np.uint64(1)) * MUL) >> wshift)
                at += 1
            if t + 1 < n_tok and (copy[tokens[t, 0]] or copy[tokens[t + 1, 0]]):
                h1 = hashes[t + 1] + NEGATED if copy[tokens[t + 1, 0]] else hashes[t + 1]
                words[at] = np.int64(((h0 * STEP + h1 + np.uint64(2)) * MUL) >> wshift)
                at += 1
    # counts per bucket: the word buckets above the char buckets, as in the row
    keys = np.empty(chars.size + words.size, np.int64)
    keys[:chars.size] = chars
    for t in range(words.size):
        keys[chars.size + t] = words[t] + char_size
    idx, tf = _counted(keys, max(char_bits, word_bits) + 1)
    n_sig = 0
    for j in range(sig.size):
        if sig[j] != 0:
            n_sig += 1
    indices = np.empty(idx.size + n_sig, np.int64)
    values = np.empty(idx.size + n_sig)
    m = 0
    split = 0
    for j in range(idx.size):
        key = idx[j]
        v = _sublinear(tf[j]) * idf_values[idf_code[key]]
        if v > 0:
            indices[m] = key
            values[m] = v
            m += 1
            if key < char_size:
                split = m
    _normalise(values, 0, split)
    _normalise(values, split, m)
    if focus_start >= 0:  # the worst sentence's n-grams (a subset of the comment's) add to the char buckets
        grams = np.empty(total, np.int64)
        g = 0
        first = 0
        for n in range(1, ngram_max + 1):
            size = max(n_codes - n + 1, 0)
            for i in range(min(focus_start, size), min(max(focus_start, focus_end - n + 1), size)):
                grams[g] = chars[first + i]
                g += 1
            first += size
        f_idx, f_tf = _counted(grams[:g], char_bits)
        f_val = np.empty(f_idx.size)
        f_keep = np.empty(f_idx.size, np.int64)
        f = 0
        for j in range(f_idx.size):
            v = _sublinear(f_tf[j]) * idf_values[idf_code[f_idx[j]]]
            if v > 0:
                f_keep[f] = f_idx[j]
                f_val[f] = v
                f += 1
        _normalise(f_val, 0, f)
        j = 0
        for r in range(f):  # both sorted, the focus buckets among the char block's: one merge
            while j < split and indices[j] != f_keep[r]:
                j += 1
            if j < split:
                values[j] += f_val[r]
    for j in range(sig.size):
        if sig[j] != 0:
            indices[m] = signal_offset + j
            values[m] = sig[j]
            m += 1
    return chars, words, tokens, indices[:m], values[:m]


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
            first, last = 0, m
            while first < last:  # the block's indices are sorted: binary search
                mid = (first + last) >> 1
                if block[mid] < b:
                    first = mid + 1
                else:
                    last = mid
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
    the numpy version did (a difference array per size, its running sum, sizes added in order), so the same floats."""
    out = np.zeros(n_chars)
    share = np.zeros(tf.size)
    for e in range(tf.size):
        contrib = values[a0 + e] * coef[indices[a0 + e], k]
        if contrib > 0:  # an n-gram weighing against the head spreads nothing
            share[e] = contrib / tf[e]
    at = 0
    for s in range(counts.size):
        hit = False
        for j in range(at, at + counts[s]):
            if entry[j] >= 0:
                hit = True
                break
        if hit:
            plus = np.zeros(n_chars + 1)
            minus = np.zeros(n_chars + 1)
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
def _script(c) -> int:
    """explain's word boundaries: katakana 1, hiragana 2, kanji (and 々) 3, ASCII letter or digit 4, else 0."""
    if 0x30A0 <= c <= 0x30FF:
        return 1
    if 0x3040 <= c <= 0x309F:
        return 2
    if 0x4E00 <= c <= 0x9FFF or c == 0x3005:
        return 3
    if 48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122:
        return 4
    return 0


@njit(cache=True, nogil=True)
def ngram_runs(pc, codes, widen):
    """(starts, ends, weights) of the maximal runs of characters whose contribution `pc` is above 15% of the
    peak (and 1e-6), in text order, each weighing its summed contribution (a running sum's difference, as numpy's
    cumsum gave it), its ends grown to the edges of the script runs it cuts (at most `widen` characters each side;
    `codes`: the text's code points)."""
    n = pc.size
    top = 0.0
    for i in range(n):
        if i == 0 or pc[i] > top:
            top = pc[i]
    starts = np.empty(n, np.int64)
    ends = np.empty(n, np.int64)
    weights = np.empty(n)
    if n == 0 or top <= 0:
        return starts[:0], ends[:0], weights[:0]
    limit = max(0.15 * top, 1e-6)
    csum = np.empty(n + 1)
    csum[0] = 0.0
    csum[1] = pc[0]
    for i in range(1, n):
        csum[i + 1] = csum[i] + pc[i]
    k = 0
    i = 0
    while i < n:
        if not pc[i] > limit:
            i += 1
            continue
        a = i
        while i < n and pc[i] > limit:
            i += 1
        b = i
        weights[k] = csum[b] - csum[a]
        left = _script(codes[a])
        step = 0
        while left and a > 0 and _script(codes[a - 1]) == left and step < widen:
            a -= 1
            step += 1
        right = _script(codes[b - 1])
        step = 0
        while right and b < n and _script(codes[b]) == right and step < widen:
            b += 1
            step += 1
        starts[k] = a
        ends[k] = b
        k += 1
    return starts[:k], ends[:k], weights[:k]


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
    """The sizes up to the first that is not positive (vectorizer._sizes: a text of 2 code points has no 3-grams)."""
    n = 0
    while n < sizes.size and sizes[n] > 0:
        n += 1
    return sizes[:n].copy()


@njit(cache=True, nogil=True)
def explain_ngrams(buf, n_chars, n_codes, ngram_max, char_hi, signal_offset, coef, ks, codes, widen):
    """ngram_evidence of every head in `ks` for one comment in ONE call (a held comment paid a call per block for
    the layout and one per head), reading the row, n-grams and token spans from featurise's packed answer `buf`:
    the layout of each block once (ngram_layout), then each head's runs, as explain's per-head calls gave them.
    Returns (starts, ends, weights) of every head laid end to end, and where each head's start (ks.size + 1)."""
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
    starts = []
    ends = []
    weights = []
    bounds = np.zeros(ks.size + 1, np.int64)
    for i in range(ks.size):
        s, e, w = ngram_evidence(n_chars, indices, values, coef, ks[i], chars, words, tokens, has_words, codes,
                                 widen)
        starts.append(s)
        ends.append(e)
        weights.append(w)
        bounds[i + 1] = bounds[i] + w.size
    out_s = np.empty(bounds[ks.size], np.int64)
    out_e = np.empty(bounds[ks.size], np.int64)
    out_w = np.empty(bounds[ks.size])
    for i in range(ks.size):
        out_s[bounds[i]:bounds[i + 1]] = starts[i]
        out_e[bounds[i]:bounds[i + 1]] = ends[i]
        out_w[bounds[i]:bounds[i + 1]] = weights[i]
    return out_s, out_e, out_w, bounds


def warm(features, heads=None) -> None:
    """Compile (or load from the on-disk cache) every kernel with the argument types serving passes."""
    features.encode("", spans=True)
    sample = "「お前は黙れ」と言われた。 That's what they said, calling it \"stupid\". 😊"
    enc = features.encode(sample, spans=True, heads=heads)
    features.encode_batch(["", sample], spans=True, heads=heads)  # a batch's one call (Scorer.score_many)
    if heads is not None:
        heads.proba_row(enc.indices, enc.values)
        from moderation.explain import explain  # explain imports this module

        explain(features, heads, enc, 0, "spam", enc.norm.text)  # the n-gram layout and spread kernels
