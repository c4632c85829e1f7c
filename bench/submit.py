"""Redis's side of a comment's submit, per outcome: redis-server CPU, commands the script runs, client CPU.

Starts a real redis-server as `make bench` does (append-only, fsync every second, TCP) and builds the service's
app in-process with bench/load.py's settings (.env.example; author standing on; the article breaker counts every
comment but never trips, so a forced outcome stays the forced one). The news mix's comments are scored once, then
stored again and again under fresh ids through ReviewQueue.submit (one comment a round trip, its rate limits
counted in it) and submit_many (100 a round trip: the batch endpoint's call), as scored ("mix") and with the
decision forced to allow, review or reject (each comment on its own fresh author). For each: redis-server CPU per
comment (/proc/<pid>/task/*/schedstat, ns), the commands the script ran per comment (INFO commandstats: every
command but EVALSHA) and the client's CPU per comment (getrusage around the calls). Medians over rounds that
interleave everything, so a shared machine still gives comparable figures; quote them with the load average.

    python -m bench.submit [--comments 2000] [--rounds 5] [--json FILE]
"""

import argparse
import json
import os
import random
import resource
import secrets
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.load import choose_thresholds
from bench.mixes import bodies, news_comments
from bench.servers import API_KEY, METRICS_TOKEN, ROOT, env_example, start_redis

OUTCOMES = ("mix", "allow", "review", "reject")
STATUS = {"allow": "published", "review": "pending", "reject": "rejected"}


def commandstats(rdb):
    return {name: int(v["calls"]) for name, v in rdb.info("commandstats").items()}


def server_ns(pid):
    """On-CPU time of every thread of the process so far, in ns (finer than /proc/<pid>/stat's ticks)."""
    return sum(int(task.joinpath("schedstat").read_text().split()[0]) for task in Path(f"/proc/{pid}/task").iterdir())


def client_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def app_for(port, folder, thresholds):
    """The service's app against the benchmark's redis-server, configured as bench/servers.py's gunicorn is."""
    settings = {k: v for k, v in env_example().items() if k.startswith("MODERATION_")}
    settings.update({
        "MODERATION_REDIS_URL": f"redis://127.0.0.1:{port}/0", "MODERATION_API_KEYS": f"bench:{API_KEY}",
        "MODERATION_METRICS_TOKEN": METRICS_TOKEN,  # start-up refuses .env.example's placeholder
        "MODERATION_SECRET_KEY": secrets.token_hex(32), "MODERATION_INSTANCE_DIR": str(folder),
        "MODERATION_MODEL_DIR": str(ROOT / "model" / "artifacts"),
        "MODERATION_RATE_LIMITS": json.dumps({"key": "100000000/60", "author": "100000000/60", "ip": "100000000/60"}),
        "MODERATION_ARTICLE_BREAKER": json.dumps({"min_comments": 1_000_000_000}),
    })
    if thresholds:
        settings["MODERATION_THRESHOLDS"] = json.dumps(thresholds)
    os.environ.update(settings)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(folder / "metrics")
    (folder / "metrics").mkdir(exist_ok=True)
    from moderation import create_app

    return create_app()


def records_of(app, lines):
    """[(record, rate-limit hits)] of the news mix's comments, scored and built once as the API builds them."""
    from moderation.api.comment_records import build_record, comment_hits
    from moderation.api.validation import parse_comment
    from moderation.scoring.manager import get_manager

    out = []
    with app.app_context():
        scorer = get_manager().active
        for n, line in enumerate(lines):
            comment = parse_comment(json.loads(line.replace("@ID@", f"x-{n}").replace("@READER@", f"r-{n}")))
            out.append((build_record("bench", comment, scorer.score(comment["text"])), comment_hits(comment)))
    return out


def news_mix(rng, n):
    """n comments of the news mix (bench/mixes.py) and the thresholds that flag its share with the shipped model."""
    from moderation.scoring.scorer import load_scorer, read_active

    version, sha256 = read_active(ROOT / "model" / "artifacts")
    comments = news_comments(rng, n)
    thresholds, _ = choose_thresholds(load_scorer(ROOT / "model" / "artifacts" / version, sha256),
                                      [c[0] for c in comments])
    return comments, thresholds


