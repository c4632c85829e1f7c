"""Japanese-first text normalisation shared by training and serving.

`normalize(text)` returns a `Normalized` with the normalised string, a per-character offset map back to
the ORIGINAL text (so explanation spans can be highlighted in what the user wrote) and counts of the
tricks that were undone (invisible characters, masks, look-alikes, spaced-out letters). Everything
here is a module-level function or constant so that fitted scikit-learn objects referring to
`normalize_text` pickle cleanly.

Steps, in order:
1. invisible characters (zero-width, U+2060-U+2064, variation selectors, bidi controls, BOM, soft
   hyphen, tag characters) are dropped and counted; other control characters become a space;
2. NFKC per character (full/half width, compatibility forms), lower case, look-alike letters
   (Cyrillic/Greek/bopomofo) mapped to what they imitate, half-width dakuten recombined;
3. kanji that imitate katakana (工口 -> エロ, 力ード -> カード) where they sit in a katakana context;
4. separators inside spaced-out words removed (死.ね, L I N E, 激 工 口);
5. whitespace runs become one space; long runs squashed (ｗｗｗｗ -> ww, ーーー -> ーー, ！！！！ -> !!),
   digits excepted;
6. masked / 伏せ字 spellings of abusive words mapped to the canonical word (氏ね, しね, 4ね, ○ね -> 死ね).
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

import numpy as np
from numba import njit

from moderation.automaton import _scan
from moderation.needles import NeedleIndex

__all__ = ["Normalized", "normalize", "normalize_text"]

MAX_CHARS = 20_000  # longer input is cut before normalisation (the API limits length anyway)

_INVISIBLE_RANGES = (
    (0x00AD, 0x00AD),  # soft hyphen
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x061C, 0x061C),  # arabic letter mark
    (0x115F, 0x1160),  # hangul fillers
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),  # mongolian variation selectors
    (0x200B, 0x200F),  # zero-width space/non-joiner/joiner, LRM, RLM
    (0x202A, 0x202E),  # bidi embeddings/overrides
    (0x2060, 0x206F),  # word joiner, invisible operators (U+2061...), bidi isolates
    (0x3164, 0x3164),  # hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFEFF, 0xFEFF),  # BOM / zero-width no-break space
    (0xFFA0, 0xFFA0),
    (0xFFF9, 0xFFFB),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE007F),  # tag characters
    (0xE0100, 0xE01EF),  # variation selectors supplement
)

# Characters that imitate Latin letters or kana. Applied after NFKC and lower-casing.
LOOKALIKES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ӏ": "l", "ԛ": "q", "ԝ": "w",
    # Greek
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x", "ω": "w",
    # Latin variants
    "ı": "i", "ɡ": "g", "ɑ": "a", "ʟ": "l", "ɪ": "i", "ᴀ": "a", "ᴇ": "e", "ᴏ": "o",
    # bopomofo used to dodge Japanese word filters (えっㄎ, アナㄦ, NㄒR)
    "ㄒ": "t", "ㄎ": "ち", "ㄘ": "ち", "ㄑ": "く", "ㄦ": "ル", "ㄨ": "メ", "ㄇ": "n", "ㄈ": "c", "ㄥ": "l",
    "ㄩ": "u", "ㄚ": "y", "ㄠ": "幺",
    # symbols used as letters
    "@": "@", "$": "$",
}

# kanji that imitate katakana; only rewritten in a katakana context (see _kanji_lookalikes)
KANJI_AS_KANA = {"工": "エ", "口": "ロ", "力": "カ", "夕": "タ", "卜": "ト", "二": "ニ", "八": "ハ", "才": "オ",
                 "匕": "ヒ", "三": "ミ", "夂": "ク", "乂": "メ", "十": "十"}
del KANJI_AS_KANA["十"]

_SEPARATORS = " .．・･*＊_＿-‐|｜/／\\,、'`^~〜"
_MASKS = "○●◯〇■□◆◇×✕✖✗＊*※▲△▼▽☆★◎"


def _is_invisible(cp: int) -> bool:
    for lo, hi in _INVISIBLE_RANGES:
        if lo <= cp <= hi:
            return True
    return False


@functools.lru_cache(maxsize=65536)
def _char_map(ch: str) -> tuple[str, int]:
    """(replacement, kind) for one original character. kind: 0 plain, 1 invisible, 2 look-alike."""
    cp = ord(ch)
    if _is_invisible(cp):
        return "", 1
    cat = unicodedata.category(ch)
    if ch.isspace() or cat == "Cc":  # every space, line break and control character: one plain space
        return " ", 0
    if cat in ("Cs", "Co", "Cn"):
        return "", 0
    out = unicodedata.normalize("NFKC", ch).lower()
    kind = 0
    if out and all(c in LOOKALIKES for c in out) and out not in ("@", "$"):
        out = "".join(LOOKALIKES[c] for c in out)
        kind = 2
    # NFKC can produce invisible characters (rare); drop them
    out = "".join(c for c in out if not _is_invisible(ord(c)))
    return out, kind


def _is_katakana(ch: str) -> bool:
    return "\u30a0" <= ch <= "\u30ff" or ch == "ー"


def _is_kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _is_kana(ch: str) -> bool:
    return "\u3040" <= ch <= "\u30ff"


def _is_ja(ch: str) -> bool:
    return _is_kana(ch) or _is_kanji(ch) or ch in "ー々"


@dataclass(frozen=True)
class Normalized:
    text: str
    # (starts, ends) of the character mapping, and the segments of each rewrite after it: the offsets of the
    # normalised text are worked out from them when first read (most comments are never explained)
    mapping: tuple = field(compare=False, repr=False)
    steps: tuple = field(compare=False, repr=False)
    invisible: int = 0
    lookalike: int = 0
    masked: int = 0
    spaced: int = 0
    chars: AbstractSet[str] | None = field(default=None, compare=False, repr=False)  # set(text): normalize fills it
    # text's code points (uint32), when normalize worked them out for the text it returns (encode reads them)
    codes: np.ndarray | None = field(default=None, compare=False, repr=False)

    @functools.cached_property
    def _mapped(self) -> tuple[Sequence[int], Sequence[int]]:
        starts, ends = self.mapping
        for segments in self.steps:
            starts, ends = _offsets(starts, ends, segments)
        return starts, ends

    @property
    def starts(self) -> Sequence[int]:
        """Original start offset of each normalised character (a range, a list, or an int64 array for a long
        text: read them through span())."""
        return self._mapped[0]

    @property
    def ends(self) -> Sequence[int]:
        """Original end offset (exclusive) of each normalised character."""
        return self._mapped[1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the original text."""
        starts, ends = self._mapped
        if not len(starts) or start >= end:
            return (0, 0)
        start = max(0, min(start, len(starts) - 1))
        end = max(start + 1, min(end, len(ends)))
        if type(ends) is range:  # no rewrite moved a character: ends rise by one, the last is the largest
            return (starts[start], ends[end - 1])
        return (int(starts[start]), int(max(ends[start:end])))


