"""English leet spelling (h4te, w0men) read as the letters it imitates, so a digit does not hide a word."""

from __future__ import annotations

import numpy as np

from moderation.kernel_cache import njit
from moderation.pattern_cache import compiled

# digits written for letters inside an English word (h4te, w0men, n1gg3r -> hate, women, nigger): a word of [a-z0-9]
# that starts and ends with a letter and whose digits are all 0/1/3/4/5/7, not part of a domain, an address or a code
# (mp3, g7, covid19, 4chan, h1n1, web3.com are left alone); one character for one, so no offset moves (_unleet)
_LEET_NEEDED = compiled(r"[a-z][013457]+[a-z]")
_LEET_DIGITS = frozenset("013457")
_LEET_OF = np.zeros(58, dtype=np.uint32)  # by digit's code point: the letter it imitates, 0 for 2, 6, 8, 9
_LEET_OF[[ord(d) for d in "013457"]] = [ord(c) for c in "oieast"]


@njit(cache=True, nogil=True)
def _word_char(c) -> bool:
    return 97 <= c <= 122 or 48 <= c <= 57


@njit(cache=True, nogil=True)
def _leet_words(codes, leet_of):
    """The code points with the digits of each leet-spelt word read as letters (a word of [a-z0-9]: a letter at both
    ends, every digit one of leet_of's, at least one, no . @ / - before it, no @ / - or ".word" after it), and how
    many words were; an empty array when none was."""
    n = codes.size
    out = np.empty(0, np.uint32)
    words = 0
    i = 0
    while i < n:
        if not _word_char(codes[i]):
            i += 1
            continue
        j = i
        digits = leet = 0
        while j < n and _word_char(codes[j]):
            if codes[j] <= 57:
                digits += 1
                leet += leet_of[codes[j]] != 0
            j += 1
        before = codes[i - 1] if i > 0 else 32
        after = codes[j] if j < n else 32
        if (leet > 0 and leet == digits and codes[i] >= 97 and codes[j - 1] >= 97
                and before != 46 and before != 64 and before != 47 and before != 45
                and after != 64 and after != 47 and after != 45
                and not (after == 46 and j + 1 < n and _word_char(codes[j + 1]))):
            if words == 0:
                out = codes.copy()
            words += 1
            for k in range(i, j):
                if codes[k] <= 57:
                    out[k] = leet_of[codes[k]]
        i = j
    return out, words


def _unleet(text: str) -> tuple[str, int]:
    """(text, words rewritten): the digits of leet-spelt words (_LEET_NEEDED's comment) as the letters they imitate,
    in one compiled pass over the code points (a text of thousands of such words costs no Python step each)."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    out, words = _leet_words(codes, _LEET_OF)
    if not words:
        return text, 0
    return out.tobytes().decode("utf-32-le", "surrogatepass"), words
