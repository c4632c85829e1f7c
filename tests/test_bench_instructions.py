"""bench.instructions: callgrind's dumps read by the name each mark made them at, and the report's arithmetic."""

from __future__ import annotations

import gc
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


def test_the_kernels_are_built_natively_for_a_generic_cpu_before_valgrind_runs(monkeypatch, tmp_path):
    """Under valgrind the CPU reports other features than the host's, so numba finds none of the host's cached kernels
    there and compiles them all under valgrind (session 50's closing run never started): both runs build for a generic
    CPU into one cache, the native one first."""
    import sys

    from bench import instructions

    calls, errors = [], []
    monkeypatch.setattr(instructions, "build_marks", lambda folder: folder / "libmarks.so")
    monkeypatch.setattr(instructions.subprocess, "run",
                        lambda command, **kw: calls.append((command, kw["env"])) or errors.append(kw.get("stderr")))
    assert instructions.main(["--quick", "--against", "abc123", "--data-dir", str(tmp_path)]) == 0
    (prepare, prepare_env), (valgrind, valgrind_env) = calls
    assert prepare[0] == sys.executable and prepare[-1] == "--prepare"
    assert prepare[prepare.index("--n") + 1] == str(instructions.QUICK) == "30"
    assert valgrind[0] == "valgrind" and valgrind[valgrind.index(sys.executable):-2] == prepare[:-1]
    assert valgrind[-2] == "--inside"
    assert not any(out for out in errors), "a failed run's traceback is shown, not discarded"
    assert prepare_env == valgrind_env
    assert prepare_env["NUMBA_CPU_NAME"] == "generic" and prepare_env["NUMBA_CACHE_DIR"] == str(instructions.COMPILED)


def _counted(monkeypatch, tmp_path, explain=False) -> SideLog:
    """bench.instructions._count over two news texts with SideLog's fakes."""
    import bench.real_comments
    import bench.versions
    from bench import instructions

    log = SideLog()
    monkeypatch.setattr(instructions.ctypes, "CDLL", lambda path: log.marks)
    monkeypatch.setattr(bench.versions, "Versions", log.Versions)
    monkeypatch.setattr(bench.real_comments, "real_comments", lambda length, n, data_dir: {"news": ["a", "b"]})
    args = instructions.argparse.Namespace(against="abc123", length=200, n=2, data_dir=tmp_path, kinds="news",
                                           explain=explain)
    instructions._count(args, tmp_path / "libmarks.so")
    return log


def test_the_collector_is_off_while_counting(monkeypatch, tmp_path):
    """Session 52: a full collection of both loaded scorers' heaps landed inside some runs of a side (its runs 60%
    apart); no text is counted with the collector on, and it is on again afterwards."""
    assert gc.isenabled()
    log = _counted(monkeypatch, tmp_path)
    assert [(side, text) for _, side, text, _on in log.counted()] == [(s, t) for s in "ABAB" for t in "ab"]
    assert not any(on for *_, on in log.counted()) and gc.isenabled()


def test_each_run_scores_once_after_its_switch_before_counting(monkeypatch, tmp_path):
    """Session 53: the first score after a switch of side rebuilt codepass's one-entry memo of the other side's
    automata (~93M instructions, 3.1M a text of 30, on both sides alike): it is made before the count is zeroed."""
    log = _counted(monkeypatch, tmp_path)
    assert [[e[0] for e in since] for since in log.before_each("zero")] == [["score"]] * 4


def test_explain_counts_each_texts_explanation_after_its_score(monkeypatch, tmp_path):
    """score() leaves the explanation to its first read (session 54): --explain reads it inside the count, a text's
    after its score; without it no explanation is worked out."""
    log = _counted(monkeypatch, tmp_path, explain=True)
    want = [(what, s, t) for s in "ABAB" for t in "ab" for what in ("score", "explain")]
    assert [e[:3] for e in log.counted("score", "explain")] == want
    assert not _counted(monkeypatch, tmp_path).counted("explain")
