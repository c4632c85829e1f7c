"""bench.instructions: callgrind's dumps read by the name each mark made them at, and the report's arithmetic."""

from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

import pytest

from bench.instructions import build_marks, read_dumps, report
from tests.support.side_log import SideLog


def _dump(folder: Path, name: str, mark: str, summary: int, totals: int) -> None:
    (folder / name).write_text(f"version: 1\ncreator: callgrind-3.19.0\npid: 7\ncmd: python\npart: 1\n\n"
                               f"desc: I1 cache:\ndesc: Trigger: Client Request: {mark}\n\npositions: line\n"
                               f"events: Ir\nsummary: {summary}\n\nfn=(1) main\n0 {totals}\n\ntotals: {totals}\n")


def test_the_dumps_are_read_by_mark_in_order_and_reported_a_text(tmp_path):
    _dump(tmp_path, "callgrind.out.7.1", "news-A", 0, 1_000_000)  # a dump's summary may say 0: totals are read
    _dump(tmp_path, "callgrind.out.7.2", "news-B", 990_000, 990_000)
    _dump(tmp_path, "callgrind.out.7.10", "news-B", 990_100, 990_100)  # the tenth dump after the second
    _dump(tmp_path, "callgrind.out.7.3", "news-A", 1_000_200, 1_000_200)
    (tmp_path / "callgrind.out.7").write_text("desc: Trigger: Program termination\ntotals: 5\n")  # the exit's
    counts = read_dumps(tmp_path)
    assert counts == {"news-A": [1_000_000, 1_000_200], "news-B": [990_000, 990_100]}
    (line,) = report(counts, ["news", "en"], 100)  # no en dumps: no line
    assert line.startswith("news: A 10,001 instructions a text, B 9,900: B-A -100 (-1.00%)")
    assert line.endswith("runs of one side within 0.02%")


@pytest.mark.skipif(shutil.which("gcc") is None or not Path("/usr/include/valgrind/callgrind.h").exists(),
                    reason="needs gcc and valgrind's headers")
def test_the_marks_library_builds_and_its_marks_do_nothing_outside_valgrind(tmp_path):
    import ctypes

    marks = ctypes.CDLL(str(build_marks(tmp_path)))
    marks.cg_start()
    marks.cg_zero()
    marks.cg_dump(b"news-A")
    marks.cg_stop()


def test_each_version_is_counted_in_a_process_of_its_own(monkeypatch, tmp_path):
    """Session 54: two versions in one process can link one side's numba kernel to the other's cached callee, so A's
    package (the commit's, extracted) is first on the path of A's processes only and B's are this checkout's; each
    child loads one package and is told which. Under valgrind the CPU reports other features than the host's, so numba
    finds none of the host's cached kernels there (session 50's closing run never started): each side's runs build
    for a generic CPU into one cache, the native one first."""
    import sys

    import bench.versions
    from bench import instructions

    calls, errors = [], []
    monkeypatch.setattr(instructions, "build_marks", lambda folder: folder / "libmarks.so")
    monkeypatch.setattr(bench.versions, "checkout", lambda root, against: ("abc123full", tmp_path / "a"))
    monkeypatch.setattr(instructions.subprocess, "run", lambda command, **kw: calls.append(
        (command, kw["env"], Path(kw["cwd"]))) or errors.append(kw.get("stderr")))
    assert instructions.main(["--quick", "--against", "abc123", "--data-dir", str(tmp_path)]) == 0
    assert len(calls) == 4
    for (prepare, prepare_env, cwd), (valgrind, valgrind_env, cwd_v), side, folder in zip(
            calls[::2], calls[1::2], "AB", (tmp_path / "a", instructions.ROOT), strict=True):
        assert prepare[0] == sys.executable and prepare[-1] == "--prepare" and "--against" not in prepare
        assert prepare[prepare.index("--side") + 1] == side
        assert prepare[prepare.index("--package") + 1] == str(folder / "moderation")
        assert prepare[prepare.index("--n") + 1] == str(instructions.QUICK) == "30"
        assert valgrind[0] == "valgrind" and valgrind[valgrind.index(sys.executable):-2] == prepare[:-1]
        assert valgrind[-2] == "--inside"
        assert cwd == cwd_v == folder and prepare_env == valgrind_env
        assert prepare_env["PYTHONPATH"].split(os.pathsep)[0] == str(folder)
        assert prepare_env["NUMBA_CPU_NAME"] == "generic"
        assert prepare_env["NUMBA_CACHE_DIR"] == str(instructions.COMPILED)
    assert not any(out for out in errors), "a failed run's traceback is shown, not discarded"


