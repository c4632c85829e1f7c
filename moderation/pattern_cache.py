"""Compiled regexes kept on disk between processes (moderation/table_cache.py): re parses a pattern and lays out its
code in Python, ~5 ms for 10 KB of source, every process start again for the same answer.

`compiled(kind, sources)` is `re.compile` of each (source, flags): the code re makes for it is stored, as JSON, under
the SHA-256 of the sources, this module's source and the Python build (whose re makes the code), and a later process
hands the stored code to the same constructor re.compile ends in (`_sre.compile`, which checks the code it is given).
An entry is stored only when the pattern it makes equals re.compile's (Pattern equality: source, flags and code) with
the same groups; any other pattern, and a file that cannot be read, is compiled by re as before.
"""

from __future__ import annotations

import _sre
import hashlib
import json
import re
import sys
from pathlib import Path
from re import _compiler, _parser

from moderation import table_cache

__all__ = ["compiled"]

_BUILD = (sys.version + f"\0{_sre.MAGIC}\0{_sre.CODESIZE}\0").encode() + Path(__file__).read_bytes()


def compiled(kind: str, sources: list[tuple[str, int]]) -> list[re.Pattern[str] | None]:
    """re.compile(source, flags) of each of `sources` (None where re refuses it: re.error), read from the cache of
    `kind` or compiled and then stored."""
    key = hashlib.sha256(_BUILD).digest() + json.dumps(sources, ensure_ascii=False).encode()
    entries = table_cache.stored_json(kind, key, lambda: [_entry(source, flags) for source, flags in sources])
    return [_pattern(source, flags, entry) for (source, flags), entry in zip(sources, entries, strict=True)]


def _entry(source: str, flags: int) -> list | None:
    """[flags, groups, group names, code] of re's compiled `source`; [] to leave it to re; None: re refuses it."""
    try:
        rx = re.compile(source, flags)
    except re.error:
        return None
    try:
        parsed = _parser.parse(source, flags)  # what re._compiler.compile does, kept before _sre.compile
        entry = [flags | parsed.state.flags, parsed.state.groups - 1, parsed.state.groupdict,
                 _compiler._code(parsed, flags)]
        built = _built(source, entry)
    except Exception:  # another Python's re: this one compiles it, as before
        return []
    same = built == rx and (built.groups, built.groupindex) == (rx.groups, rx.groupindex)
    return entry if same else []


def _pattern(source: str, flags: int, entry) -> re.Pattern[str] | None:
    if entry is None:
        return None
    if entry:
        try:
            return _built(source, entry)
        except (AttributeError, OverflowError, RuntimeError, TypeError, ValueError):  # _sre refused it: re compiles
            pass
    return re.compile(source, flags)


def _built(source: str, entry: list) -> re.Pattern[str]:
    flags, groups, groupindex, code = entry
    indexgroup = [None] * (groups + 1)
    for name, index in groupindex.items():
        indexgroup[index] = name
    return _sre.compile(source, flags, code, groups, groupindex, tuple(indexgroup))
