"""Releases and kinds sharing one cache folder (moderation/table_cache.py): the sweep at a start's end removes every
file of ours no process has used for STALE, whatever its kind, and nothing else; an older release started beside a
newer keeps its warm start; three versions' word-list automata all stay warm."""

import json
import os
import subprocess
import sys
import time

import numpy as np
import pytest

from moderation import table_cache
from tests.support.app import ROOT

DAY = 86400


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setattr(table_cache, "folder", lambda: tmp_path)
    return tmp_path


def _aged(path, days: float) -> None:
    """Mark `path` last used `days` ago."""
    when = time.time() - days * DAY
    os.utime(path, (when, when))


def _json(kind: str, key: bytes, value) -> None:
    """A JSON file of `kind` as its writer leaves it (session 57's `scans` were written by the same functions)."""
    assert table_cache.update_json(kind, key, lambda _old: value, table_cache.KEEP)


def _table(n: int) -> np.ndarray:
    return np.arange(n, n + 500, dtype=np.int32)


def test_the_sweep_removes_what_no_process_used_for_stale_of_any_kind_and_nothing_else(cache):
    """A dead kind's files (session 57's `scans`, the guards' scans before they moved to needles.starts) and a version
    no longer started leave; a kind this code does not write that an older release still reads stays, as do a file
    read at this start and every file whose name is not ours."""
    stale = table_cache.STALE / DAY + 1
    _json("scans", b"a dead kind", [["(?:a|b)", 0]])
    table_cache.update("patterns.moderation.needles.guards", b"a dead module", lambda _table: _table_of(7))
    _json("scans", b"an older release's, still started", [["c", 0]])
    table_cache.stored("automaton", b"a version no longer started", lambda: _table(1))
    table_cache.stored("automaton", b"this start's, read below", lambda: _table(2))
    _json("needles.moderation.targets.denied", b"another version's, started last week", {})
    names = {path.name: path for path in cache.iterdir()}
    dead = {name for name in names if table_cache._path("scans", b"a dead kind", ".json").name == name
            or name.startswith(("patterns.moderation.needles.guards-", "automaton-"))}
    for path in names.values():
        _aged(path, stale if path.name in dead else 7)
    kept_by_age = set(names) - dead
    this_start = table_cache._path("automaton", b"this start's, read below", ".npy")
    dead.discard(this_start.name)
    others = {"automaton._scan_packed-61.py311.nbi": b"numba", "automaton._scan_packed-61.py311.1.nbc": b"numba",
              "automaton.cpython-311.pyc": b"python", table_cache._LOCK: b"", "notes.txt": b"",
              f"automaton-{'0' * 39}.npy": b"", f"automaton-{'0' * 40}.npz": b"", f"automaton-{'0' * 40}": b""}
    for name, content in others.items():
        (cache / name).write_bytes(content)
        _aged(cache / name, stale)
    (cache / "kernels_0123abcd").mkdir()
    _aged(cache / "kernels_0123abcd", stale)
    abandoned, writing = cache / f".scans-{'1' * 40}-abc.tmp", cache / f".needles-{'2' * 40}-def.tmp"
    abandoned.write_bytes(b"[")
    writing.write_bytes(b"[")
    _aged(abandoned, 2 / 24)  # a writer killed two hours ago
    assert np.array_equal(table_cache.stored("automaton", b"this start's, read below", pytest.fail), _table(2))
    assert table_cache.sweep() == len(dead) + 1
    left = {path.name for path in cache.iterdir()}
    assert left == kept_by_age | {this_start.name} | set(others) | {"kernels_0123abcd", writing.name}
    assert dead and not dead & left and abandoned.name not in left


def _table_of(n: int) -> np.ndarray:
    return np.full(n, n, dtype=np.int32)


def test_a_process_sweeps_a_folder_once_and_not_at_all_when_it_cannot_write(cache, monkeypatch):
    _json("scans", b"dead", [1])
    first = table_cache._path("scans", b"dead", ".json")
    _aged(first, table_cache.STALE / DAY + 1)
    assert table_cache.sweep() == 1 and not first.exists()
    _json("scans", b"dead again", [1])
    again = table_cache._path("scans", b"dead again", ".json")
    _aged(again, table_cache.STALE / DAY + 1)
    assert table_cache.sweep() == 0 and again.exists()  # one listing a process: its start is what ages files
    other = cache / "another folder"
    other.mkdir()
    monkeypatch.setattr(table_cache, "folder", lambda: other)
    (other / again.name).write_bytes(again.read_bytes())
    _aged(other / again.name, table_cache.STALE / DAY + 1)
    monkeypatch.setattr(table_cache, "writable", lambda: False)  # another user's folder (a read-only deployment)
    assert table_cache.sweep() == 0 and (other / again.name).exists()


