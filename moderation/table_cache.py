"""Tables built from the word lists, kept on disk between processes next to numba's cache of the kernels.

The automata of the word lists (thousands of words; moderation/automaton.py) took ~0.4 s of every process's start to
build again from the same words, a fifth of loading the model. A table is stored under the SHA-256 of everything it
is built from (the caller's key: the words and the builder's source), so a changed word or builder makes another
file, never a stale answer. It is written to a temporary file and renamed (processes starting together never read
half a file), read without pickle, and a missing, unreadable or unwritable cache only means the table is built.
Each read marks its file used (its mtime) and each write removes the files of its kind beyond the KEEP used last: a
changed word list's old table (~3 MB for the four) stayed behind for good before. The guards' needle sets and start
searches (moderation/needles/known.py) are kept as JSON and each scoring module's compiled patterns
(moderation/pattern_cache.py) as a table, each a value processes merge what they worked out into (`kept_json`,
`update_json`, `kept`, `update`: one writer at a time, so two processes saving at once lose nothing). `sweep()` (the
end of a scorer's warm-up, once the start has read and marked what it uses) removes every file of ours, of any kind,
no process has used for STALE seconds: kinds no code writes any more (session 57's `scans`, 7.5 MB) and versions no
longer started, which a write's pruning of its own kind never reached. By age, not by kind: a kind this code does not
write may be an older release's, still started beside this one on the same folder, and must keep its warm start (its
reads keep its files used).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from numba.core import config

__all__ = ["KEEP", "STALE", "VERSIONS", "folder", "kept", "kept_json", "stored", "sweep", "update", "update_json",
           "writable"]

VERSIONS = 8  # code versions whose files a kind keeps: 2 held a deployment's old and new, and a third version started
# in the same folder (worktrees, branches, a rolling upgrade) evicted the first's, which then built again at each start
KEEP = 4 * VERSIONS  # tables of a kind kept: the four word-list automata (~3.1 MB together; ~0.4 s of a start to
# build again) of each version
STALE = 14 * 86400  # seconds a file may go unused (unread, unwritten) before sweep() removes it: a release started less
# often pays one cold start (~2.5 s of CPU) at its next; a dead kind's or version's files leave two weeks after last use
_ABANDONED = 3600  # seconds after which a temporary file is a killed writer's, never renamed (a write takes ms)
_LOCK = ".table_cache.lock"  # the folder's writers of `update` take turns on it (flock: let go when a writer dies)
_LOCK_WAIT = 5.0  # seconds a writer waits for its turn, then gives up writing (a stopped holder never hangs a start)
_OURS = re.compile(r"[\w.]+-[0-9a-f]{40}\.(?:npy|json)")  # the names _path makes, whatever the kind
_OURS_TEMPORARY = re.compile(r"\.[\w.]+-[0-9a-f]{40}-\w+\.tmp")  # _store's temporary files
_SWEPT: set[Path] = set()  # folders this process has swept (one listing a process: starts are what age files)


def folder() -> Path:
    """NUMBA_CACHE_DIR (a deployment's one writable cache, Dockerfile) or this package's __pycache__ (numba's own
    in-tree place)."""
    return Path(config.CACHE_DIR) if config.CACHE_DIR else Path(__file__).resolve().parent / "__pycache__"


def stored(kind: str, key: bytes, build: Callable[[], np.ndarray]) -> np.ndarray:
    """The one-dimensional int32 table `build()` gives for `key`: read from the cache, or built and then cached."""
    path = _path(kind, key, ".npy")
    table = _kept(path, _read)  # None: not cached yet, or not whole (half a file is never renamed in; a disk may fail)
    if table is None:
        table = build()
        if _store(path, lambda out: np.save(out, table, allow_pickle=False)):
            _prune(path.parent, kind, path, KEEP)
    return table


def kept(kind: str, key: bytes) -> np.ndarray | None:
    """The int32 table last written by `update` for `key` (marked used), or None: a table processes merge into
    (moderation/pattern_cache.py: a module's compiled patterns), not one built once from its key."""
    return _kept(_path(kind, key, ".npy"), _read)


def kept_json(kind: str, key: bytes):
    """The JSON value last written by `update_json` for `key` (marked used), or None (moderation/needles/known.py: a
    module's guards' answers)."""
    return _kept(_path(kind, key, ".json"), _read_json)


def update(kind: str, key: bytes, change: Callable[[np.ndarray | None], np.ndarray], keep: int = KEEP) -> bool:
    """Write `change(the table kept for key, or None)` (int32) as the one of `kind` for `key`, one writer of the folder
    at a time (what another process wrote meanwhile is in the table `change` is given), and remove those of `kind`
    beyond the `keep` used last; False when nothing was written (a read-only folder, or no turn within _LOCK_WAIT)."""
    return _update(kind, _path(kind, key, ".npy"), _read, change, keep,
                   lambda out, table: np.save(out, table.astype("<i4", copy=False), allow_pickle=False))


def update_json(kind: str, key: bytes, change: Callable, keep: int) -> bool:
    """`update` of a JSON value (dicts, lists, strings, numbers)."""
    return _update(kind, _path(kind, key, ".json"), _read_json, change, keep, _dump_json)


def sweep() -> int:
    """Remove this folder's files of ours, of any kind, unused for STALE seconds, and temporary ones abandoned for an
    hour (once a process): how many. Called once a start has read what it uses (a file baked into an image weeks ago
    is marked used by its read first, never swept before it)."""
    where = folder()
    if where in _SWEPT or not writable():
        return 0
    _SWEPT.add(where)
    try:
        names = os.listdir(where)
    except OSError:
        return 0
    removed, now = 0, time.time()
    for name in names:
        if _OURS.fullmatch(name):
            age = STALE
        elif _OURS_TEMPORARY.fullmatch(name):
            age = _ABANDONED
        else:
            continue  # numba's, Python's, anyone else's
        try:
            stale = now - os.stat(where / name).st_mtime > age
        except OSError:
            continue  # removed meanwhile by another process
        if stale and _remove(where / name):
            removed += 1
    return removed


def writable() -> bool:
    """Whether a table can be written (the folder, or the first of its parents that exists, is writable by us)."""
    where = folder()
    while not where.exists() and where.parent != where:
        where = where.parent
    return os.access(where, os.W_OK)


def _path(kind: str, key: bytes, suffix: str) -> Path:
    return folder() / f"{kind}-{hashlib.sha256(key).hexdigest()[:40]}{suffix}"


def _kept(path: Path, read: Callable):
    try:
        value = read(path)
    except (OSError, ValueError, EOFError):
        return None
    if value is not None:
        try:
            os.utime(path)  # used now: what _prune and sweep keep
        except OSError:
            pass
    return value


def _update(kind: str, path: Path, read: Callable, change: Callable, keep: int, dump: Callable) -> bool:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = os.open(path.parent / _LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return False
    try:
        deadline = time.monotonic() + _LOCK_WAIT
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    return False
                time.sleep(0.005)
        try:
            value = read(path)
        except (OSError, ValueError, EOFError):
            value = None  # none yet, or not one whole value: `change` starts it again
        value = change(value)
        if not _store(path, lambda out: dump(out, value)):
            return False
        _prune(path.parent, kind, path, keep)
        return True
    finally:
        os.close(lock)  # lets go of the turn


def _read_json(path: Path):
    return json.loads(path.read_bytes())


def _dump_json(out, value) -> None:
    out.write(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())


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


def _store(path: Path, write: Callable) -> bool:
    """`write(file)` into a temporary file renamed to `path`; False when the folder cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            os.fchmod(fd, 0o644)  # readable as numba's cache files are (mkstemp makes it the writer's alone)
            with os.fdopen(fd, "wb") as out:
                write(out)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError:
        return False  # a read-only tree: every process builds the table, as before
    return True


def _prune(where: Path, kind: str, written: Path, keep: int) -> None:
    """Remove the tables of `kind` used least recently beyond `keep` (never `written`), and temporary files of its
    writers abandoned for an hour: only names this module makes. Processes pruning or reading at once are safe: a
    table removed before another opens it is built again there, one already open stays readable (POSIX)."""
    suffix = re.escape(written.suffix)
    table = re.compile(re.escape(kind) + r"-[0-9a-f]{40}" + suffix)
    temporary = re.compile(r"\." + re.escape(kind) + r"-[0-9a-f]{40}-\w+\.tmp")
    tables, now = [], time.time()
    try:
        names = os.listdir(where)
    except OSError:
        return
    for name in names:
        is_table = table.fullmatch(name) is not None
        if not is_table and temporary.fullmatch(name) is None:
            continue
        try:
            used = os.stat(where / name).st_mtime
        except OSError:
            continue  # removed meanwhile by another process
        if is_table:
            tables.append((used, name))
        elif now - used > _ABANDONED:
            _remove(where / name)
    tables.sort(reverse=True)
    for _used, name in tables[keep:]:
        if name != written.name:
            _remove(where / name)


def _remove(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:
        return False  # removed meanwhile, or not ours to remove
    return True
