"""Compiled regexes are read from a disk cache (moderation/pattern_cache.py) instead of compiled again by every
process: each one read equals re.compile's (source, flags and code), a module's file holds what it made, and a loaded
scorer's patterns are read, not compiled."""

import ast
import contextlib
import fcntl
import json
import os
import re
import subprocess
import sys

import numpy as np
import pytest

from moderation import pattern_cache, table_cache
from moderation.needles import guards
from moderation.needles.guards import compile_scans
from moderation.needles.starts import scan_of, scan_source
from tests.support.app import ROOT

SOURCES = [
    (r"(?<![a-z])(?:spam|eggs)+(?![a-z])", 0),
    (r"(?P<name>[A-Z][a-z]+) (?P=name)|(?P<other>\d{2,})", 0),  # named groups, a back-reference
    (r"(?i)line(?:id)?\s*[:：]\s*\w+", 0),  # inline global flags
    (r"^お前は.{0,20}(?:バカ|アホ)$", re.MULTILINE | re.DOTALL),
    (r"[a-z]+\d{1,1000}", re.ASCII),
]
MODULE = "tests.pattern_cache_module"  # the module whose patterns these are (compiled() reads its caller's name)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache folder, and pattern_cache's per-process state as a new process has it."""
    monkeypatch.setattr(table_cache, "folder", lambda: tmp_path)
    for name in ("_MADE", "_STORES", "_USED"):
        monkeypatch.setattr(pattern_cache, name, {})
    return tmp_path


def _made(sources) -> list[re.Pattern[str]]:
    """pattern_cache.compiled of each, called from MODULE's globals as a module's import calls it."""
    scope = {"__name__": MODULE, "compiled": pattern_cache.compiled}
    return eval("[compiled(source, flags) for source, flags in sources]", scope, {"sources": sources})  # noqa: S307


def _new_process() -> None:
    """What a new process knows: nothing made, nothing read (the files stay)."""
    pattern_cache._MADE.clear()
    pattern_cache._STORES.clear()
    pattern_cache._USED.clear()


@contextlib.contextmanager
def _refused():
    """re compiling any pattern (its memo emptied: none answered from it) fails the test, within the block."""
    def refuse(source, flags=0):
        raise AssertionError(f"re compiled {str(source)[:80]!r}")

    re.purge()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(re._compiler, "compile", refuse)
        yield


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> bool:
    return a == b and (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)


def test_what_is_read_equals_re_compile_and_is_not_compiled_again(cache):
    first = _made(SOURCES)
    expected = [re.compile(source, flags) for source, flags in SOURCES]
    assert all(_same(a, b) for a, b in zip(first, expected, strict=True))
    assert pattern_cache.save() == 1 and len(list(cache.glob(f"patterns.{MODULE}-*.npy"))) == 1
    assert pattern_cache.save() == 0  # nothing new
    _new_process()
    with _refused():
        again = _made(SOURCES)
    assert all(_same(a, b) for a, b in zip(again, expected, strict=True))
    m = again[1].search("Tokyo Tokyo")
    assert m.group("name") == "Tokyo" and m.span() == (0, 11) and again[2].search("LINE: abc") is not None
    assert again[4].fullmatch("abc" + "1" * 1000) is not None and again[4].fullmatch("abc" + "1" * 1001) is None


def _other_version(sources, k):
    """The sources as another code version has them: its first pattern changed, the others shared."""
    return [(sources[0][0].replace("spam", f"spam{k}"), 0), *sources[1:]]


def test_two_versions_starting_in_turn_each_read_every_pattern_back(cache):
    """Two code versions sharing a folder (worktrees, a switched branch, two deployments on one volume): once each has
    saved, neither compiles again (a file of one process's patterns had each start of the other compile its own)."""
    versions = [SOURCES, _other_version(SOURCES, 1), [(SOURCES[2][0], re.IGNORECASE), (r"only(?:B)+", 0)]]
    for sources in versions:
        _new_process()
        _made(sources)
        assert pattern_cache.save() == 1
    for _turn in range(3):
        for sources in versions:
            _new_process()
            with _refused():
                made = _made(sources)
            assert all(_same(a, re.compile(*s)) for a, s in zip(made, sources, strict=True))
            assert pattern_cache.save() == 0  # nothing compiled: the file is not written
    assert len(list(cache.glob(f"patterns.{MODULE}-*.npy"))) == 1


