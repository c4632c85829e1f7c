"""An Aho-Corasick automaton (pyahocorasick) whose root finds every character of a text at once.

pyahocorasick looks a character up among a node's children one by one, in the order they were added; a text
character that starts no listed word costs a walk over all the root's children (hundreds for the word lists:
~80 ns a character, the largest part of scanning a long comment). Here every character of the words is a child
of the root, kana and ASCII first (the commonest in comments), and in a long text every character that occurs
in no word is replaced by one placeholder, the root's first child, before the scan (a short one is scanned as it
is: the replacing costs more than it saves). The hits (end, value) are those of the plain automaton on the
original text, in the same order: the replaced characters could match nothing, and the extra root children are
paths that end in a character the scanned text never has.
"""

from __future__ import annotations

import ahocorasick
import numpy as np

__all__ = ["Automaton"]

_OTHER = "\x00"  # what a character that occurs in no word becomes (the root's first child)
_NEVER = "\x01"  # follows every extra root child: a path no text reaches the end of
LONG_SCAN = 150_000  # text length x root children from which replacing characters costs less than it saves
SMALL_ROOT = 100  # distinct first characters below which the plain automaton is as fast


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

    __slots__ = ("_automaton", "_long", "_lut", "_size", "_words")

    def __init__(self, words: dict[str, object]):
        self._words = len(words)
        self._automaton = ahocorasick.Automaton()
        self._lut = None  # None: the plain automaton (few first characters: a short walk already)
        chars = sorted({c for w in words for c in w}, key=_rank)
        if len({w[0] for w in words}) >= SMALL_ROOT:
            if _OTHER in chars or _NEVER in chars:
                raise ValueError("a listed word holds a placeholder character")
            for ch in (_OTHER, *chars):  # the root's children, in the order lookups try them
                self._automaton.add_word(ch + _NEVER, None)
            # code point -> itself if it occurs in a word, else the placeholder (0); one more entry, 0, for every
            # code point above them
            self._size = max(map(ord, chars)) + 2
            self._lut = np.zeros(self._size, dtype=np.uint32)
            self._lut[[ord(c) for c in chars]] = [ord(c) for c in chars]
            self._long = LONG_SCAN // len(chars)  # from this length the placeholder pays
        for w, value in words.items():
            self._automaton.add_word(w, value)
        if words:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return self._words

    def iter(self, text: str, codes: np.ndarray | None = None):
        """(end, value) of every occurrence of a word in `text` (`codes`: its code points as uint32, if known)."""
        if not self._words or not text:
            return iter(())
        if self._lut is None or (len(text) < self._long and _NEVER not in text):
            return self._automaton.iter(text)
        if codes is None:
            codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        kept = self._lut[np.minimum(codes, self._size - 1)]
        return self._automaton.iter(kept.tobytes().decode("utf-32-le", "surrogatepass"))
