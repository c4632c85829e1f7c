"""Every word list in ONE Aho-Corasick pass, with word boundaries that also hold for Japanese.

Japanese has no spaces, so a boundary is decided by the script of the entry and of its neighbours:
- a Latin entry needs non-alphanumeric neighbours (`die` is not in `diet`);
- a katakana entry must not sit inside a longer katakana word (ブス/サブスク, カス/カスタム, チンコ/パチンコ,
  シナ/シナリオ, イク/メイク);
- a hiragana entry must not continue a hiragana word on its left (動かす, ですしね) except after a particle
  or an addressee (お前ばか), and not run into a listed continuation on its right (ばかり, くずれる);
- kanji entries are taken as they are (a kanji compound keeps its meaning inside a longer one).
Cost: one automaton scan, O(text + matches), then O(matches log matches) to drop contained matches.
"""

from __future__ import annotations

from operator import itemgetter

from moderation.automaton import Automaton

__all__ = ["Matcher"]

PARTICLES = frozenset("はがをにもへとでやのよねかなっ")
ADDRESSEES = ("おまえ", "あんた", "こいつ", "あいつ", "てめえ", "きさま", "おめえ")
# hiragana entry -> characters that, right after it, make it part of another word
RIGHT_EXCLUDE = {"ばか": "りし", "くず": "れすしさせそ", "はげ": "しまむ", "かす": "", "ごみ": "", "ぶす": "っ",
                 "でぶ": "", "あほ": "", "くそ": "", "きもい": "", "うざい": ""}
LATIN, KATAKANA, HIRAGANA, OTHER = 0, 1, 2, 3
_START = itemgetter(0)


def _is_kata(ch: str) -> bool:
    return "\u30a1" <= ch <= "\u30fa" or ch == "ー"


def _is_hira(ch: str) -> bool:
    return "\u3041" <= ch <= "\u3096"


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


_ALNUM = frozenset(c for c in map(chr, range(128)) if _is_latin(c))  # the characters _is_latin is true of


def _kind(word: str) -> int:
    if word.isascii():
        return LATIN
    if all(_is_kata(c) for c in word):
        return KATAKANA
    if all(_is_hira(c) for c in word):
        return HIRAGANA
    return OTHER


class Matcher:
    """Find the listed words of many categories in one pass; each hit carries every category it counts for."""

    def __init__(self, categories: dict[str, tuple[str, ...]]):
        own: dict[str, set[str]] = {}
        for cat, words in categories.items():
            for w in words:
                if w:
                    own.setdefault(w, set()).add(cat)
        self.automaton = self._build({w: tuple(sorted(c)) for w, c in own.items()})
        # a word counts for the categories of the listed words inside it too (くそ野郎: くそ and 野郎)
        merged = {}
        for w, cats in own.items():
            inner = {c for a, b, sub, sub_cats in self._all(w) for c in sub_cats}
            merged[w] = tuple(sorted(cats | inner))
        self.automaton = self._build(merged)

    @staticmethod
    def _build(words: dict[str, tuple[str, ...]]) -> Automaton:
        values = {}
        for w, cats in words.items():
            kind = _kind(w)  # a word of kanji (or other script) not starting with katakana has no boundary rule
            # a Latin entry's boundary test is inlined in _all: (whether its first and last characters are letters)
            values[w] = (w, cats, kind, kind == OTHER and not _is_kata(w[0]), len(w),
                         kind == LATIN and _is_latin(w[0]), kind == LATIN and _is_latin(w[-1]))
        return Automaton(values)

    def _all(self, text: str, codes=None) -> list[tuple[int, int, str, tuple[str, ...]]]:
        hits = []
        n = len(text)
        if not text:
            return hits
        ends, words = self.automaton.scan(text, codes)
        values = self.automaton.values
        for end, (word, cats, kind, free, size, first_latin, last_latin) in zip(
                ends.tolist(), map(values.__getitem__, words.tolist()), strict=True):
            a, b = end + 1 - size, end + 1
            if free:
                hits.append((a, b, word, cats))
            elif kind == LATIN:  # _bounded's Latin rule without a call per hit (most hits of English text)
                joined_left = first_latin and a and text[a - 1] in _ALNUM  # _is_latin, without a call
                if not (joined_left or (last_latin and b < n and text[b] in _ALNUM)):
                    hits.append((a, b, word, cats))
            elif self._bounded(text, a, b, word, kind):
                hits.append((a, b, word, cats))
        return hits

    def _bounded(self, text: str, a: int, b: int, word: str, kind: int) -> bool:
        left = text[a - 1] if a > 0 else ""
        right = text[b] if b < len(text) else ""
        if kind == LATIN:
            return not (left and _is_latin(left) and _is_latin(word[0])) and not (
                right and _is_latin(right) and _is_latin(word[-1]))
        if _is_kata(word[0]) and left and _is_kata(left):
            return False
        if kind == KATAKANA:
            return not (right and _is_kata(right))
        if kind == HIRAGANA:
            if right and right in RIGHT_EXCLUDE.get(word, ""):
                return False
            if left and _is_hira(left) and left not in PARTICLES:
                return text.endswith(ADDRESSEES, 0, a)
            if len(word) <= 2 and left and "\u4e00" <= left <= "\u9fff" and word[0] in "かすしい":
                return False  # okurigana of a verb or adjective (動かす, 美味しい)
        return True

    def find(self, text: str, codes=None) -> list[tuple[int, int, str, tuple[str, ...]]]:
        """(start, end, word, categories) of every bounded hit not inside a longer bounded hit, in text order
        (`codes`: the text's code points as uint32, if known)."""
        hits = self._all(text, codes)
        if len(hits) < 2:
            return hits
        # by start, the longer of two with one start first: the automaton reports hits by end, so a hit that
        # shares its start with a longer one comes before it; reversed, a stable sort by start alone (no key
        # function called per hit) puts the longer first
        hits.reverse()
        hits.sort(key=_START)
        out = []
        reach = -1
        for h in hits:
            if h[1] <= reach:  # inside an earlier, longer hit: its categories are already counted
                continue
            out.append(h)
            reach = h[1]
        return out
