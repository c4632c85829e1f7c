"""English leet spelling (h4te, w0men) read as the letters it imitates, so a digit does not hide a word."""

from __future__ import annotations

import re

import numpy as np

# digits written for letters inside an English word (h4te, w0men, n1gg3r -> hate, women, nigger): a word of [a-z0-9]
# that starts and ends with a letter and whose digits are all 0/1/3/4/5/7, not part of a domain, an address or a code
# (mp3, g7, covid19, 4chan, h1n1, web3.com are left alone); one character for one, so no offset moves (_unleet)
_LEET_NEEDED = re.compile(r"[a-z][013457]+[a-z]")
_LEET_DIGITS = frozenset("013457")
_LEET_OF = np.arange(128, dtype=np.uint32)
_LEET_OF[[ord(d) for d in "013457"]] = [ord(c) for c in "oieast"]
_IS_LEET = np.zeros(128, dtype=bool)
_IS_LEET[[ord(d) for d in "013457"]] = True
_NOT_BEFORE = np.asarray([ord(c) for c in ".@/-"], dtype=np.uint32)  # a domain's, an e-mail's, a path's or a code's
_NOT_AFTER = np.asarray([ord(c) for c in "@/-"], dtype=np.uint32)


def _unleet(text: str) -> tuple[str, int]:
    """(text, words rewritten): the digits of leet-spelt words (_LEET_NEEDED's comment) as the letters they imitate,
    worked out over the code points at once (a text of thousands of such words costs no Python step each)."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    n = codes.size
    letter = (codes >= 97) & (codes <= 122)
    digit = (codes >= 48) & (codes <= 57)
    leet = _IS_LEET[np.minimum(codes, 127)] & digit
    word = letter | digit
    starts = np.flatnonzero(word & ~np.concatenate(([False], word[:-1])))
    ends = np.flatnonzero(word & ~np.concatenate((word[1:], [False]))) + 1
    n_leet = np.add.reduceat(leet.astype(np.int64), starts)  # a word's sum runs to the next word: no digit between
    n_digit = np.add.reduceat(digit.astype(np.int64), starts)
    before = np.where(starts > 0, codes[np.maximum(starts - 1, 0)], 32)
    after = np.where(ends < n, codes[np.minimum(ends, n - 1)], 32)
    dot_word = (after == 46) & word[np.minimum(ends + 1, n - 1)] & (ends + 1 < n)  # "web3.com": a domain
    ok = ((n_leet > 0) & (n_leet == n_digit) & letter[starts] & letter[ends - 1] & ~np.isin(before, _NOT_BEFORE)
          & ~np.isin(after, _NOT_AFTER) & ~dot_word)
    if not ok.any():
        return text, 0
    depth = np.zeros(n + 1, dtype=np.int64)
    np.add.at(depth, starts[ok], 1)
    np.add.at(depth, ends[ok], -1)
    at = leet & (np.cumsum(depth[:-1]) > 0)
    out = codes.copy()
    out[at] = _LEET_OF[codes[at]]
    return out.tobytes().decode("utf-32-le", "surrogatepass"), int(ok.sum())
