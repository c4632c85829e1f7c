"""N-gram hashing, sorting and counting shared by the row and explanation kernels (numba)."""

from __future__ import annotations

import math

import numpy as np

from moderation.kernel_cache import njit

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
def _sorted(keys, bits, low=0):
    """keys (each below 2 ** bits) in ascending order of their bits from `low` up (a stable sort: keys equal there
    keep their order), in time linear in their number whatever they are: insertion sort for a handful, else a
    least-significant-digit radix sort (digits of 8 bits for a comment's few hundred n-grams, 11 for thousands: a
    5,000-character comment's 15,000 keys in a ninth of np.sort's time). No quicksort: crafted bucket orders cannot
    make a comment quadratic."""
    n = keys.size
    out = keys.copy()
    if n <= 32:
        for j in range(1, n):
            key = out[j]
            i = j - 1
            while i >= 0 and out[i] >> low > key >> low:
                out[i + 1] = out[i]
                i -= 1
            out[i + 1] = key
        return out
    width = 8 if n < 4096 else 11
    radix = 1 << width
    tmp = np.empty_like(keys)
    count = np.empty(radix + 1, np.int64)
    for digit in range(low, bits, width):
        count[:] = 0
        for j in range(n):
            count[((out[j] >> digit) & (radix - 1)) + 1] += 1
        for d in range(radix):
            count[d + 1] += count[d]
        for j in range(n):
            d = (out[j] >> digit) & (radix - 1)
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
    if keys.size == 0:
        return uniq, count
    uniq[0] = keys[0]
    count[0] = 1
    m = 1
    for j in range(1, keys.size):  # a new key moves m on; a repeat counts again (no branch to mispredict)
        new = keys[j] != keys[j - 1]
        count[m] = 0
        m += new
        uniq[m - 1] = keys[j]
        count[m - 1] += 1
    return uniq[:m], count[:m]


@njit(cache=True, nogil=True)
def _ranked(keys, bits):
    """_counted's (sorted distinct keys, how often each occurs) and each key's place among them (keys[p] is
    distinct[place[p]]): a row's one sort also counts any subset of its keys (the focus sentence's n-grams), with no
    sort of its own. Each key's position rides below its bits through the sort (keys from bit `shift` up)."""
    n = keys.size
    shift = 1
    while (1 << shift) < n:
        shift += 1
    mask = (1 << shift) - 1
    packed = np.empty(n, np.int64)
    for p in range(n):
        packed[p] = (keys[p] << shift) | p
    packed = _sorted(packed, bits + shift, shift)
    uniq = np.empty(n, np.int64)
    count = np.empty(n, np.int64)
    place = np.empty(n, np.int64)
    if n == 0:
        return uniq, count, place
    uniq[0] = packed[0] >> shift
    count[0] = 1
    place[packed[0] & mask] = 0
    m = 1
    for j in range(1, n):  # as _counted: no branch to mispredict
        key = packed[j] >> shift
        new = key != packed[j - 1] >> shift
        count[m] = 0
        m += new
        uniq[m - 1] = key
        count[m - 1] += 1
        place[packed[j] & mask] = m - 1
    return uniq[:m], count[:m], place


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
