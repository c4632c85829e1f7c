"""A long text's distinct code points in order, in one linear compiled pass (np.unique sorts all of them)."""

from __future__ import annotations

import numpy as np

from moderation.kernel_cache import njit

_WORDS = 0x110000 >> 6  # 64-bit words of a bit per code point (17,408)

# the index of a 64-bit word's one set bit, by de Bruijn multiplication (no loop over the bits)
_DE_BRUIJN = np.uint64(0x03F79D71B4CB0A89)
_BIT_AT = np.zeros(64, np.int64)
for _bit in range(64):
    _BIT_AT[((1 << _bit) * 0x03F79D71B4CB0A89 & 0xFFFFFFFFFFFFFFFF) >> 58] = _bit


@njit(cache=True, nogil=True)
def _lowest(word, bit_at):
    """The index of the lowest set bit of a non-zero uint64."""
    low = word & (~word + np.uint64(1))
    return bit_at[np.int64((low * _DE_BRUIJN) >> np.uint64(58))]


@njit(cache=True, nogil=True)
def distinct_codes(codes, bit_at):
    """np.unique(codes) as int64 for code points below 0x110000: a bit per code point, its words cleared only
    when first touched (a bit per word says which), then read in order (linear in the text and its distinct
    code points whatever they are: no comparison sort)."""
    bits = np.empty(_WORDS, np.uint64)  # a word is valid once its bit in `touched` is set
    touched = np.zeros((_WORDS + 63) >> 6, np.uint64)
    distinct = 0
    for i in range(codes.size):
        c = np.int64(codes[i])
        w = c >> 6
        flag = np.uint64(1) << np.uint64(w & 63)
        if not touched[w >> 6] & flag:
            touched[w >> 6] |= flag
            bits[w] = 0
        bit = np.uint64(1) << np.uint64(c & 63)
        if not bits[w] & bit:
            bits[w] |= bit
            distinct += 1
    out = np.empty(distinct, np.int64)
    k = 0
    for t in range(touched.size):
        words = touched[t]
        while words:
            w = t * 64 + _lowest(words, bit_at)
            words &= words - np.uint64(1)
            x = bits[w]
            while x:
                out[k] = w * 64 + _lowest(x, bit_at)
                k += 1
                x &= x - np.uint64(1)
    return out
