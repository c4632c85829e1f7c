"""Every word list in ONE Aho-Corasick pass, with word boundaries that also hold for Japanese.

Japanese has no spaces, so a boundary is decided by the script of the entry and of its neighbours:
- a Latin entry needs non-alphanumeric neighbours (`die` is not in `diet`);
- a katakana entry must not sit inside a longer katakana word (ブス/サブスク, カス/カスタム, チンコ/パチンコ,
  シナ/シナリオ, イク/メイク), unless it is a compound part and the whole katakana word is made of compound parts,
  not all the same one (クソ|バカ, ハゲ|デブ, キモ|オタ|ハゲ: insults strung together; バカバカ, カスカス are mimetic);
- a hiragana entry must not continue a hiragana word on its left (動かす, ですしね) except after a particle,
  a te-form or an addressee (お前ばか, まとめてきえろ), or when it is a word no hiragana word runs into
  (早くくたばれ, 書いたやつ), and not run into a listed continuation on its right (ばかり, くずれる);
- kanji entries are taken as they are (a kanji compound keeps its meaning inside a longer one), except that one
  ending in kana must not run into a listed continuation either (消えな|い, 失せな|かった: a negative, no order).
Cost: one compiled automaton scan O(text + matches), the rules on its arrays, O(m log m) to drop contained hits.
"""

from __future__ import annotations

import numpy as np

from moderation.automaton import Automaton, _scan
from moderation.compounds import katakana as _kata
from moderation.compounds import strung
from moderation.kernel_cache import njit
from moderation.wordlists.boundaries import ADDRESSEES, LEFT_FREE, PARTICLES, RIGHT_EXCLUDE

__all__ = ["ADDRESSEES", "LEFT_FREE", "PARTICLES", "RIGHT_EXCLUDE", "Matcher"]

LATIN, KATAKANA, HIRAGANA, OTHER = 0, 1, 2, 3  # what may end the word before a hit or run on after it: boundaries.py


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

    def __init__(self, categories: dict[str, tuple[str, ...]], opaque: tuple[str, ...] = (),
                 compound: tuple[str, ...] = ()):
        self._categories = categories
        self._opaque = frozenset(opaque)  # a word of these categories takes none of the listed words inside it
        self._compound = frozenset(compound)  # a katakana word of only these categories may string with others
        self._rules = None  # built on the first find(): merging categories runs the compiled scan (not at import)

    @property
    def automaton(self) -> Automaton:
        """The automaton of every listed word (with the categories of the words inside it merged in)."""
        if self._rules is None:
            self._prepare()
        return self._automaton

    def _prepare(self) -> None:
        own: dict[str, set[str]] = {}
        for cat, words in self._categories.items():
            for w in words:
                if w:
                    own.setdefault(w, set()).add(cat)
        self._build({w: tuple(sorted(c)) for w, c in own.items()},
                    {w: 1 + ("insult" in c) for w, c in own.items() if c <= self._compound and _kind(w) == KATAKANA})
        # a word counts for its inner listed words' categories (くそ野郎: くそ, 野郎) unless opaque (北朝鮮: a state)
        inner = self._inside(self._words)
        cats = [tuple(sorted(c if c & self._opaque else c.union(*map(self._cats.__getitem__, sub))))
                for c, sub in zip(own.values(), inner, strict=True)]
        self._cats = self._automaton.values = cats  # same words, so the same automaton and rules: only values move
        self._categories = None

    def _inside(self, words: list[str]) -> list[set[int]]:
        """Per word, the words the bounded scan finds in it (itself too): ONE scan (one a word cost ~0.2 s of load)."""
        sep = next(c for c in map(chr, range(1, 32)) if not any(c in w for w in words))
        text = sep.join(words)
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        ends, found = self._automaton.scan(text, codes)
        starts, _ends, found = _bounded(codes, ends, found.astype(np.int32), self._rules, False)
        bases = np.cumsum([0] + [len(w) + 1 for w in words[:-1]])
        inside: list[set[int]] = [set() for _ in words]
        for at, w in zip((np.searchsorted(bases, starts, side="right") - 1).tolist(), found.tolist(), strict=True):
            inside[at].add(w)
        return inside

    def _build(self, words: dict[str, tuple[str, ...]], parts: dict[str, int]) -> None:
        """The automaton, each word's categories, and the table of what the boundary rules read of each word
        (`parts`: the katakana words that may string together into one word, 2 for an insult, else 1)."""
        self._automaton = Automaton(words)
        self._words = self._automaton.keys
        self._cats = self._automaton.values
        self._parts = parts
        self._rules = _rules(self._words, parts)

    def _hits(self, text: str, codes=None, contain: bool = True) -> list[tuple[int, int, str, tuple[str, ...]]]:
        if not text:
            return []
        if codes is None:
            codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        ends, found = self._automaton.scan(text, codes)
        if not ends.size:
            return []
        starts, ends, found = _bounded(codes, ends, found.astype(np.int32), self._rules, contain)
        words = found.tolist()
        return list(zip(starts.tolist(), ends.tolist(), map(self._words.__getitem__, words),
                        map(self._cats.__getitem__, words), strict=True))

    def find_arrays(self, text: str, codes=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """find() as (starts, ends, word indices into `words()`) arrays: no Python object per hit."""
        if self._rules is None:
            self._prepare()
        if not text:
            return _NONE
        if codes is None:
            codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        hits = _find(codes, self._automaton.table, self._rules)
        return hits[0], hits[1], hits[2]

    def tables(self) -> tuple[np.ndarray, np.ndarray]:
        """(the automaton's packed tables, the boundary rules' table): what codepass.py's kernel passes to _find's."""
        if self._rules is None:
            self._prepare()
        return self._automaton.table, self._rules

    def words(self) -> tuple[list[str], list[tuple[str, ...]]]:
        """Every listed word and its categories, by the word index find_arrays gives."""
        if self._rules is None:
            self._prepare()
        return self._words, self._cats

    def find(self, text: str, codes=None) -> list[tuple[int, int, str, tuple[str, ...]]]:
        """(start, end, word, categories) of every bounded hit not inside a longer one, in text order (`codes`: u32)."""
        if self._rules is None:
            self._prepare()
        return self._hits(text, codes)


_NONE = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64))  # no hit
# the rules' table (int32): a header of where each part starts, then per word its kind, length, whether its first (last)
# character is ASCII alphanumeric, starts with katakana, may be okurigana (<= 2 characters starting with かすしい),
# where its RIGHT_EXCLUDE characters are; those characters; the particles; the addressees (each: its length, then its
# code points); per word whether it is LEFT_FREE and where its LEFT_FREE characters are; those; whether a compound part
(_KIND, _SIZE, _FIRST_LATIN, _LAST_LATIN, _FIRST_KATA, _OKURI, _EXCLUDE_AT, _EXCLUDE, _PARTICLES, _ADDRESSEES, _FREE,
 _BLOCK_AT, _BLOCK, _PART) = range(14)
