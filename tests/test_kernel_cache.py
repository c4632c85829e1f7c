"""numba's on-disk cache is keyed on every file a kernel's code comes from (moderation/kernel_cache.py), and its
folders of checkouts gone or unused are pruned."""

import importlib
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from numba.core import config
from numba.core.registry import CPUDispatcher

from moderation.kernel_cache import SOURCE, STALE, InTree, UserProvided, UserWide, prune, sources
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


def _toy(root):
    """A package `toy` under `root` with one cached kernel."""
    package = root / "toy"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "twice.py").write_text(textwrap.dedent("""\
        from moderation.kernel_cache import njit
        @njit(cache=True)
        def twice(x):
            return 2 * x
        """))
    return package


def _compiled(root, cache):
    """`toy.twice` run in a fresh process from `root` with NUMBA_CACHE_DIR `cache`: numba's debug lines."""
    env = {**os.environ, "PYTHONPATH": f"{root}{os.pathsep}{ROOT}", "NUMBA_CACHE_DIR": str(cache),
           "NUMBA_DEBUG_CACHE": "1"}
    done = subprocess.run([sys.executable, "-c", "from toy.twice import twice; print('answer', twice(21))"], cwd=root,
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "answer 42" in done.stdout, done.stderr
    return done.stdout


def _folder(cache, package):
    """The folder numba names after `package`'s path in `cache`."""
    return cache / UserProvided.get_suitable_cache_subpath(str(package / "twice.py"))


@pytest.mark.slow  # three processes compile a kernel (~2 s of CPU each)
def test_the_folders_of_checkouts_gone_or_unused_are_pruned_and_nothing_else(tmp_path):
    """Three checkouts of one kernel compiled into one NUMBA_CACHE_DIR, each into a folder naming its directory: the
    folder of the checkout removed and the one unused for STALE go, with a folder from before SOURCE unchanged for
    STALE; the live checkout's folder, a recent unmarked one, the tables and anything else stay, and the live
    checkout still loads its kernel from the cache."""
    cache = tmp_path / "cache"
    packages = {name: _toy(tmp_path / name) for name in ("live", "gone", "idle")}
    for name, package in packages.items():
        assert "data saved" in _compiled(tmp_path / name, cache)
        assert (_folder(cache, package) / SOURCE).read_text() == str(package)
    old = time.time() - STALE - 3600
    os.utime(_folder(cache, packages["idle"]) / SOURCE, (old, old))
    shutil.rmtree(tmp_path / "gone")
    before = shutil.copytree(_folder(cache, packages["live"]), cache / f"kernels_{'0' * 40}")  # unmarked: no SOURCE
    (before / SOURCE).unlink()
    recent = shutil.copytree(before, cache / f"text_{'1' * 40}")
    for path in [*before.iterdir(), before]:
        os.utime(path, (old, old))
    table = cache / f"automaton-{'2' * 40}.npy"
    table.write_bytes(b"\x93NUMPY")
    other = cache / "notes"
    other.mkdir()
    os.utime(other, (old, old))
    assert prune(cache) == 3
    assert sorted(path.name for path in cache.iterdir()) == sorted(
        [_folder(cache, packages["live"]).name, recent.name, table.name, other.name])
    assert prune(cache) == 0  # once a process
    again = _compiled(tmp_path / "live", cache)
    assert "data loaded" in again and "data saved" not in again, again


def test_the_services_kernel_folders_name_their_directory():
    """This process loaded the service's kernels: each folder numba named after one of their directories says
    which, and was marked used by a start within the hour (this one, or one after it)."""
    if not config.CACHE_DIR:
        pytest.skip("no NUMBA_CACHE_DIR: numba caches in __pycache__, beside the sources (make test sets it)")
    folders = {}
    for path in sorted((ROOT / "moderation").rglob("*.py")):
        if "@njit" in path.read_text(encoding="utf-8"):
            module = importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
            folders.update((locator.get_cache_path(), os.path.dirname(locator._py_file))
                           for value in vars(module).values() if isinstance(value, CPUDispatcher)
                           for locator in [value._cache._impl.locator])
    assert len(set(folders.values())) >= 3, folders  # moderation/, kernels/, needles/, text/
    for folder, directory in folders.items():
        marker = Path(folder) / SOURCE
        assert marker.read_text(encoding="utf-8") == directory
        assert time.time() - marker.stat().st_mtime < 3600
