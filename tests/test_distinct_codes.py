"""A long text's set of characters from its distinct code points (moderation/kernels/distinct.py): np.unique's
answer exactly, in order (so normalize's sets are built as before), whatever the code points: ASCII, CJK, astral,
lone surrogates, every code point once in reverse."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.kernels.distinct import _BIT_AT, distinct_codes
from moderation.text.chars import _LONG_SET, _charset


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)  # read-only, as _charset passes it


@settings(deadline=None, max_examples=200)  # the first example loads the kernel
@given(st.lists(st.one_of(st.integers(0, 127), st.integers(0x3040, 0x9FFF), st.integers(0xD800, 0xDFFF),
                          st.integers(0x1F000, 0x1FAFF), st.integers(0, 0x10FFFF)), max_size=3000))
def test_the_distinct_code_points_are_np_uniques(points):
    codes = _codes("".join(map(chr, points)))
    assert distinct_codes(codes, _BIT_AT).tolist() == np.unique(codes).tolist()


def test_every_code_point_once_and_the_word_edges():
    every = "".join(map(chr, reversed(range(0x110000))))
    assert distinct_codes(_codes(every), _BIT_AT).tolist() == list(range(0x110000))
    edges = "".join(chr(c) for w in (0, 1, 63, 64, 4095, 4096, 0x10FFFF >> 6) for c in (w * 64, w * 64 + 63)
                    if c < 0x110000)
    assert distinct_codes(_codes(edges * 3), _BIT_AT).tolist() == sorted(set(map(ord, edges)))
    assert distinct_codes(_codes(""), _BIT_AT).size == 0


def test_a_long_texts_set_is_set_of_the_text_in_np_uniques_order():
    text = ("今日のニュース、とても考えさせられました。I think 😊 ｗｗ \ud800" * 40)[:_LONG_SET + 500]
    assert len(text) >= _LONG_SET
    got = _charset(text)
    assert got == set(text)
    assert list(got) == list(set(map(chr, np.unique(_codes(text)).tolist())))  # the same insertions, the same order