def test_a_changed_patterns_old_code_leaves_after_a_few_versions(cache):
    """An entry no saver made leaves after _AGES saves of its module's file: the file holds the last few versions'
    patterns, never every pattern it ever held."""
    _made(SOURCES)
    pattern_cache.save()
    firsts = [pattern_cache._digest(*SOURCES[0])]  # each version's own pattern (version 0: SOURCES)
    shared = {pattern_cache._digest(*s) for s in SOURCES[1:]}
    for k in range(1, pattern_cache._AGES + 2):
        _new_process()
        _made(_other_version(SOURCES, k))
        firsts.append(pattern_cache._digest(*_other_version(SOURCES, k)[0]))
        assert pattern_cache.save() == 1
        kept = {firsts[j] for j in range(k + 1) if k - j < pattern_cache._AGES}  # made within the last _AGES saves
        assert set(pattern_cache._read(MODULE)) == kept | shared
    assert firsts[1] not in kept and firsts[2] in kept  # the loop went past an entry's _AGES
    _new_process()
    with _refused():
        _made(_other_version(SOURCES, pattern_cache._AGES + 1))  # the last version's, all read


@pytest.mark.slow  # two fresh interpreters importing numpy and numba (~1 s of CPU)
def test_two_processes_saving_at_once_lose_nothing(tmp_path, monkeypatch):
    """Two processes save into the same modules' files at the same moment, round after round: after each round, every
    pattern either made is in its module's file (a read, merge and rename each, unordered, drops one writer's)."""
    env = {**os.environ, "NUMBA_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    savers = [subprocess.Popen([sys.executable, "-m", "tests.support.pattern_saves", tag, "12"], cwd=ROOT, env=env,
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) for tag in ("a", "b")]
    monkeypatch.setattr(table_cache, "folder", lambda: tmp_path)
    try:
        for _round in range(6):
            for saver in savers:
                saver.stdin.write("\n")
            for saver in savers:
                saver.stdin.flush()  # both go as near at once as two writes to two pipes
            made = []
            for saver in savers:
                done = json.loads(saver.stdout.readline())
                assert done["written"] == 12
                made += done["made"]
            held = set().union(*(pattern_cache._read(f"tests.saves.m{m}") for m in range(12)))
            assert {pattern_cache._digest(source, flags) for source, flags in made} <= held
    finally:
        for saver in savers:
            saver.stdin.close()
            saver.wait(timeout=60)


def test_a_save_waiting_on_a_stopped_writer_gives_up_and_writes_nothing(cache, monkeypatch):
    """A writer holding the folder's turn and never letting go (stopped, not dead: flock lets a dead one's go) costs a
    start _LOCK_WAIT and the save, never a hang; the next save writes."""
    monkeypatch.setattr(table_cache, "_LOCK_WAIT", 0.2)
    _made(SOURCES)
    holder = os.open(cache / table_cache._LOCK, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)
        assert pattern_cache.save() == 0 and not list(cache.glob("patterns.*"))
    finally:
        os.close(holder)
    _new_process()
    _made(SOURCES)
    assert pattern_cache.save() == 1


def test_a_foreign_file_under_a_modules_name_is_compiled_by_re_and_written_again(cache):
    """What another program (or another format) left under a module's file name is never read as code: re compiles
    each pattern, and the save writes the file whole again."""
    _made(SOURCES)
    pattern_cache.save()
    (path,) = cache.glob(f"patterns.{MODULE}-*.npy")
    expected = [re.compile(*s) for s in SOURCES]
    for foreign in (lambda: np.save(path, np.arange(64, dtype=np.float64)),
                    lambda: np.save(path, np.zeros((4, 8), dtype=np.int32)),
                    lambda: path.write_bytes(b'[["abc",null,null]]'),
                    lambda: np.save(path, np.arange(10**4, dtype=np.int32))):
        foreign()
        _new_process()
        assert all(_same(a, b) for a, b in zip(_made(SOURCES), expected, strict=True))
        assert pattern_cache.save() == 1
        _new_process()
        with _refused():
            made = _made(SOURCES)
        assert all(_same(a, b) for a, b in zip(made, expected, strict=True))


def test_a_folder_that_cannot_be_written_costs_no_more_than_re(cache, monkeypatch):
    monkeypatch.setattr(table_cache, "writable", lambda: False)
    made = _made(SOURCES)
    monkeypatch.setattr(pattern_cache, "_entry", lambda *a: pytest.fail("worked out an entry it cannot write"))
    assert pattern_cache.save() == 0 and list(cache.iterdir()) == []
    assert all(_same(a, re.compile(*s)) for a, s in zip(made, SOURCES, strict=True))


