"""Compiled regexes are read from a disk cache (moderation/pattern_cache.py) instead of compiled again by every
process: each one read equals re.compile's (source, flags and code), a module's file holds what it made, and a loaded
scorer's patterns are read, not compiled."""

import ast
import contextlib
import re

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


def test_a_changed_pattern_is_compiled_and_its_old_code_leaves_the_file(cache):
    _made(SOURCES)
    pattern_cache.save()
    _new_process()
    changed = [(SOURCES[0][0].replace("spam", "ham"), 0), (SOURCES[1][0], re.IGNORECASE), *SOURCES[2:]]
    expected = [re.compile(*s) for s in changed]
    assert all(_same(a, b) for a, b in zip(_made(changed), expected, strict=True))
    assert pattern_cache.save() == 1 and len(list(cache.glob(f"patterns.{MODULE}-*.npy"))) == 1
    assert set(pattern_cache._read(MODULE)) == {pattern_cache._digest(*s) for s in changed}
    _new_process()
    with _refused():
        assert all(_same(a, b) for a, b in zip(_made(changed), expected, strict=True))


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
    too_long[7] = 1 << 30  # the first entry's code length (digest 4, flags, groups, no group name)
    for damaged in (table[:-7], too_long):
        np.save(path, damaged)
        _new_process()
        assert all(_same(a, re.compile(*s)) for a, s in zip(_made(SOURCES), SOURCES, strict=True))
    table = table.copy()
    table[8:12] = [99999, 1, 2, 3]  # the first entry's code: what _sre refuses (it checks the code it is given)
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
