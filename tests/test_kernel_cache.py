"""numba's on-disk cache is keyed on every file a kernel's code comes from (moderation/kernel_cache.py)."""

import importlib
import os
import re
import subprocess
import sys
import textwrap

import pytest
from numba.core.registry import CPUDispatcher

from moderation.kernel_cache import InTree, UserProvided, UserWide, sources
from tests.support.app import ROOT

KEYED = (UserProvided, InTree, UserWide)


def _run(tmp_path, code):
    """`code` in a fresh process, with tmp_path's package, the project and NUMBA_CACHE_DIR under tmp_path."""
    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}", "NUMBA_CACHE_DIR": str(tmp_path / "cache"),
           "NUMBA_DEBUG_CACHE": "1"}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.slow
def test_a_kernel_is_compiled_again_when_a_file_it_imports_changes(tmp_path):
    """outer (outer.py) calls inner and reads FACTOR (inner.py): an unchanged tree loads outer from the cache, and
    after inner.py alone changes the next process runs the new code, not the machine code kept for the old."""
    package = tmp_path / "toy"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "inner.py").write_text(textwrap.dedent("""\
        from moderation.kernel_cache import njit
        FACTOR = 1
        @njit(cache=True)
        def inner(x):
            return x * FACTOR
        """))
    (package / "outer.py").write_text(textwrap.dedent("""\
        from moderation.kernel_cache import njit
        from toy.inner import inner
        @njit(cache=True)
        def outer(x):
            return inner(x) + 1
        """))
    code = "from toy.outer import outer; print('answer', outer(10))"
    first = _run(tmp_path, code)
    assert "answer 11" in first and re.search(r"data saved to .*outer\.outer-", first), first
    again = _run(tmp_path, code)
    assert "answer 11" in again and re.search(r"data loaded from .*outer\.outer-", again), again
    assert "data saved" not in again, again
    (package / "inner.py").write_text((package / "inner.py").read_text().replace("FACTOR = 1", "FACTOR = 2"))
    changed = _run(tmp_path, code)
    assert "answer 21" in changed, changed
    assert re.search(r"data saved to .*outer\.outer-", changed), changed


def test_the_code_pass_is_keyed_on_the_kernels_it_calls():
    """codepass._pass inlines the kernels of four other files (the stale code session 19 found came from these)."""
    import moderation.codepass as codepass

    keyed = sources(codepass.__file__, codepass.__name__)
    assert {"moderation.automaton", "moderation.kernels.counts", "moderation.kernels.hashing", "moderation.matcher",
            "moderation.needles.positions", "moderation.codepass"} <= set(keyed), keyed
    assert "moderation.features" not in keyed  # its own package's imports only: not every file of the service


def test_every_kernel_of_the_service_is_cached_by_a_keyed_locator():
    """A kernel decorated with numba's own njit import (or before kernel_cache set the locators) would be cached by
    numba's locators, keyed on its own file only."""
    kernels = []
    for path in sorted((ROOT / "moderation").rglob("*.py")):
        if "@njit" not in path.read_text(encoding="utf-8"):
            continue
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        module = importlib.import_module(name)
        kernels += [(name, key, value) for key, value in vars(module).items()
                    if isinstance(value, CPUDispatcher) and value.py_func.__module__ == name]
    assert len(kernels) >= 30, kernels
    for name, key, kernel in kernels:
        assert isinstance(kernel._cache._impl.locator, KEYED), (name, key, type(kernel._cache._impl.locator))
