"""Tables built from the word lists, kept on disk between processes next to numba's cache of the kernels.

The automata of the word lists (thousands of words; moderation/automaton.py) took ~0.4 s of every process's start to
build again from the same words, a fifth of loading the model. A table is stored under the SHA-256 of everything it
is built from (the caller's key: the words and the builder's source), so a changed word or builder makes another
file, never a stale answer. It is written to a temporary file and renamed (processes starting together never read
half a file), read without pickle, and a missing, unreadable or unwritable cache only means the table is built.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
from numba.core import config

__all__ = ["folder", "stored"]


def folder() -> Path:
    """NUMBA_CACHE_DIR (a deployment's one writable cache, Dockerfile) or this package's __pycache__ (numba's own
    in-tree place)."""
    return Path(config.CACHE_DIR) if config.CACHE_DIR else Path(__file__).resolve().parent / "__pycache__"


def stored(kind: str, key: bytes, build: Callable[[], np.ndarray]) -> np.ndarray:
    """The one-dimensional int32 table `build()` gives for `key`: read from the cache, or built and then cached."""
    path = folder() / f"{kind}-{hashlib.sha256(key).hexdigest()[:40]}.npy"
    try:
        table = _read(path)
        if table is not None:
            return table
    except (OSError, ValueError, EOFError):
        pass  # not cached yet (or unreadable): build it
    table = build()
    _store(path, table)
    return table


def _read(path: Path) -> np.ndarray | None:
    """The stored table, or None when the file is not one whole int32 vector: the header must say a length the file
    holds (np.load would open a zip signature as an archive, or try to allocate whatever shape a header claims)."""
    with open(path, "rb") as f:
        version = np.lib.format.read_magic(f)
        read_header = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
        shape, _, dtype = read_header(f)
        if dtype != np.dtype("<i4") or len(shape) != 1 or shape[0] * 4 != os.fstat(f.fileno()).st_size - f.tell():
            return None
        return np.fromfile(f, dtype="<i4", count=shape[0])


def _store(path: Path, table: np.ndarray) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            os.fchmod(fd, 0o644)  # readable as numba's cache files are (mkstemp makes it the writer's alone)
            with os.fdopen(fd, "wb") as out:
                np.save(out, table, allow_pickle=False)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        pass  # a read-only tree: every process builds the table, as before
