"""bench/versions.py (bench.readers ab): which modules two versions of the package load each of their own, and both
loaded in one process, each side's code running under its own modules."""

import shutil
import subprocess
import sys
import textwrap

import pytest

from bench.versions import compiles, loaded_twice
from tests.support.side_log import SideLog

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


def _package(top, files):
    for name, text in files.items():
        path = top / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_a_changed_module_and_every_module_importing_it_at_import_are_loaded_twice(tmp_path):
    files = {"moderation/__init__.py": "", "moderation/leaf.py": "X = 1\n",
             "moderation/mid.py": "from moderation.leaf import X\n",
             "moderation/top/__init__.py": "", "moderation/top/user.py": "from ..mid import X\n",
             "moderation/late.py": "def f():\n    from moderation import mid\n",
             "moderation/other.py": "import numpy\n", "moderation/data/__init__.py": "",
             "moderation/data/reader.py": "", "moderation/data/words.txt": "a\n"}
    _package(tmp_path / "a", files)
    _package(tmp_path / "b", {**files, "moderation/leaf.py": "X = 2\n"})
    # late imports mid only when called: from sys.modules, which Versions.use switches
    assert loaded_twice(tmp_path / "a" / "moderation", tmp_path / "b" / "moderation") == {
        "moderation.leaf", "moderation.mid", "moderation.top.user"}
    _package(tmp_path / "c", {**files, "moderation/data/words.txt": "b\n", "moderation/new.py": ""})
    assert loaded_twice(tmp_path / "a" / "moderation", tmp_path / "c" / "moderation") == {
        "moderation.data", "moderation.data.reader", "moderation.new"}
    assert loaded_twice(tmp_path / "a" / "moderation", tmp_path / "a" / "moderation") == set()


def test_a_module_compiles_kernels_when_it_binds_numba_or_a_compiler_at_import():
    sources = {"from moderation.kernel_cache import njit\n": True, "from numba import njit, types\n": True,
               "from numba.extending import intrinsic\n": True, "import numba.typed\n": True,
               "from ..kernel_cache import njit as compile_\n": True,
               '"""numba, njit"""\nfrom numba.core import config  # njit\n': False,
               "def f():\n    from numba import njit\n": False, "import numpy as np\n": False}
    assert {source: compiles(source.encode()) for source in sources} == sources


def test_a_kernel_module_is_never_loaded_twice(tmp_path, monkeypatch):
    """Session 54: two versions' cached kernels in one process can share numba's symbol names, so one side's kernel
    ran the other's callee (SIGSEGV against e801b74). Versions refuses, naming the module, before it loads either
    side's modules (0.01 s); a module that compiles nothing is still loaded twice."""
    import bench.versions

    kernel, plain = "moderation/kernels/evidence.py", "moderation/targets/located.py"
    for rel in (kernel, plain):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text((ROOT / rel).read_text() + "\n# A's\n")
    (tmp_path / "moderation" / "__init__.py").write_text("")
    twice = {"moderation.kernels.evidence", "moderation.targets.located"}
    monkeypatch.setattr(bench.versions, "loaded_twice", lambda a, b: twice)
    with pytest.raises(bench.versions.KernelsTwice) as refused:
        bench.versions.Versions(ROOT, str(tmp_path))
    assert refused.value.names == ["moderation.kernels.evidence"]
    assert "make bench-instructions AGAINST=" in str(refused.value)
    assert bench.versions.kernels_twice(tmp_path / "moderation", ROOT / "moderation", {"moderation.targets.located"}) \
        == []


@pytest.mark.slow
def test_two_versions_in_one_process(tmp_path):
    """An edited copy of this checkout's package as A: the edited module and its importers are A's own under
    use("A") (an import made then finds A's), the rest is shared, and each side's scorer answers as the other."""
    shutil.copytree(ROOT / "moderation", tmp_path / "moderation", ignore=shutil.ignore_patterns("__pycache__"))
    located = tmp_path / "moderation" / "targets" / "located.py"
    located.write_text(located.read_text() + "\nSIDE = 'A'\n")
    script = textwrap.dedent(f"""
        import importlib, sys
        from pathlib import Path
        from bench.versions import Versions
        v = Versions(Path({str(ROOT)!r}), {str(tmp_path)!r})
        assert {{"moderation.targets.located", "moderation.features.patterns", "moderation.scoring.scorer"}} <= v.twice
        assert "moderation.kernels.counts" not in v.twice and "moderation.text.normalize" not in v.twice
        seen = {{}}
        for side in "AB":
            with v.use(side):
                located = importlib.import_module("moderation.targets.located")
                seen[side] = (getattr(located, "SIDE", "B"), sys.modules["moderation.features.patterns"],
                              importlib.import_module("moderation.text.normalize"), v.scorer(side))
        assert seen["A"][0] == "A" and seen["B"][0] == "B"
        assert seen["A"][1] is not seen["B"][1] and seen["A"][2] is seen["B"][2]
        assert type(seen["A"][3]) is not type(seen["B"][3])
        for text in ("お前の家まで行ってやる", "I know where you live", "今日は良い天気"):
            with v.use("A"):
                a = seen["A"][3].score(text, explain_all=True)
                a = (a.scores, a.explanation)
            with v.use("B"):
                b = seen["B"][3].score(text, explain_all=True)
                b = (b.scores, b.explanation)
            assert a == b, text
        print("ok")
    """)
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-3000:]


def test_ab_calls_once_after_each_switch_before_timing(monkeypatch):
    """The first score after a switch of side rebuilt codepass's one-entry memo of the other side's automata (25-170
    ms natively, session 53): bench.readers ab makes it before its timed calls, in every round."""
    from bench import reader_ab

    log = SideLog()
    monkeypatch.setattr(reader_ab, "_timed", lambda fn, items, cold: log.events.append(("timed",)) or [1] * len(items))
    reader_ab.ab(log.Versions(None, None), ["a", "b"], 1, "score", False)
    assert [[e[0] for e in since] for since in log.before_each("timed")] == [["score"]] * 6


def test_ab_explained_times_each_scores_explanation_with_it(monkeypatch):
    """score() leaves the explanation to its first read (session 54): --stage explained reads it in every timed call,
    after its score; --stage score never does."""
    from bench import reader_ab

    def timed(fn, items, cold):
        log.events.append(("timed",))
        for item in items:
            fn(item)
        return [1] * len(items)

    for stage, each in (("explained", ["score", "explain"]), ("score", ["score"])):
        log = SideLog()
        monkeypatch.setattr(reader_ab, "_timed", timed)
        reader_ab.ab(log.Versions(None, None), ["a", "b"], 1, stage, False)
        first = log.events.index(("timed",))
        assert [e[0] for e in log.events[first + 1:first + 1 + 2 * len(each)]] == each * 2, stage