def test_a_damaged_file_is_compiled_by_re(cache):
    _made(SOURCES)
    pattern_cache.save()
    (path,) = cache.glob(f"patterns.{MODULE}-*.npy")
    table = table_cache._read(path)
    too_long = table.copy()
    too_long[8] = 1 << 30  # the first entry's code length (digest 4, age, flags, groups, no group name)
    for damaged in (table[:-7], too_long):
        np.save(path, damaged)
        _new_process()
        assert all(_same(a, re.compile(*s)) for a, s in zip(_made(SOURCES), SOURCES, strict=True))
    table = table.copy()
    table[9:13] = [99999, 1, 2, 3]  # the first entry's code: what _sre refuses (it checks the code it is given)
    np.save(path, table)
    _new_process()
    assert all(_same(a, re.compile(*s)) for a, s in zip(_made(SOURCES), SOURCES, strict=True))


@pytest.mark.slow  # re compiles each scan to compare (~1.4 s)
def test_a_loaded_scorers_scans_are_re_compiles_of_their_sources(shipped_scorer):
    """Every guard's scan is what scan_of compiles (the same code: the same matches), read from the cache."""
    made = [guard for guard in guards._MADE if guard._scan is not None]
    assert len(made) > 200
    wrapped = 0
    for guard in made:
        source = scan_source(guard.pattern)
        if source is None:
            assert guard.scan is guard.pattern
        else:
            wrapped += 1
            assert _same(guard.scan, scan_of(guard.pattern))
    assert wrapped > 100


@pytest.mark.slow  # every scan compiled once into an empty cache (~2.6 s)
def test_a_second_warm_up_compiles_no_scan(cache, shipped_scorer):
    """What would grow the load back fails here: once saved, the scorer's scans are read, none compiled by re."""
    kept = {guard: guard._scan for guard in guards._MADE if guard._scan is not None}
    try:
        for guard in kept:
            guard._scan = None
        assert compile_scans() == len(kept) and pattern_cache.save() == 1
        for guard in kept:
            guard._scan = None
        _new_process()
        with _refused():
            assert compile_scans() == len(kept)
        assert all(_same(guard.scan, kept[guard]) for guard in kept)
    finally:
        for guard, scan in kept.items():
            guard._scan = scan


def test_a_second_process_reads_every_pattern_the_scoring_stack_made(shipped_scorer, monkeypatch, tmp_path):
    """Each scoring module's patterns, made at import, and the guards' scans, made at the warm-up: once saved, a process
    knowing nothing yet reads every one of them from its module's file, re compiles none (the load stays as cut)."""
    # Saved into a folder of this test's own: in the shared one the other xdist worker's save() rewrites a module's file
    # with what it made, which lacks the guards' scans of this worker's own test patterns (failed so once, 8fa022b)
    monkeypatch.setattr(table_cache, "folder", lambda: tmp_path)
    for made in pattern_cache._MADE.values():
        made[1] = None  # every module written again, into tmp_path
    pattern_cache.save()  # what this process made since its model loaded (a warm-up saves)
    made = {module: list(keys) for module, keys in pattern_cache._USED.items() if module.startswith("moderation.")}
    assert sum(map(len, made.values())) > 500 and len(made) > 30
    for name in ("_MADE", "_STORES", "_USED"):
        monkeypatch.setattr(pattern_cache, name, {})
    with _refused():
        for module, keys in made.items():
            scope = {"__name__": module, "compiled": pattern_cache.compiled}
            eval("[compiled(source, flags) for source, flags in keys]", scope, {"keys": keys})  # noqa: S307


SCORING = ("features", "targets", "text")  # the packages whose modules' patterns a model load makes


def test_the_scoring_modules_make_their_patterns_through_the_cache():
    """A pattern made at import with re.compile in a scoring module is compiled again by every process (~5 ms for 10 KB
    of source): the load grows back. pattern_cache.compiled takes the same arguments."""
    found = []
    for path in sorted(p for package in SCORING for p in (ROOT / "moderation" / package).rglob("*.py")):
        def visit(node, in_def, path=path):
            for child in ast.iter_child_nodes(node):
                inside = in_def or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
                if (not inside and isinstance(child, ast.Attribute) and child.attr == "compile"
                        and isinstance(child.value, ast.Name) and child.value.id == "re"):
                    found.append(f"{path.relative_to(ROOT)}:{child.lineno}")
                visit(child, inside)
        visit(ast.parse(path.read_text(encoding="utf-8")), False)
    assert found == []


def test_a_pattern_made_twice_is_one_object(cache):
    a, b = _made(SOURCES[:1] * 2)
    assert a is b