_KANJI_RUN = re.compile("[" + "".join(KANJI_AS_KANA) + "]+")
_KANJI_RUN_2 = re.compile("[" + "".join(KANJI_AS_KANA) + "]{2,}")  # its runs of two or more
_KATAKANA = frozenset(map(chr, range(0x30A0, 0x3100)))  # what _is_katakana is true of


def _kanji_lookalikes(text: str, chars=None) -> tuple[str, int]:
    """Rewrite kanji that imitate katakana when they sit among katakana/other look-alikes; (text, changed).
    `chars` (set(text), if known) without katakana: a single look-alike cannot change, only runs are looked at."""
    out = []
    pos = changed = 0
    n = len(text)
    runs = _KANJI_RUN_2 if chars is not None and _KATAKANA.isdisjoint(chars) else _KANJI_RUN
    for m in runs.finditer(text):
        i, j = m.span()
        prev = text[i - 1] if i > 0 else ""
        nxt = text[j] if j < n else ""
        run = j - i
        # a single look-alike needs katakana beside it and no kanji; a run (工口) only no kanji before it and
        # not numerals alone (the cheap tests first: a text of thousands of 力 between symbols pays little)
        if run == 1:  # _is_katakana and _is_kanji spelled out (a call each cost more than the test)
            if not ("\u30a0" <= prev <= "\u30ff" or "\u30a0" <= nxt <= "\u30ff") or (
                    "\u4e00" <= prev <= "\u9fff" or "\u3400" <= prev <= "\u4dbf" or "\u4e00" <= nxt <= "\u9fff"
                    or "\u3400" <= nxt <= "\u4dbf"):
                continue
        elif _is_kanji(prev) or all(c in "二三八" for c in m.group(0)):
            continue
        out.append(text[pos:i])
        out.append("".join(KANJI_AS_KANA[c] for c in m.group(0)))
        pos = j
        changed += run
    if not changed:
        return text, 0
    out.append(text[pos:])
    return "".join(out), changed


# separators between single characters: 死.ね, し・ね, L-I-N-E, 激 工 口 ど う が
_SEP_CLASS = "[" + re.escape(_SEPARATORS) + "]"
_SEP_JA_CHARS = frozenset(_SEPARATORS) - {",", "、"}
_SEP_JA = "[" + re.escape(_SEPARATORS.replace(",", "").replace("、", "")) + "]"
_LATIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_JA = "[\u3040-\u30ff\u4e00-\u9fffー々]"
# isolated single characters joined by separators (し ね よ, 死.ね); an ordinary space between words is not one
_SPACED_JA = re.compile(r"(?<!" + _JA + r")" + _JA + r"(?:" + _SEP_JA + r"{1,2}" + _JA + r"(?!" + _JA + r"))+")
# letters only: 1-1-1 in an address or 3 4 5 in a list are numbers, not a spelled-out word
_SPACED_LATIN = re.compile(r"(?<![a-z0-9])([a-z])(?:" + _SEP_CLASS + r"{1,2}[a-z](?![a-z0-9])){2,}")
_RUN = re.compile(r"([^0-9\s])\1{2,}")
_WS = re.compile(r" {2,}")  # every whitespace character is already a plain space (see _char_map)

