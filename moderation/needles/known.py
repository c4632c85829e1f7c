"""The guards' needles and start searches, kept on disk between processes (moderation/table_cache.py).

Each guard parses its pattern for its needle sets (guards.needle_sets) and its start search (starts.search_of): for
the ~180 patterns of the signals ~0.7 s of every process's start (the service's, each test worker's), always with the
same answer. `prime(patterns)` reads those answers for a NeedleIndex's patterns from one JSON file, stored under the
SHA-256 of the patterns, every source of this package and the Python version (whose parser reads them), so a changed
pattern or rule makes another file, never a stale answer; a missing or unreadable file only means they are worked
out as before. tests/test_needle_cache.py checks that what is read equals what is worked out.
"""

from __future__ import annotations

import hashlib
import json
import re._constants as C
import sys
from pathlib import Path

from moderation import table_cache
from moderation.needles import guards, starts

__all__ = ["prime", "source_key"]

_ITEMS = (C.LITERAL, C.RANGE, C.CATEGORY)  # the class items a start search may hold (starts._class_source's)


def source_key() -> bytes:
    """The Python version and every source of this package: what the answers are worked out by."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(b"\0" + path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


def prime(patterns) -> None:
    """Put the needle sets and start searches of `patterns` (str patterns) into their per-process memos, read from
    the disk cache (or worked out, then stored)."""
    patterns = [rx for rx in patterns if isinstance(rx.pattern, str)]
    keys = [(rx.pattern, rx.flags) for rx in patterns]
    if all(key in guards.NEEDLE_SETS and key in starts.SEARCHES for key in keys):
        return
    key = source_key() + json.dumps(keys, ensure_ascii=False).encode()
    entries = table_cache.stored_json("needles", key, lambda: [_encode(rx) for rx in patterns])
    for k, (found, also, search) in zip(keys, entries, strict=True):
        guards.NEEDLE_SETS.setdefault(k, _decode_sets(found, also))
        starts.SEARCHES.setdefault(k, _decode_search(search))


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
