"""pytest keeps the bytecode it rewrites for the plugins' modules even where PYTHONDONTWRITEBYTECODE is set
(tests/support/bytecode.py, loaded before them): each process read them from __pycache__ instead of rewriting ~260
modules again."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _rewritten(tmp_path, *options):
    """The pytest-rewritten bytecode files a collection writes under a fresh PYTHONPYCACHEPREFIX."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": str(tmp_path)}
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider", "--collect-only",
                    *options, "tests/test_shared_tail.py"], cwd=ROOT, env=env, check=True, capture_output=True,
                   timeout=600)
    return {p.name.split(".")[0] for p in tmp_path.rglob("*-pytest-*.pyc")}


@pytest.mark.slow  # two pytest start-ups in subprocesses
def test_the_plugins_rewritten_modules_are_kept(tmp_path):
    kept = _rewritten(tmp_path / "kept")
    assert {"_hypothesis_pytestplugin", "plugin", "core"} <= kept  # hypothesis's, schemathesis's plugin modules
    assert len(kept) >= 100
    # without the early plugin, what the plugins imported before conftest.py set the flag is not kept
    late = _rewritten(tmp_path / "late", "-o", "addopts=-p no:valkey")
    assert {"_hypothesis_pytestplugin", "plugin"}.isdisjoint(late) and len(kept - late) >= 50
