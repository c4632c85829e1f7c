"""Compiled regexes kept on disk between processes (moderation/table_cache.py): re parses a pattern and lays out its
code in Python, ~5 ms for 10 KB of source, the same work at every process start for the same answer (the scoring
stack's ~1,000 patterns: ~1.5 s of CPU of each service, test worker and test server start).

`compiled(source, flags)` is `re.compile` for a module's patterns made at import: each module's are read from its own
file, the code re made for each (source, flags) handed back to the constructor re.compile ends in (`_sre.compile`,
which checks the code it is given). A pattern not found is compiled by re; `save()` (scoring's warm-up, before
gunicorn forks) merges into the file of each module that had one what this process made: code versions sharing a
folder (worktrees, a switched branch, two deployments on one volume, a rolling upgrade) each find all theirs, where a
file holding one process's patterns alone had each start of the other version compile its own again. An entry no saver
made leaves after _AGES saves of its file (a changed pattern's old code); saves take turns (table_cache.update), so two
processes saving at once lose nothing. An entry is written only when the pattern it makes equals re's (Pattern
equality: source, flags and code) with the same groups; a file is keyed on the Python build and this module's source; a
file that cannot be read only means re compiles, as before.
"""

from __future__ import annotations

import _sre
import functools
import hashlib
import re
import sys
from pathlib import Path
from re import _compiler, _parser

import numpy as np

from moderation import table_cache

__all__ = ["compiled", "save"]

_BUILD = hashlib.sha256((sys.version + f"\0{_sre.MAGIC}\0{_sre.CODESIZE}\0").encode()
                        + Path(__file__).read_bytes()).digest()
_AGES = 8  # saves of a module's file, by processes that did not make an entry, that the entry outlives: the patterns
# of the last few code versions stay, a changed pattern's old code leaves (the file stays the size of a few versions)
_BUILDS = 2  # files of a module kept: this build's and one other (an upgrade of Python or of this module's format)
_RE = "re"  # an entry of a pattern whose code is not stored (re compiles it: not equal when built from its code)

_KEPT = "kept"  # an entry written to its module's file: its code no longer held (save() works it out again if asked)
_MADE: dict[tuple[str, int], list] = {}  # (source, flags) -> [pattern, entry, or None until worked out]: one object
# a source, as re's own memo gives (two modules with one source share it)
_STORES: dict[str, dict] = {}  # module -> its file's (age, entry) by _digest, read at its first pattern until save()
_USED: dict[str, dict] = {}  # module -> the keys of the patterns it made in this process (what its file holds)


def compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(source, flags), read from the calling module's file when it holds it (for patterns made at
    import: one made in a function would be kept for good, and its module's file written again for it)."""
    if not isinstance(source, str):
        return re.compile(source, flags)
    flags = int(flags)
    key = (source, flags)
    module = sys._getframe(1).f_globals.get("__name__", "")
    _USED.setdefault(module, {})[key] = None
    made = _MADE.get(key)
    if made is not None:
        return made[0]
    store = _STORES.get(module)
    if store is None:
        store = _STORES[module] = _read(module)
    entry = store.get(_digest(source, flags), (0, None))[1]
    rx = None
    if entry is not None and entry is not _RE:
        try:
            rx = _built(source, entry)
        except (OverflowError, RuntimeError, TypeError, ValueError):  # _sre refused the code: re compiles it
            entry = None
    if rx is None:
        rx = re.compile(source, flags)
    _MADE[key] = [rx, entry]
    return rx


def save() -> int:
    """Merge into the file of each module a pattern of which re compiled (not found in it) what this process made: how
    many files were written. The files read are let go (~6 MB of code, in every worker forked after it)."""
    written = 0
    can_write = table_cache.writable()  # a read-only folder: working the entries out would only double re's work
    for module, keys in _USED.items():
        if not can_write or all(_MADE[key][1] is not None for key in keys):
            continue
        for key in keys:  # the misses' entries worked out before this process's turn (the others' wait is the write)
            made = _MADE[key]
            if made[1] is None:
                made[1] = _entry(*key, made[0])
        own = {_digest(*key): key for key in keys}
        written += table_cache.update(_kind(module), _BUILD, functools.partial(_merged, own), _BUILDS)
    for made in _MADE.values():
        made[1] = _KEPT
    _STORES.clear()
    return written


