"""numba's on-disk cache of our kernels, keyed on every source file a kernel's code can come from.

numba keys a cached kernel on its own file only ("cache invalidation fails to recognize changes in symbols defined
in a different file", its caching notes): codepass._pass kept the machine code of positions.tries, automaton._scan
and matcher._bounded after positions.py alone changed, so a deployment that edits one of those files served the
old code. numba chooses its cache locators by name (NUMBA_CACHE_LOCATOR_CLASSES, read as
config.CACHE_LOCATOR_CLASSES when a kernel is decorated); the ones here are numba's three file-backed locators
(NUMBA_CACHE_DIR, the source's __pycache__, the user's cache directory, same places, same order) with a source
stamp that hashes the kernel's file and every file of its own package that file imports, transitively (the called
kernels and the constants numba freezes into the code). Kernel modules import `njit` from here so the setting is
made before any of them is decorated; a data file read into a global is not covered (no kernel reads one).

numba names a kernel's folder in NUMBA_CACHE_DIR (and in the user's cache directory) after the path of the kernel's
directory (`kernels_<sha1 of /path/to/moderation/kernels>`), and nothing removes it: every checkout, worktree or
extracted version that ever ran left its four folders (~4-14 MB each), long after it was gone (307 MB, 28 checkouts'
worth, in one development machine's cache after a day of worktrees). Each such folder of ours now holds SOURCE, the
directory's path, marked used (its mtime) by every process that loads a kernel from it; prune() (a scorer's warm-up
end, with table_cache.sweep) removes the folders whose directory is gone or that no process used for STALE seconds,
and folders without SOURCE (written before it, or by another program sharing the folder) once nothing in them changed
for STALE.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from numba import njit
from numba.core import caching, config

__all__ = ["LOCATORS", "SOURCE", "STALE", "njit", "prune", "sources"]

SOURCE = "moderation-source.txt"  # in a folder numba named after a kernel's directory: that directory's path
STALE = 14 * 86400  # seconds a folder may go unused before prune() removes it (table_cache.STALE's two weeks)
_NAMED = re.compile(r"\w+_[0-9a-f]{40}")  # numba's get_suitable_cache_subpath: <directory's name>_<sha1 of its path>
_MARKED: set[str] = set()  # folders this process has marked used (one mark a start)
_PRUNED: set[str] = set()  # cache folders this process has pruned (one listing a process)


@functools.cache
def _imported(path: Path, module: str, root: Path, stamp: tuple) -> tuple[tuple[str, Path], ...]:
    """The modules of `module`'s own top-level package that its top-level imports name (`from a.b import c`: a.b,
    and a.b.c if c is a module), each with its file under `root`; `stamp` (mtime, size) keys the memo."""
    names = []
    for node in ast.parse(path.read_bytes()).body:
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: the module's package, one step up per dot after the first
                parts = module.split(".")[:None if path.name == "__init__.py" else -1]
                base = ".".join([*parts[:len(parts) - node.level + 1], *([base] if base else [])])
            names += [base, *(f"{base}.{alias.name}" for alias in node.names)]
    package = module.split(".")[0]
    found = ((name, _file(root, name)) for name in names if name.split(".")[0] == package)
    return tuple((name, file) for name, file in found if file is not None)


def _file(root: Path, name: str) -> Path | None:
    """The source file of module `name` under `root` (a module or a package's __init__), if there is one."""
    base = root.joinpath(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def sources(path: str | os.PathLike, module: str) -> dict[str, Path]:
    """Module `module` (file `path`) and every module of the same top-level package it imports, transitively:
    name -> file."""
    path = Path(path).resolve()
    depth = module.count(".") + (path.name == "__init__.py")
    root = path.parents[depth] if depth < len(path.parents) else None  # the package's parent directory
    if root is None or _file(root, module) != path:
        return {module: path}  # not laid out as its name says (a script): its own file only
    seen, todo = {path: module}, [(module, path)]
    while todo:
        name, file = todo.pop()
        st = file.stat()
        for imported, found in _imported(file, name, root, (st.st_mtime_ns, st.st_size)):
            if found not in seen:
                seen[found] = imported
                todo.append((imported, found))
    return dict(sorted((name, file) for file, name in seen.items()))


@functools.cache
def _digest(files: tuple) -> str:
    """SHA-256 of (name, contents) of each (name, path, mtime, size): a kernel's sources, hashed once a process."""
    digest = hashlib.sha256()
    for name, path, _mtime, _size in files:
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


class _Keyed:
    """A file-backed locator whose source stamp covers the kernel's file and the files it imports."""

    def __init__(self, py_func, py_file):
        super().__init__(py_func, py_file)
        self._module = py_func.__module__

    def get_source_stamp(self):
        files = sources(self._py_file, self._module).items()
        return "sources", _digest(tuple((name, path, (st := path.stat()).st_mtime_ns, st.st_size)
                                        for name, path in files))


class _Marked(_Keyed):
    """A locator whose folder is named after the kernel's directory: the folder says which, and that it was used."""

    def ensure_cache_path(self):
        super().ensure_cache_path()  # numba's: made and writable, else OSError (numba tries the next locator)
        folder = self.get_cache_path()
        if folder not in _MARKED:
            _MARKED.add(folder)
            _mark(Path(folder), os.path.dirname(os.path.abspath(self._py_file)))  # the path numba hashed


def _mark(folder: Path, directory: str) -> None:
    """SOURCE in `folder`, naming `directory`, its mtime now; a disk that refuses only means it is not marked."""
    marker = folder / SOURCE
    try:
        os.utime(marker)
        return
    except FileNotFoundError:
        pass
    except OSError:
        return
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".source-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(directory)
        os.replace(temporary, marker)  # whole or not at all, for a prune() reading it meanwhile
    except OSError:
        pass


def prune(where: str | os.PathLike | None = None) -> int:
    """Remove the kernel folders in `where` (NUMBA_CACHE_DIR) whose directory is gone or that nothing used for STALE
    seconds, once a process: how many. Only numba's folders named after a directory, never another file."""
    where = str(where if where is not None else config.CACHE_DIR or "")
    if not where or where in _PRUNED or not os.access(where, os.W_OK):
        return 0
    _PRUNED.add(where)
    try:
        names = [name for name in os.listdir(where) if _NAMED.fullmatch(name)]
    except OSError:
        return 0
    removed, now = 0, time.time()
    for name in names:
        folder = Path(where, name)
        if _unused(folder, now):
            shutil.rmtree(folder, ignore_errors=True)
            removed += not folder.exists()
    return removed


def _unused(folder: Path, now: float) -> bool:
    """Whether `folder`'s directory is gone, or nothing used (marked) or, unmarked, wrote it for STALE seconds."""
    try:
        marker = folder / SOURCE
        directory = marker.read_text(encoding="utf-8")
        return not (os.path.isabs(directory) and os.path.isdir(directory)) or now - marker.stat().st_mtime > STALE
    except FileNotFoundError:
        pass  # written before SOURCE was, or by another program: by age alone
    except (OSError, ValueError):
        return False  # unreadable: left alone
    try:
        with os.scandir(folder) as entries:
            newest = max([folder.stat().st_mtime, *(entry.stat().st_mtime for entry in entries)])
    except OSError:
        return False
    return now - newest > STALE


class UserProvided(_Marked, caching.UserProvidedCacheLocator):
    """NUMBA_CACHE_DIR's locator, keyed on the sources."""


class InTree(_Keyed, caching.InTreeCacheLocator):
    """The source's __pycache__ locator, keyed on the sources (its folder is the source's own)."""


class UserWide(_Marked, caching.UserWideCacheLocator):
    """The user's cache directory's locator, keyed on the sources."""


LOCATORS = ",".join([*(f"{__name__}.{cls.__name__}" for cls in (UserProvided, InTree, UserWide)),
                     "IPythonCacheLocator", "ZipCacheLocator"])
config.CACHE_LOCATOR_CLASSES = LOCATORS