# masked / substituted spellings of abusive words -> canonical form. Each entry: canonical, regex.
_M = "[" + re.escape(_MASKS) + "]"
_AFTER_NE = r"(?=$|[よやばぇぃー!?\s。、…w]|カス|ゴミ|クズ|ks)"
_OBFUSCATIONS = (  # (canonical, substrings one of which every match without a mask contains, pattern)
    # し/シ/4 + ね only where it starts a word: never the polite ending 〜ですしね, 〜だしね, 〜いいしね, 少しね
    ("死ね", ("死", "しね", "シね", "4ね", "氏ね", "しネ", "シネ", "4ネ", "氏ネ"),
     re.compile(r"(?:死|(?<![少\u4e00-\u9fff])氏|(?<![少もお\u3041-\u3093])[しシ4]"
                                 r"|(?<=[はが前])し|" + _M + r")[ねネ]" + _AFTER_NE
                                 + r"|死[ねネ]|死" + _M + r"(?![a-z0-9])")),
    ("死んで", ("んで",), re.compile(r"[氏しシ4]んで(?:くれ|ほしい|欲しい|しまえ)")),
    ("殺す", ("ころす", "コロす", "kor", "k0r"),
     re.compile(r"(?:ころ|コロ|k[o0]r[o0])す|殺" + _M + r"|" + _M + r"す(?=ぞ|よ|から)")),
    ("殺してやる", ("ころしてやる", "コロしてやる"), re.compile(r"(?:ころ|コロ)してやる")),
    ("きもい", ("キモ", "きも", "kim"), re.compile(r"(?:キモ|きも|kim[o0])(?:い|イ|すぎ|過ぎ)")),
    ("うざい", ("ウザ", "うざ", "uz"), re.compile(r"(?:ウザ|うざ|uz[a4])(?:い|イ|すぎ|過ぎ)")),
    ("くそ", ("糞", "kus", "kūs"), re.compile(r"(?:ク" + _M + r"|" + _M + r"ソ|糞|く" + _M + r"|k[uū]s[o0](?![a-z]))")),
    ("ばか", ("bak", "b4k"), re.compile(r"(?:バ" + _M + r"|" + _M + r"カ(?!ー)|馬" + _M + r"|" + _M + r"鹿"
                                    r"|(?<![a-z])b[a4]k[a4](?![a-z]))")),
    ("あほ", ("阿呆",), re.compile(r"(?:ア" + _M + r"(?![a-z])|" + _M + r"ホ|阿呆)")),
    ("ちんこ", (), re.compile(r"ち" + _M + r"こ|ち" + _M + r"ぽ|チ" + _M + r"コ|チ" + _M + r"ポ")),
    ("まんこ", (), re.compile(r"(?:ま" + _M + r"こ|マ" + _M + r"コ|" + _M + r"んこ(?!う))")),
    ("せっくす", ("sex", "s3x", "5ex", "53x"),
     re.compile(r"(?:せ" + _M + r"くす|セ" + _M + r"クス|s" + _M + r"x|(?<![a-z])[s5][e3]x(?![a-z]))")),
    ("えろ", (), re.compile(r"(?:エ" + _M + r"|" + _M + r"ロ(?![ー]))(?=動画|画像|どうが|サイト|い|イ)")),
    ("がいじ", ("害児",), re.compile(r"(?:ガ" + _M + r"ジ|ガイ" + _M + r"|害児)")),
    ("きちがい", ("基地外", "基地害", "気違い"),
     re.compile(r"(?:キチ" + _M + r"イ|きち" + _M + r"い|基地外|基地害|気違い)")),
    ("ごみ", (), re.compile(r"(?:ゴ" + _M + r"(?![a-z])|" + _M + r"ミ(?=ども|野郎|人間|クズ))")),
    ("くず", ("屑",), re.compile(r"(?:ク" + _M + r"(?=野郎|人間|ども|が)|屑(?=野郎|人間|ども))")),
    ("line", ("らいん", "ﾗｲﾝ", "ライン", "lin", "l1n", "l!n", "l|n"),
     re.compile(r"(?:ら" + _M + r"ん|ラ" + _M + r"ン|ライン(?=id|ID|追加|交換|で|に|@|@)|らいん|ﾗｲﾝ|l" + _M
                                + r"ne|(?<![a-z])l[i1!|]n[e3](?![a-z]))")),
)


def _apply_regex(text: str, starts, ends, pattern, repl_fn) -> tuple[str, list[int], list[int], int]:
    """Rewrite the matches of `pattern` (a regex, or its needles.Needles guard) in `text`, keeping the offset
    lists in step. Returns n changed."""
    if isinstance(repl_fn, _Replace):  # no call per match of a masked word
        return _replace_all(text, starts, ends, pattern, repl_fn.canonical)
    out, segments, edits = _edit(text, pattern, repl_fn)
    if not edits:
        return text, starts, ends, 0
    return (out, *_offsets(starts, ends, segments), edits)


def _edit(text: str, pattern, repl_fn) -> tuple[str, list[tuple[int, int, int, int]] | tuple, int]:
    """(new text, its segments for _offsets, n changed): the matches of `pattern` in `text` rewritten by `repl_fn`
    (`(string, "replace")` or `(indices of the characters to keep, "keep-chars")`)."""
    matches = []
    kept_span = 0  # characters inside the keep-chars matches
    replaced = False
    for m in pattern.finditer(text):
        repl, mode = repl_fn(m)
        a, b = m.span()
        if mode == "replace" and repl == text[a:b]:
            continue
        matches.append((a, b, repl, mode))
        if mode == "keep-chars":
            kept_span += b - a
        else:
            replaced = True
    if not replaced and (kept_span >= _MANY_KEPT or len(matches) >= _MANY_EDITS):
        return _edit_kept(text, matches)  # no Python step per kept character
    out_t: list[str] = []
    # the new text as segments: (index in starts, index in ends, length, 1 for kept characters or 0 for a
    # replacement, whose every character maps to the whole original span); kept characters that follow one
    # another in `text` make one segment, [ks, ke) while it grows
    segments: list[tuple[int, int, int, int]] = []
    pos = ks = ke = 0
    for a, b, repl, mode in matches:
        if a > pos:
            if ke != pos:
                if ke > ks:
                    out_t.append(text[ks:ke])
                    segments.append((ks, ks, ke - ks, 1))
                ks = pos
            ke = a
        if mode == "keep-chars":  # repl = indices (relative) of characters to keep
            for k in (repl.tolist() if isinstance(repl, np.ndarray) else repl):
                if a + k != ke:
                    if ke > ks:
                        out_t.append(text[ks:ke])
                        segments.append((ks, ks, ke - ks, 1))
                    ks = a + k
                ke = a + k + 1
        elif repl:  # replace with a new string mapped to the whole original span (ends never decrease)
            if ke > ks:
                out_t.append(text[ks:ke])
                segments.append((ks, ks, ke - ks, 1))
            ks = ke = -1
            out_t.append(repl)
            segments.append((a, b - 1, len(repl), 0))
        pos = b
    if not matches:
        return text, segments, 0
    if pos < len(text):
        if ke != pos:
            if ke > ks:
                out_t.append(text[ks:ke])
                segments.append((ks, ks, ke - ks, 1))
            ks = pos
        ke = len(text)
    if ke > ks:
        out_t.append(text[ks:ke])
        segments.append((ks, ks, ke - ks, 1))
    return "".join(out_t), segments, len(matches)


