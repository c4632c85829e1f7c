"""Katakana insults strung into one word (クソバカ, ハゲデブ, キモオタハゲ): moderation/matcher.py's compound
parts, read where each alone is kept out for touching katakana (no katakana entry sits inside a longer katakana
word)."""

from __future__ import annotations

import numpy as np

from moderation.kernel_cache import njit


@njit(cache=True, nogil=True)
def katakana(c) -> bool:
    """A katakana letter or the long mark ー (a code point)."""
    return 0x30A1 <= c <= 0x30FA or c == 0x30FC


@njit(cache=True, nogil=True)
def strung(codes, ends, words, sizes, parts, out_a, out_b, out_w, k):
    """After the `k` hits kept in out_*, one hit for each whole katakana word that compound parts make up, the
    word not one part repeated (クソ|バカ|アホ; not バカ|バカ of バカバカしい, カス|カス); the new count. Linear: a walk
    forward and one back over the parts' hits by start, marking where a string of parts from a word's start reaches and
    from where one reaches a word's end."""
    n = codes.size
    pa = np.empty(ends.size, np.int64)
    pb = np.empty(ends.size, np.int64)
    pw = np.empty(ends.size, np.int32)
    c = 0
    for i in range(ends.size):
        w = words[i]
        if parts[w]:
            pb[c] = ends[i] + 1
            pa[c] = pb[c] - sizes[w]
            pw[c] = w
            c += 1
    order = np.argsort(pa[:c] * (n + 1) + pb[:c])
    reach = np.zeros(n + 1, np.bool_)  # a string of parts from a word's start ends here
    back = np.zeros(n + 1, np.bool_)  # a string of parts from here ends at a word's end
    first = np.zeros(c, np.bool_)
    last = np.zeros(c, np.bool_)
    for i in order:
        first[i] = pa[i] == 0 or not katakana(codes[pa[i] - 1])
        if first[i] or reach[pa[i]]:
            reach[pb[i]] = True
    for j in range(c - 1, -1, -1):
        i = order[j]
        last[i] = pb[i] == n or not katakana(codes[pb[i]])
        if last[i] or back[pb[i]]:
            back[pa[i]] = True
    cover = np.full(n + 1, -1, np.int64)  # how far a hit the matcher's rules kept reaches from where it starts
    for x in range(k):
        cover[out_a[x]] = max(cover[out_a[x]], out_b[x])
    # one hit a word its parts make up, unless every part is the same one or a listed word is the whole word: the
    # word's span, as the first of its parts that is an insult (parts[w] == 2), else as its first part
    word, end, pick, one, same = -1, -1, -1, -1, True
    for j in range(c + 1):
        i = order[j] if j < c else -1
        if i >= 0 and ((first[i] and last[i]) or not (first[i] or reach[pa[i]]) or not (last[i] or back[pb[i]])):
            continue  # a word alone (the matcher's rules keep it) or on no string
        if i >= 0 and not (first[i] and pa[i] != word):  # a further part of this word
            same = same and pw[i] == one
            end = max(end, pb[i])
            if parts[pw[i]] > parts[pick]:
                pick = pw[i]
            continue
        if word >= 0 and not same and cover[word] < end:  # a new word or none: the last one's hit
            out_a[k], out_b[k], out_w[k] = word, end, pick
            k += 1
        if i >= 0:
            word, end, pick, one, same = pa[i], pb[i], pw[i], pw[i], True
    return k
