"""A process saving compiled patterns on cue (tests/test_pattern_cache.py): each line read on stdin starts a round in
which it makes patterns of its own (new ones and the earlier rounds') in MODULES modules, as a new process would, and
saves them; it prints what it made (source, flags) as JSON, a line a round. Run as `python -m
tests.support.pattern_saves TAG MODULES`, with NUMBA_CACHE_DIR the folder."""

import json
import sys

from moderation import pattern_cache


def main(tag: str, modules: int) -> None:
    for round_ in range(10**6):
        if not sys.stdin.readline():
            return
        for name in ("_MADE", "_STORES", "_USED"):  # a new process: nothing made, nothing read
            getattr(pattern_cache, name).clear()
        made = []
        for m in range(modules):
            sources = [(rf"(?:{tag}|z)r{r}m{m}p{i}\d+", 0) for r in range(round_ + 1) for i in range(8)]  # its
            sources.append((rf"shared{m}\w", 0))  # earlier rounds' too, as one version's next start makes them
            scope = {"__name__": f"tests.saves.m{m}", "compiled": pattern_cache.compiled}
            eval("[compiled(s, f) for s, f in sources]", scope, {"sources": sources})  # noqa: S307
            made += sources
        written = pattern_cache.save()
        print(json.dumps({"written": written, "made": made}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
