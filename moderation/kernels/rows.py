"""A comment's code points to its sorted TF-IDF row in one compiled pass, alone or for a batch."""

from __future__ import annotations

import numpy as np

from moderation.kernel_cache import njit
from moderation.kernels.decisions import _decide_row
from moderation.kernels.hashing import MUL, NEGATED, QUOTED, STEP, _counted, _normalise, _ranked, _word_char
from moderation.kernels.prefetch import prefetch

HEADER = 4  # featurise's packed answer starts with these sizes: char buckets, word buckets, tokens, row entries


@njit(cache=True, nogil=True)
def featurise(codes, quoted, focus_start, focus_end, char_bits, word_bits, ngram_max, idf_code, idf_values, sig,
              signal_offset, crc_table, coef, intercept, calibration, gate, lift):
    """One comment's row and, with heads (`coef` of k > 0 columns), its k probabilities as `decide` gives them,
    packed in ONE int64 array (numba boxes each array it returns, about a microsecond apiece): HEADER sizes, the
    char buckets, the word buckets, the token spans (start, end), the row indices, the row values' float64
    bits, the probabilities' float64 bits."""
    return _packed(codes, quoted, focus_start, focus_end, char_bits, word_bits, ngram_max, idf_code, idf_values, sig,
                   signal_offset, crc_table, coef, intercept, calibration, gate, lift)


@njit(cache=True, nogil=True)
def featurise_many(codes, code_at, quoted, quoted_at, focus, char_bits, word_bits, ngram_max, idf_code, idf_values,
                   sig, signal_offset, crc_table, coef, intercept, calibration, gate, lift):
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
                       crc_table, coef, intercept, calibration, gate, lift)
        probs[r] = part[part.size - k:].view(np.float64)
        parts.append(part)
    return parts, probs


@njit(cache=True, nogil=True)
def _packed(codes, quoted, focus_start, focus_end, char_bits, word_bits, ngram_max, idf_code, idf_values, sig,
            signal_offset, crc_table, coef, intercept, calibration, gate, lift):
    """featurise's packed answer of one comment: the one arithmetic of featurise and featurise_many."""
    chars, words, tokens, indices, values = _row(codes, quoted, focus_start, focus_end, char_bits, word_bits,
                                                 ngram_max, idf_code, idf_values, sig, signal_offset, crc_table, coef)
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
        _decide_row(coef, intercept, calibration, gate, lift, indices, values, 0, m, dec, prob)
        out[at:at + k] = prob.view(np.int64)
    return out


@njit(cache=True, nogil=True)
def _sublinear(tf):
    """log(tf) + 1: exactly 1.0 for the many n-grams seen once (log(1) is 0 exactly), without calling log."""
    return 1.0 if tf == 1 else np.log(np.float64(tf)) + 1.0


@njit(cache=True, nogil=True)
def _row(codes, quoted, focus_start, focus_end, char_bits, word_bits, ngram_max, idf_code, idf_values, sig,
         signal_offset, crc_table, coef):
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
    if focus_start >= 0:  # where each n-gram went too: the focus sentence's counted from it, not sorted again
        idx, tf, place = _ranked(keys, max(char_bits, word_bits) + 1)
    else:
        idx, tf = _counted(keys, max(char_bits, word_bits) + 1)
        place = np.empty(0, np.int64)
    # every bucket's IDF code and weight row (read below and by _decide_row) asked for at once, so their cache misses
    # overlap instead of each waiting in turn: the kernel 56.9 -> 50.9 µs a comment in the request's flow
    heads = coef.shape[1] > 0 and coef.shape[0] >= char_size + (1 << word_bits)
    for j in range(idx.size):
        prefetch(idf_code, idx[j])
        if heads:
            prefetch(coef[idx[j]], 0)
    n_sig = 0
    for j in range(sig.size):
        if sig[j] != 0:
            n_sig += 1
    indices = np.empty(idx.size + n_sig, np.int64)
    values = np.empty(idx.size + n_sig)
    m = 0
    split = 0
    for j in range(idx.size):  # written unconditionally, kept by moving m: no branch on the IDF to mispredict
        key = idx[j]
        v = _sublinear(tf[j]) * idf_values[idf_code[key]]
        indices[m] = key
        values[m] = v
        m += v > 0
        split = m if key < char_size else split
    _normalise(values, 0, split)
    _normalise(values, split, m)
    if focus_start >= 0:  # the worst sentence's n-grams (a subset of the comment's) add to the char buckets
        f_tf = np.zeros(idx.size, np.int64)  # counted by their place among the row's keys, so in the row's order
        first = 0
        for n in range(1, ngram_max + 1):
            size = max(n_codes - n + 1, 0)
            for i in range(min(focus_start, size), min(max(focus_start, focus_end - n + 1), size)):
                f_tf[place[first + i]] += 1
            first += size
        f_val = np.empty(idx.size)
        f_keep = np.empty(idx.size, np.int64)
        f = 0
        for j in range(idx.size):
            if f_tf[j]:
                v = _sublinear(f_tf[j]) * idf_values[idf_code[idx[j]]]
                if v > 0:
                    f_keep[f] = idx[j]
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
