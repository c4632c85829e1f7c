"""The columns every comment gets, written by named_signals in one slice: each holds its own value."""

import math

import numpy as np

from moderation.encoded import _codes
from moderation.features.patterns import _IDX
from moderation.features.signals import _EVERY, _EVERY_FROM, _EVERY_TO, code_pass, named_signals
from moderation.features.vocabulary import FEATURE_NAMES
from moderation.text.normalize import normalize


def test_the_columns_every_comment_gets_are_one_slice_in_their_order():
    assert [_IDX[name] for name in _EVERY] == list(range(_EVERY_FROM, _EVERY_TO))


def test_each_column_every_comment_gets_holds_its_own_value():
    text = "Wow!! #news #today ✨✨ 今日は123円 hahahahahahaha"
    norm = normalize(text)
    codes = _codes(norm)
    raw = np.zeros(len(FEATURE_NAMES))
    named_signals(raw, norm, codes, None, None, code_pass(codes))
    t, n = norm.text, len(norm.text)
    got = {name: raw[_IDX[name]] for name in _EVERY}
    assert got["exclaim"] == t.count("!") == 2
    assert got["hashtags"] == 2
    assert got["emoji_count"] == 2 and got["emoji_density"] == min(2 / n * 5.0, 3.0)
    assert got["length"] == math.log1p(n) / 4.0
    assert got["latin_ratio"] == sum(c.isascii() and c.isalpha() for c in t) / n
    assert got["digit_ratio"] == 3 / n
    assert got["has_japanese"] == 1.0
    assert 0.0 < got["repetition"] < 2.0
    assert got["invisible_chars"] == norm.invisible and got["spaced_letters"] == norm.spaced
