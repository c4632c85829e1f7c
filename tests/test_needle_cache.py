"""The guards' needle sets and start searches are read from a disk cache (moderation/needles/known.py): what is read
is what parsing the pattern works out, and another pattern is never answered from another's file."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from moderation import table_cache
from moderation.features import patterns as FP
from moderation.needles import guards, known, starts
from moderation.text import starts as text_starts

ROOT = Path(__file__).resolve().parent.parent

# one of each kind of answer the file spells: no guard (IGNORECASE), needles with their alternatives' sets, a start
# search of strings, one that may begin where the text does, one of a first character's class (\d, a range)
KINDS = [re.compile(p, f) for p, f in ((r"abc", re.IGNORECASE), (r"(?:放火|詐欺)[^。]{0,4}?(?:した|だ)|炎上", 0),
                                       (r"(?<![a-z])(?:cat|dog|bird)", 0), (r"(?:^|[\s(（])[@＠][a-z0-9]{4,20}", 0),
                                       (r"(?<![\d,])\d[\d,]{0,3}円|(?<!x)[α-γ]z", 0), (r"(?<!\d)\d+円", re.ASCII))]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty disk cache and empty memos (the process's own are left as they were)."""
    monkeypatch.setattr(table_cache, "folder", lambda: tmp_path)
    monkeypatch.setattr(guards, "NEEDLE_SETS", {})
    monkeypatch.setattr(starts, "SEARCHES", {})
    for name, empty in (("_STORES", {}), ("_USED", {}), ("_AGED", set())):
        monkeypatch.setattr(known, name, empty)
    return tmp_path


def _new_process() -> None:
    """What a new process knows: no memo, no file read (the files stay)."""
    for memo in (guards.NEEDLE_SETS, starts.SEARCHES, known._STORES, known._USED, known._AGED):
        memo.clear()


def _primed_in(module: str, patterns) -> None:
    """known.prime(patterns) called from `module`'s globals, as that module's import calls it."""
    eval("prime(patterns)", {"__name__": module, "prime": known.prime}, {"patterns": patterns})  # noqa: S307


def _digest(rx) -> str:
    return known._digest(rx.pattern, rx.flags)


def _file(cache, module: str) -> dict:
    (path,) = cache.glob(f"needles.{module}-*.json")
    return json.loads(path.read_bytes())


def _worked_out(rx):
    return guards.needle_sets(rx), starts.search_of(rx)


def _memo(rx):
    key = (rx.pattern, rx.flags)
    return guards.NEEDLE_SETS[key], starts.SEARCHES[key]


def test_every_kind_of_answer_is_read_back_as_worked_out(cache, monkeypatch):
    answers = [_worked_out(rx) for rx in KINDS]
    assert {type(search) for _sets, search in answers} == {type(None), tuple, list}
    known.prime(KINDS)  # worked out and stored
    assert [_memo(rx) for rx in KINDS] == answers and len(_file(cache, __name__)) == len(KINDS)
    built = [_guard(rx) for rx in KINDS]
    _new_process()

    def no_work(rx):
        raise AssertionError(f"worked out again: {rx.pattern}")

    monkeypatch.setattr(guards, "needle_sets", no_work)
    monkeypatch.setattr(starts, "search_of", no_work)
    known.prime(KINDS)  # read
    assert [_memo(rx) for rx in KINDS] == answers
    assert [_guard(rx) for rx in KINDS] == built


def _guard(rx):
    """What a Needles made from the memos holds (its start search as the pattern it searches with)."""
    g = guards.Needles(rx)
    return g.chars, g.strings, g.also, None if g.starts is None else g.starts.pattern, g.scan.pattern


def test_another_pattern_or_flag_is_another_entry_and_a_broken_file_is_worked_out(cache):
    known.prime(KINDS[1:3])
    known.prime([KINDS[1], re.compile(KINDS[2].pattern, re.ASCII)])
    assert len(_file(cache, __name__)) == 3
    (path,) = cache.glob("needles.*.json")
    for broken in (path.read_bytes()[:-5],  # a disk that failed mid-file
                   b'{"0123": [0, 1]}', b"[1, 2]"):  # not this module's entries
        path.write_bytes(broken)
        _new_process()
        known.prime(KINDS[1:3])
        assert [_memo(rx) for rx in KINDS[1:3]] == [_worked_out(rx) for rx in KINDS[1:3]]
        assert len(_file(cache, __name__)) == 2  # written whole again


