"""A start of one release sharing a cache folder with others (tests/test_cache_versions.py): it reads its tables and
JSON values as the scoring stack's import does (building those not found), then ends its warm-up as a scorer does
(table_cache.sweep), and prints the names of what it had to build as JSON. Run as
`python -m tests.support.cache_starts RELEASE`, with NUMBA_CACHE_DIR the folder."""

import json
import sys

import numpy as np

from moderation import table_cache

# what each release reads: "old" is a release from before the scans moved (session 57: a `scans` kind this code no
# longer writes) with its own four word-list automata; "new" has other automata and a needles file
RELEASES = {
    "old": [("scans", "scans of the old guards"), *(("automaton", f"old word list {k}") for k in range(4))],
    "new": [("needles.moderation.features.patterns", "needles of the new guards"),
            *(("automaton", f"new word list {k}") for k in range(4))],
}


def start(release: str) -> list[str]:
    """Read (or build, then store) each of `release`'s values, then end the warm-up: the names built."""
    built = []
    for kind, name in RELEASES[release]:
        def build(name=name):
            built.append(name)
            return np.arange(len(name), 5000 + len(name), dtype=np.int32)

        if kind == "automaton":
            table_cache.stored(kind, name.encode(), build)
        elif table_cache.kept_json(kind, name.encode()) is None:
            table_cache.update_json(kind, name.encode(), lambda _old, build=build: build().tolist(), 8)
    table_cache.sweep()
    return built


if __name__ == "__main__":
    print(json.dumps(start(sys.argv[1])))
