"""What answering a comment only once Redis has written it costs, and what `appendfsync always` would have cost.

Under `everysec` Redis may answer a write it has not yet written to its append-only file (while its background
fsync runs), which a killed server then loses (README, Durability). The service's SUBMIT reports such a pending
fsync and the service then waits for the write (store/append_only.py); `appendfsync always` would instead write
and fsync before every answer. Three variants side by side, each on its own real server started as `make bench`
starts its own (bench/servers.py), files in one temporary folder (`--dir`, on the disk to measure), and the service's
app in-process (bench/submit.py's settings): "unchecked" (everysec, SUBMIT without the check: the service before
it), "checked" (everysec, the service as it is) and "always" (appendfsync always, SUBMIT without the check).
The news mix's comments are scored once, then written under fresh ids through ReviewQueue.submit (the API's call,
rate limits counted in it): by one client, a comment at a time (wall time per submit: median and 90th percentile;
the server's CPU per comment from /proc/<pid>/task/*/schedstat), by `--threads` clients at once (comments/s), and
by submit_many (100 a round trip: the batch endpoint's call; comments/s). Each round measures every variant, in a
rotating order; medians over rounds and medians of per-round ratios to "unchecked", with the load average.

    python -m bench.fsync [--comments 400] [--rounds 5] [--threads 16] [--dir /var/tmp]
"""

import argparse
import os
import random
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path

from bench.load import percentile
from bench.mixes import bodies
from bench.servers import start_redis
from bench.submit import app_for, forced, news_mix, records_of, server_ns

VARIANTS = {"unchecked": "everysec", "checked": "everysec", "always": "always"}  # name: appendfsync
UNCHECKED = "local function aof_pending() return '' end\n"
WAITED = {"writes": 0, "seconds": 0.0}  # checked: the submits that found an fsync pending, and their wait


def count_waits():
    """Count, in AppendOnly.wait, the submits that waited for their write to reach the file."""
    from moderation.store.append_only import AppendOnly

    wait = AppendOnly.wait

    def counted(self, key, run_id):
        start = time.perf_counter()
        try:
            return wait(self, key, run_id)
        finally:
            if run_id:
                WAITED["writes"] += 1
                WAITED["seconds"] += time.perf_counter() - start

    AppendOnly.wait = counted


def submit(app, todo):
    """Wall seconds of each submit, one after another, in one app context (as a request runs)."""
    from moderation.store.rate_limits import get_limiter
    from moderation.store.review_queue import get_queue

    out = []
    with app.app_context():
        queue, limiter = get_queue("bench"), get_limiter()
        for record, hits in todo:
            start = time.perf_counter()
            queue.submit(record, queued=record["decision"] == "review",
                         charge=limiter.charge("bench", hits, now=time.time()))
            out.append(time.perf_counter() - start)
    return out


def concurrently(app, todo, threads):
    """Comments/s with `threads` clients writing at once."""
    parts = [todo[i::threads] for i in range(threads)]
    workers = [threading.Thread(target=submit, args=(app, part)) for part in parts]
    start = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return len(todo) / (time.perf_counter() - start)


def batched(app, todo):
    from moderation.store.rate_limits import get_limiter
    from moderation.store.review_queue import get_queue

    with app.app_context():
        queue, limiter = get_queue("bench"), get_limiter()
        start = time.perf_counter()
        for first in range(0, len(todo), 100):
            queue.submit_many([(r, r["decision"] == "review", limiter.charge("bench", hits, now=time.time()))
                               for r, hits in todo[first:first + 100]])
        return len(todo) / (time.perf_counter() - start)


def round_of(app, pid, records, tag, threads):
    def fresh(kind):
        return [forced(r, hits, "mix", f"{tag}-{kind}-{n}") for n, (r, hits) in enumerate(records)]

    cpu = server_ns(pid)
    latencies = submit(app, fresh("one"))
    cpu = (server_ns(pid) - cpu) / 1e3 / len(records)
    return {"median_ms": 1e3 * statistics.median(latencies), "p90_ms": 1e3 * percentile(latencies, 0.9),
            "server_us": cpu, "threads_per_s": concurrently(app, fresh("threads"), threads),
            "batch_per_s": batched(app, fresh("batch"))}


def warm(app, records, name):
    """Scripts loaded and connections open; the unchecked variants' queues get SUBMIT without the check (a site's
    queue and its script are built at its first comment)."""
    from moderation.store import append_only
    from moderation.store.review_queue import submit_lua

    shipped = submit_lua.CHUNK
    if name != "checked":
        submit_lua.CHUNK = shipped.replace(append_only.PENDING, UNCHECKED)
    try:
        submit(app, [forced(r, h, "mix", f"warm-{n}") for n, (r, h) in enumerate(records[:50])])
    finally:
        submit_lua.CHUNK = shipped


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--comments", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--dir", type=Path, default=None, help="where the servers keep their files")
    args = parser.parse_args(argv)
    rng = random.Random(20261202)
    comments, thresholds = news_mix(rng, args.comments)
    count_waits()
    folder = Path(tempfile.mkdtemp(prefix="moderation-fsync-", dir=args.dir))
    servers, apps = {}, {}
    names = list(VARIANTS)
    load = [os.getloadavg()[0]]
    try:
        for name, policy in VARIANTS.items():
            (folder / name).mkdir()
            servers[name] = start_redis(folder / name, fsync=policy)
            apps[name] = app_for(servers[name][1], folder / name, thresholds)
        lines = bodies(None, rng, folder / "comments.jsonl", comments=comments).read_text().splitlines()
        records = records_of(apps["checked"], [line for line in lines if line])
        for name in names:
            warm(apps[name], records, name)
        runs = {name: [] for name in names}
        for round_ in range(args.rounds):
            for name in names[round_ % 3:] + names[:round_ % 3]:
                runs[name].append(round_of(apps[name], servers[name][0].pid, records, f"r{round_}", args.threads))
            load.append(os.getloadavg()[0])
    finally:
        for process, _, _ in servers.values():
            process.terminate()
            process.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    print(f"medians of {args.rounds} interleaved rounds x {len(records)} comments, files under {folder.parent}; "
          f"load average {min(load):.1f}-{max(load):.1f} on {os.cpu_count()} cores")
    figures = ("median_ms", "p90_ms", "server_us", "threads_per_s", "batch_per_s")
    print(f"{'variant':10} {'submit ms p50':>14} {'p90':>8} {'server us':>10} {f'{args.threads} clients /s':>15} "
          f"{'batch /s':>10}")
    for name in names:
        row = {figure: statistics.median(r[figure] for r in runs[name]) for figure in figures}
        print(f"{name:10} {row['median_ms']:14.2f} {row['p90_ms']:8.2f} {row['server_us']:10.1f} "
              f"{row['threads_per_s']:15.0f} {row['batch_per_s']:10.0f}")
    total = 3 * len(records) * args.rounds
    print(f"checked: {WAITED['writes']} of {total} writes found an fsync pending and waited, "
          f"{1e3 * WAITED['seconds'] / max(1, WAITED['writes']):.1f} ms on average")
    for name in ("checked", "always"):
        for figure in ("median_ms", "server_us", "threads_per_s", "batch_per_s"):
            ratios = [b[figure] / a[figure] for a, b in zip(runs["unchecked"], runs[name], strict=True)]
            print(f"  {name} / unchecked, {figure}: median of per-round ratios {statistics.median(ratios):.3f}")


if __name__ == "__main__":
    main()