def test_a_child_refuses_a_package_it_was_not_given(tmp_path):
    from bench import instructions

    with pytest.raises(SystemExit, match="not"):
        instructions._scorer(tmp_path / "moderation")


def _counted(monkeypatch, tmp_path, explain=False) -> SideLog:
    """bench.instructions._count of side A over two news texts with SideLog's fakes."""
    import bench.real_comments
    import bench.versions
    from bench import instructions

    log = SideLog()
    monkeypatch.setattr(instructions.ctypes, "CDLL", lambda path: log.marks)
    monkeypatch.setattr(bench.versions, "Versions", log.Versions)
    monkeypatch.setattr(bench.real_comments, "real_comments", lambda length, n, data_dir: {"news": ["a", "b"]})
    args = instructions.argparse.Namespace(length=200, n=2, data_dir=tmp_path, kinds="news", explain=explain,
                                           side="A", package=None)
    instructions._count(args, tmp_path / "libmarks.so")
    return log


def test_the_collector_is_off_while_counting(monkeypatch, tmp_path):
    """Session 52: a full collection of the loaded scorers' heaps landed inside some runs of a side (its runs 60%
    apart); no text is counted with the collector on, and it is on again afterwards."""
    assert gc.isenabled()
    log = _counted(monkeypatch, tmp_path)
    assert [text for _, _side, text, _on in log.counted()] == ["a", "b"] * 2
    assert [e[1] for e in log.events if e[0] == "dump"] == ["news-A"] * 2
    assert not any(on for *_, on in log.counted()) and gc.isenabled()


def test_each_run_scores_once_before_counting(monkeypatch, tmp_path):
    """Each run's first text is scored once before its count is zeroed (a memo warm, as in serving)."""
    log = _counted(monkeypatch, tmp_path)
    zeros = [i for i, e in enumerate(log.events) if e[0] == "zero"]
    assert len(zeros) == 2 and all(log.events[i - 1][0] == "score" and log.events[i - 1][2] == "a" for i in zeros)


def test_explain_counts_each_texts_explanation_after_its_score(monkeypatch, tmp_path):
    """score() leaves the explanation to its first read (session 54): --explain reads it inside the count, a text's
    after its score; without it no explanation is worked out."""
    log = _counted(monkeypatch, tmp_path, explain=True)
    want = [(what, t) for _ in range(2) for t in "ab" for what in ("score", "explain")]
    assert [(e[0], e[2]) for e in log.counted("score", "explain")] == want
    assert not _counted(monkeypatch, tmp_path).counted("explain")


def test_every_memo_of_a_texts_own_is_forgotten_before_each_text():
    """A worker meets each comment once, so a count warmed on its texts must not find reading()'s answers kept for
    them (session 59: its ~17 us a call was invisible to this tool); each of TEXT_MEMOS is this checkout's memo (a
    renamed one would silently be kept again), and every one is empty when a text is scored."""
    import importlib

    from bench import instructions
    from moderation.targets.owned import reading

    memos = [getattr(importlib.import_module(m), name) for m, _, name in
             (spec.partition(":") for spec in instructions.TEXT_MEMOS)]
    t = "we queers are still here"
    reading(t, 3, 9)
    assert reading.cache_info().currsize > 0
    seen = []
    score = instructions.forgetful(lambda text: seen.append((text, [m.cache_info().currsize for m in memos])))
    score("a")
    score("b")
    assert seen == [("a", [0] * len(memos)), ("b", [0] * len(memos))]
