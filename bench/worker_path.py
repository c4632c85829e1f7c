"""A gunicorn worker's request path in process, two source trees A/B: changes of a few per cent HTTP cannot resolve.

`python -m bench.trees` measures two trees over HTTP, but at the shared machine's usual load its per-round worker CPU
moves by 5-10%, so a cut of 10-20 µs a comment (1-3%) is lost in it. Here each tree runs in a process of its own
with its own redis-server (as `make bench` starts it) and the benchmark's settings and news mix, and answers
`POST /api/v1/comments` through the steps a sync worker takes: gunicorn's parser reads the raw request from a socket
pair, `wsgi.create` builds the environ, the app answers and the tree's response class (ops/http_response.py, as
gunicorn.conf.py installs it) writes the answer. Only accept and close are left out: they are the same for both trees.
The two processes run blocks of requests in turn, never at the same time, the order swapped every pair, and the
figure is the median of the per-pair ratios of process CPU (getrusage) a request; each tree's redis-server's CPU a
request (every thread's schedstat, as bench/submit.py reads it) is given the same way. Give one tree twice for the
A/A control. `--memo` keeps each text's Score after its first scoring, so the figure is the request path without the
scorer (its noise too).

    python -m bench.worker_path BEFORE_DIR AFTER_DIR [--pairs 40] [--block 300] [--memo]
"""

import argparse
import gc
import json
import os
import random
import resource
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()


def _settings(folder, port, thresholds):
    """The benchmark service's environment (bench/servers.py's start_gunicorn), for an app made in this process."""
    from bench.servers import API_KEY, METRICS_TOKEN, ROOT, env_example

    env = {k: v for k, v in env_example().items() if k.startswith("MODERATION_")}
    env.update({
        "MODERATION_REDIS_URL": f"redis://127.0.0.1:{port}/0", "MODERATION_API_KEYS": f"bench:{API_KEY}",
        "MODERATION_METRICS_TOKEN": METRICS_TOKEN, "MODERATION_SECRET_KEY": secrets.token_hex(32),
        "MODERATION_INSTANCE_DIR": str(folder), "MODERATION_MODEL_DIR": str(ROOT / "model" / "artifacts"),
        "PROMETHEUS_MULTIPROC_DIR": str(folder / "metrics"),
        "MODERATION_RATE_LIMITS": json.dumps({"key": "100000000/60", "author": "100000000/60", "ip": "100000000/60"}),
        "MODERATION_CHECK_RATE_LIMITS": json.dumps({"key": "100000000/60", "author": "100000000/60"}),
    })
    if thresholds:
        env["MODERATION_THRESHOLDS"] = json.dumps(thresholds)
    return env


def _memoise():
    """Scorer.score answers a text it has scored before with the same Score (the request path without the scorer)."""
    from moderation.scoring import scorer

    original, kept = scorer.Scorer.score, {}

    def score(self, text, **options):
        key = (id(self), text, tuple(sorted(options.items())))
        found = kept.get(key)
        if found is None:
            found = kept[key] = original(self, text, **options)
        return found

    scorer.Scorer.score = score


def serve(bodies_path, thresholds, block, memo):
    """One tree's side: after a warm-up, a block of `block` requests for every line on stdin, its process CPU and its
    redis-server's a request (µs) on stdout; "q" ends it."""
    from bench.servers import API_KEY, start_redis
    from bench.submit import server_ns

    folder = Path(tempfile.mkdtemp(prefix="worker-path-"))
    (folder / "redis").mkdir()
    (folder / "metrics").mkdir()
    redis_process, port, _ = start_redis(folder / "redis")
    try:
        os.environ.update(_settings(folder, port, thresholds))
        from gunicorn.config import Config

        from moderation import create_app
        from moderation.ops import http_response

        http_response.install()  # what gunicorn.conf.py does in the master
        if memo:
            _memoise()
        app = create_app()
        gc.collect()
        gc.freeze()  # as gunicorn.conf.py does after --preload
        gc.set_threshold(5000, *gc.get_threshold()[1:])  # its post_fork
        config = Config()
        bodies = [line for line in Path(bodies_path).read_text(encoding="utf-8").splitlines() if line]
        rng, run, head = random.Random(13), f"wp-{os.getpid()}", f"Bearer {API_KEY}".encode()

        def one(n):
            body = bodies[n % len(bodies)].replace("@ID@", f"{run}-{n}").replace(
                "@READER@", f"r-{rng.randint(1, 200_000)}").encode()
            _, client = through_gunicorn(app, post_bytes(body, head), config)
            try:
                if not client.recv(64).startswith(b"HTTP/1.1 200"):
                    raise SystemExit("a request was not answered 200")
            finally:
                client.close()

        sys.stderr = open(os.devnull, "w")  # the access lines: written, as in production, and thrown away
        warm = 400 + (len(bodies) if memo else 0)  # with --memo every body is scored once here
        for n in range(warm):
            one(n)
        n = warm
        for line in sys.stdin:
            if line.strip() == "q":
                break
            before, server = resource.getrusage(resource.RUSAGE_SELF), server_ns(redis_process.pid)
            for _ in range(block):
                one(n)
                n += 1
            after, server = resource.getrusage(resource.RUSAGE_SELF), server_ns(redis_process.pid) - server
            spent = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            print(json.dumps({"us": 1e6 * spent / block, "redis_us": server / 1e3 / block}), flush=True)
    finally:
        redis_process.terminate()
        redis_process.wait(timeout=30)