_MANY_KEPT = 256  # characters of keep-chars matches (or matches: _MANY_EDITS) from which _edit keeps them by numpy
_MANY_EDITS = 32


def _edit_kept(text: str, matches) -> tuple[str, list[tuple[int, int, int, int]] | tuple, int]:
    """_edit when every match keeps characters (no replacement string) and they are many or long (a text of
    spaced-out letters or of runs: a Python step per kept character was ~2 ms over 10,000): the kept characters
    by numpy over the code points, the segments (the runs of consecutive kept characters) as arrays."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    starts = np.fromiter((m[0] for m in matches), np.int64, count=len(matches))
    ends = np.fromiter((m[1] for m in matches), np.int64, count=len(matches))
    sizes = np.fromiter((len(m[2]) for m in matches), np.int64, count=len(matches))
    relative = np.fromiter(itertools.chain.from_iterable(m[2] for m in matches), np.int64, count=int(sizes.sum()))
    inside = np.zeros(codes.size + 1, np.int64)  # the matches do not overlap: +1 where each starts, -1 where it ends
    inside[starts] += 1
    inside[ends] -= 1
    keep = np.cumsum(inside[:-1]) == 0
    keep[np.repeat(starts, sizes) + relative] = True
    at = np.flatnonzero(keep)
    if not at.size:
        return "", [], len(matches)
    cut = np.flatnonzero(at[1:] != at[:-1] + 1) + 1
    first = at[np.concatenate(([0], cut))]
    length = np.diff(np.concatenate(([0], cut, [at.size])))
    out = codes[at].tobytes().decode("utf-32-le", "surrogatepass")
    if first.size < _MANY:  # what _offsets reads as a list, as the loop gives it
        return out, [(s, s, n, 1) for s, n in zip(first.tolist(), length.tolist(), strict=True)], len(matches)
    return out, (first, first, length, np.ones(first.size, np.int64)), len(matches)


def _replace_all(text: str, starts, ends, pattern, canonical: str) -> tuple[str, list[int], list[int], int]:
    """_apply_regex with one fixed replacement: the text joined from the matches' spans, the offsets by numpy
    from them (a text of thousands of masked words took a Python step per match)."""
    spans = _edits(text, pattern, canonical)
    if not spans:
        return text, starts, ends, 0
    return (*_rewrite(text, starts, ends, spans, canonical), len(spans))


def _edits(text: str, pattern, canonical: str) -> list[tuple[int, int]]:
    """The spans of the matches of `pattern` in `text` that are not `canonical` already (those are no edit)."""
    if canonical not in text:
        return [m.span() for m in pattern.finditer(text)]
    return [m.span() for m in pattern.finditer(text) if m.group() != canonical]


def _rewrite(text: str, starts, ends, spans, canonical: str):
    """(text, starts, ends) with every span of `spans` (sorted, not overlapping) replaced by `canonical`."""
    return (_join(text, spans, canonical), *_offsets(starts, ends, _replaced(text, spans, canonical)))


def _replaced(text: str, spans, canonical: str):
    """The segments (for _offsets) of `text` with every span of `spans` replaced by `canonical`: a list of a few,
    or (for many spans) four arrays."""
    if len(spans) < _MANY:  # a few: segment by segment
        segments: list[tuple[int, int, int, int]] = []
        pos = 0
        for a, b in spans:
            if a > pos:
                segments.append((pos, pos, a - pos, 1))
            segments.append((a, b - 1, len(canonical), 0))
            pos = b
        if pos < len(text):
            segments.append((pos, pos, len(text) - pos, 1))
        return segments
    else:  # kept stretch before each match, the match, ...; the last kept stretch
        ab = np.fromiter(itertools.chain.from_iterable(spans), dtype=np.int64, count=2 * len(spans))
        a, b = ab[0::2], ab[1::2]
        before = np.concatenate(([0], b))
        k = a.size
        s = np.empty(2 * k + 1, np.int64)
        s[0:-1:2], s[1::2], s[-1] = before[:-1], a, before[-1]
        e = s.copy()
        e[1::2] = b - 1
        n = np.empty(2 * k + 1, np.int64)
        n[0:-1:2], n[1::2], n[-1] = a - before[:-1], len(canonical), len(text) - before[-1]
        kept = np.ones(2 * k + 1, np.int64)
        kept[1::2] = 0
        return s, e, n, kept


def _join(text: str, spans, canonical: str) -> str:
    """`text` with every span replaced by `canonical`, from the spans already found (the pattern's own sub would
    scan the whole text again, with no start search: ~300 us for one 死ね in 5,000 characters)."""
    pieces = []
    pos = 0
    for a, b in spans:
        pieces.append(text[pos:a])
        pos = b
    pieces.append(text[pos:])
    return canonical.join(pieces)


_MANY = 32  # segments from which the offsets are gathered with numpy rather than list by list
_LONG_OFFSETS = 1000  # characters from which offsets stay int64 arrays (a list of thousands costs ~50 us to make)


def _offsets(starts, ends, segments):
    """The offsets of the rewritten text: each segment's own offsets or its span's, repeated (lists for a short
    text and a few segments, else int64 arrays). `segments`: a list of tuples, or a tuple of their four columns."""
    if isinstance(segments, tuple):
        return _gather(starts, ends, *segments)
    if len(segments) < _MANY and not _arrays(starts):
        out_s: list[int] = []
        out_e: list[int] = []
        for s, e, n, kept in segments:
            if kept:
                out_s.extend(starts[s:s + n])
                out_e.extend(ends[e:e + n])
            else:
                out_s.extend([starts[s]] * n)
                out_e.extend([ends[e]] * n)
        return out_s, out_e
    return _gather(starts, ends, *(np.asarray(column, dtype=np.int64) for column in zip(*segments, strict=True)))


def _gather(starts, ends, s, e, n, kept) -> tuple[np.ndarray, np.ndarray]:
    """_offsets of segments given as arrays (start index, end index, length, kept or not)."""
    which = np.repeat(np.arange(n.size), n)
    step = (np.arange(which.size) - np.repeat(np.cumsum(n) - n, n)) * kept[which]
    return _array(starts)[s[which] + step], _array(ends)[e[which] + step]


def _arrays(offsets) -> bool:
    """Whether a rewrite of a text with these offsets keeps them as arrays: they are one already, or it is long."""
    return isinstance(offsets, np.ndarray) or len(offsets) >= _LONG_OFFSETS


def _array(offsets) -> np.ndarray:
    if isinstance(offsets, np.ndarray):
        return offsets
    if isinstance(offsets, range):
        return np.arange(offsets.start, offsets.stop, dtype=np.int64)
    return np.asarray(offsets, dtype=np.int64)


def _drop_separators(m: re.Match[str]):
    """Join spaced-out Japanese letters: three or more split by anything, or two split by a symbol."""
    body = m.group(0)
    if len(body) >= _MANY_KEPT:  # by numpy over the code points (_SEP_BIT marks exactly _SEPARATORS)
        codes = np.frombuffer(body.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        letters = np.flatnonzero((_CLASS[np.minimum(codes, _CLASS.size - 1)] & _SEP_BIT) == 0)
    else:
        letters = [i for i, c in enumerate(body) if c not in _SEPARATORS]
    if len(letters) < 3 and not any(c not in " \u3000" for c in body if c in _SEPARATORS):
        return body, "replace"  # 今日 は: two letters and a plain space are words, not a trick
    return letters, "keep-chars"


def _keep_alnum(m: re.Match[str]):
    return [i for i, c in enumerate(m.group(0)) if c.isalnum()], "keep-chars"


def _squash(m: re.Match[str]):
    return [0, 1], "keep-chars"


# translate table built lazily from _char_map: ord -> replacement; plus which characters are special
_TABLE: dict[int, str] = {}
_MAPPED: dict[str, str] = {}  # the same, by character
_SEEN: set[str] = set()
_INVISIBLE_SEEN: set[str] = set()
_LOOKALIKE_SEEN: set[str] = set()
_NOT_ONE: set[str] = set()  # characters that do not map to exactly one character
_COMBINING = frozenset("\u3099\u309a")
_CACHE_MAX = 300_000  # distinct characters remembered (bounds memory)
_KANJI_LOOK = frozenset(KANJI_AS_KANA)


_LUT = np.arange(0x10000, dtype=np.uint32)  # BMP code point -> the first character it maps to (never stale:
_WIDTH = np.ones(0x10000, dtype=np.int64)  # _char_map is pure) and how many characters it maps to


def _learn(chars) -> None:
    for ch in chars:
        out, kind = _char_map(ch)
        if out != ch:
            _TABLE[ord(ch)] = out
            _MAPPED[ch] = out
            if ord(ch) < 0x10000:
                _LUT[ord(ch)] = ord(out[0]) if out else 0
                _WIDTH[ord(ch)] = len(out)
        if kind == 1:
            _INVISIBLE_SEEN.add(ch)
        elif kind == 2:
            _LOOKALIKE_SEEN.add(ch)
        if len(out) != 1 or out in _COMBINING:
            _NOT_ONE.add(ch)
        _SEEN.add(ch)


def _map_chars_slow(text: str) -> tuple[str, list[int], list[int]]:
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        out = _TABLE.get(ord(ch), ch)
        for c in out:
            if c in _COMBINING and chars:  # combining (half-width) dakuten: recombine with previous
                merged = unicodedata.normalize("NFC", chars[-1] + c)
                if len(merged) == 1:
                    chars[-1] = merged
                    ends[-1] = i + 1
                    continue
            chars.append(c)
            starts.append(i)
            ends.append(i + 1)
    return "".join(chars), starts, ends


def _map_chars_several(text: str, several: set[str]) -> tuple[str, list[int], list[int]]:
    """translate() when some characters map to 0 or 2+ characters: offsets by numpy repeat, not per character.
    Half-width dakuten (combining marks to recombine with the previous letter) take the per-character path."""
    out = text.translate(_TABLE)
    if not _COMBINING.isdisjoint(out):
        return _map_chars_slow(text)
    width = np.ones(len(text), dtype=np.int64)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    for ch in several:
        width[codes == ord(ch)] = len(_TABLE.get(ord(ch), ch))
    starts = np.repeat(np.arange(len(text)), width)
    if starts.size >= _LONG_OFFSETS:
        return out, starts, starts + 1
    return out, starts.tolist(), (starts + 1).tolist()


def _map_long(text: str, present: set[str], several: set[str]):
    """(text, starts, ends) of the per-character mapping of a long text by lookup tables over its code points
    (str.translate looks up a dict per character: 5,000 characters ~150-400 us); None where a character needs
    _map_chars_several (one mapped above U+FFFF, or one that leaves a combining mark to recombine)."""
    if present.isdisjoint(_MAPPED):
        return text, range(len(text)), range(1, len(text) + 1)
    if any(not _COMBINING.isdisjoint(_MAPPED.get(ch, ch)) for ch in several):
        return None
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    bmp = codes & 0xFFFF
    mapped = _LUT[bmp]
    astral = codes > 0xFFFF
    if astral.any():
        if any(ord(ch) > 0xFFFF for ch in present.intersection(_MAPPED)):
            return None
        mapped[astral] = codes[astral]
    if not several:
        out = mapped.tobytes().decode("utf-32-le", "surrogatepass")
        return out, range(len(out)), range(1, len(out) + 1)
    width = _WIDTH[bmp]
    width[astral] = 1
    out_codes = np.repeat(mapped, width)
    first = None
    for ch in several:
        value = _MAPPED.get(ch, ch)
        if len(value) > 1:  # the slots after its first character
            if first is None:
                first = np.cumsum(width) - width
            at = first[codes == ord(ch)]
            for k in range(1, len(value)):
                out_codes[at + k] = ord(value[k])
    starts = np.repeat(np.arange(len(text)), width)
    out = out_codes.tobytes().decode("utf-32-le", "surrogatepass")
    if starts.size >= _LONG_OFFSETS:
        return out, starts, starts + 1
    return out, starts.tolist(), (starts + 1).tolist()


def normalize(text: str) -> Normalized:
    """Normalise `text` and keep the map back to original character offsets. Never raises on str input."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = text[:MAX_CHARS]
    present = _charset(text)
    new = present - _SEEN
    if new:
        if len(_SEEN) + len(new) > _CACHE_MAX:  # hostile input cycling through Unicode: start afresh
            for cache in (_TABLE, _MAPPED, _SEEN, _INVISIBLE_SEEN, _LOOKALIKE_SEEN, _NOT_ONE):
                cache.clear()
            new = present  # this text's known characters were forgotten too
        _learn(new)
    invisible = sum(text.count(c) for c in seen) if (seen := present & _INVISIBLE_SEEN) else 0
    if invisible and text.endswith("\ufeff"):  # YouTube exports end comments with a BOM: not a trick
        invisible -= len(text) - len(text.rstrip("\ufeff"))
    lookalike = sum(text.count(c) for c in seen) if (seen := present & _LOOKALIKE_SEEN) else 0
    several = present & _NOT_ONE
    long = _map_long(text, present, several) if len(text) >= _LONG_SET else None
    if long is not None:
        out, *mapping = long
        chars_now = present if out is text else {c for ch in present for c in _MAPPED.get(ch, ch)}
    elif several:
        out, *mapping = _map_chars_several(text, several)
        chars_now = set(out)
    else:
        out = _translate(text, present)
        mapping = range(len(out)), range(1, len(out) + 1)  # ranges until an edit: they slice and index as lists
        chars_now = present if out is text else set(map(_MAPPED.get, present, present))  # one character each
    if not _KANJI_LOOK.isdisjoint(chars_now):
        out, changed = _kanji_lookalikes(out, chars_now)
        if changed:
            lookalike += changed
            # only look-alike kanji can have gone, only the katakana they imitate have come
            chars_now = _still_in(out, chars_now, chars_now & _KANJI_LOOK, _KANA_LOOK)
    spaced = 0
    steps = []  # each rewrite's segments (Normalized works the offsets out from them when they are read)
    if not chars_now.isdisjoint(_SEPARATORS):  # the spacing patterns need a separator
        # and a Japanese one a separator other than , and 、 (no _edit call where no match can start)
        if not chars_now.isdisjoint(_SEP_JA_CHARS) and _starts_in(out)[1].size:
            out, n = _step(steps, *_edit(out, _SPACED_JA_STARTS, _drop_separators))
            spaced += n
        if not chars_now.isdisjoint(_LATIN_LETTERS) and _starts_in(out)[2].size:  # and letters
            out, n = _step(steps, *_edit(out, _SPACED_LATIN_STARTS, _keep_alnum))
            spaced += n
        if spaced:  # joining spaced letters drops separators only
            chars_now = _still_in(out, chars_now, chars_now.intersection(_SEPARATORS), ())
    # what follows (one space for many, runs squashed to two) keeps every character it meets
    if "  " in out:
        spans = _edits(out, _SPACES, " ")
        steps.append(_replaced(out, spans, " "))
        out = _join(out, spans, " ")
    if _starts_in(out)[0].size:  # _RUN tried where three equal characters start (none: nothing to try)
        out, _ = _step(steps, *_edit(out, _RUNS, _squash))
    masked = 0
    has_mask = not chars_now.isdisjoint(_MASKS)
    found = _obfuscation_needles(out)
    # the rewrites whose listed needles occur (every alternative without a mask contains one), as bits
    maybe = _EVERY_REWRITE if has_mask else _listed_in(chars_now, found)
    i = -1
    while rest := maybe >> i + 1:  # the next rewrite whose bit is set (no match possible: no needle, no mask)
        i += (rest & -rest).bit_length()
        canonical, _needles, pattern = _OBFUSCATIONS[i]
        if not (guard := _OBFUSCATION_INDEX[pattern]).may_match(out, chars_now, found):
            continue  # nor without what every match contains (moderation/needles.py)
        spans = _edits(out, guard, canonical)
        if spans:
            steps.append(_replaced(out, spans, canonical))
            rewritten = _join(out, spans, canonical)
            masked += len(spans)
            # the characters and needles of the new text from those of the old one and what the edits touched
            if len(spans) < _MANY:
                gone = set("".join([out[a:b] for a, b in spans])) - set(canonical)
                chars_now = _still_in(rewritten, chars_now, gone, gone) | set(canonical)
            else:
                chars_now = _charset(rewritten)
            found = found | _found_near(rewritten, spans, len(canonical))
            out = rewritten
            if not has_mask:
                maybe = _listed_in(chars_now, found)
    last = _LAST_STARTS
    return Normalized(out, tuple(mapping), tuple(steps), invisible, lookalike, masked, spaced, chars_now,
                      last[2] if last[0] is out else None)


