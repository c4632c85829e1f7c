"""CPU per comment inside the app, by part: `make bench` prints it under its table (issue 13, item 5).

The service's own app, built here from the benchmark service's environment against its redis-server, answers
the benchmark's POST /api/v1/comments bodies through `app.wsgi_app`, as gunicorn's worker calls it (no test
client, the model's pages frozen out of the collector as gunicorn.conf.py does). The CPU time (time.process_time)
of named parts is summed over the requests: scoring, explanations, policy and record, the Redis submit
(packing, round trip, reply), the access line, metrics, the answer's JSON, body parsing and validation, the API
key; the rest is Flask and werkzeug (contexts, routing, the response) and the small hooks. What gunicorn itself
costs per request (HTTP parsing, accept, close) is the bare app's share in the table above. CPU per part holds
on a loaded machine where requests per second do not; each part is the median over blocks of requests.

    python -m bench.breakdown BODIES [--requests 2000]   (environment: the service's MODERATION_* settings)
"""

import argparse
import functools
import gc
import io
import json
import os
import random
import statistics
import sys
import time
from collections import Counter

PARTS = ("scoring", "explanations", "policy and record", "Redis submit", "access log", "metrics", "answer JSON",
         "body and validation", "API key")


TIMED = "timed calls"  # how many wrapped calls ran: each adds timer_cost() µs that is no part's
TIMERS = "the breakdown's own timers"


def instrument(app, spent):
    """Wrap the parts named in PARTS so their CPU time adds up in `spent` (a Counter, seconds)."""
    from moderation.api import api_keys, comments
    from moderation.ops import logs
    from moderation.scoring import scorer
    from moderation.store import review_queue

    instrument_one(scorer.Scorer, "score", "scoring", spent)
    # read inside build_record: taken out of it below (its timer's cost stays in policy and record)
    instrument_one(scorer.Scorer, "_explain", "explanations", spent, counted=False)
    instrument_one(comments, "build_record", "policy and record", spent)
    instrument_one(review_queue.ReviewQueue, "submit", "Redis submit", spent)
    instrument_one(logs, "write_access", "access log", spent)
    instrument_one(comments, "jsonify", "answer JSON", spent)
    instrument_one(comments, "parse_json_body", "body and validation", spent)
    instrument_one(comments, "parse_comment", "body and validation", spent)
    instrument_one(api_keys, "bearer_site", "API key", spent)
    hooks = app.after_request_funcs[None]
    for index, hook in enumerate(hooks):
        if hook.__name__ == "observe":  # ops/metrics.py's counters and histogram
            hooks[index] = _timed_hook(hook, spent, "metrics")


def instrument_one(owner, name, part, spent, counted=True):
    """Replace owner.name by a wrapper adding its CPU time to spent[part] (absent in an older tree: in the rest);
    `counted` calls are the ones whose timer cost would otherwise land in the rest."""
    inner = getattr(owner, name, None)
    if inner is None:
        return

    @functools.wraps(inner)
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[part] += time.process_time() - start
            spent[TIMED] += counted
    setattr(owner, name, wrapper)


def _timed_hook(hook, spent, part):
    def wrapper(response):
        start = time.process_time()
        try:
            return hook(response)
        finally:
            spent[part] += time.process_time() - start
            spent[TIMED] += 1
    return wrapper


def timer_cost(rounds=7, calls=2000):
    """µs one timed call adds (the wrapper and its two process_time readings), min over rounds: the breakdown
    takes it out of the rest instead of charging it to Flask."""
    spent = Counter()

    class Probe:
        @staticmethod
        def nothing():
            return None

    bare = Probe.nothing
    timings = []
    for wrapped in (False, True) * rounds:
        if wrapped:
            instrument_one(Probe, "nothing", "probe", spent)
        else:
            Probe.nothing = bare
        call = Probe.nothing
        start = time.process_time()
        for _ in range(calls):
            call()
        timings.append((wrapped, (time.process_time() - start) / calls * 1e6))
    return max(0.0, min(t for w, t in timings if w) - min(t for w, t in timings if not w))


def environ(body, key):
    return {"REQUEST_METHOD": "POST", "PATH_INFO": "/api/v1/comments", "SCRIPT_NAME": "", "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1", "CONTENT_TYPE": "application/json", "CONTENT_LENGTH": str(len(body)),
            "HTTP_AUTHORIZATION": f"Bearer {key}", "HTTP_HOST": "127.0.0.1:8000", "wsgi.input": io.BytesIO(body),
            "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr, "wsgi.multithread": False,
            "wsgi.multiprocess": True, "wsgi.run_once": False, "wsgi.version": (1, 0)}


def measure(bodies, key, requests, block=100):
    """{part: µs per comment (median over blocks)}, with "total" and "Flask, werkzeug and the rest"."""
    from moderation import create_app

    app = create_app()
    gc.collect()
    gc.freeze()  # as gunicorn.conf.py does after --preload: the model is not the workers' collector's work
    spent, statuses = Counter(), Counter()
    cost = timer_cost()
    instrument(app, spent)
    rng = random.Random(13)

    def start_response(status, headers, exc_info=None):
        statuses[status.split()[0]] += 1

    def one(n, tag):
        body = bodies[n % len(bodies)].replace("@ID@", f"{tag}-{n}").replace(
            "@READER@", f"r-{rng.randint(1, 200_000)}").encode()
        start = time.process_time()
        result = app.wsgi_app(environ(body, key), start_response)
        b"".join(result)
        spent["total"] += time.process_time() - start

    run = f"breakdown-{time.time_ns()}"
    for n in range(min(200, requests)):  # warm-up: connections, caches, the scripts loaded
        one(n, run + "w")
    blocks = []
    for first in range(0, requests, block):
        spent.clear()
        for n in range(first, first + block):
            one(n, run)
        timed = spent.pop(TIMED, 0)
        blocks.append({part: 1e6 * seconds / block for part, seconds in spent.items()})
        blocks[-1][TIMERS] = cost * timed / block
    out = {part: statistics.median(b.get(part, 0.0) for b in blocks) for part in ("total", *PARTS, TIMERS)}
    out["policy and record"] -= out["explanations"]  # explanations are read while the record is built
    out["Flask, werkzeug and the rest"] = out["total"] - sum(out[part] for part in (*PARTS, TIMERS))
    out["statuses"] = dict(statuses)
    return out


def row(figures):
    """The table's line: total = the parts, in µs of worker CPU per comment."""
    parts = [(name, figures[name]) for name in (*PARTS, "Flask, werkzeug and the rest", TIMERS) if name in figures]
    return f"{figures['total']:.0f} = " + " + ".join(f"{name} {value:.0f}" for name, value in parts)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bodies", help="request bodies, one a line (bench/load.py's comments.jsonl)")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--key", default=os.environ.get("BENCH_KEY", ""))
    args = parser.parse_args(argv)
    with open(args.bodies, encoding="utf-8") as handle:
        bodies = [line for line in handle.read().splitlines() if line]
    real_stderr = sys.stderr
    sys.stderr = open(os.devnull, "w")  # the access lines (written, as in production, and thrown away)
    try:
        figures = measure(bodies, args.key, args.requests)
    finally:
        sys.stderr.close()
        sys.stderr = real_stderr
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
