"""Two versions of the `moderation` package in one process, for benchmarks that time them interleaved.

B is this checkout, imported as usual; A is another commit's `moderation/` (extracted once under the temporary
folder). Only the modules A needs of its own are loaded twice: those whose file differs (a data file that differs
counts for every module beside it) and every module that imports one of them when it runs, transitively (it bound
their names then); the others are one module object shared by both. `use(side)` puts that side's modules in
sys.modules (and on their parent packages), so an import made inside a function finds its own side's; an import
under A of a module it has of its own is found in A's folder. A shared module's memo of its caller's objects holds
one side's: codepass.scan's one-entry memo of the automata is rebuilt on the first score after each switch (25-170 ms
natively) when signals is loaded twice, so a measure calls once after switching before it counts or times.

A module that compiles numba kernels is never loaded twice: Versions refuses (KernelsTwice) before loading anything.
numba names a compiled function by a counter of the process that compiled it (numba.core.bytecode.FunctionIdentity),
so two versions' cached kernels, compiled in two processes, can carry the same symbol names, and in one process one
side's kernel can be linked to the other side's callee (session 54: `bench.readers ab --against e801b74` died with
SIGSEGV when a callee's return type changed; a callee's body changed under the same signature would run one side's
code on both, unseen). A change to a kernel, or to a module a kernel module imports, is compared with each version in
a process of its own: bench.instructions (instructions), bench.worker_path (CPU time).
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import importlib.abc
import importlib.util
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PACKAGE = "moderation"


def _module(rel: Path) -> str:
    parts = rel.with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _files(top: Path) -> dict[Path, bytes]:
    return {p.relative_to(top.parent): p.read_bytes() for p in top.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def _run_at_import(tree: ast.AST):
    """The nodes a module runs when imported: not the bodies of its functions (an import there is made when called,
    from sys.modules, which Versions.use switches)."""
    for node in ast.iter_child_nodes(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            yield node
            yield from _run_at_import(node)


def _imports(source: bytes, name: str, is_package: bool, known: set[str]) -> set[str]:
    """The package's modules whose names `name`'s source binds when imported."""
    out = set()
    for node in _run_at_import(ast.parse(source)):
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = name.split(".")[:None if is_package else -1]
                base = ".".join([*parts[:len(parts) - node.level + 1], *([base] if base else [])])
            out |= {base, *(f"{base}.{alias.name}" for alias in node.names)}
    return {m for m in out if m in known}


def loaded_twice(a_top: Path, b_top: Path) -> set[str]:
    """The modules that differ between the two package folders, and every module importing one, transitively."""
    a, b = _files(a_top), _files(b_top)
    modules = {_module(rel): rel for rel in (a.keys() | b.keys()) if rel.suffix == ".py"}
    known = set(modules)
    changed = {_module(rel) for rel in modules.values() if a.get(rel) != b.get(rel)}
    for rel in a.keys() | b.keys():  # a data file read from its module's folder
        if rel.suffix != ".py" and a.get(rel) != b.get(rel):
            changed |= {m for m, r in modules.items() if r.parent == rel.parent}
    importers: dict[str, set[str]] = {}
    for name, rel in modules.items():
        for files in (a, b):
            if rel in files:
                for imported in _imports(files[rel], name, rel.name == "__init__.py", known):
                    importers.setdefault(imported, set()).add(name)
    out, todo = set(changed), list(changed)
    while todo:
        for importer in importers.get(todo.pop(), ()):
            if importer not in out:
                out.add(importer)
                todo.append(importer)
    return out


# names a module binds to compile its functions with numba (from numba, or kernel_cache's re-export of njit)
COMPILERS = frozenset({"njit", "jit", "generated_jit", "intrinsic", "overload", "register_jitable", "vectorize",
                       "guvectorize", "cfunc", "stencil"})


def compiles(source: bytes) -> bool:
    """Whether a module, when imported, binds numba or one of its compilers: its functions may be kernels."""
    for node in _run_at_import(ast.parse(source)):
        if isinstance(node, ast.Import) and any(alias.name.split(".")[0] == "numba" for alias in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and any(alias.name in COMPILERS for alias in node.names):
            return True
    return False


def _file(root: Path, name: str) -> Path | None:
    """Module `name`'s file in the folder `root` that holds the package (None: no such module there)."""
    base = root.joinpath(*name.split("."))
    return next((p for p in (base / "__init__.py", base.with_suffix(".py")) if p.is_file()), None)


def kernels_twice(a_top: Path, b_top: Path, twice: set[str]) -> list[str]:
    """The modules of `twice` that compile numba kernels on either side."""
    return sorted(name for name in twice
                  if any(f is not None and compiles(f.read_bytes()) for f in (_file(top.parent, name)
                                                                              for top in (a_top, b_top))))


