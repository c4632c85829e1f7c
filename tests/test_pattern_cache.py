"""Compiled regexes are read from a disk cache (moderation/pattern_cache.py) instead of compiled again by every
process: each one read equals re.compile's (source, flags and code), and the guards' scans are read, not compiled."""

import contextlib
import json
import re

import pytest

from moderation import pattern_cache, table_cache
from moderation.needles import guards
from moderation.needles.guards import CACHED_FROM, Needles, compile_scans
from moderation.needles.starts import scan_of, scan_source

SOURCES = [
    (r"(?<![a-z])(?:spam|eggs)+(?![a-z])", 0),
    (r"(?P<name>[A-Z][a-z]+) (?P=name)|(?P<other>\d{2,})", 0),  # named groups, a back-reference
    (r"(?i)line(?:id)?\s*[:：]\s*\w+", 0),  # inline global flags
    (r"^お前は.{0,20}(?:バカ|アホ)$", re.MULTILINE | re.DOTALL),
    (r"[a-z]+\d", re.ASCII),
    (r"(?=a)(?:unbalanced", 0),  # re refuses it
]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setattr(table_cache, "folder", lambda: tmp_path)
    return tmp_path


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
    first = pattern_cache.compiled("test", SOURCES)
    assert len(list(cache.glob("test-*.json"))) == 1
    expected = [re.compile(source, flags) for source, flags in SOURCES[:-1]]
    assert all(_same(a, b) for a, b in zip(first[:-1], expected, strict=True)) and first[-1] is None
    with _refused():
        again = pattern_cache.compiled("test", SOURCES)
    assert all(_same(a, b) for a, b in zip(again[:-1], expected, strict=True)) and again[-1] is None
    m = again[1].search("Tokyo Tokyo")
    assert m.group("name") == "Tokyo" and m.span() == (0, 11) and again[2].search("LINE: abc") is not None


def test_another_source_or_flag_is_never_answered_from_another_entry(cache):
    pattern_cache.compiled("test", SOURCES)
    changed = [(source.replace("spam", "ham"), flags) for source, flags in SOURCES]
    assert _same(pattern_cache.compiled("test", changed)[0], re.compile(changed[0][0]))
    flagged = [(source, flags | re.IGNORECASE) for source, flags in SOURCES[:-1]]
    read = pattern_cache.compiled("test", flagged)
    assert all(_same(a, re.compile(*s)) for a, s in zip(read, flagged, strict=True))
    assert len(list(cache.glob("test-*.json"))) == 3


def test_a_damaged_entry_is_compiled_by_re(cache):
    pattern_cache.compiled("test", SOURCES)
    (path,) = cache.glob("test-*.json")
    entries = json.loads(path.read_text(encoding="utf-8"))
    entries[0][3] = [99999, 1, 2, 3]  # code _sre refuses
    entries[1] = "not an entry"
    path.write_text(json.dumps(entries), encoding="utf-8")
    read = pattern_cache.compiled("test", SOURCES)
    assert _same(read[0], re.compile(*SOURCES[0])) and _same(read[1], re.compile(*SOURCES[1]))


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
    """What would grow the load back fails here: once stored, the scorer's scans are read, none compiled by re."""
    kept = {guard: guard._scan for guard in guards._MADE if guard._scan is not None}
    try:
        for guard in kept:
            guard._scan = None
        assert compile_scans() == len(kept) and list(cache.glob("scans-*.json")) != []  # compiled, then stored
        for guard in kept:
            guard._scan = None
        with _refused():
            assert compile_scans() == len(kept)
        assert all(_same(guard.scan, kept[guard]) for guard in kept)
    finally:
        for guard, scan in kept.items():
            guard._scan = scan


def test_a_few_new_guards_are_compiled_without_a_file(cache):
    """A file each for a few guards made later (a test's) would push the load's out of the cache (KEEP_JSON)."""
    compile_scans()  # any other test's guards first
    files = sorted(cache.glob("scans-*.json"))
    made = [Needles(re.compile(rf"(?<![a-z])(?:zorble{k}|quarn{k})s?(?![a-z])")) for k in range(CACHED_FROM - 1)]
    assert compile_scans() == len(made) and sorted(cache.glob("scans-*.json")) == files
    assert all(guard.scan.search(f"two quarn{k}s") is not None for k, guard in enumerate(made))
