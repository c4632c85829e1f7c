"""The guards' needles and start searches, kept on disk between processes (moderation/table_cache.py).

Each guard parses its pattern for its needle sets (guards.needle_sets) and its start search (starts.search_of): for
the ~190 patterns of the signals ~0.7-2 s of every process's start (the service's, each test worker's), always with
the same answer. `prime(patterns)` reads those answers from the file of the module that makes the guards (the one
calling it, or a NeedleIndex or GuardParts it builds), entries keyed on each pattern's SHA-256, the file on every
source of this package and the Python version (whose parser reads them), so a changed rule makes another file, never a
stale answer. What a process works out is merged into the file (table_cache.update_json, one writer at a time): a
version that changes one pattern of a module's 190 works out that one, where a file per pattern list had it work out
all of them again, and versions sharing a folder share what they have in common. An entry no writer of its module's
file used leaves after _AGES such writes (at most one a process); a test module's patterns go to its own file, so
they never age the signals'. A missing or unreadable file only means they are worked out as before.
tests/test_needle_cache.py checks that what is read equals what is worked out.
"""

from __future__ import annotations

import functools
import hashlib
import re._constants as C
import sys
from pathlib import Path

from moderation import table_cache
from moderation.needles import guards, starts

__all__ = ["prime", "source_key"]

_ITEMS = (C.LITERAL, C.RANGE, C.CATEGORY)  # the class items a start search may hold (starts._class_source's)
_AGES = 8  # writes of a module's file, by processes that did not use an entry, that the entry outlives (a few versions)
_SOURCES = 8  # files of a module kept: eight versions of this package's sources (a file is ~0.1-130 KB)
_STORES: dict[str, dict] = {}  # module -> its file's entries (digest -> [age, found, also, search]), read once
_USED: dict[str, dict] = {}  # module -> the entries (digest -> [found, also, search]) its guards took in this process
_AGED: set[str] = set()  # modules whose file this process has written (it ages the others' entries once)


def source_key() -> bytes:
    """The Python version and every source of this package: what the answers are worked out by."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(b"\0" + path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


def prime(patterns) -> None:
    """Put the needle sets and start searches of `patterns` (str patterns) into their per-process memos, read from
    the disk cache (or worked out, then merged into it)."""
    patterns = [rx for rx in patterns if isinstance(rx.pattern, str)]
    keys = [(rx.pattern, rx.flags) for rx in patterns]
    if all(key in guards.NEEDLE_SETS and key in starts.SEARCHES for key in keys):
        return
    module = _owner()
    store = _STORES.get(module)
    if store is None:
        store = _STORES[module] = _read(module)
    used = _USED.setdefault(module, {})
    missed = False
    for rx, key in zip(patterns, keys, strict=True):
        digest = _digest(*key)
        entry = used.get(digest)
        if entry is None:
            stored = store.get(digest)
            entry = stored[1:] if _whole(stored) else None
            if entry is None:
                entry, missed = _encode(rx), True
            used[digest] = entry
        found, also, search = entry
        guards.NEEDLE_SETS.setdefault(key, _decode_sets(found, also))
        starts.SEARCHES.setdefault(key, _decode_search(search))
    if missed:
        table_cache.update_json(_kind(module), source_key(), functools.partial(_merged, module), _SOURCES)


def _owner() -> str:
    """The module making the guards: the first caller outside this package."""
    frame = sys._getframe(2)
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith("moderation.needles"):
        frame = frame.f_back
    return frame.f_globals.get("__name__", "")


def _kind(module: str) -> str:
    return f"needles.{module}"


def _digest(pattern: str, flags: int) -> str:
    return hashlib.sha256(b"%d\0" % flags + pattern.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _whole(stored) -> bool:
    """Whether a file's entry is [age, found, also, search] (a damaged or foreign file's is worked out again)."""
    return isinstance(stored, list) and len(stored) == 4 and isinstance(stored[0], int)


def _read(module: str) -> dict:
    value = table_cache.kept_json(_kind(module), source_key())
    return value if isinstance(value, dict) else {}


def _merged(module: str, value) -> dict:
    """The module's file to write over `value` (what it holds now): this process's entries, and the others a write
    older (once a process), each until _AGES."""
    step = 0 if module in _AGED else 1
    _AGED.add(module)
    used, value = _USED[module], value if isinstance(value, dict) else {}
    out = {digest: [stored[0] + step, *stored[1:]] for digest, stored in value.items()
           if digest not in used and _whole(stored) and stored[0] + step < _AGES}
    out.update((digest, [0, *entry]) for digest, entry in used.items())
    return out


def _encode(rx) -> list:
    found, also = guards.needle_sets(rx)
    search = starts.search_of(rx)
    if search is None or isinstance(search, tuple):
        search_json = None if search is None else {"strings": sorted(search[0]), "begin": search[1]}
    else:
        if any(op not in _ITEMS for op, _av in search):
            raise ValueError(f"a start class item the cache cannot spell: {search}")
        search_json = {"first": [[op.name, av.name if op is C.CATEGORY else av] for op, av in search]}
    return [None if found is None else sorted(found),
            None if also is None else [[sorted(s) for s in sets] for sets in also], search_json]


def _decode_sets(found, also):
    return (None if found is None else set(found),
            None if also is None else tuple(tuple(set(s) for s in sets) for sets in also))


def _decode_search(search):
    if search is None:
        return None
    if "first" not in search:
        return frozenset(search["strings"]), search["begin"]
    out = []
    for name, av in search["first"]:
        op = getattr(C, name)
        out.append((op, getattr(C, av) if op is C.CATEGORY else tuple(av) if op is C.RANGE else av))
    return out