class KernelsTwice(RuntimeError):
    """Two versions of a kernel module in one process: their cached kernels can link to each other's (module doc)."""

    def __init__(self, against: str, names: list[str]):
        super().__init__(
            f"refused: {against} and this checkout differ in modules that compile numba kernels ({', '.join(names)}); "
            "two versions of a kernel in one process can run one side's callee for the other's (bench.versions). "
            f"Count each version in its own process: make bench-instructions AGAINST={against} (add EXPLAIN=1 for "
            "explanations), or time two checkouts with python -m bench.worker_path BEFORE AFTER")
        self.names = names


class _Finder(importlib.abc.MetaPathFinder):
    """While A is in use, its own modules come from its folder."""

    def __init__(self, root: Path, names: set[str]):
        self.root, self.names, self.active = root, names, False

    def file(self, name: str) -> Path | None:
        """A's file of module `name` (None: A has no such module)."""
        return _file(self.root, name)

    def find_spec(self, name, path=None, target=None):
        if not self.active or name not in self.names:
            return None
        file = self.file(name)
        if file is None:  # a module only B has: not B's file under A
            raise ModuleNotFoundError(f"No module named {name!r} in A", name=name)
        return importlib.util.spec_from_file_location(
            name, file, submodule_search_locations=[str(file.parent)] if file.name == "__init__.py" else None)


def checkout(root: Path, against: str) -> tuple[str, Path]:
    """`against`'s name and the folder holding its package: a folder holding one as given (a test's edited copy), or
    a commit's, extracted."""
    if (Path(against) / PACKAGE).is_dir():
        return str(against), Path(against)
    commit = subprocess.run(["git", "-C", str(root), "rev-parse", f"{against}^{{commit}}"], check=True,
                            capture_output=True, text=True).stdout.strip()
    return commit, extract(root, commit)


def extract(root: Path, commit: str) -> Path:
    """A folder holding `commit`'s package folder (extracted once)."""
    dest = Path(tempfile.gettempdir()) / f"bench-versions-{os.getuid()}" / commit
    if not (dest / ".complete").exists():
        dest.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(root), "archive", commit, PACKAGE], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
        (dest / ".complete").touch()
    return dest


class Versions:
    """This checkout (B) and, if `against` is a commit (or a folder holding a package), that package (A), loaded
    side by side."""

    def __init__(self, root: Path, against: str | None):
        self.root, self.commit, self.twice = root, "", set()
        self._scorers: dict[str, object] = {}
        self._side, self._modules = "B", {"A": {}, "B": {}}
        if against is None:
            importlib.import_module(f"{PACKAGE}.scoring.scorer")
            return
        self.commit, a_root = checkout(root, against)
        # B's package where it was imported from (this checkout's, or another's first on sys.path: ab --swap)
        b_top = Path(importlib.import_module(PACKAGE).__file__).parent
        twice = loaded_twice(a_root / PACKAGE, b_top)
        kernels = kernels_twice(a_root / PACKAGE, b_top, twice)
        if kernels:  # before either side's scoring stack is imported
            raise KernelsTwice(against, kernels)
        self.twice = twice
        importlib.import_module(f"{PACKAGE}.scoring.scorer")
        self._finder = _Finder(a_root, self.twice)
        sys.meta_path.insert(0, self._finder)
        loaded = [name for name in self.twice if name in sys.modules and self._finder.file(name) is not None]
        with self.use("A"):
            for name in sorted(loaded):  # A's own of every module B has loaded, so both sides hold the same names
                importlib.import_module(name)

    def _switch(self, side: str) -> None:
        if side == self._side or not self.twice:
            self._side = side
            return
        mods = sys.modules
        self._modules[self._side] = {name: mods.pop(name) for name in self.twice if name in mods}
        mods.update(self._modules[side])
        for name, module in self._modules[side].items():
            parent, _, child = name.rpartition(".")
            if parent in mods:
                setattr(mods[parent], child, module)
        self._finder.active = side == "A"
        self._side = side

    @contextlib.contextmanager
    def use(self, side: str):
        """That side's modules in sys.modules while inside (the other side's put back after)."""
        before = self._side
        self._switch(side)
        try:
            yield
        finally:
            self._switch(before)

    def scorer(self, side: str):
        """The active model loaded by that side's code (its pickled objects are that side's classes)."""
        if side not in self._scorers:
            with self.use(side):
                scoring = importlib.import_module(f"{PACKAGE}.scoring.scorer")
                artifacts = Path(os.environ.get("BENCH_ARTIFACTS") or self.root / "model" / "artifacts")
                version, sha = scoring.read_active(artifacts)
                self._scorers[side] = scoring.load_scorer(artifacts / version, sha)
        return self._scorers[side]