def _start(folder, release: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NUMBA_CACHE_DIR": str(folder)}
    run = subprocess.run([sys.executable, "-m", "tests.support.cache_starts", release], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout)


def _days_pass(folder, days: float) -> None:
    """Every file of the folder last used `days` earlier than it was: that many days without a start."""
    for path in folder.iterdir():
        st = path.stat()
        os.utime(path, (st.st_atime - days * DAY, st.st_mtime - days * DAY))


@pytest.mark.slow  # nine Python processes, one after another (~0.5 s of CPU each)
def test_an_older_release_started_beside_a_newer_keeps_its_warm_start_and_its_files_leave_once_it_stops(tmp_path):
    """Two releases take turns on one folder, ten days apart: the newer never writes the older's `scans` kind, yet
    the older builds nothing after its first start (pruning kinds no current code writes would take its files at each
    newer start); once it stops starting, its files leave at the newer's first start STALE after its last."""
    from tests.support.cache_starts import RELEASES

    assert table_cache.STALE < 20 * DAY
    assert sorted(_start(tmp_path, "old")) == sorted(name for _kind, name in RELEASES["old"])
    assert sorted(_start(tmp_path, "new")) == sorted(name for _kind, name in RELEASES["new"])
    for release in ("old", "new", "old", "new"):
        _days_pass(tmp_path, 10)
        assert _start(tmp_path, release) == [], release
    old = {table_cache._path("scans", b"scans of the old guards", ".json").name} | {
        table_cache._path("automaton", f"old word list {k}".encode(), ".npy").name for k in range(4)}
    new = {path.name for path in tmp_path.iterdir() if path.name != table_cache._LOCK} - old
    assert len(new) == 5 and old <= {path.name for path in tmp_path.iterdir()}  # 10 days since the older's start
    _days_pass(tmp_path, 10)
    assert _start(tmp_path, "new") == []
    assert {path.name for path in tmp_path.iterdir()} - {table_cache._LOCK} == new  # 20: the older's have left


def test_three_versions_of_the_four_word_list_automata_all_stay_warm(cache):
    """KEEP was 8, two versions of the four tables: a third version started in the same folder evicted the first's,
    and each start of the three built ~0.4 s of automata again."""
    def start(version: int) -> list[int]:
        built = []
        for k in range(4):
            def build(k=k):
                built.append(k)
                return _table(100 * version + k)
            assert np.array_equal(table_cache.stored("automaton", b"version %d table %d" % (version, k), build),
                                  _table(100 * version + k))
        return built

    assert [start(v) for v in (1, 2, 3)] == [[0, 1, 2, 3]] * 3
    assert [start(v) for v in (1, 2, 3, 1, 2, 3)] == [[]] * 6
    for version in range(4, 9):  # eight versions in all fit
        start(version)
    assert [start(v) for v in range(1, 9)] == [[]] * 8


_COUNTED = """
import sys
from moderation import table_cache
used = set()
stored = table_cache.stored
def counted(kind, key, build):
    used.add((kind, key))
    return stored(kind, key, build)
table_cache.stored = counted  # before moderation.automaton imports it
from moderation.scoring.scorer import load_scorer
load_scorer(sys.argv[1] + "/" + sys.argv[2], sys.argv[3])
print(sorted({kind for kind, _key in used}), len(used))
"""


@pytest.mark.slow  # a fresh interpreter loading a scorer: ~3 s of CPU
def test_every_version_of_the_tables_a_scorer_loads_fits_in_keep(tiny_model):
    """The tables KEEP is counted in (four automata a version) are those a loaded scorer reads: a fifth word-list
    automaton would make KEEP hold fewer versions than it says."""
    root, version, sha256 = tiny_model
    run = subprocess.run([sys.executable, "-c", _COUNTED, str(root), version, sha256], cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    kinds, tables = run.stdout.split("] ")
    assert kinds == "['automaton'" and int(tables) * table_cache.VERSIONS <= table_cache.KEEP, run.stdout