_HEADER = 14


def _rules(words: list[str], parts: dict[str, int] | None = None) -> np.ndarray:
    parts = parts or {}
    exclude = [RIGHT_EXCLUDE.get(w, "") if _kind(w) in (HIRAGANA, OTHER) else "" for w in words]
    addressees = [x for a in ADDRESSEES for x in (len(a), *map(ord, a))]
    free = [w in LEFT_FREE and _kind(w) == HIRAGANA for w in words]
    block = [LEFT_FREE[w] if f else "" for w, f in zip(words, free, strict=True)]
    parts = [[_kind(w) for w in words], [len(w) for w in words], [_is_latin(w[0]) for w in words],
             [_is_latin(w[-1]) for w in words], [_is_kata(w[0]) for w in words],
             [len(w) <= 2 and w[0] in "かすしい" for w in words], np.cumsum([0] + [len(x) for x in exclude]),
             [ord(c) for x in exclude for c in x], sorted(map(ord, PARTICLES)), addressees, free,
             np.cumsum([0] + [len(x) for x in block]), [ord(c) for x in block for c in x],
             [parts.get(w, 0) for w in words]]
    starts = np.cumsum([_HEADER] + [len(p) for p in parts])
    return np.concatenate([starts[:-1]] + [np.asarray(p, dtype=np.int64) for p in parts]).astype(np.int32)


@njit(cache=True, nogil=True)
def _alnum(c) -> bool:
    return 48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122


@njit(cache=True, nogil=True)
def _after_addressee(codes, a, t) -> bool:
    """text.endswith(ADDRESSEES, 0, a)"""
    at = t[_ADDRESSEES]
    while at < t[_FREE]:
        size = t[at]
        if size <= a:
            same = True
            for j in range(size):
                if codes[a - size + j] != t[at + 1 + j]:
                    same = False
                    break
            if same:
                return True
        at += size + 1
    return False


