"""CPU per comment inside the app, by part: `make bench` prints it under its table (issue 13, item 5).

The service's own app, built here from the benchmark service's environment against its redis-server, answers
the benchmark's POST /api/v1/comments bodies through `app.wsgi_app`, as gunicorn's worker calls it (no test
client, the model's pages frozen out of the collector, the worker's collector threshold and model watcher as
gunicorn.conf.py sets them). The CPU time (time.process_time) of named parts is summed over the requests: scoring,
explanations, policy and record, the Redis submit (packing, round trip, reply), the access line, metrics, the
answer's JSON, body parsing and validation, the API key, the rate-limit charge, the answer's view of the record, the
request id, the security headers and the client's address; the rest is the comment fast path's app context and glue
(moderation/api/fast_path.py answers these requests; Flask and werkzeug's contexts, routing and response for a tree
without it). Plain requests (no
wrapper: the total) alternate with instrumented ones (the parts), and after each plain request bench/bare.py's
app answers the same body, so what Flask alone costs is read in the same state of the caches. gunicorn's own
work (HTTP parsing, the environ, the response, accept, close) is not in these figures, and the bare app's share in
the table above is only a floor for it: in process it costs a comment 188-211 µs against a bare request's 115-134 on
the same bytes (docs/benchmark.md, session 26). CPU per part
holds on a loaded machine where requests per second do not; each part is the median over blocks of requests.

    python -m bench.breakdown BODIES [--requests 2000]   (environment: the service's MODERATION_* settings)
"""

import argparse
import functools
import gc
import io
import json
import os
import random
import socket
import statistics
import sys
import time
from collections import Counter

PARTS = ("scoring", "explanations", "policy and record", "Redis submit", "access log", "metrics", "answer JSON",
         "body and validation", "API key", "rate-limit charge", "answer view", "request id", "security headers",
         "client address")


TIMERS = "the breakdown's own timers"  # what the wrappers add to an instrumented request: shown, not a part
BARE = "bare Flask app, same requests"  # bench/bare.py's app on the same bodies, interleaved: what Flask costs


def instrument(app, spent):
    """Wrappers for the parts named in PARTS adding their CPU time to `spent` (a Counter, seconds): a list of
    (owner, name, original, wrapper) for use(); nothing is replaced yet."""
    from moderation.api import api_keys, comment_records, comments, fast_path
    from moderation.ops import answered, json_provider, logs, proxies, request_counter
    from moderation.scoring import scorer
    from moderation.store import review_queue
    from moderation.store.rate_limits import RateLimiter

    swaps = [
        instrument_one(scorer.Scorer, "score", "scoring", spent),
        # read inside build_record: taken out of it in measure()
        instrument_one(scorer.Scorer, "_explain", "explanations", spent),
        # handle() calls it in its own module (api/comment_records.py since 777f7f1), so it is timed there
        instrument_one(comment_records, "build_record", "policy and record", spent),
        instrument_one(review_queue.ReviewQueue, "submit", "Redis submit", spent, within=("Redis submit",)),
        # the fast path sends SUBMIT and reads its reply apart (its answer is made in between): both halves, each
        # counted once (submit() calls them too)
        instrument_one(review_queue.ReviewQueue, "submit_send", "Redis submit", spent),
        instrument_one(review_queue.ReviewQueue, "submit_read", "Redis submit", spent),
        instrument_one(logs, "write_access", "access log", spent),
        instrument_one(json_provider.OrjsonProvider, "answer_bytes", "answer JSON", spent),
        instrument_one(comments, "parse_json_body", "body and validation", spent),
        instrument_one(comments, "parse_comment", "body and validation", spent),
        instrument_one(api_keys, "bearer_site", "API key", spent),
        # the comment fast path (api/fast_path.py) answers these requests: its names for the same functions
        instrument_one(fast_path, "read_length", "body and validation", spent),
        instrument_one(fast_path, "json_object", "body and validation", spent),
        instrument_one(fast_path, "bearer_site", "API key", spent),
        instrument_one(request_counter.RequestCounter, "count", "metrics", spent),  # ops/request_counter.py
        # a worker's comments keep their series and line as one item (ops/answered.py): keeping it is counted with
        # the access log, the batch's writes (inside it, every 32nd request) as what they write
        instrument_one(answered.AnsweredRequests, "add", "access log", spent, within=("access log", "metrics")),
        instrument_one(answered.AnsweredRequests, "series", "metrics", spent),
        instrument_one(answered.AnsweredRequests, "lines", "access log", spent),
        # what was "the rest" and is the service's own (session 50): the limiter's counters (comment_records calls
        # it by its class), the answer's view of the record, the request's id and clock (RequestLog.begin, a
        # static method: wrapped on the app's instance), the security headers (fast_path's name for add_headers)
        # and REMOTE_ADDR's one spelling (ops/proxies.ProxyAddress)
        instrument_one(RateLimiter, "charge", "rate-limit charge", spent),
        instrument_one(comment_records, "public_view", "answer view", spent),
        instrument_one(app.extensions["moderation.request_log"], "begin", "request id", spent),
        instrument_one(fast_path, "add_headers", "security headers", spent),
        instrument_one(proxies, "client_address", "client address", spent),
    ]
    return [swap for swap in swaps if swap is not None]


def use(swaps, wrapped):
    """Put the wrappers in (wrapped) or the original functions back."""
    for owner, name, original, wrapper in swaps:
        if isinstance(owner, list):
            owner[name] = wrapper if wrapped else original
        else:
            setattr(owner, name, wrapper if wrapped else original)


