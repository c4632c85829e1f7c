"""Two source trees of the service side by side under the same gunicorn command, and the bare app: a change's
before and after through HTTP, in the same run (`make bench` measures one tree).

Each tree gets its own redis-server (as `make bench` starts it) and gunicorn (its own gunicorn.conf.py, code and
model artifacts; 2 sync workers, --preload); bench/bare.py runs beside them. wrk drives `POST /api/v1/comments`
(the news mix of bench/mixes.py) at 16 and 64 connections, the three servers in a rotating order each round, and
the figures are medians over the rounds, the throughput also as the ratio to the bare app's in the same round, and
the after/before ratios of worker CPU per request and of throughput per round (what a shared machine's load moves
least), and each service's redis-server time a comment inside SUBMIT (INFO commandstats, as `make bench` prints
it: bench/script_time.py); at the end each server's memory (its largest worker's RSS, and the PSS of its workers and
master together: what a worker more or threads cost, the model's shared pages counted once). A tree is a checkout,
e.g. `git worktree add /tmp/before <commit>` (its .venv is not used: this Python runs both).

With `--after-threads N` the after tree's gunicorn runs N gthread threads a worker (MODERATION_THREADS, as
`BENCH_THREADS=N make bench` sets it) and a second bare app, "bare-after", runs under that same command: one tree
given twice compares the shipped sync workers with threads in the same rounds, each service against the bare app
under its own command (the issue's ratio), without the drift between two separate `make bench` runs.
`--after-workers N` does the same for N worker processes (MODERATION_WORKERS, `BENCH_WORKERS=N make bench`), and
`--after-cpus SPEC` for workers pinned to CPUs (MODERATION_WORKER_CPUS, e.g. auto; `BENCH_WORKER_CPUS=auto make bench`
pins the service and the bare app alike). When
the two trees' .env.example ask for different workers or threads, the bare-after app runs too, each bare app under
its own tree's command and settings, so each tree's service is compared with a bare app under the same command.

`--batch` adds the batch endpoint as `make bench` runs it (100 comments a request, two connections per worker),
before and after in turn, after the single comments' rounds. `--close` makes every POST ask for `Connection:
close`, as nginx does upstream (gunicorn's sync worker closes every connection anyway; the gthread worker would
otherwise keep wrk's connections alive, which no request through the compose proxy gets).

    python -m bench.trees BEFORE_DIR AFTER_DIR [--rounds 5] [--seconds 5] [--after-threads N] [--after-workers N]
                          [--after-cpus SPEC] [--batch] [--close]
"""

import argparse
import contextlib
import json
import os
import random
import shutil
import statistics
import tempfile
from pathlib import Path

import bench.mixes
import bench.runs
import bench.servers
from bench import load, script_time
from bench.mixes import news_comments
from bench.runs import forked_ms

MODES = ("before", "after", "bare")
BARE_OF = {"before": "bare", "after": "bare", "bare": "bare", "bare-after": "bare-after"}  # each one's bare app
SIZING = ("MODERATION_WORKERS", "MODERATION_THREADS", "MODERATION_WORKER_CPUS")
AFTER = ("WORKERS", "THREADS", "WORKER_CPUS")  # what --after-* sets for the after tree and bare-after (BENCH_<name>)


def sized_apart(trees):
    """Whether the two trees' .env.example give gunicorn different workers, threads or worker CPUs."""
    own_root, sizes = bench.servers.ROOT, []
    try:
        for root in trees.values():
            bench.servers.ROOT = root
            sizes.append([bench.servers.env_example().get(name) for name in SIZING])
    finally:
        bench.servers.ROOT = own_root
    return sizes[0] != sizes[1]


def start(trees, folder, single, thresholds, processes, after=None):
    """{mode: (url, worker pids, redis pids)}, every worker warmed up; `processes` gets each one to stop as it
    starts (a server that does not become ready must not leave the others running). `after` ({"WORKERS": n,
    "THREADS": n, "WORKER_CPUS": spec}, or {} for the trees' own settings) sizes the after tree and a bare-after app
    beside the bare one; None: one bare app."""
    servers = {}
    for name, root in trees.items():
        (folder / name / "redis").mkdir(parents=True)
        redis_process, port, stats = bench.servers.start_redis(folder / name / "redis")
        processes.append(redis_process)
        bench.servers.ROOT = root  # the tree whose compose command, gunicorn.conf.py and code gunicorn runs
        with _sized(after if name == "after" else None):
            gunicorn, url, env = bench.servers.start_gunicorn(folder / name, f"redis://127.0.0.1:{port}/0",
                                                              root / "model" / "artifacts", thresholds)
        processes.append(gunicorn)
        print(f"  {name}: {root}, {env['MODERATION_WORKERS']} workers x {env['MODERATION_THREADS']} threads"
              f"{bench.servers.pinned(env)}", flush=True)
        servers[name] = [url, gunicorn, [redis_process.pid], stats]
    for name in ("bare", "bare-after") if after is not None else ("bare",):
        (folder / name).mkdir(exist_ok=True)
        bench.servers.ROOT = trees["after" if name == "bare-after" else "before"]  # its tree's command and settings
        with _sized(after if name == "bare-after" else None):
            bare, url, env = bench.servers.start_gunicorn(folder / name, "redis://127.0.0.1:1/0",
                                                          trees["before"] / "model" / "artifacts", None,
                                                          app="bench.bare:create_app()", ready="/healthz")
        processes.append(bare)
        print(f"  {name}: bench/bare.py, {env['MODERATION_WORKERS']} workers x {env['MODERATION_THREADS']} threads"
              f"{bench.servers.pinned(env)}", flush=True)
        servers[name] = [url, bare, [], None]
    for url, *_ in servers.values():
        bench.runs.wrk(url, "comment", 16, 2, single)  # every worker has answered (and exists: read its pids after)
    return {name: (url, bench.servers.workers_of(master.pid), redis, stats)
            for name, (url, master, redis, stats) in servers.items()}


