"""What the article breaker and author standing add to a comment's submit, and what they keep in Redis.

Starts a redis-server as `make bench` does and times ReviewQueue.submit (the one round trip of a comment:
rate limits, record, queue, and now the article window, breaker and author standing) with both features off
and on, in interleaved rounds on the same server and connection; prints medians and the ratio. Then fills
articles and authors and reads MEMORY USAGE of their keys.

Then the same over HTTP: two gunicorns as `make bench` starts them (the features on and off), one keep-alive
connection each, alternating rounds of POST /api/v1/comments with an author id.

    python -m bench.gate [--n 2000] [--rounds 5] [--http 300]
"""

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import httpx

import bench.servers
from bench.servers import API_KEY, start_redis
from moderation.store.articles import BreakerConfig
from moderation.store.author_standing import StandingConfig
from moderation.store.review_queue import ReviewQueue

ON = (BreakerConfig({}), StandingConfig({}))
OFF = (BreakerConfig({"enabled": False}), StandingConfig({"enabled": False}))


def record(n, tag, decision="allow", author=None, article=None):
    return {"id": f"{tag}-{n}", "site": "bench", "article_id": article or f"art-{n % 200}",
            "text": "今日の記事、とても参考になりました。ありがとうございます。" * 3, "text_sha256": "s",
            "author": {"id": author or f"reader-{n % 1000}"}, "author_id": author or f"reader-{n % 1000}",
            "received_at": int(time.time() * 1000), "decision": decision,
            "status": {"allow": "published", "review": "pending", "reject": "rejected"}[decision],
            "scores": {"spam": 0.01, "abuse": 0.02}, "labels": [] if decision == "allow" else ["abuse"],
            "categories": {"threat": 0.0}, "explanation": [], "model_version": "bench", "risk": 0.02}


def submit_us(queue, tag, n):
    """Microseconds per submit, median of n back-to-back calls (every 10th comment flagged)."""
    out = []
    for i in range(n):
        rec = record(i, tag, "review" if i % 10 == 0 else "allow")
        started = time.perf_counter()
        queue.submit(rec, queued=rec["decision"] == "review")
        out.append((time.perf_counter() - started) * 1e6)
    return statistics.median(out)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--http", type=int, default=300, help="requests per HTTP round (0: skip)")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="moderation-gate-"))
    process, port, rdb = start_redis(folder)
    try:
        queues = {name: ReviewQueue(rdb, "bench", prefix=f"{name}:", breaker=b, standing=s)
                  for name, (b, s) in (("off", OFF), ("on", ON))}
        for queue in queues.values():
            submit_us(queue, "warm", 200)
        times = {"off": [], "on": []}
        for r in range(args.rounds):
            for name in ("off", "on") if r % 2 == 0 else ("on", "off"):
                times[name].append(submit_us(queues[name], f"r{r}", args.n))
        off, on = statistics.median(times["off"]), statistics.median(times["on"])
        print(f"\nReviewQueue.submit, one round trip, {args.rounds} interleaved rounds of {args.n} comments "
              "(10% flagged, 200 articles, 1000 authors)")
        print("| features | median us per submit |\n|---|---|")
        print(f"| breaker and standing off | {off:.0f} |\n| breaker and standing on | {on:.0f} |")
        print(f"ratio on/off: {on / off:.2f}")

        clock = [1_800_000_000_000]
        queue = ReviewQueue(rdb, "bench", prefix="mem:", breaker=ON[0], standing=ON[1], now_ms=lambda: clock[0])
        for i in range(50):
            queue.articles.put(f"hot-{i}", {"title": "国会で予算案が可決、野党は反発" * 2, "category": "politics",
                                            "url": f"https://news.example/articles/{i:08d}",
                                            "published_at": "2026-11-29T09:00:00+09:00"}, now_ms=clock[0])
        for i in range(6000):  # 50 articles x 120 comments over a whole window (every slot used), 30% flagged;
            clock[0] += 100  # every 7th comment rejected (a strike for one of 500 authors)
            decision = "reject" if i % 7 == 0 else ("review" if i % 10 < 3 else "allow")
            queue.submit(record(i, "m", decision, author=f"au-{i % 500}", article=f"hot-{i % 50}"),
                         queued=decision == "review")
        art = [rdb.memory_usage(queue.articles.meta_key(f"hot-{i}")) or 0 for i in range(50)]
        window = [rdb.memory_usage(queue.articles.window_key(f"hot-{i}")) or 0 for i in range(50)]
        standing = [rdb.memory_usage(queue.standing.standing_key(f"au-{i}")) or 0 for i in range(500)]
        strikes = [rdb.memory_usage(queue.standing.strikes_key(f"au-{i}")) or 0 for i in range(500)]
        print("\n| structure | median bytes (MEMORY USAGE) |\n|---|---|")
        print(f"| article meta+mode HASH (P{{S}}:art:<id>) | {statistics.median(art):.0f} |")
        print(f"| article window HASH, 12 slots (P{{S}}:artw:<id>), 120 comments | {statistics.median(window):.0f} |")
        print(f"| author standing HASH (P{{S}}:standing:<id>) | {statistics.median(standing):.0f} |")
        print(f"| author strikes ZSET (P{{S}}:strikes:<id>), 1-2 strikes | {statistics.median(strikes):.0f} |")
        if args.http:
            http(folder, port, args.http, args.rounds)
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


def http(folder, port, n, rounds):
    """Median ms of POST /api/v1/comments (clean, with an author) with both features off and on, alternating."""
    example = bench.servers.env_example
    servers = {}
    try:
        for name, value in (("off", '{"enabled": false}'), ("on", "")):
            bench.servers.env_example = lambda value=value: {**example(), "MODERATION_ARTICLE_BREAKER": value,
                                                    "MODERATION_AUTHOR_STANDING": value}
            (folder / name).mkdir()
            servers[name] = bench.servers.start_gunicorn(folder / name, f"redis://127.0.0.1:{port}/0",
                                                         bench.servers.ROOT / "model" / "artifacts", None)
    finally:
        bench.servers.env_example = example
    try:
        times = {"off": [], "on": []}
        clients = {name: httpx.Client(base_url=url, headers={"Authorization": f"Bearer {API_KEY}"}, timeout=10)
                   for name, (_, url, _) in servers.items()}
        text = "今日の記事、とても参考になりました。ありがとうございます。丁寧な取材に感謝します。"
        for r in range(rounds + 1):
            for name in ("off", "on") if r % 2 == 0 else ("on", "off"):
                for i in range(n):
                    body = {"id": f"{name}-{r}-{i}", "article_id": f"a-{i % 20}", "text": text,
                            "author": {"id": f"reader-{i % 100}"}}
                    started = time.perf_counter()
                    answer = clients[name].post("/api/v1/comments", json=body)
                    if r:  # round 0 warms up
                        times[name].append((time.perf_counter() - started) * 1000)
                    assert answer.status_code == 200, answer.text
        off, on = statistics.median(times["off"]), statistics.median(times["on"])
        print(f"\nPOST /api/v1/comments over HTTP, {rounds} alternating rounds of {n}, one connection each")
        print(f"| features | median ms |\n|---|---|\n| off | {off:.2f} |\n| on | {on:.2f} |")
        print(f"ratio on/off: {on / off:.3f}")
    finally:
        for process, _, _ in servers.values():
            bench.servers.stop(process)


if __name__ == "__main__":
    main()
