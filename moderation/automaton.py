"""An Aho-Corasick automaton (pyahocorasick) whose root finds every character of a text at once.

pyahocorasick looks a character up among a node's children one by one, in the order they were added; a text
character that starts no listed word costs a walk over all the root's children (hundreds for the word lists:
~80 ns a character, the largest part of scanning a long comment). Here every character of the words is a child
of the root, kana and ASCII first (the commonest in comments), and every character of the text that occurs in no
word is replaced by one placeholder, the root's first child, before the scan. The hits (end, value) are those of
the plain automaton on the original text, in the same order: the replaced characters could match nothing, and
the extra root children are paths that end in a character the text never has.
"""

from __future__ import annotations

import ahocorasick
import numpy as np

__all__ = ["Automaton"]

_OTHER = "\x00"  # what a character that occurs in no word becomes (the root's first child)
_NEVER = "\x01"  # follows every extra root child: a path no text reaches the end of


def _rank(ch: str) -> tuple[int, str]:
    """Root children in this order: hiragana, ASCII, katakana, then the rest (kanji...)."""
    if "\u3041" <= ch <= "\u309f":
        return 0, ch
    if ch.isascii():
        return 1, ch
    if "\u30a0" <= ch <= "\u30ff":
        return 2, ch
    return 3, ch


class Automaton:
    """`iter(text)` is pyahocorasick's `iter` over `words` (word -> value), cheaper; `len()` counts the words."""

    __slots__ = ("_automaton", "_keep", "_size", "_words")

    def __init__(self, words: dict[str, object]):
        chars = sorted({c for w in words for c in w}, key=_rank)
        if _OTHER in chars or _NEVER in chars:
            raise ValueError("a listed word holds a placeholder character")
        self._words = len(words)
        self._automaton = ahocorasick.Automaton()
        for ch in (_OTHER, *chars):  # the root's children, in the order lookups try them
            self._automaton.add_word(ch + _NEVER, None)
        for w, value in words.items():
            self._automaton.add_word(w, value)
        self._automaton.make_automaton()
        # which code points occur in a word (one more, always False, for every code point above them)
        self._size = max(map(ord, chars), default=0) + 2
        self._keep = np.zeros(self._size, dtype=bool)
        self._keep[[ord(c) for c in chars]] = True

    def __len__(self) -> int:
        return self._words

    def iter(self, text: str, codes: np.ndarray | None = None):
        """(end, value) of every occurrence of a word in `text` (`codes`: its code points as uint32, if known)."""
        if not self._words or not text:
            return iter(())
        if codes is None:
            codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        kept = np.where(self._keep[np.minimum(codes, self._size - 1)], codes, np.uint32(0))
        return self._automaton.iter(kept.tobytes().decode("utf-32-le", "surrogatepass"))