def _step(steps: list, text: str, segments, edits: int) -> tuple[str, int]:
    """Keep the segments of a rewrite that changed something; (its text, how many changes)."""
    if edits:
        steps.append(segments)
    return text, edits


class _Replace:
    """Picklable replacement callback returning a fixed canonical word."""

    def __init__(self, canonical: str):
        self.canonical = canonical

    def __call__(self, m: re.Match[str]):
        return self.canonical, "replace"


_REPLACERS = {canonical: _Replace(canonical) for canonical, _t, _p in _OBFUSCATIONS}
# the listed needles of each rewrite (one-character ones looked up in the text's characters), and a needle
# index over the rewrites' patterns whose one automaton pass also finds the longer listed needles
_OBFUSCATION_NEEDLES = tuple((frozenset(n for n in needles if len(n) == 1), frozenset(n for n in needles if len(n) > 1))
                             for _c, needles, _p in _OBFUSCATIONS)
_OBFUSCATION_INDEX = NeedleIndex([p for _c, _n, p in _OBFUSCATIONS],
                                 extra=frozenset().union(*(strings for _s, strings in _OBFUSCATION_NEEDLES)))
_EVERY_REWRITE = (1 << len(_OBFUSCATIONS)) - 1
_REWRITES_OF: dict[str, int] = {}  # a listed needle -> the rewrites listing it (bit i: _OBFUSCATIONS[i])
for _i, (_singles, _strings) in enumerate(_OBFUSCATION_NEEDLES):
    for _needle in _singles | _strings:
        _REWRITES_OF[_needle] = _REWRITES_OF.get(_needle, 0) | 1 << _i