def post_bytes(body, head):
    """A POST /api/v1/comments request as a client sends it, `head` the Authorization value."""
    return (b"POST /api/v1/comments HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nAuthorization: " + head
            + b"\r\nContent-Type: application/json\r\nContent-Length: " + str(len(body)).encode()
            + b"\r\n\r\n" + body)


def through_gunicorn(app, raw, config, peer=("127.0.0.1", 40000), server=("127.0.0.1", 8000)):
    """A sync worker's request path on a socket pair (gunicorn's parser, wsgi.create, the app, its response):
    (thread CPU µs, the client's socket holding the answer; the caller closes it)."""
    from gunicorn import http
    from gunicorn.http import wsgi

    ours, client = socket.socketpair()
    try:
        started = time.thread_time()
        client.sendall(raw)
        request = next(http.get_parser(config, ours, peer))
        response, environ = wsgi.create(request, ours, peer, server, config)
        answer = app(environ, response.start_response)
        for chunk in answer:
            response.write(chunk)
        if hasattr(answer, "close"):
            answer.close()
        response.close()
        return (time.thread_time() - started) * 1e6, client
    except BaseException:
        client.close()
        raise
    finally:
        ours.close()


def _bodies_and_thresholds(folder):
    """The news mix's bodies (bench/mixes.py) and the thresholds `make bench` would choose for them."""
    from bench.load import choose_thresholds
    from bench.mixes import bodies, news_comments
    from bench.servers import ROOT
    from moderation.scoring.scorer import load_scorer, read_active

    rng = random.Random(20261126)
    comments = news_comments(rng, 3000)
    texts = [comment[0] for comment in comments]
    root = ROOT / "model" / "artifacts"
    version, sha = read_active(root)
    thresholds, _ = choose_thresholds(load_scorer(root / version, sha), texts)
    return bodies(texts, rng, folder / "comments.jsonl", comments=comments), thresholds


def compare(trees, pairs, block, memo):
    """Blocks of the two trees in turn; per-pair ratios B/A."""
    folder = Path(tempfile.mkdtemp(prefix="worker-path-bodies-"))
    bodies, thresholds = _bodies_and_thresholds(folder)
    sides = []
    for tree in trees:
        command = [sys.executable, str(HERE), "--serve", str(bodies), "--thresholds", json.dumps(thresholds),
                   "--block", str(block), *(["--memo"] if memo else [])]
        sides.append(subprocess.Popen(command, cwd=tree, env={**os.environ, "PYTHONPATH": str(tree)},
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True))

    def run(side):
        side.stdin.write("go\n")
        side.stdin.flush()
        line = side.stdout.readline()
        if not line:
            raise SystemExit("a tree's process ended; run it alone to see why")
        return json.loads(line)

    try:
        for _ in range(2):  # warm-up blocks, not counted
            run(sides[0])
            run(sides[1])
        figures, ratios = ([], []), {"us": [], "redis_us": []}
        for index in range(pairs):
            order = (0, 1) if index % 2 == 0 else (1, 0)
            got = {side: run(sides[side]) for side in order}
            figures[0].append(got[0])
            figures[1].append(got[1])
            for name, kept in ratios.items():
                kept.append(got[1][name] / got[0][name])
            print(f"pair {index + 1:3d}: A {got[0]['us']:7.1f} µs  B {got[1]['us']:7.1f} µs  B/A {ratios['us'][-1]:.3f}"
                  f"; redis-server A {got[0]['redis_us']:6.1f} µs  B {got[1]['redis_us']:6.1f} µs  B/A "
                  f"{ratios['redis_us'][-1]:.3f}", flush=True)
    finally:
        for side in sides:
            if side.poll() is None:
                side.stdin.write("q\n")
                side.stdin.flush()
            side.wait(timeout=60)
    for name, what in (("us", "worker"), ("redis_us", "redis-server")):
        low, _, high = statistics.quantiles(ratios[name], n=4)
        a, b = (statistics.median(f[name] for f in side) for side in figures)
        print(f"{what}: A {trees[0]}: {a:.1f} µs a request; B {trees[1]}: {b:.1f} µs; B/A median "
              f"{statistics.median(ratios[name]):.4f} (quartiles {low:.4f} / {high:.4f}), {pairs} pairs of {block}, "
              f"load average {os.getloadavg()[0]:.1f}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("trees", nargs="*", help="BEFORE_DIR AFTER_DIR")
    parser.add_argument("--pairs", type=int, default=40)
    parser.add_argument("--block", type=int, default=300)
    parser.add_argument("--memo", action="store_true", help="each text scored once: the request path alone")
    parser.add_argument("--serve", help=argparse.SUPPRESS)  # a tree's own process (bodies file)
    parser.add_argument("--thresholds", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.serve, json.loads(args.thresholds or "null"), args.block, args.memo)
    elif len(args.trees) == 2:
        compare([Path(tree).resolve() for tree in args.trees], args.pairs, args.block, args.memo)
    else:
        parser.error("give two trees (the same one twice for the A/A control)")


if __name__ == "__main__":
    main()
