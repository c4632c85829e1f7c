"""HTTP benchmark of the production set-up against a bare Flask app: `make bench` (about 6 minutes on 2 cores).

Starts a real redis-server (append-only, fsync every second, as in docker-compose.yml) and two gunicorns
with the api service's exact command line (gunicorn.conf.py, 2 sync workers, --preload) and the settings
of .env.example: the service, and bench/bare.py (a Flask app whose `POST /api/v1/comments` only parses
the JSON and answers a constant). wrk (Debian package; a separate process, bench/wrk.lua) then drives,
interleaved in every round and in a rotating order:

  bare      POST /api/v1/comments on the bare app: what Flask and gunicorn cost on this machine
  healthz   GET /healthz on the service: the per-request plumbing (request id, access log, metrics, headers)
  comment   POST /api/v1/comments on the service: Japanese comments of 20-2,000 characters, some English,
            about 20% flagged and queued (written here from phrases of our own; no data set is read), in the
            news-site mix of articles and authors (--mix; see news_comments)

at 16 and 64 connections, then the batch endpoint (100 comments a request, two connections per worker).
Every figure is a median over the rounds, and the service's are also given as ratios to the bare app's
measured in the same rounds, so a shared, loaded machine still gives comparable figures (the load average
is printed with them). CPU per request is read from /proc for each component: the gunicorn workers,
redis-server and wrk, and inside the app by part (scoring, Redis, logging, metrics, Flask...: bench/breakdown.py,
in-process against the same Redis). Worker memory (RSS, PSS) is read at the end. One table; --json writes the figures
too. docs/benchmark.md explains the table and keeps the measured runs.

    python -m bench.load [--rounds 5] [--seconds 5] [--json var/bench.json]
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

import bench.servers
from bench.load_table import MODES, summarise
from bench.mixes import bodies, contentious_share, corpus, news_comments
from bench.runs import wrk
from bench.servers import API_KEY, METRICS_TOKEN, bare_server, memory_mb, pinned, production_servers, workers_of


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def choose_thresholds(scorer, texts):
    """The card's thresholds when they flag 15-25% of the mix, else review thresholds that flag ~20%."""
    scores = [{**score.scores, **(getattr(score, "categories", None) or {})} for score in map(scorer.score, texts)]
    card = scorer.thresholds
    flagged = sum(any(s.get(k, 0) >= card[k]["review"] for k in card) for s in scores) / len(scores)
    if 0.15 <= flagged <= 0.25:
        return None, flagged
    highest = [max(s.values()) for s in scores]
    cut, top = round(percentile(highest, 0.80), 6), round(percentile(highest, 0.95), 6)
    override = {k: {"review": cut, "reject": max(card[k]["reject"], cut, top)} for k in card}
    flagged = sum(any(s.get(k, 0) >= override[k]["review"] for k in card) for s in scores) / len(scores)
    return override, flagged


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--mix", choices=("news", "uniform"), default="news",
                        help="who comments where: the news-site mix (default) or the uniform one of earlier runs")
    parser.add_argument("--redis", choices=("tcp", "unix"), default="tcp",
                        help="how gunicorn reaches Redis: TCP as between containers (default) or a unix socket")
    args = parser.parse_args(argv)
    from moderation.scoring.scorer import load_scorer, read_active

    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (Debian package wrk; `make bench` installs it)")
    rng = random.Random(20261126)
    model_root = bench.servers.ROOT / "model" / "artifacts"
    version, sha256 = read_active(model_root)
    comments = news_comments(rng, 3000) if args.mix == "news" else None
    texts = [c[0] for c in comments] if comments else corpus(rng, 3000)
    thresholds, flag_share = choose_thresholds(load_scorer(model_root / version, sha256), texts)
    print(f"model {version}; {args.mix} mix of {len(texts)} comments"
          f"{f' (contentious articles {contentious_share():.1%} of them)' if comments else ''}, "
          f"median {statistics.median(map(len, texts)):.0f} chars, "
          f"max {max(map(len, texts))}; flagged by the policy: {flag_share:.1%}"
          f"{' (MODERATION_THRESHOLDS override ' + json.dumps(thresholds) + ')' if thresholds else ' (card)'}",
          flush=True)
    load = [os.getloadavg()[0]]
    with production_servers("moderation-bench-", thresholds, args.redis) as (folder, gunicorn, url, env,
                                                                                redis_process, rdb), \
            bare_server(folder, env["MODERATION_REDIS_URL"]) as (bare, bare_url):
        single = bodies(texts, rng, folder / "comments.jsonl", comments=comments)
        batch = bodies(texts, rng, folder / "batches.jsonl", batch=100, comments=comments)
        print(f"gunicorn {env['MODERATION_WORKERS']} workers x {env['MODERATION_THREADS']} threads{pinned(env)} "
              f"(service at {url}, bare app at {bare_url}); {args.rounds} rounds x {args.seconds} s per measure",
              flush=True)
        redis_pids = [redis_process.pid]
        targets = {  # mode -> (url, wrk mode, bodies, pids whose CPU counts as the workers')
            "bare": (bare_url, "comment", single, workers_of(bare.pid)),
            "healthz": (url, "ceiling", None, workers_of(gunicorn.pid)),
            "comment": (url, "comment", single, workers_of(gunicorn.pid)),
        }
        for base, kind, data, _ in targets.values():  # warm-up: every worker has answered
            wrk(base, kind, 16, 2, data)
        runs = {}
        for round_ in range(args.rounds):
            order = MODES[round_ % 3:] + MODES[:round_ % 3]  # no mode always runs first or last
            for connections in (16, 64):
                for mode in order:
                    base, kind, data, pids = targets[mode]
                    result = wrk(base, kind, connections, args.seconds, data,
                                 servers={"workers": pids, "redis": redis_pids},
                                 stats=rdb if mode == "comment" else None)
                    runs.setdefault((mode, connections), []).append(result)
                    print(f"  round {round_ + 1} {mode:8} c={connections:<3} {result['rps']:7.0f} req/s  "
                          f"p50 {result['p50_us'] / 1000:6.1f} ms  p99 {result['p99_us'] / 1000:6.1f} ms  "
                          f"errors {result['errors']}", flush=True)
            load.append(os.getloadavg()[0])
        counters = {name: int(value) for name, value in rdb.hgetall("mod:{bench}:stats").items()}
        counters.update(held_by_rule(rdb))
        batches = []  # two connections per worker: each always has the next batch waiting
        connections = 2 * len(targets["comment"][3])
        for _ in range(max(2, args.rounds - 2)):
            result = wrk(url, "batch", connections, 2 * args.seconds, batch,
                         servers={"workers": targets["comment"][3], "redis": redis_pids})
            batches.append(result)
            print(f"  batch c={connections} {result['rps'] * 100:7.0f} comments/s  p50 {result['p50_us'] / 1000:.0f} ms"
                  f"  errors {result['errors']}", flush=True)
        checks = check_rounds(url, single, targets["comment"][3], redis_pids, args)
        parts = in_app_parts(env, single, folder)
        load.append(os.getloadavg()[0])
        memory = {pid: memory_mb(pid) for pid in workers_of(gunicorn.pid)}
        bare_memory = {pid: memory_mb(pid) for pid in workers_of(bare.pid)}
        server_ms = server_time(url)

    report = summarise(runs, batches, memory, bare_memory, counters, version, env, args, server_ms, load, checks)
    report["in_app_us"] = parts
    print(report["table"])
    if parts:
        from bench.breakdown import row

        print(f"worker CPU per comment inside the app, µs (in-process, {args.mix} mix; bench/breakdown.py): "
              f"{row(parts)}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({k: v for k, v in report.items() if k != "table"}, indent=2))


def in_app_parts(env, bodies_path, folder, requests=None):
    """bench/breakdown.py in a process of its own, with the service's settings and Redis: {part: µs}; `requests`:
    its --requests (its default when None)."""
    child_env = {**env, "BENCH_KEY": API_KEY, "PROMETHEUS_MULTIPROC_DIR": str(folder / "metrics-breakdown"),
                 "PYTHONPATH": str(bench.servers.ROOT)}
    (folder / "metrics-breakdown").mkdir(exist_ok=True)
    more = [] if requests is None else ["--requests", str(requests)]
    result = subprocess.run([sys.executable, "-m", "bench.breakdown", str(bodies_path), *more],
                            cwd=bench.servers.ROOT, env=child_env, capture_output=True, text=True)
    if result.returncode != 0:
        print(f"  in-app breakdown failed: {result.stderr[-500:]}", flush=True)
        return None
    return json.loads(result.stdout.strip().splitlines()[-1])


def held_by_rule(rdb, key="mod:{bench}:audit", page=20_000):
    """{"rule:<reason>": n} for the comments an article's or an author's rule held or rejected (the audit's
    reason names the rule; the model's own holds carry their labels instead), read before the batch rounds."""
    counts, cursor = {}, "-"
    while True:
        entries = rdb.xrange(key, min=cursor, max="+", count=page)
        for _, fields in entries:
            reason = fields.get("reason", "")
            if fields.get("action") in ("queued", "auto_rejected") and reason.startswith(("article_", "author_")):
                counts[f"rule:{reason}"] = counts.get(f"rule:{reason}", 0) + 1
        if len(entries) < page:
            return counts
        cursor = f"({entries[-1][0]}"


def check_rounds(url, data, pids, redis_pids, args):
    """POST /api/v1/comments:check (issue 17: the pre-post nudge) and POST /api/v1/comments on the same bodies,
    interleaved at 16 connections: {"check": [runs], "comment": [runs]}."""
    runs = {"check": [], "comment": []}
    for round_ in range(max(2, args.rounds - 2)):
        for mode in ("check", "comment") if round_ % 2 == 0 else ("comment", "check"):
            result = wrk(url, mode, 16, args.seconds, data, servers={"workers": pids, "redis": redis_pids})
            runs[mode].append(result)
            print(f"  check rounds {round_ + 1} {mode:8} c=16  {result['rps']:7.0f} req/s  "
                  f"p50 {result['p50_us'] / 1000:6.1f} ms  p99 {result['p99_us'] / 1000:6.1f} ms  "
                  f"errors {result['errors']}", flush=True)
    return runs


def server_time(url):
    """Mean time inside the app per route (ms), from /metrics: the work per request, without the queueing."""
    import urllib.request

    from prometheus_client.parser import text_string_to_metric_families

    request = urllib.request.Request(url + "/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        text = response.read().decode()
    sums, counts = {}, {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == "moderation_http_request_duration_seconds_sum":
                sums[sample.labels["route"]] = sample.value
            elif sample.name == "moderation_http_request_duration_seconds_count":
                counts[sample.labels["route"]] = sample.value
    return {route: 1000 * sums[route] / counts[route] for route in sums if counts.get(route)}


if __name__ == "__main__":
    main()