_LISTED_SINGLES = frozenset(n for n in _REWRITES_OF if len(n) == 1)


def _listed_in(chars: set[str], found: set[str]) -> int:
    """The rewrites (bits) one of whose listed needles occurs: a character of the text, or a string found."""
    maybe = 0
    for needle in _LISTED_SINGLES.intersection(chars):
        maybe |= _REWRITES_OF[needle]
    for needle in found:
        maybe |= _REWRITES_OF.get(needle, 0)
    return maybe


_NEEDLE_MAX = max(len(n) for strings in ([g.strings for g in _OBFUSCATION_INDEX.guards.values()]
                                          + [s for _s, s in _OBFUSCATION_NEEDLES]) for n in strings)
_KANA_LOOK = frozenset(KANJI_AS_KANA.values())


class _Runs:
    """`finditer(text)` is _RUN.finditer(text), trying _RUN only where a run of three or more equal characters
    starts (_starts over the code points): a match can start nowhere else, and one found there takes its run."""

    @staticmethod
    def finditer(text: str):
        for at in _starts_in(text)[0].tolist():
            m = _RUN.match(text, at)
            if m is not None:
                yield m


_RUNS = _Runs()


class _Spaces:
    """`finditer(text)` is _WS.finditer(text), from each "  " str.find finds (the engine stops at every space)."""

    @staticmethod
    def finditer(text: str):
        at = text.find("  ")
        while at >= 0:
            m = _WS.match(text, at)
            yield m
            at = text.find("  ", m.end())


