"""Per-character normalisation (width, case, look-alikes, invisible characters) learnt into one table."""

from __future__ import annotations

import functools
import unicodedata

import numpy as np

from moderation.kernels.arena import allocated
from moderation.kernels.distinct import _BIT_AT, distinct_codes
from moderation.text.normalized import _LONG_OFFSETS

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


# translate table built lazily from _char_map: ord -> replacement; plus which characters are special
_TABLE: dict[int, str] = {}


_MAPPED: dict[str, str] = {}  # the same, by character


_SEEN: set[str] = set()


_INVISIBLE_SEEN: set[str] = set()


_LOOKALIKE_SEEN: set[str] = set()


_NOT_ONE: set[str] = set()  # characters that do not map to exactly one character


_COMBINING = frozenset("\u3099\u309a")


_KANJI_LOOK = frozenset(KANJI_AS_KANA)


# BMP code point -> the first character it maps to (never stale: _char_map is pure), and what _learn learnt of it as
# bits text/prepass.py's kernel reads (in _SEEN, _LOOKALIKE_SEEN, _NOT_ONE): views of one arena
# (moderation/kernels/arena.py), which the kernel takes as one argument
_CODE_POINTS, (_LUT, _FLAGS) = allocated((0x10000, np.uint32), (0x10000, np.uint8))
_LUT[:] = np.arange(0x10000, dtype=np.uint32)
LEARNT, LOOKALIKE, NOT_ONE = 1, 2, 4


_WIDTH = np.ones(0x10000, dtype=np.int64)  # how many characters each BMP code point maps to


def _learn(chars) -> None:
    for ch in chars:
        out, kind = _char_map(ch)
        flags = LEARNT
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
            flags |= LOOKALIKE
        if len(out) != 1 or out in _COMBINING:
            _NOT_ONE.add(ch)
            flags |= NOT_ONE
        _SEEN.add(ch)
        if ord(ch) < 0x10000:
            _FLAGS[ord(ch)] = flags


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


def _translate(text: str, keys: set[str]) -> str:
    """text.translate(_TABLE) when every character maps to one (`keys`: the text's characters in _MAPPED): a few
    str.replace calls when only a few distinct characters change and no replacement is itself replaced (a translate
    looks up every character)."""
    if not keys:
        return text
    if len(keys) > 24 or not keys.isdisjoint("".join(_MAPPED[k] for k in keys)):
        return text.translate(_TABLE)
    for k in keys:
        text = text.replace(k, _MAPPED[k])
    return text


def _charset(text: str) -> set[str]:
    """set(text); a long text's from its distinct code points (iterating a str makes an object of each non-ASCII
    character), in order, as np.unique gave them (a sort: 55 us at 5,000 characters; the kernel's bits ~14)."""
    if len(text) < _LONG_SET:
        return set(text)
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)
    return set(map(chr, distinct_codes(codes, _BIT_AT).tolist()))


_LONG_SET = 1000  # characters from which _charset reads code points (5,000: set(text) 130 us)


def _still_in(text: str, chars: set[str], maybe_gone, maybe_new) -> set[str]:
    """set(text), given `chars`, the set of a text that `text` was rewritten from, when the only characters the
    rewrite can have removed are among `maybe_gone` and the only ones it can have added among `maybe_new`: a
    substring test each instead of a set of the whole text."""
    if not maybe_gone and not maybe_new:
        return chars
    return (chars - maybe_gone) | {c for c in maybe_new if c in text} | {c for c in maybe_gone if c in text}
