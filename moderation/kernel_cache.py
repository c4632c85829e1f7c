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
"""

from __future__ import annotations

import ast
import functools
import hashlib
import os
from pathlib import Path

from numba import njit
from numba.core import caching, config

__all__ = ["LOCATORS", "njit", "sources"]


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


class UserProvided(_Keyed, caching.UserProvidedCacheLocator):
    """NUMBA_CACHE_DIR's locator, keyed on the sources."""


class InTree(_Keyed, caching.InTreeCacheLocator):
    """The source's __pycache__ locator, keyed on the sources."""


class UserWide(_Keyed, caching.UserWideCacheLocator):
    """The user's cache directory's locator, keyed on the sources."""


LOCATORS = ",".join([*(f"{__name__}.{cls.__name__}" for cls in (UserProvided, InTree, UserWide)),
                     "IPythonCacheLocator", "ZipCacheLocator"])
config.CACHE_LOCATOR_CLASSES = LOCATORS