_SPACES = _Spaces()
# code point classes of the spacing patterns, one bit each (index 0x10000: every code point above the BMP)
_JA_BIT, _SEP_JA_BIT, _SEP_BIT, _LOWER_BIT, _ALNUM_BIT = 1, 2, 4, 8, 16
_CLASS = np.zeros(0x10001, dtype=np.uint8)
_CLASS[0x3040:0x3100] |= _JA_BIT
_CLASS[0x4E00:0xA000] |= _JA_BIT
_CLASS[[ord("ー"), ord("々")]] |= _JA_BIT
_CLASS[[ord(c) for c in _SEP_JA_CHARS]] |= _SEP_JA_BIT
_CLASS[[ord(c) for c in _SEPARATORS]] |= _SEP_BIT
_CLASS[ord("a"):ord("z") + 1] |= _LOWER_BIT | _ALNUM_BIT
_CLASS[ord("0"):ord("9") + 1] |= _ALNUM_BIT


class _SpacedStarts:
    """`finditer(text)` is `pattern.finditer(text)` (_SPACED_JA or _SPACED_LATIN), trying the pattern only where
    _starts finds what its matches start with: a letter with no letter of its kind before it, one or two
    separators, and a letter (both regexes try every position of a text otherwise: ~5 us at 200 characters)."""

    def __init__(self, pattern: re.Pattern[str], which: int):
        self.pattern, self.which = pattern, which  # which: 1 Japanese, 2 Latin (_starts_in)

    def finditer(self, text: str):
        match = self.pattern.match
        pos = 0
        for p in _starts_in(text)[self.which].tolist():
            if p < pos:
                continue
            m = match(text, p)
            if m is not None:
                yield m
                pos = m.end()