def forced(record, hits, outcome, id_):
    """The record under a fresh id; for a forced outcome also a fresh author (no standing carried over)."""
    record = {**record, "id": id_}
    if outcome != "mix":
        if record["author_id"]:  # the author as the parsed comment holds it (records.documents writes it from there)
            record["author_id"] = f"{id_}-a"
            comment = record["comment"]
            record["comment"] = {**comment, "author": {**comment["author"], "id": record["author_id"]}}
        hits = [("key", "all", 1), ("author", record["author_id"], 1)]
        record.update(decision=outcome, status=STATUS[outcome], trusted_decision=None)
        if outcome != "allow" and not record["labels"]:
            record["labels"] = ["spam"]
    return record, hits


def measure(app, rdb, pid, records, outcome, tag, batch):
    """{redis_us, commands, client_us} per comment for one outcome, one comment (batch 0) or `batch` a call."""
    from moderation.store.rate_limits import get_limiter
    from moderation.store.review_queue import get_queue

    with app.app_context():
        queue, limiter = get_queue("bench"), get_limiter()
        todo = [forced(r, hits, outcome, f"{tag}-{n}") for n, (r, hits) in enumerate(records)]
        before, server, client = commandstats(rdb), server_ns(pid), client_seconds()
        if batch:
            for first in range(0, len(todo), batch):
                queue.submit_many([(r, r["decision"] == "review", limiter.charge("bench", hits, now=time.time()))
                                   for r, hits in todo[first:first + batch]])
        else:
            for r, hits in todo:
                charge = limiter.charge("bench", hits, now=time.time())
                queue.submit(r, queued=r["decision"] == "review", charge=charge)
        client, server, after = client_seconds() - client, server_ns(pid) - server, commandstats(rdb)
    n = len(todo)
    delta = {name[8:]: calls - before.get(name, 0) for name, calls in after.items()
             if name not in ("cmdstat_evalsha", "cmdstat_fcall", "cmdstat_info")}
    return {"redis_us": server / 1e3 / n, "commands": sum(delta.values()) / n, "client_us": 1e6 * client / n,
            "by_command": {name: round(calls / n, 2) for name, calls in sorted(delta.items()) if calls}}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--comments", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    rng = random.Random(20261126)
    comments, thresholds = news_mix(rng, args.comments)
    folder = Path(tempfile.mkdtemp(prefix="moderation-submit-"))
    (folder / "redis").mkdir()
    process, port, rdb = start_redis(folder / "redis")
    load = [os.getloadavg()[0]]
    try:
        app = app_for(port, folder, thresholds)
        lines = bodies(None, rng, folder / "comments.jsonl", comments=comments).read_text().splitlines()
        records = records_of(app, [line for line in lines if line])
        measure(app, rdb, process.pid, records[:200], "mix", "warm", 0)  # scripts loaded, connections open
        runs = {}
        for round_ in range(args.rounds):
            for outcome in OUTCOMES[round_ % 4:] + OUTCOMES[:round_ % 4]:
                for batch in (0, 100):
                    key = f"{outcome} {'batch' if batch else 'single'}"
                    runs.setdefault(key, []).append(
                        measure(app, rdb, process.pid, records, outcome, f"r{round_}{key}", batch))
            load.append(os.getloadavg()[0])
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    out = {}
    print(f"per comment, medians of {args.rounds} interleaved rounds x {len(records)} comments; load average "
          f"{min(load):.1f}-{max(load):.1f} on {os.cpu_count()} cores")
    print(f"{'outcome':14} {'redis CPU us':>12} {'commands':>9} {'client CPU us':>14}")
    for key, results in runs.items():
        row = {name: statistics.median(r[name] for r in results) for name in ("redis_us", "commands", "client_us")}
        out[key] = {**row, "by_command": results[-1]["by_command"]}
        print(f"{key:14} {row['redis_us']:12.1f} {row['commands']:9.1f} {row['client_us']:14.1f}")
    for key in ("allow single", "review single", "reject single"):
        print(f"  {key}: {json.dumps(out[key]['by_command'])}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