@njit(cache=True, nogil=True)
def _find(codes, table, rules):
    """The scan and the boundary rules (with containment) in one call: starts, ends, words as rows of one array."""
    ends, words = _scan(codes, table)
    starts, ends, words = _bounded(codes, ends, words, rules, True)
    out = np.empty((3, starts.size), np.int64)
    out[0] = starts
    out[1] = ends
    out[2] = words
    return out


@njit(cache=True, nogil=True)
def _bounded(codes, ends, words, t, contain):
    """(starts, ends, words) of the hits (automaton ends, word indices) that keep the boundary rules, in the
    automaton's order; with `contain`, by start (the longer first) and without those inside an earlier one."""
    n = codes.size
    kind_at, size_at, first_latin, last_latin, first_kata, okuri = (t[_KIND], t[_SIZE], t[_FIRST_LATIN],
                                                                    t[_LAST_LATIN], t[_FIRST_KATA], t[_OKURI])
    exclude_at, exclude, particles, particles_end = t[_EXCLUDE_AT], t[_EXCLUDE], t[_PARTICLES], t[_ADDRESSEES]
    free, block_at, block, part_at = t[_FREE], t[_BLOCK_AT], t[_BLOCK], t[_PART]
    m = ends.size
    parted = False  # a compound part kept out by a katakana neighbour only: it may string a word with others
    out_a = np.empty(m, np.int64)
    out_b = np.empty(m, np.int64)
    out_w = np.empty(m, np.int32)
    k = 0
    for i in range(m):
        w = words[i]
        b = ends[i] + 1
        a = b - t[size_at + w]
        kind = t[kind_at + w]
        keep = True
        if kind == LATIN:
            if t[first_latin + w] and a > 0 and _alnum(codes[a - 1]):
                keep = False
            elif t[last_latin + w] and b < n and _alnum(codes[b]):
                keep = False
        elif kind != OTHER or t[first_kata + w]:
            left = np.int64(codes[a - 1]) if a > 0 else np.int64(-1)
            right = np.int64(codes[b]) if b < n else np.int64(-1)
            if t[first_kata + w] and left >= 0 and _kata(left):
                keep = False
            elif kind == KATAKANA:
                keep = not (right >= 0 and _kata(right))
            elif kind == OTHER:  # a katakana-first entry ending in kana (ブタめ|し): its listed continuations
                for j in range(t[exclude_at + w], t[exclude_at + w + 1]):
                    if t[exclude + j] == right:
                        keep = False
            elif kind == HIRAGANA:
                excluded = False
                if right >= 0:
                    for j in range(t[exclude_at + w], t[exclude_at + w + 1]):
                        if t[exclude + j] == right:
                            excluded = True
                particle = False
                for j in range(particles, particles_end):
                    if t[j] == left:
                        particle = True
                if excluded:
                    keep = False
                elif 0x3041 <= left <= 0x3096 and not particle:
                    if t[free + w]:
                        for j in range(t[block_at + w], t[block_at + w + 1]):
                            if t[block + j] == left:
                                keep = False
                    else:
                        keep = _after_addressee(codes, a, t)
                elif t[okuri + w] and 0x4E00 <= left <= 0x9FFF:
                    keep = False  # okurigana of a verb or adjective (動かす, 美味しい)
        elif b < n:  # a kanji entry: only its listed continuations (消えな|い, 消えな|かった) make it another word
            for j in range(t[exclude_at + w], t[exclude_at + w + 1]):
                if t[exclude + j] == codes[b]:
                    keep = False
        if keep:
            out_a[k] = a
            out_b[k] = b
            out_w[k] = w
            k += 1
        elif kind == KATAKANA and t[part_at + w]:
            parted = True
    if contain and parted:
        k = strung(codes, ends, words, t[size_at:], t[part_at:], out_a, out_b, out_w, k)
    if not contain or k < 2:
        return out_a[:k], out_b[:k], out_w[:k]
    # by start, the longer of two with one start first; a hit inside an earlier, longer one is dropped (counted)
    order = np.argsort(out_a[:k] * (n + 2) + (n + 1 - out_b[:k]))
    kept_a = np.empty(k, np.int64)
    kept_b = np.empty(k, np.int64)
    kept_w = np.empty(k, np.int32)
    reach = -1
    j = 0
    for i in order:
        if out_b[i] <= reach:
            continue
        kept_a[j], kept_b[j], kept_w[j] = out_a[i], out_b[i], out_w[i]
        reach = out_b[i]
        j += 1
    return kept_a[:j], kept_b[:j], kept_w[:j]
