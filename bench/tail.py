"""The p99 at 64 connections taken apart: how much of it is queueing and how much the service time's own spread.

wrk keeps 64 requests in flight on 2 sync workers, so a request's latency is mostly its wait behind the ~62 ahead
of it, and by Little's law the mean latency is 64 / req/s. The p99 of the comment over the bare app's then splits
into (bare req/s / comment req/s) x (the comment's p99 over its mean / the bare app's); `make bench` prints both
factors. This tool measures the second one from the inside:

1. It runs each request through a sync worker's steps in process (bench/worker_path.py: gunicorn's parser on a
   socket pair, `wsgi.create`, the app, the response class), on the bench's news-mix bodies, settings and thresholds,
   with a real redis-server and real scoring. Each comment is followed by the bare app (bench/bare.py) on the same
   body. Both are timed in thread CPU, and each comment is classed by its answer (decision, explained) and length.
2. It feeds those service times into a closed-loop queue (64 clients, 2 workers, one FIFO accept queue), scaled to a
   mean service time (multiplied, or shifted by a constant for the work outside the app), and prints the p99 over
   the mean latency, as measured and with one class of comments at the cost of the others.

    python -m bench.tail [--comments 4000] [--clients 64] [--workers 2]

docs/benchmark.md, "The p99 at 64 connections, taken apart", gives a run.
"""

import argparse
import gc
import heapq
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path