def _merged(own: dict[bytes, tuple[str, int]], table: np.ndarray | None) -> np.ndarray:
    """The module's file to write over `table` (what its file holds now): this process's entries, and those of other
    processes' patterns a save older, each until _AGES."""
    found = _parsed(table)
    records = []
    for digest, key in own.items():
        entry = _MADE[key][1]
        if entry is _KEPT:  # written by an earlier save: the file holds it, unless it was damaged meanwhile
            entry = found[digest][1] if digest in found else _entry(*key, _MADE[key][0])
        records.append((digest, 0, entry))
    records += [(digest, age + 1, entry) for digest, (age, entry) in found.items()
                if digest not in own and age + 1 < _AGES]
    return _table(records)


def _digest(source: str, flags: int) -> bytes:
    """What a file keys an entry on: the SHA-256 of the source and flags (its first 16 bytes: 4 of the table's ints)."""
    return hashlib.sha256(b"%d\0" % flags + source.encode("utf-8", "surrogatepass")).digest()[:16]


def _kind(module: str) -> str:
    return f"patterns.{module}"


def _entry(source: str, flags: int, rx: re.Pattern[str]):
    """(flags, groups, group names, code) of re's compiled `source`, or _RE to leave it to re."""
    try:
        parsed = _parser.parse(source, flags)  # what re._compiler.compile does, kept before _sre.compile
        entry = (flags | parsed.state.flags, parsed.state.groups - 1, dict(parsed.state.groupdict),
                 np.asarray(_compiler._code(parsed, flags), dtype=np.uint32))
        built = _built(source, entry)
    except Exception:  # another Python's re: re compiles it, as before
        return _RE
    return entry if built == rx and (built.groups, built.groupindex) == (rx.groups, rx.groupindex) else _RE


def _built(source: str, entry) -> re.Pattern[str]:
    flags, groups, groupindex, code = entry
    indexgroup = [None] * (groups + 1)
    for name, index in groupindex.items():
        indexgroup[index] = name
    return _sre.compile(source, flags, code.tolist(), groups, groupindex, tuple(indexgroup))


# A module's file is one int32 vector of records: the _digest of the source and flags (4 ints), its age (saves since a
# process made it), then the flags, groups, the number of group names, each name (its length, code points) and index,
# the code's length and the code as uint32; or -1 after the age for a pattern re compiles.
def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<i4")


def _table(records) -> np.ndarray:
    """The file of (digest, age, entry) records."""
    parts = []
    for digest, age, entry in records:
        parts += [np.frombuffer(digest, dtype="<i4"), [age]]
        if entry is _RE:
            parts.append([-1])
            continue
        out_flags, groups, groupindex, code = entry
        parts.append([out_flags, groups, len(groupindex)])
        for name, index in groupindex.items():
            parts += [[len(name)], _codes(name), [index]]
        parts += [[code.size], code.view(np.int32)]
    return np.concatenate([np.asarray(part, dtype=np.int32) for part in parts]) if parts else np.zeros(0, np.int32)


def _read(module: str) -> dict:
    """The (age, entry) records of `module`'s file by digest ({} when there is none or it is not whole)."""
    return _parsed(table_cache.kept(_kind(module), _BUILD))


def _parsed(table: np.ndarray | None) -> dict:
    """A file's (age, entry) records by digest ({} for none, or for a table this module did not write whole)."""
    store: dict = {}
    if table is None:
        return store
    try:
        at = 0
        while at < table.size:
            digest = table[at:at + 4].tobytes()
            age = int(table[at + 4])
            at += 5
            if int(table[at]) == -1:
                store[digest] = (age, _RE)
                at += 1
                continue
            out_flags, groups, names = (int(v) for v in table[at:at + 3])
            at += 3
            groupindex = {}
            for _ in range(names):
                n = int(table[at])
                if not 0 <= n <= table.size - at - 2:
                    raise ValueError("a name's length past the table's end")
                groupindex[table[at + 1:at + 1 + n].tobytes().decode("utf-32-le")] = int(table[at + 1 + n])
                at += 2 + n
            size = int(table[at])
            if not 0 <= size <= table.size - at - 1:
                raise ValueError("a code length past the table's end")
            store[digest] = (age, (out_flags, groups, groupindex, table[at + 1:at + 1 + size].view(np.uint32)))
            at += 1 + size
    except (IndexError, ValueError, UnicodeDecodeError):
        return {}  # not a table this module wrote: re compiles every pattern, save() writes it again
    return store
