"""gunicorn's sync worker step by step over HTTP: the CPU of a comment and of a bare request outside the app.

bench/breakdown.py times the parts inside the app, in process; bench/worker_path.py gunicorn's parser and response
on a socket pair. Neither sees what a request costs around the app in a real worker under load: accept, the parse
after the previous request, the close, the run loop, the worker's other threads. Here the bench's service and bare
app run under the bench's own gunicorn command line, with bench/steps_site/ on PYTHONPATH: its sitecustomize.py
times each step of the sync worker's request in place (thread CPU: accept, parse, `wsgi.create`, the app, write,
close; gunicorn's code runs unchanged). wrk drives `POST /api/v1/comments` (the news mix) at 16 connections, the two
servers alternating in rounds; each round also reads the workers' CPU, system time and switches from /proc. The
table gives medians over the rounds, µs a request; "the rest" is the workers' CPU less the steps: the run loop
(heartbeat, select) and the process's other threads (docs/benchmark.md, session 42).

    python -m bench.steps [--rounds 6] [--seconds 5] [--connections 16]
"""

import argparse
import contextlib
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

import bench.mixes
import bench.runs
from bench import load
from bench.mixes import news_comments
from bench.servers import ROOT, bare_server, production_servers, workers_of

SITE = Path(__file__).resolve().parent / "steps_site"
STEPS = ("accept", "parse", "create", "app", "write", "close")


def step_sums(folder):
    """The steps' sums (seconds) and requests of every worker that wrote to `folder` so far."""
    total = dict.fromkeys((*STEPS, "requests"), 0.0)
    for path in folder.glob("*.json"):
        for name, value in json.loads(path.read_text()).items():
            total[name] += value
    return total


def threads_of(pids):
    """Run time (schedstat, ns), system time (clock ticks) and switches (voluntary, involuntary) of all the threads
    of the processes."""
    run = system = voluntary = involuntary = 0
    for pid in pids:
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(FileNotFoundError):
                run += int((task / "schedstat").read_text().split()[0])
                system += int((task / "stat").read_text().rsplit(")", 1)[1].split()[12])
                status = dict(line.split(":", 1) for line in (task / "status").read_text().splitlines())
                voluntary += int(status["voluntary_ctxt_switches"])
                involuntary += int(status["nonvoluntary_ctxt_switches"])
    return run, system, voluntary, involuntary


def timed_start(name, folder, start):
    """start() with the steps' timers on in the gunicorn it starts (the environment it copies)."""
    saved = {key: os.environ.get(key) for key in ("PYTHONPATH", "BENCH_STEPS")}
    (folder / name).mkdir(parents=True)
    os.environ["BENCH_STEPS"] = str(folder / name)
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, (str(SITE), saved["PYTHONPATH"])))
    try:
        return start()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def one_round(url, pids, folder, connections, seconds, data):
    """One wrk run: µs a request of each step, of the workers' CPU and system time, the rest; switches a request."""
    steps, threads = step_sums(folder), threads_of(pids)
    result = bench.runs.wrk(url, "comment", connections, seconds, data)
    threads_after = threads_of(pids)
    for _ in range(20):  # each worker writes its sums every 100 requests: wait for the last ones' files
        after = step_sums(folder)
        if result["requests"] - (after["requests"] - steps["requests"]) < 100 * len(pids):
            break
        time.sleep(0.1)
    counted = max(1.0, after["requests"] - steps["requests"])
    row = {name: 1e6 * (after[name] - steps[name]) / counted for name in STEPS}
    requests = max(1, result["requests"])
    row["worker CPU"] = (threads_after[0] - threads[0]) / 1e3 / requests
    row["the rest"] = row["worker CPU"] - sum(row[name] for name in STEPS)
    row["outside the app"] = row["worker CPU"] - row["app"]
    row["system time"] = 1e6 * (threads_after[1] - threads[1]) / os.sysconf("SC_CLK_TCK") / requests
    row["voluntary switches"] = (threads_after[2] - threads[2]) / requests
    row["involuntary switches"] = (threads_after[3] - threads[3]) / requests
    row["req/s"] = result["rps"]
    return row


def table(rows):
    names = [*STEPS, "the rest", "outside the app", "worker CPU", "system time", "voluntary switches",
             "involuntary switches", "req/s"]
    med = {mode: {name: statistics.median(row[name] for row in runs) for name in names} for mode, runs in rows.items()}
    lines = [f"  {'µs a request':22} {'comment':>9} {'bare':>9} {'comment - bare':>15}"]
    for name in names:
        places = 2 if "switches" in name else 0 if name == "req/s" else 1
        comment, bare = med["comment"][name], med["bare"][name]
        lines.append(f"  {name:22} {comment:9.{places}f} {bare:9.{places}f} {comment - bare:+15.{places}f}")
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args(argv)
    from moderation.scoring.scorer import load_scorer, read_active

    rng = random.Random(20261126)  # make bench's mix, bodies and thresholds
    comments = news_comments(rng, 3000)
    texts = [comment[0] for comment in comments]
    version, sha256 = read_active(ROOT / "model" / "artifacts")
    thresholds, _ = load.choose_thresholds(load_scorer(ROOT / "model" / "artifacts" / version, sha256), texts)
    steps = Path(tempfile.mkdtemp(prefix="moderation-steps-"))
    loads = [os.getloadavg()[0]]
    with contextlib.ExitStack() as stack:
        folder, gunicorn, url, env, _, _ = timed_start("comment", steps, lambda: stack.enter_context(
            production_servers("moderation-steps-", thresholds)))
        bare, bare_url = timed_start("bare", steps, lambda: stack.enter_context(
            bare_server(folder, env["MODERATION_REDIS_URL"])))
        data = bench.mixes.bodies(texts, rng, folder / "comments.jsonl", comments=comments)
        servers = {"comment": (url, workers_of(gunicorn.pid)), "bare": (bare_url, workers_of(bare.pid))}
        for base, _ in servers.values():
            bench.runs.wrk(base, "comment", args.connections, 2, data)  # warm-up: every worker has answered
        rows = {name: [] for name in servers}
        for round_ in range(args.rounds):
            for name in (("comment", "bare") if round_ % 2 == 0 else ("bare", "comment")):
                base, pids = servers[name]
                row = one_round(base, pids, steps / name, args.connections, args.seconds, data)
                rows[name].append(row)
                print(f"  round {round_ + 1} {name:7} {row['req/s']:6.0f} req/s  worker CPU {row['worker CPU']:6.1f} µs"
                      f"  app {row['app']:6.1f}  outside it {row['outside the app']:6.1f}", flush=True)
            loads.append(os.getloadavg()[0])
    print(f"gunicorn {env['MODERATION_WORKERS']} workers, {args.connections} connections, {args.rounds} rounds x "
          f"{args.seconds} s, load average {min(loads):.1f}-{max(loads):.1f}; medians, µs a request")
    print("\n".join(table(rows)))


if __name__ == "__main__":
    main()
