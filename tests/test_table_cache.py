"""The word lists' automata are read from a disk cache keyed on their words (moderation/table_cache.py), and the
Matcher finds the words inside its words in one scan: loading the model does less, every table stays the same."""

import functools
import hashlib
import os
import random
import subprocess
import sys
import time

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


def _table(k: int) -> np.ndarray:
    return np.arange(k, k + 500, dtype=np.int32)


def test_a_write_keeps_the_tables_used_last_and_touches_no_other_file(cache):
    """A changed word list left its old table behind for good (~3 MB for the four per change): a write now removes
    the tables of its kind beyond the KEEP used last, and temporary files abandoned an hour ago."""
    old = time.time() - 10 * 86400
    for k in range(table_cache.KEEP + 3):
        table_cache.stored("automaton", b"key %d" % k, functools.partial(_table, k))
    by_age = sorted(cache.glob("automaton-*.npy"))
    for age, path in enumerate(by_age):
        os.utime(path, (old + age, old + age))  # written in this order, days ago
    read_again = by_age[0]  # the oldest, still in use: reading it marks it used
    key_of = {table_cache.folder() / f"automaton-{hashlib.sha256(b'key %d' % k).hexdigest()[:40]}.npy": k
              for k in range(table_cache.KEEP + 3)}
    k = key_of[read_again]
    assert np.array_equal(table_cache.stored("automaton", b"key %d" % k, lambda: pytest.fail("built")), _table(k))
    others = ["automaton-notes.txt", "matcher._bounded-201.py311.nbi", "matcher._bounded-201.py311.1.nbc",
              f"other-{'0' * 40}.npy", f"automaton-{'0' * 39}.npy", f".other-{'0' * 40}-abc.tmp"]
    for name in others:
        (cache / name).write_bytes(b"")
        os.utime(cache / name, (old, old))
    fresh_tmp, stale_tmp = cache / f".automaton-{'1' * 40}-fresh.tmp", cache / f".automaton-{'2' * 40}-stale.tmp"
    fresh_tmp.write_bytes(b"")
    stale_tmp.write_bytes(b"")
    os.utime(stale_tmp, (old, old))
    table_cache.stored("automaton", b"a new word list", functools.partial(_table, 99))
    kept = set(cache.glob("automaton-*.npy")) - {cache / name for name in others}
    assert len(kept) == table_cache.KEEP
    newest = set(by_age[-(table_cache.KEEP - 2):])
    assert kept == newest | {read_again, table_cache.folder() / (
        f"automaton-{hashlib.sha256(b'a new word list').hexdigest()[:40]}.npy")}
    assert all((cache / name).exists() for name in others) and fresh_tmp.exists() and not stale_tmp.exists()


_RACE = """
import random, sys
import numpy as np
from moderation import table_cache
rng = random.Random(int(sys.argv[1]))
for _ in range(60):
    k = rng.randrange(table_cache.KEEP + 12)
    table = table_cache.stored("automaton", b"key %d" % k, lambda: np.arange(k, k + 50_000, dtype=np.int32))
    assert np.array_equal(table, np.arange(k, k + 50_000, dtype=np.int32)), k
"""


@pytest.mark.slow  # four Python processes at once (3.4-4.0 s in the fast suite at load 5)
def test_processes_writing_reading_and_pruning_at_once_always_get_their_table(tmp_path):
    """Four processes read, write and prune KEEP + 12 tables in one folder at once: every table any of them gets is
    its own, and what stays is KEEP whole tables and no temporary file."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NUMBA_CACHE_DIR": str(tmp_path)}
    runs = [subprocess.Popen([sys.executable, "-c", _RACE, str(seed)], cwd=ROOT, env=env, stderr=subprocess.PIPE,
                             text=True) for seed in range(4)]
    for run in runs:
        assert run.wait(timeout=300) == 0, run.stderr.read()
    kept = list(tmp_path.glob("automaton-*.npy"))
    assert len(kept) == table_cache.KEEP and not list(tmp_path.glob(".*.tmp"))
    assert all(table_cache._read(path) is not None for path in kept)