@contextlib.contextmanager
def _sized(sizes):
    """BENCH_WORKERS, BENCH_THREADS and BENCH_WORKER_CPUS from `sizes` ({"WORKERS": n, ...}; None or a missing name:
    as this process's environment has it) while a gunicorn starts."""
    saved = {name: os.environ.get(f"BENCH_{name}") for name in AFTER}
    for name, count in (sizes or {}).items():
        os.environ[f"BENCH_{name}"] = str(count)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(f"BENCH_{name}", None)
            else:
                os.environ[f"BENCH_{name}"] = value


def memory(workers):
    """(worker count, the largest worker's RSS, the PSS of the workers and their master together), MB, of one server
    given its worker pids: what a setting costs in memory (a worker more, threads), the model's shared pages counted
    once."""
    figures = [bench.servers.memory_mb(pid) for pid in workers]
    masters = {int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1]) for pid in workers}
    shared = sum(bench.servers.memory_mb(pid)["Pss"] for pid in masters)
    return len(workers), max(m["Rss"] for m in figures), shared + sum(m["Pss"] for m in figures)


def summary(runs, connections, modes=MODES):
    lines = []
    for name in modes:
        own_bare = "bare-after" if name == "after" and "bare-after" in modes else BARE_OF[name]
        rows, bare = runs[(name, connections)], runs[(own_bare, connections)]

        def med(key, rows=rows):
            return statistics.median(key(row) for row in rows)

        ratio = statistics.median(row["rps"] / base["rps"] for row, base in zip(rows, bare, strict=True))
        p99 = statistics.median(row["p99_us"] / base["p99_us"] for row, base in zip(rows, bare, strict=True))
        busy = med(lambda r: r["rps"] * sum(r["cpu_ms"].values()) / 1000)  # cores its processes and wrk kept busy
        lines.append(f"  c={connections:<3} {name:10} {med(lambda r: r['rps']):7.0f} req/s, {ratio:.3f} of "
                     f"{own_bare}; p50 / p99 {med(lambda r: r['p50_us']) / 1000:.1f} / "
                     f"{med(lambda r: r['p99_us']) / 1000:.1f} ms ({p99:.2f}x {own_bare}'s p99); "
                     f"CPU ms a request: workers {med(lambda r: r['cpu_ms']['workers']):.3f}, redis "
                     f"{med(lambda r: r['cpu_ms'].get('redis', 0.0)):.3f}, wrk "
                     f"{med(lambda r: r['cpu_ms']['wrk']):.3f}; cores busy {busy:.2f}"
                     + (f"; redis µs in SUBMIT all / commands / INFO {script_time.cell(rows)}"
                        if any("redis_script" in row for row in rows) else ""))
    after, before = runs[("after", connections)], runs[("before", connections)]
    cpu = [a["cpu_ms"]["workers"] / b["cpu_ms"]["workers"] for a, b in zip(after, before, strict=True)]
    rps = [a["rps"] / b["rps"] for a, b in zip(after, before, strict=True)]
    lines.append(f"  c={connections:<3} after / before, per round: worker CPU a request {statistics.median(cpu):.3f} "
                 f"({min(cpu):.3f}-{max(cpu):.3f}), req/s {statistics.median(rps):.3f} ({min(rps):.3f}-{max(rps):.3f})")
    if "bare-after" in modes:  # each service's ratio to the bare app under its own command, round by round
        gain = [a["rps"] / a_bare["rps"] - b["rps"] / b_bare["rps"] for a, a_bare, b, b_bare in zip(
            after, runs[("bare-after", connections)], before, runs[("bare", connections)], strict=True)]
        lines.append(f"  c={connections:<3} ratio to its own bare app, after - before, per round: "
                     f"{statistics.median(gain):+.3f} ({min(gain):+.3f} to {max(gain):+.3f}; higher in "
                     f"{sum(g > 0 for g in gain)} of {len(gain)} rounds)")
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--after-threads", type=int, help="gthread threads a worker for AFTER and a second bare app")
    parser.add_argument("--after-workers", type=int, help="worker processes for AFTER and a second bare app")
    parser.add_argument("--after-cpus", help="MODERATION_WORKER_CPUS (auto, 0,1) for AFTER and a second bare app")
    parser.add_argument("--batch", action="store_true", help="then the batch endpoint, before and after in turn")
    parser.add_argument("--close", action="store_true", help="every POST asks for Connection: close (as nginx)")
    args = parser.parse_args(argv)
    if args.close:
        os.environ["BENCH_CLOSE"] = "1"  # bench/wrk.lua reads it
    from moderation.scoring.scorer import load_scorer, read_active

    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    own_root = bench.servers.ROOT
    rng = random.Random(20261126)  # make bench's mix, bodies and thresholds
    comments = news_comments(rng, 3000)
    texts = [c[0] for c in comments]
    model_root = own_root / "model" / "artifacts"
    version, sha256 = read_active(model_root)
    thresholds, _ = load.choose_thresholds(load_scorer(model_root / version, sha256), texts)
    folder = Path(tempfile.mkdtemp(prefix="moderation-trees-"))
    single = bench.mixes.bodies(texts, rng, folder / "comments.jsonl", comments=comments)
    processes, runs, loads = [], {}, [os.getloadavg()[0]]
    try:
        after = {name: value for name, value in (("WORKERS", args.after_workers), ("THREADS", args.after_threads),
                                                 ("WORKER_CPUS", args.after_cpus)) if value}
        servers = start(trees, folder, single, thresholds, processes,
                        after if after or sized_apart(trees) else None)
        modes = tuple(servers)
        for round_ in range(args.rounds):
            order = modes[round_ % len(modes):] + modes[:round_ % len(modes)]
            for connections in (16, 64):
                for name in order:
                    url, workers, redis, stats = servers[name]
                    result = bench.runs.wrk(url, "comment", connections, args.seconds, single,
                                            servers={"workers": workers, "redis": redis}, stats=stats)
                    runs.setdefault((name, connections), []).append(result)
                    print(f"  round {round_ + 1} {name:10} c={connections:<3} {result['rps']:6.0f} req/s  workers "
                          f"{result['cpu_ms']['workers']:.3f} ms a request  errors {result['errors']}", flush=True)
            loads.append(os.getloadavg()[0])
        if args.batch:  # as `make bench` runs it: two connections per worker, 100 comments a request
            batch = bench.mixes.bodies(texts, rng, folder / "batches.jsonl", batch=100, comments=comments)
            for round_ in range(max(2, args.rounds - 2)):
                for name in ("before", "after") if round_ % 2 == 0 else ("after", "before"):
                    url, workers, redis, _ = servers[name]
                    result = bench.runs.wrk(url, "batch", 2 * len(workers), 2 * args.seconds, batch,
                                            servers={"workers": workers, "redis": redis})
                    runs.setdefault((name, "batch"), []).append(result)
                    print(f"  batch {round_ + 1} {name:6} {result['rps'] * 100:6.0f} comments/s  workers "
                          f"{result['cpu_ms']['workers'] / 100:.3f} ms a comment  errors {result['errors']}",
                          flush=True)
            loads.append(os.getloadavg()[0])
        memories = {name: memory(workers) for name, (_, workers, *_) in servers.items()}
    finally:
        for process in reversed(processes):
            bench.servers.stop(process)
        bench.servers.ROOT = own_root
    threads = f" (after and bare-after: {args.after_threads} threads a worker)" if args.after_threads else ""
    threads += f" (after and bare-after: {args.after_workers} workers)" if args.after_workers else ""
    threads += f" (after and bare-after: workers pinned to CPUs {args.after_cpus})" if args.after_cpus else ""
    threads += ", Connection: close" if args.close else ""
    print(f"{args.before} -> {args.after}{threads}: {args.rounds} rounds x {args.seconds} s, load average "
          f"{min(loads):.1f}-{max(loads):.1f}")
    for connections in (16, 64):
        print("\n".join(summary(runs, connections, modes)))
    for name, (count, rss, pss) in memories.items():
        print(f"  memory {name:10} {count} workers, the largest's RSS {rss:.0f} MB; PSS of the workers and their "
              f"master {pss:.0f} MB")
    if args.batch:
        after, before = runs[("after", "batch")], runs[("before", "batch")]
        for name, rows in (("before", before), ("after", after)):
            print(f"  batch {name:6} {statistics.median(r['rps'] * 100 for r in rows):6.0f} comments/s; CPU ms a "
                  f"comment: workers {statistics.median(r['cpu_ms']['workers'] for r in rows) / 100:.3f}, redis "
                  f"{statistics.median(r['cpu_ms']['redis'] for r in rows) / 100:.3f} (its forked AOF rewrites, all "
                  f"rounds: {forked_ms(rows, 100):.3f})")
        rate = [a["rps"] / b["rps"] for a, b in zip(after, before, strict=True)]
        print(f"  batch after / before, per round: comments/s {statistics.median(rate):.3f} "
              f"({min(rate):.3f}-{max(rate):.3f})")
    print(json.dumps({f"{name} c={c}": [round(r["rps"]) for r in rows] for (name, c), rows in runs.items()}))
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
