"""Two source trees of the service side by side under the same gunicorn command, and the bare app: a change's
before and after through HTTP, in the same run (`make bench` measures one tree).

Each tree gets its own redis-server (as `make bench` starts it) and gunicorn (its own gunicorn.conf.py, code and
model artifacts; 2 sync workers, --preload); bench/bare.py runs beside them. wrk drives `POST /api/v1/comments`
(the news mix of bench/load.py) at 16 and 64 connections, the three servers in a rotating order each round, and
the figures are medians over the rounds, the throughput also as the ratio to the bare app's in the same round, and
the after/before ratios of worker CPU per request and of throughput per round (what a shared machine's load moves
least). A tree is a checkout, e.g. `git worktree add /tmp/before <commit>` (its .venv is not used: this Python runs
both).

    python -m bench.trees BEFORE_DIR AFTER_DIR [--rounds 5] [--seconds 5]
"""

import argparse
import json
import os
import random
import shutil
import statistics
import tempfile
from pathlib import Path

from bench import load

MODES = ("before", "after", "bare")


def start(trees, folder, single, thresholds, processes):
    """{mode: (url, worker pids, redis pids)}, every worker warmed up; `processes` gets each one to stop as it
    starts (a server that does not become ready must not leave the others running)."""
    servers = {}
    for name, root in trees.items():
        (folder / name / "redis").mkdir(parents=True)
        redis_process, port, _ = load.start_redis(folder / name / "redis")
        processes.append(redis_process)
        load.ROOT = root  # the tree whose compose command, gunicorn.conf.py and code gunicorn runs
        gunicorn, url, _ = load.start_gunicorn(folder / name, f"redis://127.0.0.1:{port}/0",
                                               root / "model" / "artifacts", thresholds)
        processes.append(gunicorn)
        servers[name] = [url, gunicorn, [redis_process.pid]]
    bare, url, _ = load.start_gunicorn(folder, "redis://127.0.0.1:1/0", trees["before"] / "model" / "artifacts", None,
                                       app="bench.bare:create_app()", ready="/healthz")
    processes.append(bare)
    servers["bare"] = [url, bare, []]
    for url, _, _ in servers.values():
        load.wrk(url, "comment", 16, 2, single)  # every worker has answered (and exists: read its pids after)
    return {name: (url, load.workers_of(master.pid), redis) for name, (url, master, redis) in servers.items()}


def summary(runs, connections):
    lines = []
    for name in MODES:
        rows, bare = runs[(name, connections)], runs[("bare", connections)]

        def med(key, rows=rows):
            return statistics.median(key(row) for row in rows)

        ratio = statistics.median(row["rps"] / base["rps"] for row, base in zip(rows, bare, strict=True))
        lines.append(f"  c={connections:<3} {name:6} {med(lambda r: r['rps']):7.0f} req/s, {ratio:.3f} of bare; "
                     f"p50 / p99 {med(lambda r: r['p50_us']) / 1000:.1f} / {med(lambda r: r['p99_us']) / 1000:.1f} ms; "
                     f"CPU ms a request: workers {med(lambda r: r['cpu_ms']['workers']):.3f}, redis "
                     f"{med(lambda r: r['cpu_ms'].get('redis', 0.0)):.3f}, wrk {med(lambda r: r['cpu_ms']['wrk']):.3f}")
    after, before = runs[("after", connections)], runs[("before", connections)]
    cpu = [a["cpu_ms"]["workers"] / b["cpu_ms"]["workers"] for a, b in zip(after, before, strict=True)]
    rps = [a["rps"] / b["rps"] for a, b in zip(after, before, strict=True)]
    lines.append(f"  c={connections:<3} after / before, per round: worker CPU a request {statistics.median(cpu):.3f} "
                 f"({min(cpu):.3f}-{max(cpu):.3f}), req/s {statistics.median(rps):.3f} ({min(rps):.3f}-{max(rps):.3f})")
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=5)
    args = parser.parse_args(argv)
    from moderation.scoring.scorer import load_scorer, read_active

    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    own_root = load.ROOT
    rng = random.Random(20261126)  # bench/load.py's mix, bodies and thresholds
    comments = load.news_comments(rng, 3000)
    texts = [c[0] for c in comments]
    model_root = own_root / "model" / "artifacts"
    version, sha256 = read_active(model_root)
    thresholds, _ = load.choose_thresholds(load_scorer(model_root / version, sha256), texts)
    folder = Path(tempfile.mkdtemp(prefix="moderation-trees-"))
    single = load.bodies(texts, rng, folder / "comments.jsonl", comments=comments)
    processes, runs, loads = [], {}, [os.getloadavg()[0]]
    try:
        servers = start(trees, folder, single, thresholds, processes)
        for round_ in range(args.rounds):
            order = MODES[round_ % 3:] + MODES[:round_ % 3]
            for connections in (16, 64):
                for name in order:
                    url, workers, redis = servers[name]
                    result = load.wrk(url, "comment", connections, args.seconds, single,
                                      servers={"workers": workers, "redis": redis})
                    runs.setdefault((name, connections), []).append(result)
                    print(f"  round {round_ + 1} {name:6} c={connections:<3} {result['rps']:6.0f} req/s  workers "
                          f"{result['cpu_ms']['workers']:.3f} ms a request  errors {result['errors']}", flush=True)
            loads.append(os.getloadavg()[0])
    finally:
        for process in reversed(processes):
            load.stop(process)
        load.ROOT = own_root
    print(f"{args.before} -> {args.after}: {args.rounds} rounds x {args.seconds} s, load average "
          f"{min(loads):.1f}-{max(loads):.1f}")
    for connections in (16, 64):
        print("\n".join(summary(runs, connections)))
    print(json.dumps({f"{name} c={c}": [round(r["rps"]) for r in rows] for (name, c), rows in runs.items()}))
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
