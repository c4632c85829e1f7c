"""The benchmarks' servers, started as docker-compose.yml runs them: redis-server, the service's gunicorn with the
api service's command line and .env.example's settings, bench/bare.py under the same command line; and what is read
of them from /proc (their workers, their memory). ROOT is the tree whose files they run (bench/trees.py swaps it)."""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


API_KEY = "bench-key-0123456789abcdefghijklmnop"
METRICS_TOKEN = "bench-metrics-token-0123456789abcdefgh"  # noqa: S105 (a local throwaway server)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def env_example():
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line and not line.startswith("#") and "=" in line:
            name, _, value = line.partition("=")
            values[name] = value
    return values


def compose_command(app=None):
    """The api service's command line from docker-compose.yml; `app` replaces its application (bench.bare)."""
    import yaml

    command = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["api"]["command"]
    command = [sys.executable, "-m", "gunicorn", *command[1:]]
    if app:
        command[-1] = app
    return command


def start_redis(folder, fsync="everysec", prefix=(), extra=(), tries=100):
    """A redis-server as docker-compose.yml runs it (`fsync`: bench/fsync.py; `prefix`, `extra`, `tries`: callgrind)."""
    from moderation.store.embedded import RECORD_LISTPACK, find_redis_server, server_env

    port = free_port()
    process = subprocess.Popen(
        [*prefix, find_redis_server(), "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder),
         "--unixsocket", str(folder / "redis.sock"), "--unixsocketperm", "700",
         "--appendonly", "yes", "--appendfsync", fsync, "--save", "", *RECORD_LISTPACK, "--daemonize", "no",
         "--logfile", str(folder / "redis.log"), *extra], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, env=server_env())
    import redis

    client = redis.Redis(port=port, decode_responses=True)
    for _ in range(tries):
        try:
            client.ping()
            return process, port, client
        except redis.ConnectionError:
            time.sleep(0.05)
    process.kill()
    raise SystemExit("redis-server did not start")


def start_gunicorn(folder, redis_url, model_root, thresholds, app=None, ready="/readyz"):
    import urllib.request

    port = free_port()
    settings = env_example()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    env.update({k: v for k, v in settings.items() if k.startswith("MODERATION_")})
    env.update({
        "MODERATION_BIND": f"127.0.0.1:{port}", "MODERATION_REDIS_URL": redis_url,
        "MODERATION_API_KEYS": f"bench:{API_KEY}", "MODERATION_METRICS_TOKEN": METRICS_TOKEN,
        "MODERATION_SECRET_KEY": secrets.token_hex(32),  # start-up refuses .env.example's placeholder
        "MODERATION_INSTANCE_DIR": str(folder), "MODERATION_MODEL_DIR": str(model_root),
        "PROMETHEUS_MULTIPROC_DIR": str(folder / "metrics"),
        # The production limits would stop a load test from one address; high limits keep their cost in.
        "MODERATION_RATE_LIMITS": json.dumps({"key": "100000000/60", "author": "100000000/60", "ip": "100000000/60"}),
        "MODERATION_CHECK_RATE_LIMITS": json.dumps({"key": "100000000/60", "author": "100000000/60"}),
    })
    for name in ("WORKERS", "THREADS", "WORKER_CPUS"):
        if os.environ.get(f"BENCH_{name}"):
            env[f"MODERATION_{name}"] = os.environ[f"BENCH_{name}"]
    if thresholds:
        env["MODERATION_THRESHOLDS"] = json.dumps(thresholds)
    if app:
        env["PROMETHEUS_MULTIPROC_DIR"] = str(folder / "metrics-bare")
    log = open(folder / f"gunicorn-{port}.log", "wb")  # kept open for the server's lifetime
    process = subprocess.Popen(compose_command(app), cwd=ROOT, env=env, stdout=log, stderr=log,
                               stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited; see {folder / f'gunicorn-{port}.log'}")
        try:
            with urllib.request.urlopen(url + ready, timeout=2) as response:
                # one worker can answer before the master has forked the others, whose CPU would then go uncounted
                if response.status == 200 and len(workers_of(process.pid)) == int(env["MODERATION_WORKERS"]):
                    return process, url, env
            time.sleep(0.05)
        except OSError:
            time.sleep(0.2)
    stop(process)  # not left serving (or still loading) after the caller gives up
    raise SystemExit(f"gunicorn did not become ready in 90 s; see {folder / f'gunicorn-{port}.log'}")


def stop(process):
    if process is not None and process.poll() is None:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


@contextmanager
def production_servers(prefix, thresholds=None, redis="tcp"):
    """redis-server and gunicorn as in docker-compose.yml, in a temporary folder, stopped afterwards:
    yields (folder, gunicorn process, url, environment, redis process, redis client)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    (folder / "redis").mkdir()
    redis_process, port, rdb = start_redis(folder / "redis")
    gunicorn = None
    try:
        url = f"unix://{folder / 'redis' / 'redis.sock'}" if redis == "unix" else f"redis://127.0.0.1:{port}/0"
        gunicorn, base, env = start_gunicorn(folder, url, ROOT / "model" / "artifacts", thresholds)
        yield folder, gunicorn, base, env, redis_process, rdb
    finally:
        stop(gunicorn)
        redis_process.terminate()
        redis_process.wait(timeout=30)
    shutil.rmtree(folder, ignore_errors=True)  # kept after a failure: gunicorn.log says why


@contextmanager
def bare_server(folder, redis_url):
    """bench/bare.py under the same gunicorn command line and environment: yields (process, url)."""
    process, url, _ = start_gunicorn(folder, redis_url, ROOT / "model" / "artifacts", None,
                                     app="bench.bare:create_app()", ready="/healthz")
    try:
        yield process, url
    finally:
        stop(process)


def pinned(env):
    """How the workers were pinned (BENCH_WORKER_CPUS: the service's and the bare app's alike), for the table's head."""
    spec = env.get("MODERATION_WORKER_CPUS")
    return f", each pinned to a CPU ({spec})" if spec else ""


def workers_of(pid):
    return [int(child) for task in Path(f"/proc/{pid}/task").iterdir()
            for child in (task / "children").read_text().split()]


def memory_mb(pid):
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0]) / 1024
    return fields