@njit(cache=True, nogil=True)
def _starts(codes, classes, letter, before, separator):
    """Where a spacing pattern's match can start (`letter` 0: where a run of three equal code points starts)."""
    n = codes.size
    out = np.empty(n, np.int64)
    k = 0
    if letter == 0:
        for i in range(n - 2):
            c = codes[i]
            if codes[i + 1] == c and codes[i + 2] == c and (i == 0 or codes[i - 1] != c):
                out[k] = i
                k += 1
        return out[:k]
    top = classes.size - 1
    for i in range(n - 2):
        if not classes[min(codes[i], top)] & letter or not classes[min(codes[i + 1], top)] & separator:
            continue
        if i > 0 and classes[min(codes[i - 1], top)] & before:
            continue
        third = classes[min(codes[i + 2], top)]
        if third & letter or (third & separator and i + 3 < n and classes[min(codes[i + 3], top)] & letter):
            out[k] = i
            k += 1
    return out[:k]


@njit(cache=True, nogil=True)
def _every_start(codes, classes, needles):
    """_starts of the runs, the Japanese and the Latin spacing pattern, and the indices of the needles (the
    automaton table `needles`) found, in one call (a call costs more than a short comment's loop), in one array:
    the four sizes, then each's starts, then the needles (numba boxes each array a kernel returns, about a
    microsecond apiece)."""
    runs = _starts(codes, classes, 0, 0, 0)
    ja = _starts(codes, classes, _JA_BIT, _JA_BIT, _SEP_JA_BIT)
    latin = _starts(codes, classes, _LOWER_BIT, _ALNUM_BIT, _SEP_BIT)
    _ends, found = _scan(codes, needles)
    out = np.empty(4 + runs.size + ja.size + latin.size + found.size, np.int64)
    out[0], out[1], out[2], out[3] = runs.size, ja.size, latin.size, found.size
    at = 4
    for part in (runs, ja, latin, found.astype(np.int64)):
        out[at:at + part.size] = part
        at += part.size
    return out


def _starts_in(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """_every_start of `text`, kept (with its code points and obfuscation needles) for the last text asked about:
    normalize asks for the same text up to three times (its rewrites are rare), then for its needles."""
    global _LAST_STARTS
    last = _LAST_STARTS
    if last[0] is not text:
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        every = _every_start(codes, _CLASS, _OBFUSCATION_INDEX.automaton.table)
        runs, ja, latin, _needles = every[:4].tolist()
        a = 4 + runs
        b = a + ja
        c = b + latin
        last = _LAST_STARTS = (text, (every[4:a], every[a:b], every[b:c]), codes, every[c:])
    return last[1]


def _obfuscation_needles(text: str) -> set[str]:
    """_OBFUSCATION_INDEX.found(text), from _every_start's call when it was the last text asked about."""
    last = _LAST_STARTS
    if last[0] is not text:
        return _OBFUSCATION_INDEX.found(text)
    values = _OBFUSCATION_INDEX.automaton.values
    return {values[k] for k in last[3].tolist()}


_LAST_STARTS: tuple = (None, (), None, None)
_SPACED_JA_STARTS = _SpacedStarts(_SPACED_JA, 1)
_SPACED_LATIN_STARTS = _SpacedStarts(_SPACED_LATIN, 2)


def _translate(text: str, present: set[str]) -> str:
    """text.translate(_TABLE) when every character maps to one: a few str.replace calls when only a few
    distinct characters change and no replacement is itself replaced (a translate looks up every character)."""
    keys = present.intersection(_MAPPED)
    if not keys:
        return text
    if len(keys) > 24 or not keys.isdisjoint("".join(_MAPPED[k] for k in keys)):
        return text.translate(_TABLE)
    for k in keys:
        text = text.replace(k, _MAPPED[k])
    return text


def _charset(text: str) -> set[str]:
    """set(text); a long text's by numpy (iterating a str makes an object of each non-ASCII character)."""
    if len(text) < _LONG_SET:
        return set(text)
    return set(map(chr, np.unique(np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)).tolist()))


_LONG_SET = 1000  # characters from which _charset sorts code points (5,000: 130 -> 55 us)


def _still_in(text: str, chars: set[str], maybe_gone, maybe_new) -> set[str]:
    """set(text), given `chars`, the set of a text that `text` was rewritten from, when the only characters the
    rewrite can have removed are among `maybe_gone` and the only ones it can have added among `maybe_new`: a
    substring test each instead of a set of the whole text."""
    if not maybe_gone and not maybe_new:
        return chars
    return (chars - maybe_gone) | {c for c in maybe_new if c in text} | {c for c in maybe_gone if c in text}


def _found_near(text: str, spans, size: int) -> set[str]:
    """The obfuscation needles in `text` that an edit may have made: those in each new word (`size` characters
    where a span of `spans`, positions before the edits, was) with the needle length less one either side."""
    if len(spans) >= _MANY:
        return _OBFUSCATION_INDEX.found(text)
    pieces = []
    shift = 0
    for a, b in spans:
        at = a + shift
        pieces.append(text[max(0, at - _NEEDLE_MAX + 1):at + size + _NEEDLE_MAX - 1])
        shift += size - (b - a)
    return _OBFUSCATION_INDEX.found("\x00".join(pieces))


def normalize_text(text: str) -> str:
    """The normalised string only (used as the vectorisers' preprocessor; picklable by name)."""
    return normalize(text).text
