"""normalize's compiled first pass (moderation/text/prepass.py) answers what its own path answers, or nothing."""

from __future__ import annotations

import random

import numpy as np
import pytest

import moderation.text.normalize as normalize_module
from moderation.kernels.arena import parts
from moderation.text import chars, prepass
from moderation.text.normalize import normalize
from moderation.text.patterns import _CLASS
from moderation.text.prepass import _MARK, mapped
from moderation.text.starts import _OBFUSCATION_INDEX

PIECES = ["今日のニュース、とても考えさせられました。", "LINE追加してね→ id:abc1234", "https://bit.ly/xyz",
          "ｗｗｗｗ", "😊", "I think the council got this one right.", "工口動画", "力ード", "ｼﾈ", "ｶﾞｷ", "ＬＩＮＥ",
          "а́", "𝐚𝐛𝐜", "𝛂lpha", "\u200bし\u200bね", "b!tch 死.ね", "h4te w0men", "\U000E0041tag", "ㄎ", "İstanbul",
          "\ufeffBOM\ufeff", "ﬁ", "…", "お前はバカか", "氏ね", "Ꭺ", "ß", "ｱﾎ", "ＡＢＣ１２３", "🇯🇵", "\ud800x",
          "在日の連中は日本から出て行け", "二三八", "ア二ア", "口口口", "\u2f1dード", "人口", "三月", "ロ口ロ", "夕ク",
          "激工口", "卜", "乂ー", "二八ー", "漢工口"]


def _read(norm) -> tuple:
    return (norm.text, list(norm.starts), list(norm.ends), norm.invisible, norm.lookalike, norm.masked, norm.spaced,
            sorted(norm.chars), None if norm.codes is None else norm.codes.tobytes())


def _texts() -> list[str]:
    rng = random.Random(7)
    out = ["", " ", *PIECES, "".join(chr(0x1F600 + k) for k in range(20)) + "abc"]
    out += ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12))) for _ in range(200)]
    out += ["".join(rng.choice(PIECES) for _ in range(rng.randint(40, 80))) for _ in range(5)]  # past _LONG_SET
    return out


def test_the_compiled_pass_normalises_as_normalizes_own_path(monkeypatch):
    texts = _texts()
    for text in texts:  # every character learnt, as a worker has after its first comments
        normalize(text)
    fast = [_read(normalize(text)) for text in texts]
    taken = sum(mapped(text) is not None for text in texts)
    monkeypatch.setattr(normalize_module, "mapped", lambda text: None)
    assert fast == [_read(normalize(text)) for text in texts]
    assert taken >= len(texts) // 4  # the compiled pass answered many of them (the others hold a piece it leaves)


@pytest.mark.parametrize("text", ["ﬁne", "wait…", "\u200bし\u200bね", "ｶﾞｷ", "𝛂lpha",
                                  "".join(chr(0x1F600 + k) for k in range(17))])
def test_what_the_pass_cannot_map_is_left_to_normalize(text):
    """A character mapped to other than one (a ligature, an ellipsis, an invisible one, a half-width dakuten), an
    astral one mapped to another, more distinct astral ones than it compares: no answer, and its scratch is clear."""
    normalize(text)
    assert mapped(text) is None
    assert not _MARK.any()


def test_a_character_not_learnt_yet_is_left_to_normalize():
    text = "\u9fa0\u9fa1 new characters"  # rare kanji no other test normalises first
    assert mapped(text) is None
    normalize(text)
    out = mapped(text)
    assert out is not None and out[0] == "\u9fa0\u9fa1 new characters" and out[1] == set(out[0])
    assert not _MARK.any()
    assert not normalize(text).codes.flags.writeable  # the kernels' code points are typed read-only


def test_the_kernel_reads_each_table_from_its_own_part_of_the_arenas():
    """_mapped takes chars' two tables and its five constants as two arenas (moderation/kernels/arena.py): each part
    is the array it stands for (the learnt tables and the scratch the very memory Python writes), none swapped."""
    lut, flags = parts(chars._CODE_POINTS, np.uint32, np.uint8)
    assert np.shares_memory(lut, chars._LUT) and np.shares_memory(flags, chars._FLAGS)
    assert (lut.size, flags.size) == (0x10000, 0x10000) and lut.ctypes.data == chars._LUT.ctypes.data
    got = parts(prepass._CONSTANTS, *prepass._PARTS)
    want = (_MARK, prepass._KANA, _CLASS, _OBFUSCATION_INDEX.automaton.table, prepass._LISTED)
    assert np.shares_memory(got[0], _MARK)
    for k, (a, b) in enumerate(zip(got, want, strict=True)):
        assert a.dtype == b.dtype and np.array_equal(a, b), k


LEET_TEXTS = ["h4te", "H4TE", "ｈ４ｔｅ", "w0men 死ね", "aaa4aaab", "h4444te", "a1", "1a", "a1 b", "a b c4d", "x 4 y",
              "l-i-n-e h4te", "ww3ww", "t3st   w0rd", "a2b", "a8b", "abc1234", "ab12c", "a77a", "ｈ ４ ｔ ｅ",
              "し ね h4 te", "zzz0zzz", "a0", "a" + "0" * 50 + "b", "00a00", "a\u30000b", "a・1・b", "b!tch h4te",
              "a‐1‐b"]


@pytest.mark.parametrize("text", LEET_TEXTS)
def test_the_leet_flag_is_the_leet_search_where_normalize_asks_it(text, monkeypatch):
    """prepass's leet flag stands for _LEET_NEEDED.search at the point normalize asks it (after the spacing, the
    spaces and the runs): the fast path, its flag ignored (the search asked), and normalize's own path agree."""
    normalize(text)
    answer = mapped(text)
    assert answer is not None
    fast = _read(normalize(text))
    monkeypatch.setattr(normalize_module, "mapped", lambda t: (*answer[:5], True))
    assert _read(normalize(text)) == fast  # the search asked
    monkeypatch.setattr(normalize_module, "mapped", lambda t: None)
    assert _read(normalize(text)) == fast  # normalize's own path


def test_the_leet_flag_has_teeth(monkeypatch):
    """The leet reading is asked only where the flag says: with it forced off, h4te is not read by it (the
    misspellings read it then, and count it otherwise)."""
    for text in ("x h4te", "x hate 4 you", "4a4"):
        normalize(text)  # its characters learnt
    assert mapped("x h4te")[5] and not mapped("x hate 4 you")[5] and not mapped("4a4")[5]
    read = _read(normalize("x h4te"))
    monkeypatch.setattr(normalize_module, "mapped", lambda t: (*mapped(t)[:5], False))
    assert _read(normalize("x h4te")) != read
