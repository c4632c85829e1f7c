"""Normalisation's per-character mapping, its character set and its start scan in one compiled pass.

A comment whose every character was seen before and maps to one character (nearly all: the ones that drop or
add characters, and half-width dakuten, are `chars._NOT_ONE`) needs of normalize's first steps only a lookup per
code point (`chars._LUT`), the set of the characters it then holds and `starts._every_start` over them. Done in
Python they were set(text) (~8 us at 200 characters: a str object a character), the set operations against the
learnt tables, a translate and the start kernel's own call; here they are one call. Anything else (a character not
learnt yet, one of `_NOT_ONE`, an astral one that maps to another) answers None and takes normalize's own path.
"""

from __future__ import annotations

import codecs

import numpy as np

from moderation.kernel_cache import njit
from moderation.kernels.arena import pack, part, parts
from moderation.text import starts
from moderation.text.chars import _CODE_POINTS, _MAPPED, _SEEN, KANJI_AS_KANA, LEARNT, LOOKALIKE, NOT_ONE
from moderation.text.patterns import _CLASS, _LOWER_BIT, _REWRITE_BIT
from moderation.text.starts import _OBFUSCATION_INDEX, _REWRITES_OF, _every_start

_decode = codecs.utf_32_le_decode  # (str, bytes read) of a buffer of code points, in C (bytes.decode("utf-32-le")
# calls the codec's Python wrapper)
_encode = codecs.utf_32_le_encode  # (bytes, characters read), in C: str.encode("utf-32-le") looks the codec up by
# its name first (0.30 against 0.13 µs)


_HEAD = 7  # the packed answer: fallback, look-alikes, changed, distinct BMP code points, distinct astral ones, plain,
# leet (a word of text.leet._LEET_NEEDED's: a letter, digits it reads, a letter)


# 1 for each needle of the obfuscation automaton a rewrite lists (a text with none of them tries no rewrite)
_LISTED = np.fromiter((value in _REWRITES_OF for value in _OBFUSCATION_INDEX.automaton.values), np.uint8)


_ASTRAL_MOST = 16  # distinct astral code points a text may hold here (each is compared with those before it)


_KANJI_FROM = 0x4E00  # where _KANA's look-alike kanji start
_KANA = np.zeros(max(map(ord, KANJI_AS_KANA)) + 1 - _KANJI_FROM, np.uint32)
_KANA[[ord(k) - _KANJI_FROM for k in KANJI_AS_KANA]] = [ord(v) for v in KANJI_AS_KANA.values()]


# _mapped's constants as one arena (moderation/kernels/arena.py: one argument, not five): its scratch _MARK (1 where
# a BMP code point was met, cleared before it returns), _KANA, a copy of patterns._CLASS, of the obfuscation
# automaton's table and _LISTED, read back as _PARTS
_PARTS = (np.uint8, np.uint32, np.uint8, np.int32, np.uint8)
_CONSTANTS = pack(np.zeros(0x10000, np.uint8), _KANA, _CLASS, _OBFUSCATION_INDEX.automaton.table, _LISTED)
_MARK = parts(_CONSTANTS, *_PARTS)[0]


@njit(cache=True, nogil=True)
def _kanji_as_kana(buf, n, kana):
    """text.patterns._kanji_lookalikes over buf[:n] in place (`kana`: the katakana each look-alike kanji at
    0x4E00 + k imitates, else 0): each run of them among katakana, or of two or more after no kanji and not of
    numerals alone, rewritten; how many were."""
    changed = 0
    i = 0
    while i < n:
        c = buf[i]
        if not (_KANJI_FROM <= c < _KANJI_FROM + kana.size and kana[c - _KANJI_FROM]):
            i += 1
            continue
        j = i + 1
        numerals = c == 0x4E8C or c == 0x4E09 or c == 0x516B  # 二 三 八
        while j < n and _KANJI_FROM <= buf[j] < _KANJI_FROM + kana.size and kana[buf[j] - _KANJI_FROM]:
            numerals = numerals and (buf[j] == 0x4E8C or buf[j] == 0x4E09 or buf[j] == 0x516B)
            j += 1
        prev = np.int64(buf[i - 1]) if i > 0 else np.int64(-1)
        nxt = np.int64(buf[j]) if j < n else np.int64(-1)
        if j - i == 1:
            rewrite = (0x30A0 <= prev <= 0x30FF or 0x30A0 <= nxt <= 0x30FF) and not (
                _is_kanji(prev) or _is_kanji(nxt))
        else:
            rewrite = not _is_kanji(prev) and not numerals
        if rewrite:
            for k in range(i, j):
                buf[k] = kana[buf[k] - _KANJI_FROM]
            changed += j - i
        i = j
    return changed


@njit(cache=True, nogil=True)
def _is_kanji(c) -> bool:
    return 0x4E00 <= c <= 0x9FFF or 0x3400 <= c <= 0x4DBF


@njit(cache=True)  # holds the GIL: _MARK is one scratch for the process
def _mapped(codes, buf, code_points, constants):
    """_mapped_by of chars' arena (_LUT, _FLAGS) and this module's _CONSTANTS, unpacked."""
    lut, flags = part(code_points, 0, np.uint32), part(code_points, 1, np.uint8)
    mark, kana, classes = part(constants, 0, np.uint8), part(constants, 1, np.uint32), part(constants, 2, np.uint8)
    needles, listed = part(constants, 3, np.int32), part(constants, 4, np.uint8)
    return _mapped_by(codes, flags, lut, mark, buf, kana, classes, needles, listed)


