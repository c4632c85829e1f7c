"""Soak: ten minutes at 80% of the measured capacity through gunicorn and a real Redis (`make soak`).

Measures the scoring endpoint's capacity with wrk first (closed loop, 16 connections), then holds 80% of it
with wrk's per-request delay, one wrk run per minute so each minute has its own latency figures, and reads
the memory (RSS and PSS) of the gunicorn master, every worker and redis-server after each minute.

It passes when there are no errors, the last minute's p99 is within 1.5 times the first minute's (plus
2 ms for timer noise), and no gunicorn process grows by more than 10% (plus 8 MB) from the first minute to
the last. Redis grows by design (every comment's record is kept for idempotency and GET): its growth is
reported per stored comment.

    python -m bench.soak [--minutes 10] [--load 0.8]
"""

import argparse
import json
import os
import random
import shutil
import statistics
from pathlib import Path

from bench.mixes import bodies, corpus
from bench.runs import wrk
from bench.servers import memory_mb, production_servers, workers_of


def processes(gunicorn, redis_process):
    named = {"master": gunicorn.pid, "redis": redis_process.pid}
    for n, pid in enumerate(sorted(workers_of(gunicorn.pid))):
        named[f"worker{n + 1}"] = pid
    return {name: memory_mb(pid) for name, pid in named.items()}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=int, default=10)
    parser.add_argument("--load", type=float, default=0.8, help="share of the measured capacity to hold")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (Debian package wrk; `make soak` installs it)")
    rng = random.Random(7)
    texts = corpus(rng, 3000)
    minutes = []
    with production_servers("moderation-soak-") as (folder, gunicorn, url, _, redis_process, _):
        single = bodies(texts, rng, folder / "comments.jsonl")
        wrk(url, "comment", args.connections, 5, single)  # warm-up
        capacity = statistics.median(wrk(url, "comment", args.connections, 10, single)["rps"] for _ in range(3))
        target = capacity * args.load
        probe = wrk(url, "comment", args.connections, 5, single)
        delay_ms = max(0.0, args.connections / target * 1000 - probe["p50_us"] / 1000)
        print(f"capacity {capacity:.0f} req/s; holding {target:.0f} req/s ({args.load:.0%}) with "
              f"{args.connections} connections, {delay_ms:.1f} ms between a connection's requests", flush=True)
        before = processes(gunicorn, redis_process)
        for minute in range(1, args.minutes + 1):
            os.environ["BENCH_DELAY_MS"] = f"{delay_ms:.3f}"  # read by bench/wrk.lua through wrk's environment
            result = wrk(url, "comment", args.connections, 60, single)
            del os.environ["BENCH_DELAY_MS"]
            result["memory"] = processes(gunicorn, redis_process)
            minutes.append(result)
            # keep the rate on target as latency drifts: a closed loop would hide a slowdown, this shows it
            delay_ms = max(0.0, delay_ms * result["rps"] / target)
            rss = " ".join(f"{n} {m['Rss']:.0f}" for n, m in result["memory"].items())
            print(f"  minute {minute:2}: {result['rps']:6.0f} req/s  p50 {result['p50_us'] / 1000:5.1f} ms  "
                  f"p99 {result['p99_us'] / 1000:5.1f} ms  errors {result['errors']}  RSS MB: {rss}", flush=True)
    first, last = minutes[0], minutes[-1]
    growth = {name: (last["memory"][name]["Pss"], first["memory"][name]["Pss"]) for name in first["memory"]
              if name in last["memory"]}
    verdict = {
        "requests": sum(m["requests"] for m in minutes),
        "errors": sum(m["errors"] for m in minutes),
        "p99_first_ms": first["p99_us"] / 1000, "p99_last_ms": last["p99_us"] / 1000,
        "pss_first_last_mb": {name: [round(b, 1), round(a, 1)] for name, (a, b) in growth.items()},
    }
    verdict["p99_stable"] = verdict["p99_last_ms"] <= 1.5 * verdict["p99_first_ms"] + 2
    verdict["memory_flat"] = all(a <= b * 1.10 + 8 for name, (a, b) in growth.items() if name != "redis")
    # RSS, not PSS, for Redis: an append-only-file rewrite forks it, and the shared pages halve its PSS
    redis_rss = last["memory"]["redis"]["Rss"] - before["redis"]["Rss"]
    verdict["redis_kb_per_comment"] = round(redis_rss * 1024 / verdict["requests"], 2)
    verdict["passed"] = verdict["errors"] == 0 and verdict["p99_stable"] and verdict["memory_flat"]
    print("\n| minutes | requests | errors | p99 first min | p99 last min | PSS first -> last (MB) | Redis KB/comment "
          "| verdict |")
    print("|---|---|---|---|---|---|---|---|")
    pss = ", ".join(f"{n} {b}->{a}" for n, (b, a) in verdict["pss_first_last_mb"].items())
    print(f"| {len(minutes)} | {verdict['requests']} | {verdict['errors']} | {verdict['p99_first_ms']:.1f} ms | "
          f"{verdict['p99_last_ms']:.1f} ms | {pss} | {verdict['redis_kb_per_comment']} | "
          f"{'pass' if verdict['passed'] else 'FAIL'} |")
    if args.json:
        args.json.write_text(json.dumps({"minutes": minutes, "verdict": verdict}, indent=2))
    return 0 if verdict["passed"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
