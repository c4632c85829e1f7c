"""The guards' needle sets and start searches are read from a disk cache (moderation/needles/known.py): what is read
is what parsing the pattern works out, and another pattern is never answered from another's file."""

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
    return tmp_path


def _worked_out(rx):
    return guards.needle_sets(rx), starts.search_of(rx)


def _memo(rx):
    key = (rx.pattern, rx.flags)
    return guards.NEEDLE_SETS[key], starts.SEARCHES[key]


def test_every_kind_of_answer_is_read_back_as_worked_out(cache, monkeypatch):
    answers = [_worked_out(rx) for rx in KINDS]
    assert {type(search) for _sets, search in answers} == {type(None), tuple, list}
    known.prime(KINDS)  # worked out and stored
    assert [_memo(rx) for rx in KINDS] == answers and len(list(cache.glob("needles-*.json"))) == 1
    built = [_guard(rx) for rx in KINDS]
    monkeypatch.setattr(guards, "NEEDLE_SETS", {})
    monkeypatch.setattr(starts, "SEARCHES", {})

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


def test_another_pattern_or_flag_is_another_file_and_a_broken_file_is_worked_out(cache):
    known.prime(KINDS[1:3])
    known.prime([KINDS[1], re.compile(KINDS[2].pattern, re.ASCII)])
    files = sorted(cache.glob("needles-*.json"))
    assert len(files) == 2
    for path in files:
        path.write_bytes(path.read_bytes()[:-5])  # a disk that failed mid-file
    guards.NEEDLE_SETS.clear()
    starts.SEARCHES.clear()
    known.prime(KINDS[1:3])
    assert [_memo(rx) for rx in KINDS[1:3]] == [_worked_out(rx) for rx in KINDS[1:3]]


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