@njit(cache=True)
def _mapped_by(codes, flags, lut, mark, buf, kana, classes, needles, listed):
    """Each code point of `codes` (n) mapped through `lut` into buf[:n] and the look-alike kanji among katakana
    rewritten there (_kanji_as_kana), the distinct BMP ones after them in the order met and the distinct astral ones
    (kept as they are) at its end, backwards; one int64 array: _HEAD values (the first 1: a code point normalize's
    own path must map, the rest not written), then _every_start's answer over the mapped code points. The head's
    plain is 1 when normalize's later rewrites have nothing to start from (_plain), its leet 1 when the mapped code
    points hold a match of text.leet._LEET_NEEDED."""
    n = codes.size
    lookalike = changed = bmp = astral = 0
    rewrite = 0  # a mapped character of _LOWER_BIT or _REWRITE_BIT met
    leet = False  # _LEET_NEEDED's [a-z][013457]+[a-z] met (after = 1: a letter before, 2: and leet digits since)
    after = 0
    for i in range(n):
        c = codes[i]
        if c >= 0x10000:  # normalize looks the few distinct ones up (mapped)
            buf[i] = c
            new = True
            for j in range(astral):
                if buf[2 * n - 1 - j] == c:
                    new = False
                    break
            if new:
                if astral == _ASTRAL_MOST:
                    return np.ones(1, np.int64)
                buf[2 * n - 1 - astral] = c
                astral += 1
            continue
        f = flags[c]
        m = lut[c]
        if f & LEARNT == 0 or f & NOT_ONE or m >= 0x10000:
            return np.ones(1, np.int64)
        if f & LOOKALIKE:
            lookalike += 1
        buf[i] = m
        if m != c:
            changed = 1
    kanji = _kanji_as_kana(buf, n, kana)
    if kanji:
        lookalike += kanji
        changed = 1
    for i in range(n):
        m = buf[i]
        if 97 <= m <= 122:
            leet = leet or after == 2
            after = 1
        elif m == 48 or m == 49 or m == 51 or m == 52 or m == 53 or m == 55:
            after = 2 if after else 0
        else:
            after = 0
        if m < 0x10000 and not mark[m]:
            mark[m] = 1
            buf[n + bmp] = m
            bmp += 1
            rewrite |= classes[m] & (_LOWER_BIT | _REWRITE_BIT)
    for j in range(n, n + bmp):
        mark[buf[j]] = 0
    every = _every_start(buf[:n], classes, needles)
    packed = np.empty(_HEAD + every.size, np.int64)
    packed[0], packed[1], packed[2], packed[3], packed[4] = 0, lookalike, changed, bmp, astral
    packed[5] = _plain(buf, n, rewrite, every, listed)
    packed[6] = leet
    packed[_HEAD:] = every
    return packed


@njit(cache=True, nogil=True)
def _plain(buf, n, rewrite, every, listed) -> bool:
    """Whether normalize._rewritten would leave the mapped text buf[:n] as it is, for want of where any rewrite
    starts: no Latin letter (the Latin spacing, leet and misspellings need one), no mask and no listed one-character
    needle (`rewrite`: their class bits met), no Japanese spacing start or run of three (_every_start's sizes), no
    two spaces in a row, and no listed needle among those found (`every`'s last part, `listed` by needle)."""
    if rewrite or every[0] or every[1]:
        return False
    for i in range(n - 1):
        if buf[i] == 32 and buf[i + 1] == 32:
            return False
    for j in range(every.size - every[3], every.size):
        if listed[every[j]]:
            return False
    return True


def mapped(text: str) -> tuple[str, set[str], int, np.ndarray, bool, bool] | None:
    """(the text mapped character by character and its look-alike kanji read, its set of characters, how many
    look-alikes were mapped or read, its code points, whether it is plain: _plain, whether it holds a match of
    text.leet._LEET_NEEDED), with starts._starts_in's answer for it kept unless it is plain (no rewrite reads it
    then); None where normalize's own path must map `text`."""
    codes = np.frombuffer(_encode(text, "surrogatepass")[0], np.uint32)  # a positional dtype: 0.56 against 1.0 µs
    n = codes.size
    buf = np.empty(2 * n, np.uint32)
    packed = _mapped(codes, buf, _CODE_POINTS, _CONSTANTS)
    head = packed[:_HEAD + 4].tolist()  # the sizes and _every_start's four, read at once
    if head[0]:
        return None
    _fallback, lookalike, changed, bmp, astral, plain, leet, runs, ja, latin, _needles = head
    chars = set(_decode(buf[n:n + bmp])[0])
    if astral:  # an astral character is kept only if it was learnt and maps to itself
        tail = set(_decode(buf[2 * n - astral:])[0])
        if not tail <= _SEEN or not _MAPPED.keys().isdisjoint(tail):
            return None
        chars |= tail
    if changed:
        out = _decode(buf[:n])[0]
        codes = np.frombuffer(buf[:n].tobytes(), np.uint32)  # read-only, as every kernel's code points are
    else:
        out = text
    if plain:
        return out, chars, lookalike, codes, True, bool(leet)
    every = packed[_HEAD:]
    a = 4 + runs
    b = a + ja
    c = b + latin
    starts._LAST_STARTS = (out, (every[4:a], every[a:b], every[b:c]), codes, every[c:])  # (typed: read-only)
    return out, chars, lookalike, codes, False, bool(leet)
