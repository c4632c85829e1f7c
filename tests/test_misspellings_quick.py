"""misspellings' quick check (_nothing_to_read) looks the runs up in sets before any run-by-run reading: it must
say "nothing" only where the reading (_read) finds nothing, and its byte-level runs must be the regexes' matches."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.text.misspellings import (
    _PLAIN_RUN,
    _RUN_BYTES,
    _SYMBOL_CHARS,
    _SYMBOL_INSIDE,
    _nothing_to_read,
    _read,
    _symbol_inside,
)
from moderation.text.spellings import NEIGHBOURS, SPLITS, SPLITS3

_TOKENS = ["i", "you", "hate", "are", "a", "the", "so", "re", "tar", "ded", "imm", "igr", "ants", "mus", "lims", "id",
           "iot", "ki", "ll", "ihate", "muslims", "idiot", "stupid", "stupidd", "idiiot", "mulsims", "mu$lims", "b!tch",
           "1d10t", "h8", "ki11", "k1lld", "f**k", "5*", "1080", "abc1234", "youareanidiot", "gokillyourself", "ok",
           "bit", "ly", "council", "right", "€", "b€tch", "あ", "バカ", "é", "Ａ", "!", "$", "@user", "|", "+", "*"]
_SEPARATORS = ["", " ", " ", "-", ".", "_", "\n", ", ", "'", "！", "é"]
_EXAMPLES = [" ".join(pair) for pair in itertools.islice(SPLITS, 0, None, 97)] + [
    " ".join(triple) for triple in itertools.islice(SPLITS3, 0, None, 211)] + list(
    itertools.islice(NEIGHBOURS, 0, None, 131))


def _check(text: str) -> bool:
    """Whether _read finds something in `text`; fails where the quick check said it would find nothing."""
    symbols_in = not _SYMBOL_CHARS.isdisjoint(text)
    found = _read(text, symbols_in)[1]
    assert not (found and _nothing_to_read(text, None, symbols_in)), (text, found)
    assert text.encode("ascii", "replace").translate(_RUN_BYTES).decode("ascii").split() == _PLAIN_RUN.findall(text)
    assert _symbol_inside(text, None) == (_SYMBOL_INSIDE.search(text) is not None), text
    return bool(found)


@pytest.mark.slow  # 300 texts read both ways: 1.38-2.66 s of the fast suite (load 5); make test runs it
@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_TOKENS + _EXAMPLES), st.sampled_from(_SEPARATORS)), min_size=1,
                max_size=14))
def test_the_quick_check_never_hides_a_reading(pieces):
    _check("".join(token + sep for token, sep in pieces))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1$!€ *é.\n", max_size=40))
def test_the_byte_runs_are_the_regexes_matches(text):
    _check(text)


def test_each_reading_the_quick_check_looks_for_is_found():
    read = ["those mu$lims", "you b€tch!", "1d10t", "i h8 you", "i hate mus lims", "re tar ded people", "idiiot",
            "honestly ihateimmigrants", "youareanidiot"]
    assert all(_check(t) for t in read)  # each is read: the property above is not vacuous
    assert all(not _nothing_to_read(t, None, not _SYMBOL_CHARS.isdisjoint(t)) for t in read)
    assert _nothing_to_read("re tar re tar, ok: the council got it right. 1080 and !!", None, True)


def test_the_runs_remembered_as_reading_nothing_stay_bounded_and_hide_none(monkeypatch):
    """_nothing_to_read remembers the runs that alone read as nothing (misspellings._QUIET), so a comment's runs seen
    before cost one look-up for all: a text of new runs past its bound (here 1,000) starts it afresh, and a run that
    reads as a harm word (words run together, a neighbour, digits for letters, a short run split) is read however
    often it is asked about, before and after; a run that joins with the next is still read."""
    from moderation.text import misspellings

    monkeypatch.setattr(misspellings, "_QUIET_MAX", 1000)
    monkeypatch.setattr(misspellings, "_QUIET", set())
    loud = ["youareanidiot", "idiiot", "1d10t", "h8", "ipigs"]
    for start in range(0, 4000, 400):
        runs = " ".join(f"zq{k}x" for k in range(start, start + 400))  # none of them a word, near miss or split
        for word in loud:
            assert _nothing_to_read(f"{runs} {word}", None, False) is False, word
        assert _nothing_to_read(runs, None, False)
        assert 400 <= len(misspellings._QUIET) <= 1000
        assert _nothing_to_read(f"{runs} mus lims", None, False) is False  # each run quiet, the two join
    assert {"zq3999x", "mus", "lims"} <= misspellings._QUIET and misspellings._QUIET.isdisjoint(loud)
    assert _nothing_to_read("zq3999x " + "z" * 65, None, False) and "z" * 65 not in misspellings._QUIET  # too long
