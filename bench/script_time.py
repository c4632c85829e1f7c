"""redis-server's time a comment inside SUBMIT, split: the script, the commands it calls, INFO (issue 13).

`make bench` reads INFO commandstats before and after each comment run and prints the medians under its CPU rows.
EVALSHA's usec is the wall time inside the scripts; the commands they call are counted in their own rows too, so
the Lua itself (arguments, cjson, the script's logic, the engine's per-call glue) is the script's time less its
commands'. docs/benchmark.md, session 26: over HTTP about 138 µs a comment, of which 35 in its 21 commands and 8.6
in INFO persistence; the rest of redis-server's ~0.2 ms is the append-only file's propagation and write (~29) and
the event loop.
"""

import statistics

# What runs the service's Lua: a script by its sha (EVALSHA), a library's function by its name (FCALL: SUBMIT).
_CALLS = ("cmdstat_evalsha", "cmdstat_fcall")


def split(before, after, requests):
    """redis-server's time a request inside scripts, from INFO commandstats before and after a run: "script_us" (the
    EVALSHAs' and FCALLs' usec), of it "commands_us" and "commands" (every other command's usec and calls: the
    service sends none outside its scripts during a comment run, and the one INFO commandstats read here is ~0.01 µs
    a request) and "info_us" (INFO, the append-only check). The Lua itself is the first less the second. Wall time
    inside the command, not CPU."""
    def spent(name, field="usec"):
        return after.get(name, {}).get(field, 0) - before.get(name, {}).get(field, 0)

    others = [name for name in after if name.startswith("cmdstat_") and name not in _CALLS]
    requests = max(1, requests)
    return {"script_us": sum(spent(name) for name in _CALLS) / requests,
            "commands_us": sum(spent(name) for name in others) / requests,
            "commands": sum(spent(name, "calls") for name in others) / requests,
            "info_us": spent("cmdstat_info") / requests}


def cell(rounds):
    """The table's cell for redis-server's time a comment inside SUBMIT: medians over the rounds of split()."""
    splits = [r["redis_script"] for r in rounds if "redis_script" in r]
    if not splits:
        return "-"
    return " / ".join(f"{statistics.median(s[k] for s in splits):.1f}" for k in ("script_us", "commands_us", "info_us"))
