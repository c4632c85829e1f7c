"""One wrk run against a server (bench/wrk.lua) and the CPU each component spent on it, read from /proc."""

import json
import os
import subprocess
import time
from pathlib import Path

import bench.servers
from bench import script_time
from bench.mixes import READERS
from bench.servers import API_KEY


def cpu_seconds(pids, *, forked=False):
    """user + system CPU seconds the processes and the children they reaped have used so far (`forked`: the
    children's alone). redis-server forks to rewrite its append-only file, a core's work the server's own figures
    leave out: under the bench's write rate it rewrites every few tens of thousands of comments."""
    total = 0.0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += sum(int(fields[i]) for i in ((13, 14) if forked else (11, 12, 13, 14))) / os.sysconf("SC_CLK_TCK")
    return total


def wrk(url, mode, connections, seconds, data=None, threads=1, servers=None, stats=None):
    """One wrk run; with `servers` ({"workers": pids, "redis": pids}) also their CPU per request, in ms; with `stats`
    (a client of the run's redis-server) also its time a request inside scripts (bench/script_time.py)."""
    import resource

    commands = stats.info("commandstats") if stats is not None else None
    before = {name: cpu_seconds(pids) for name, pids in (servers or {}).items()}
    forked = {name: cpu_seconds(pids, forked=True) for name, pids in (servers or {}).items()}
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "BENCH_MODE": mode, "BENCH_KEY": API_KEY, "BENCH_RUN": f"{mode}{connections}-{time.time_ns()}",
           "BENCH_READERS": str(READERS)}
    if data:
        env["BENCH_DATA"] = str(data)
    result = subprocess.run(
        ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
         "-s", str(bench.servers.ROOT / "bench" / "wrk.lua"), url], env=env, capture_output=True, text=True, check=True)
    line = next(line for line in result.stdout.splitlines() if line.startswith("BENCH "))
    out = json.loads(line[6:])
    out["rps"] = out["requests"] / (out["duration_us"] / 1e6)
    out["errors"] = sum(out[k] for k in ("connect", "read", "write", "status", "timeout"))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    out["cpu_ms"] = {name: 1000 * (cpu_seconds(pids) - before[name]) / max(1, out["requests"])
                     for name, pids in (servers or {}).items()}
    out["forked_s"] = {name: cpu_seconds(pids, forked=True) - forked[name] for name, pids in (servers or {}).items()}
    out["cpu_ms"]["wrk"] = 1000 * (after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime) / max(
        1, out["requests"])
    if commands is not None:
        out["redis_script"] = script_time.split(commands, stats.info("commandstats"), out["requests"])
    return out


def forked_ms(runs, per_request=1):
    """redis-server's forked rewrites over all `runs`, CPU ms an item (a comment of a batch): the total over the
    rounds, since a rewrite is paid for by whichever round it ends in."""
    return 1000 * sum(r["forked_s"]["redis"] for r in runs) / max(1, per_request * sum(r["requests"] for r in runs))