def test_a_version_changing_one_pattern_works_out_that_one_and_versions_share_the_file(cache, monkeypatch):
    """A file per pattern list had a version that changed one of the signals' 190 patterns work out all of them again
    at its first start (~0.7-2 s); entries per pattern in the module's file, merged, leave it that one."""
    old = [re.compile(rf"(?<![a-z])(?:cat{k}|dog{k})\d+") for k in range(6)]
    new = [*old[:5], re.compile(r"(?<![a-z])(?:cat5|dog5|bird)\d+")]
    _primed_in("tests.needles_a", old)
    worked = []
    needle_sets = guards.needle_sets
    monkeypatch.setattr(guards, "needle_sets", lambda rx: worked.append(rx.pattern) or needle_sets(rx))
    for version, want in ((new, [new[5].pattern]), (old, []), (new, [])):  # versions started in turn
        _new_process()
        _primed_in("tests.needles_a", version)
        assert worked == want and [_memo(rx) for rx in version] == [_worked_out(rx) for rx in version]
        worked.clear()
    assert len(_file(cache, "tests.needles_a")) == 7


def test_an_entry_no_writer_of_its_module_used_leaves_after_ages_writes_and_other_modules_age_nothing(cache):
    kept, gone = re.compile(r"(?:kept|held)\d"), re.compile(r"(?:gone|left)\d")
    _primed_in("tests.needles_a", [kept, gone])
    for k in range(known._AGES - 1):  # other versions' starts, each making a pattern of its own with `kept`
        _new_process()
        _primed_in("tests.needles_a", [kept, re.compile(rf"(?:own|new){k}\d")])
        _primed_in("tests.needles_a", [re.compile(rf"(?:more|else){k}\d")])  # a second write: no second ageing
        _primed_in("tests.needles_b", [re.compile(rf"(?:other|module){k}\d")])  # another module's file
        ages = {digest: stored[0] for digest, stored in _file(cache, "tests.needles_a").items()}
        assert ages[_digest(gone)] == k + 1 and ages[_digest(kept)] == 0
    _new_process()
    _primed_in("tests.needles_a", [kept, re.compile(r"(?:last|one)\d")])
    entries = _file(cache, "tests.needles_a")
    assert _digest(gone) not in entries and _digest(kept) in entries
    assert len(entries) == 2 * (known._AGES - 1) + 1 + 1  # the last writes' own, young enough, and `kept`


@pytest.mark.slow
def test_every_guard_of_the_signals_has_the_answers_parsing_gives():
    """All ~200 patterns parsed again (~0.7 s): each memo, read from the disk cache in a warm run, as worked out."""
    assert FP._NEEDLES and text_starts._OBFUSCATION_INDEX
    assert len(guards.NEEDLE_SETS) > 150 and len(starts.SEARCHES) > 150
    for (pattern, flags), sets in list(guards.NEEDLE_SETS.items()):  # (and any other test's patterns: the same)
        assert sets == guards.needle_sets(re.compile(pattern, flags)), pattern
    for (pattern, flags), search in list(starts.SEARCHES.items()):  # (scan_of alone asks for a search only)
        assert search == starts.search_of(re.compile(pattern, flags)), pattern


_WARM_START = """
import re
from moderation.needles import guards, starts

def worked_out(rx):
    raise SystemExit(f"worked out at the start: {rx.pattern[:60]}")

guards.needle_sets = starts.search_of = worked_out  # what a guard not primed from the disk cache calls
import moderation.scoring.scorer
from moderation.targets import accused, constructions, praise
joined = (constructions.HATE_EN, constructions.THREAT_JA, praise.PRAISE_EN, accused.ACCUSE_NAMED)
print([rx.pattern[:40] for rx in joined if rx._compiled is not None])
"""


@pytest.mark.slow  # two fresh interpreters importing the scoring stack: ~2 s of CPU
def test_a_warm_start_works_out_no_guard_and_compiles_no_joined_alternation():
    """Every guard the scoring stack builds as it is imported is read from the disk cache once a start has written it
    (six built alone were worked out at each start: ~0.25 s), and the alternations scanned as their parts are not
    compiled whole (HATE_EN, THREAT_JA...: ~0.35 s)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # a start just before (its files written, or marked used): what this process wrote at its own start may have been
    # pruned since by other code versions' starts in a shared folder (a -n 2 run failed so in the landing worktree)
    first = subprocess.run([sys.executable, "-c", "import moderation.scoring.scorer"], cwd=ROOT, capture_output=True,
                           text=True, timeout=300, env=env)
    assert first.returncode == 0, first.stderr[-2000:]
    run = subprocess.run([sys.executable, "-c", _WARM_START], cwd=ROOT, capture_output=True, text=True, timeout=300,
                         env=env)
    assert (run.returncode, run.stdout.strip()) == (0, "[]"), run.stderr[-2000:]