def simulate(times, clients=64, servers=2, n=200_000, seed=1):
    """Closed loop: `clients` requests always in flight, served in the order sent by `servers` workers, each service
    time drawn from `times`. Returns (p50, p99, mean) latency over all but the first tenth."""
    rng = random.Random(seed)
    pending, free, latencies = [0.0] * clients, [0.0] * servers, []
    for _ in range(n):
        worker_free, sent = heapq.heappop(free), heapq.heappop(pending)
        end = max(worker_free, sent) + rng.choice(times)
        heapq.heappush(free, end)
        heapq.heappush(pending, end)  # the client sends its next request at once
        latencies.append(end - sent)
    latencies = sorted(latencies[n // 10:])
    return (latencies[len(latencies) // 2], latencies[int(0.99 * len(latencies))], statistics.fmean(latencies))


def spread(times, clients=64, servers=2, *, how="mult", mean=1.0, n=200_000):
    """p99 over the mean latency of `times` scaled to `mean` (multiplied, or shifted by a constant: "add")."""
    m = statistics.fmean(times)
    scaled = [t * mean / m for t in times] if how == "mult" else [t + mean - m for t in times]
    _, p99, mean_latency = simulate(scaled, clients, servers, n)
    return p99 / mean_latency


def _time_waits():
    """AppendOnly.wait timed where it waits (a SUBMIT answered while Redis's background fsync ran): [(CPU µs, wall
    µs)]. Thread CPU leaves its sleeps out, and they hold the worker all the same."""
    from moderation.store import append_only

    waits, wait = [], append_only.AppendOnly.wait

    def timed(self, key, pending):
        if not pending:
            return wait(self, key, pending)
        cpu, wall = time.thread_time(), time.perf_counter()
        try:
            return wait(self, key, pending)
        finally:
            waits.append(((time.thread_time() - cpu) * 1e6, (time.perf_counter() - wall) * 1e6))

    append_only.AppendOnly.wait = timed
    return waits


def measure(count):
    """([{cpu, bare_cpu (µs), decision, explained, chars}] for `count` comments of the news mix, in process, and the
    fsync waits among them: [(CPU µs, wall µs)])."""
    from bench import bare, worker_path
    from bench.servers import API_KEY, start_redis

    folder = Path(tempfile.mkdtemp(prefix="bench-tail-"))
    (folder / "redis").mkdir()
    (folder / "metrics").mkdir()
    bodies_path, thresholds = worker_path._bodies_and_thresholds(folder)
    redis_process, port, _ = start_redis(folder / "redis")
    try:
        os.environ.update(worker_path._settings(folder, port, thresholds))
        from gunicorn.config import Config

        from moderation import create_app
        from moderation.ops import http_response

        http_response.install()  # what gunicorn.conf.py does in the master
        waits = _time_waits()
        apps = {"comment": create_app(), "bare": bare.create_app()}
        gc.collect()
        gc.freeze()  # as gunicorn.conf.py does after --preload
        gc.set_threshold(5000, *gc.get_threshold()[1:])  # its post_fork
        config = Config()
        bodies = [line for line in bodies_path.read_text(encoding="utf-8").splitlines() if line]
        rng, run, head = random.Random(13), f"tail-{os.getpid()}", f"Bearer {API_KEY}".encode()

        def one(app, n):
            body = bodies[n % len(bodies)].replace("@ID@", f"{run}-{n}").replace(
                "@READER@", f"r-{rng.randint(1, 200_000)}").encode()
            cpu, client = worker_path.through_gunicorn(app, worker_path.post_bytes(body, head), config)
            try:
                out = b"".join(iter(lambda: client.recv(65536), b""))
            finally:
                client.close()
            if not out.startswith(b"HTTP/1.1 200"):
                raise SystemExit(f"a request was answered {out[:12]!r}")
            answer = json.loads(out.split(b"\r\n\r\n", 1)[1])
            return {"cpu": cpu, "decision": answer.get("decision"), "explained": bool(answer.get("explanation")),
                    "chars": len(json.loads(body)["text"])}

        sys.stderr = open(os.devnull, "w")  # the access lines: written, as in production, and thrown away
        for n in range(600):  # warm-up
            one(apps["comment"], n)
            one(apps["bare"], n)
        rows = []
        for n in range(600, 600 + count):
            row = one(apps["comment"], n)
            row["bare_cpu"] = one(apps["bare"], n)["cpu"]
            rows.append(row)
        return rows, waits
    finally:
        redis_process.terminate()
        redis_process.wait(timeout=30)


def describe(name, values):
    values = sorted(values)
    mean = statistics.fmean(values)
    return (f"{name:44} {mean:6.0f} {values[len(values) // 2]:6.0f} {values[int(0.99 * len(values))]:6.0f} "
            f"{values[-1]:6.0f}  CV {statistics.pstdev(values) / mean:.2f}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--comments", type=int, default=4000)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--comment-ms", type=float, default=1.25,
                        help="a comment's mean service time a worker for the shifted form: 2 / req/s at 64 "
                             "connections (the quiet make bench on 73fdd84: 1,594 req/s)")
    parser.add_argument("--bare-ms", type=float, default=0.374, help="the bare app's likewise (5,343 req/s)")
    args = parser.parse_args(argv)
    rows, waits = measure(args.comments)
    classes = {
        "allowed": lambda r: r["decision"] == "allow",
        "held or rejected, no explanation": lambda r: r["decision"] != "allow" and not r["explained"],
        "held or rejected, explained": lambda r: r["explained"],
        "400+ characters": lambda r: r["chars"] >= 400,
    }
    print(f"service CPU a request, µs, {len(rows)} comments (load {os.getloadavg()[0]:.1f}): mean, p50, p99, max")
    print(describe("comment", [r["cpu"] for r in rows]))
    for name, member in classes.items():
        part = [r["cpu"] for r in rows if member(r)]
        if part:
            print(describe(f"  {name} ({len(part) / len(rows):.1%})", part))
    print(describe("bare app, same bodies", [r["bare_cpu"] for r in rows]))
    comment = [r["cpu"] for r in rows]
    if waits:
        print(f"fsync waits: {len(waits)} ({len(waits) / len(rows):.2%} of the comments), wall µs "
              f"{', '.join(f'{wall:.0f}' for _, wall in sorted(waits, key=lambda w: w[1]))}; CPU µs median "
              f"{statistics.median(cpu for cpu, _ in waits):.0f} (in the figures above)")
    with_waits = list(comment)  # each wait's sleep added to a comment drawn at random
    for index, (cpu, wall) in zip(random.Random(5).sample(range(len(rows)), len(waits)), waits, strict=True):
        with_waits[index] += wall - cpu
    variants = {"comment, as measured": comment, "comment with its fsync waits' sleeps": with_waits,
                "bare app, as measured": [r["bare_cpu"] for r in rows]}
    means = {name: args.bare_ms if name.startswith("bare") else args.comment_ms for name in variants}
    for name in ("held or rejected, explained", "400+ characters"):
        others = statistics.fmean(r["cpu"] for r in rows if not classes[name](r))
        variants[f"comment, {name} at the others' mean"] = [others if classes[name](r) else r["cpu"] for r in rows]
        means[f"comment, {name} at the others' mean"] = args.comment_ms
    print(f"\np99 over the mean latency, {args.clients} clients on {args.workers} workers, one FIFO queue "
          "(multiplied / shifted to the mean service time):")
    for name, times in variants.items():
        print(f"  {name:58} {spread(times, args.clients, args.workers):.3f} / "
              f"{spread(times, args.clients, args.workers, how='add', mean=means[name] * 1000):.3f}")


if __name__ == "__main__":
    main()
