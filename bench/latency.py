"""Latency of one scoring request on an idle server, one connection, one request at a time.

Starts redis-server and gunicorn exactly as `make bench` does, then sends N requests back to back from one
keep-alive connection: GET /healthz (the baseline in the same run), a clean Japanese comment (scored,
stored, answered allow) and a flagged one (scored, queued in Redis, answered review). Prints medians, p99
and the ratio to the baseline.

    python -m bench.latency [--n 400]
"""

import argparse
import random
import statistics
import time
import uuid

import httpx

from bench.load import API_KEY, corpus, percentile, production_servers

FLAGGED = "在宅で稼げる方法あります、気になる人はプロフ見て"


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
            }
            decision = client.post("/api/v1/comments", json={"id": "probe", "article_id": "a", "text": FLAGGED})
    base = statistics.median(next(iter(rows.values())))
    print(f"\nflagged comment answered: {decision.json()['decision']}; {args.n} requests each, one connection")
    print("| request | median ms | p99 ms | median / baseline |")
    print("|---|---|---|---|")
    for name, values in rows.items():
        median = statistics.median(values)
        print(f"| {name} | {median:.2f} | {percentile(values, 0.99):.2f} | {median / base:.1f}x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