def instrument_one(owner, name, part, spent, within=()):
    """(owner, name, original, wrapper adding its CPU time to spent[part], less what the timed parts `within` it
    added meanwhile); None when owner has no such name (an older tree: its time stays in the rest)."""
    inner = getattr(owner, name, None)
    return None if inner is None else (owner, name, inner, _timed(inner, spent, part, within))


def _timed(inner, spent, part, within=()):
    @functools.wraps(inner)
    def wrapper(*args, **kwargs):
        start, nested = time.process_time(), sum(spent[name] for name in within)
        try:
            return inner(*args, **kwargs)
        finally:
            spent[part] += time.process_time() - start - (sum(spent[name] for name in within) - nested)
    return wrapper


def environ(body, key, sock=None):
    """What gunicorn's sync worker hands the app for one POST (with `sock` as its client socket, so the body's read
    deadline costs here what it costs there)."""
    out = {"REQUEST_METHOD": "POST", "PATH_INFO": "/api/v1/comments", "SCRIPT_NAME": "", "QUERY_STRING": "",
           "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "SERVER_PROTOCOL": "HTTP/1.1",
           "REMOTE_ADDR": "127.0.0.1", "CONTENT_TYPE": "application/json", "CONTENT_LENGTH": str(len(body)),
           "HTTP_AUTHORIZATION": f"Bearer {key}", "HTTP_HOST": "127.0.0.1:8000", "wsgi.input": io.BytesIO(body),
           "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr, "wsgi.multithread": False,
           "wsgi.multiprocess": True, "wsgi.run_once": False, "wsgi.version": (1, 0)}
    if sock is not None:
        out["gunicorn.socket"] = sock
    return out


def measure(bodies, key, requests, block=100):
    """{part: µs per comment (median over blocks)}, with "total", "Flask, werkzeug and the rest", the timers' own
    cost and the bare app's on the same requests.

    Requests alternate: a plain one (no wrapper anywhere: its CPU is the total; then the bare app answers the same
    body, timed apart, in the same state of the caches) and an instrumented one (the parts), on the same bodies.
    The rest is the plain total less the parts, so the wrappers' cost lands in no part."""
    from bench import bare
    from moderation import create_app

    app = create_app()
    baseline = bare.create_app()
    gc.collect()
    gc.freeze()  # as gunicorn.conf.py does after --preload: the model is not the workers' collector's work
    gc.set_threshold(5000, *gc.get_threshold()[1:])  # its post_fork's GC_YOUNG (700 collected ~7x as often)
    app.extensions["moderation.models"].watch()  # its post_worker_init: no request checks the model's pins
    spent, statuses = Counter(), Counter()
    swaps = instrument(app, spent)
    rng = random.Random(13)
    client, peer = socket.socketpair()  # gunicorn.socket: the read deadline's settimeout and watchdog

    def start_response(status, headers, exc_info=None):
        statuses[status.split()[0]] += 1

    def one(n, tag, with_bare=False):
        body = bodies[n % len(bodies)].replace("@ID@", f"{tag}-{n}").replace(
            "@READER@", f"r-{rng.randint(1, 200_000)}").encode()
        start = time.process_time()
        b"".join(app.wsgi_app(environ(body, key, client), start_response))
        spent["total"] += time.process_time() - start
        if with_bare:
            start = time.process_time()
            b"".join(baseline.wsgi_app(environ(body, key, client), lambda *args: None))
            spent[BARE] += time.process_time() - start

    run = f"breakdown-{time.time_ns()}"
    for n in range(min(200, requests)):  # warm-up: connections, caches, the scripts loaded
        one(n, run + "w", with_bare=True)
    plain, parts = [], []
    for first in range(0, requests, block):
        spent.clear()
        for n in range(first, first + block):
            use(swaps, False)
            one(n, run + "p", with_bare=True)
            spent["plain"], spent["total"] = spent["plain"] + spent["total"], 0.0
            use(swaps, True)
            one(n, run + "i")
            spent["instrumented"], spent["total"] = spent["instrumented"] + spent["total"], 0.0
        figures = {part: 1e6 * seconds / block for part, seconds in spent.items()}
        plain.append({"total": figures.pop("plain"), BARE: figures.pop(BARE)})
        parts.append({**figures, "total": figures.pop("instrumented")})
    use(swaps, False)
    client.close()
    peer.close()
    out = {part: statistics.median(b.get(part, 0.0) for b in parts) for part in PARTS}
    out["total"] = statistics.median(b["total"] for b in plain)
    out[TIMERS] = max(0.0, statistics.median(b["total"] for b in parts) - out["total"])
    out[BARE] = statistics.median(b[BARE] for b in plain)
    out["policy and record"] -= out["explanations"]  # explanations are read while the record is built
    out["Flask, werkzeug and the rest"] = out["total"] - sum(out[part] for part in PARTS)
    out["statuses"] = dict(statuses)
    return out


def row(figures):
    """The table's line: total = the parts, in µs of worker CPU per comment; then what the timers added (in no
    part) and what the bare app cost on the same requests."""
    parts = [(name, figures[name]) for name in (*PARTS, "Flask, werkzeug and the rest") if name in figures]
    line = f"{figures['total']:.0f} = " + " + ".join(f"{name} {value:.0f}" for name, value in parts)
    if BARE in figures:
        line += f" (bare Flask app on the same requests, interleaved: {figures[BARE]:.0f}"
        line += f"; the timers add {figures.get(TIMERS, 0):.0f} to an instrumented request, counted in no part)"
    return line


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
