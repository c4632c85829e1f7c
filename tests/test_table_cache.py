"""The word lists' automata are read from a disk cache keyed on their words (moderation/table_cache.py), and the
Matcher finds the words inside its words in one scan: loading the model does less, every table stays the same."""

import os
import random
import subprocess
import sys

import numpy as np
import pytest

from moderation import automaton, table_cache
from moderation.automaton import CACHED_FROM, Automaton
from moderation.features.vocabulary import _LISTS
from moderation.matcher import Matcher
from tests.support.app import ROOT


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setattr(table_cache, "folder", lambda: tmp_path)
    return tmp_path


def _words(seed: int, n: int = CACHED_FROM + 200) -> dict[str, int]:
    rng = random.Random(seed)
    words: dict[str, int] = {}
    while len(words) < n:
        words.setdefault("".join(rng.choices("abcあいう死ねキモ", k=rng.randint(1, 8))), len(words))
    return words


def test_a_large_automaton_is_built_once_then_read_from_the_cache(cache, monkeypatch):
    words = _words(1)
    built = automaton._built(list(words), None)
    first = Automaton(words)
    assert np.array_equal(first.table, built) and len(list(cache.glob("automaton-*.npy"))) == 1

    def no_build(*args):
        raise AssertionError("built again")

    monkeypatch.setattr(automaton, "_built", no_build)
    again = Automaton(words)
    assert np.array_equal(again.table, built) and again.keys == first.keys and again.values == first.values
    assert again.iter("あいう死ねキモabc") == first.iter("あいう死ねキモabc")


def test_other_words_or_outputs_are_never_answered_from_another_table(cache):
    words = _words(2)
    Automaton(words)
    changed = dict(words)
    changed[next(iter(words))] = -1  # a value alone: values are not in the table
    assert np.array_equal(Automaton(changed).table, automaton._built(list(words), None))
    renamed = {("ー" + w if k == 5 else w): k for w, k in words.items()}
    assert np.array_equal(Automaton(renamed).table, automaton._built(list(renamed), None))
    outputs = [[k, k + 1] for k in range(len(words))]
    assert np.array_equal(Automaton(words, outputs).table, automaton._built(list(words), outputs))
    assert len(list(cache.glob("automaton-*.npy"))) == 3


def test_a_small_automaton_is_not_cached(cache):
    Automaton(_words(3, CACHED_FROM - 1))
    assert not list(cache.iterdir())


def test_a_corrupt_or_unwritable_cache_only_means_building(tmp_path, monkeypatch):
    words = _words(4)
    built = automaton._built(list(words), None)
    monkeypatch.setattr(table_cache, "folder", lambda: tmp_path)
    Automaton(words)
    (stored,) = tmp_path.glob("automaton-*.npy")
    stored.write_bytes(stored.read_bytes()[:1000])  # half a file
    assert np.array_equal(Automaton(words).table, built)
    assert np.array_equal(np.load(stored), built)  # written again whole
    whole = stored.read_bytes()
    end = whole.index(b"\n")
    shape, huge = b"(%d,)" % len(built), b"(%d,)" % (len(built) * 10**9)
    claims_more = whole[:end].replace(shape, huge)[: end] + whole[end:]  # same header length: padding gives way
    for corrupt in (b"PK\x03\x04" + whole[4:],  # np.load opens a zip signature as an archive
                    claims_more,  # np.load would try to allocate what the header claims
                    whole[:-4]):  # a header claiming more than the file holds
        stored.write_bytes(corrupt)
        assert np.array_equal(Automaton(words).table, built)
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setattr(table_cache, "folder", lambda: blocker / "cache")  # cannot be made
    assert np.array_equal(Automaton(words).table, built)


@pytest.mark.slow
def test_the_word_lists_make_the_same_tables_in_every_process():
    """The needle index's and start index's words came from sets, in an order that moved with the process's hash
    seed: the cache never hit. Two seeds now give the same tables (so the same cache files)."""
    code = ("import hashlib; from moderation.features.patterns import _NEEDLES, _STARTS; "
            "from moderation.features.vocabulary import _WORDS; "
            "print([hashlib.sha256(a.table.tobytes()).hexdigest() for a in "
            "(_NEEDLES.automaton, _STARTS.automaton, _WORDS.automaton)])")
    seen = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr
        seen.add(done.stdout)
    assert len(seen) == 1, seen


def _inside_one_by_one(matcher: Matcher) -> list[set[int]]:
    """What _prepare found before: the bounded hits of each word scanned alone."""
    index = {w: k for k, w in enumerate(matcher._words)}
    return [{index[sub] for _a, _b, sub, _c in matcher._hits(w, contain=False)} for w in matcher._words]


def test_the_words_inside_each_word_are_those_a_scan_of_it_alone_finds():
    matcher = Matcher(dict(_LISTS), opaque=("state_name",))
    matcher._prepare()
    assert matcher._inside(matcher._words) == _inside_one_by_one(matcher)
    rng = random.Random(5)  # every script's boundary rule, at the edges the separator stands for
    for _ in range(20):
        words = {"".join(rng.choices("diet ばかりくずはおまえカスタムブ死ね動a1", k=rng.randint(1, 6)))
                 for _ in range(60)}
        small = Matcher({"x": tuple(sorted(words)), "y": ("ばか", "くず", "die", "カス", "ね")})
        small._prepare()
        assert small._inside(small._words) == _inside_one_by_one(small)
