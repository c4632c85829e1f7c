"""Latency of one scoring request on an idle server, one connection, one request at a time.

Starts redis-server and gunicorn exactly as `make bench` does, then sends N requests back to back from one
keep-alive connection: GET /healthz (the baseline in the same run), a clean Japanese comment (scored,
stored, answered allow) and a flagged one (scored, queued in Redis, answered review), and Coral's external
moderation phase (a signed HTML comment, POST /api/v1/coral/moderate; Coral's timeout is 200 ms, target: a
median under 50 ms, the figure tests/test_coral.py used to assert in process). Prints medians, p99 and the
ratio to the baseline.

    python -m bench.latency [--n 400]
"""

import argparse
import hashlib
import hmac
import json
import random
import statistics
import time
import uuid

import httpx

import bench.servers
from bench.load import percentile
from bench.mixes import corpus
from bench.servers import API_KEY, production_servers

FLAGGED = "在宅で稼げる方法あります、気になる人はプロフ見て"
CORAL_SECRET = "bench-coral-signing-secret-0123"  # noqa: S105 (a throwaway server's)
CORAL_BODY = "<p>今日の記事、とても<b>参考</b>になりました。</p><p>写真もきれいです。</p>" * 3


def coral_timed(client, n):
    """Coral's signed request (indented JSON, as Coral sends it); 200 (flagged) or 204 (no opinion)."""
    out = []
    for i in range(n):
        raw = json.dumps({"action": "NEW", "comment": {"id": f"c-{i}", "body": CORAL_BODY, "parentID": None},
                          "author": {"id": "user-1", "role": "COMMENTER"},
                          "story": {"id": "story-1", "url": "https://news.example/a/1"}, "site": {"id": "site-1"},
                          "tenantID": "tenant-1", "tenantDomain": "comments.news.example"},
                         indent=2, ensure_ascii=False).encode()
        signature = "sha256=" + hmac.new(CORAL_SECRET.encode(), raw, hashlib.sha256).hexdigest()
        started = time.perf_counter()
        response = client.post("/api/v1/coral/moderate", content=raw,
                               headers={"Content-Type": "application/json", "X-Coral-Signature": signature})
        out.append((time.perf_counter() - started) * 1000)
        assert response.status_code in (200, 204), response.text
    return out


def timed(client, method, path, body=None, n=400):
    out = []
    for _ in range(n):
        if body is not None:
            body = {**body, "id": uuid.uuid4().hex}
        started = time.perf_counter()
        response = client.request(method, path, json=body)
        out.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.text
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=400)
    args = parser.parse_args(argv)
    rng = random.Random(11)
    clean = next(t for t in corpus(rng, 200) if 150 <= len(t) <= 250 and "http" not in t)
    example = bench.servers.env_example
    bench.servers.env_example = lambda: {**example(), "MODERATION_CORAL_SECRETS": json.dumps({"bench": CORAL_SECRET})}
    try:
        rows, decision = measure(args, clean)
    finally:
        bench.servers.env_example = example
    base = statistics.median(next(iter(rows.values())))
    print(f"\nflagged comment answered: {decision.json()['decision']}; {args.n} requests each, one connection")
    print("| request | median ms | p99 ms | median / baseline |")
    print("|---|---|---|---|")
    for name, values in rows.items():
        median = statistics.median(values)
        print(f"| {name} | {median:.2f} | {percentile(values, 0.99):.2f} | {median / base:.1f}x |")
    return 0


def measure(args, clean):
    with production_servers("moderation-latency-") as (_, _, url, _, _, _):
        headers = {"Authorization": f"Bearer {API_KEY}"}
        with httpx.Client(base_url=url, headers=headers, timeout=10) as client:
            timed(client, "GET", "/healthz", n=50)  # warm-up
            rows = {
                "GET /healthz (baseline)": timed(client, "GET", "/healthz", n=args.n),
                f"POST clean comment ({len(clean)} chars)": timed(
                    client, "POST", "/api/v1/comments", {"article_id": "a", "text": clean}, args.n),
                f"POST flagged comment ({len(FLAGGED)} chars, queued)": timed(
                    client, "POST", "/api/v1/comments", {"article_id": "a", "text": FLAGGED}, args.n),
                f"POST Coral moderate (HTML, {len(CORAL_BODY)} chars)": coral_timed(client, args.n),
            }
            decision = client.post("/api/v1/comments", json={"id": "probe", "article_id": "a", "text": FLAGGED})
    return rows, decision


if __name__ == "__main__":
    raise SystemExit(main())
