"""Shared fixtures: a real throwaway redis-server, a real tiny model, the app and its clients."""

import itertools
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
import redis

from moderation import PROJECT_ROOT, create_app
from moderation.store.client import find_redis_server

API_KEY = "test-key-0123456789"
OTHER_KEY = "other-key-0123456789"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisProcess:
    """A redis-server on a free loopback port with its data (append-only file) in a temporary folder."""

    def __init__(self, data_dir):
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [find_redis_server(), "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.data_dir),
             "--appendonly", "yes", "--appendfsync", "everysec", "--save", "", "--daemonize", "no",
             "--logfile", str(self.data_dir / "redis.log")],
            stdin=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_timeout=0.5)
        for _ in range(200):
            try:
                if client.ping():
                    return self
            except (redis.ConnectionError, redis.BusyLoadingError):
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def kill(self):
        """SIGKILL: no shutdown save; only what the append-only file already holds survives."""
        self.process.kill()
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


# The api service's command in docker-compose.yml (tests/test_production.py checks the two agree).
GUNICORN_COMMAND = ["gunicorn", "--config", "gunicorn.conf.py", "--preload", "moderation:create_app()"]


class Gunicorn:
    """The api service's command line, run here: started, waited for, signalled, its log read back."""

    def __init__(self, command, env, log_dir):
        self.command = [sys.executable, "-m", "gunicorn", *command[1:]] if command[0] == "gunicorn" else command
        self.port = free_port()
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith("MODERATION_") and k != "PROMETHEUS_MULTIPROC_DIR"}
        self.env.update(env, MODERATION_BIND=f"127.0.0.1:{self.port}")
        self.log_path = Path(log_dir) / f"gunicorn-{self.port}.log"
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout=60):
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(self.command, cwd=PROJECT_ROOT, env=self.env, stdout=log, stderr=log,
                                            stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn exited with {self.process.returncode}:\n{self.log()}")
            try:
                if self.get("/readyz")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"gunicorn did not become ready:\n{self.log()}")

    def request(self, method, path, body=None, headers=None, timeout=10):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method, headers=headers or {})
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as response:
                return response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read(), error.headers

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post_comment(self, text, comment_id=None, headers=None, timeout=10):
        body = {"id": comment_id or f"p-{uuid.uuid4().hex[:12]}", "article_id": "a-1", "text": text,
                "author": {"id": "reader-7", "name": "読者"}}
        return self.request("POST", "/api/v1/comments", body,
                            headers={"Authorization": f"Bearer {API_KEY}", **(headers or {})}, timeout=timeout)

    def metrics(self):
        from prometheus_client.parser import text_string_to_metric_families

        token = self.env["MODERATION_METRICS_TOKEN"]
        status, body, _ = self.get("/metrics", headers={"Authorization": f"Bearer {token}"})
        assert status == 200, body
        return {(s.name, tuple(sorted(s.labels.items()))): s.value
                for family in text_string_to_metric_families(body.decode()) for s in family.samples}

    def workers(self, timeout=10):
        """Pids of the worker processes (waits until as many as configured are up)."""
        deadline = time.monotonic() + timeout
        while True:
            pids = [int(pid) for task in Path(f"/proc/{self.process.pid}/task").iterdir()
                    for pid in (task / "children").read_text().split()]
            if len(pids) >= int(self.env["MODERATION_WORKERS"]) or time.monotonic() > deadline:
                return pids
            time.sleep(0.1)

    def log(self):
        return self.log_path.read_text(errors="replace")

    def log_lines(self):
        return [json.loads(line) for line in self.log().splitlines() if line.strip()]

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()



@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    server = RedisProcess(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


@pytest.fixture
def own_redis(tmp_path):
    """A redis-server for one test that may kill and restart it."""
    server = RedisProcess(tmp_path / "redis").start()
    yield server
    server.stop()


@pytest.fixture
def prefix():
    return f"t{uuid.uuid4().hex[:10]}:"


@pytest.fixture
def rdb(redis_server):
    return redis.Redis.from_url(redis_server.url, decode_responses=True)


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory):
    """A real model trained on the tiny test corpus: (artifacts root, version, sha256)."""
    from model.tiny import train_tiny_artifact

    artifact_dir, sha256, version = train_tiny_artifact(tmp_path_factory.mktemp("artifacts"))
    return Path(artifact_dir).parent, version, sha256


def app_config(tiny_model, redis_url, prefix, instance_dir, **extra):
    root, version, sha256 = tiny_model
    config = {
        "TESTING": True, "REDIS_URL": redis_url, "REDIS_PREFIX": prefix, "INSTANCE_DIR": str(instance_dir),
        "API_KEYS": f"test:{API_KEY},other:{OTHER_KEY}", "MODEL_DIR": str(root), "MODEL_VERSION": version,
        "MODEL_SHA256": sha256, "SECRET_KEY": "test-secret", "REDIS_TIMEOUT": 1.0,
    }
    config.update(extra)
    return config


@pytest.fixture
def make_app(tiny_model, redis_server, prefix, tmp_path):
    """Build an app against the shared test Redis (or another URL); extra settings as keyword arguments."""

    def build(redis_url=None, **extra):
        return create_app(app_config(tiny_model, redis_url or redis_server.url, prefix, tmp_path, **extra))

    return build


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def auth():
    return {"Authorization": f"Bearer {API_KEY}"}


_ids = itertools.count()


@pytest.fixture
def comment():
    """A factory for a valid comment body with a fresh id."""

    def build(text="今日の記事、とても参考になりました。ありがとうございます。", **fields):
        body = {"id": f"c-{next(_ids)}-{uuid.uuid4().hex[:6]}", "article_id": "article-1", "text": text,
                "author": {"id": "reader-1", "name": "読者"}}
        body.update(fields)
        return body

    return build


@pytest.fixture
def queue(rdb, prefix):
    from moderation.store.review_queue import ReviewQueue

    return ReviewQueue(rdb, "test", prefix=prefix, lease_seconds=1)


@pytest.fixture
def live_server(make_app):
    """make_app-style: start(**extra_config) serves a new app from a real threaded HTTP server on a free
    loopback port (for browser tests) and returns (base_url, app); every server stops after the test."""
    import threading

    from werkzeug.serving import make_server

    servers = []

    def start(**extra):
        app = make_app(**extra)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
        thread.start()
        servers.append((server, thread))
        return f"http://127.0.0.1:{server.server_port}", app

    yield start
    for server, thread in servers:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def two_models(tmp_path_factory):
    """(root, (v1, sha1), (v2, sha2)): the tiny model twice over in one MODEL_DIR, v2 trained with the spam labels
    inverted so the two disagree, and a card with held-out metrics (the registry tests and the admin pages)."""
    import numpy as np

    from model.card import write_active, write_artifact
    from model.pipeline import build_pipeline, compact
    from model.tiny import TINY_VERSION, tiny_corpus, train_tiny_artifact

    root = tmp_path_factory.mktemp("two-models")
    _, sha1, _ = train_tiny_artifact(root)
    texts, y = tiny_corpus()
    flipped = np.asarray([[1 - spam, abuse] for spam, abuse in y])
    pipe = build_pipeline(min_df=1, calibration_cv=2, max_char_features=20_000, max_word_features=2_000)
    card = {"thresholds": {"spam": {"review": 0.5, "reject": 0.97}, "abuse": {"review": 0.5, "reject": 0.97}},
            "trained_at": "2026-11-26T10:00:00+00:00",
            "metrics": {"heldout": [{"set": "ja spam: held-out", "label": "spam", "n": 10, "roc_auc": 0.9,
                                     "pr_auc": 0.8}]}}
    _, sha2 = write_artifact(compact(pipe.fit(texts, flipped)), root, "0000.00.01-flipped", card)
    write_active(root, TINY_VERSION, sha1)
    return root, (TINY_VERSION, sha1), ("0000.00.01-flipped", sha2)


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# `make test` installs Debian's chromium (make browser-deps); only a machine without it skips the browser tests.
needs_chromium = pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK),
                                    reason="Debian chromium is not installed at /usr/bin/chromium (make browser-deps)")


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium through Playwright (never `playwright install`: no browser downloads)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def tampered_version(two_models):
    """A copy of the second model with one byte of model.joblib flipped: its name, removed afterwards."""
    import shutil

    root, _, (v2, _) = two_models
    tampered = root / "0000.00.02-tampered"
    shutil.copytree(root / v2, tampered)
    data = bytearray((tampered / "model.joblib").read_bytes())
    data[-10] ^= 0xFF
    (tampered / "model.joblib").write_bytes(bytes(data))
    yield tampered.name
    shutil.rmtree(tampered)


MODERATOR_PASSWORD = "correct-horse-1"


def csrf_of(html):
    """The CSRF token a page carries (a form field, or the meta tag the page's script reads)."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', html) or re.search(
        r'name="csrf-token" content="([^"]+)"', html)
    return found.group(1)


class Moderator:
    """A test client logged in through /login, with the page's CSRF token."""

    def __init__(self, app, name, remote_addr="127.0.0.1"):
        self.client = app.test_client()
        self.name = name
        self.env = {"REMOTE_ADDR": remote_addr}
        page = self.client.get("/login", environ_base=self.env)
        response = self.client.post("/login", data={"username": name, "password": MODERATOR_PASSWORD,
                                                    "csrf_token": csrf_of(page.text)}, environ_base=self.env)
        assert response.status_code == 302, response.text
        self.csrf = csrf_of(self.client.get("/review").text)

    def get(self, path, **kwargs):
        return self.client.get(path, **kwargs)

    def post(self, path, body=None, **kwargs):
        """A JSON POST for site "test" with the CSRF header."""
        headers = {"X-CSRF-Token": self.csrf, **kwargs.pop("headers", {})}
        return self.client.post(path, json={"site": "test", **(body or {})}, headers=headers, **kwargs)

    def form(self, path, data=None, *, csrf=True, **kwargs):
        """A form POST, with the CSRF field unless csrf=False."""
        data = {**({"csrf_token": self.csrf} if csrf else {}), **(data or {})}
        return self.client.post(path, data=data, **kwargs)

    def claim(self, **body):
        response = self.post("/review/api/claim", body)
        assert response.status_code == 200, response.text
        return response.json["cards"]

    def decide(self, comment_id, action, reason=""):
        response = self.post("/review/api/decide", {"id": comment_id, "action": action, "reason": reason})
        assert response.status_code == 200, response.text


@pytest.fixture
def accounts(rdb, prefix):
    """Moderators hanako and jiro and the admin taro, all with MODERATOR_PASSWORD."""
    from moderation.store.moderators import Moderators

    moderators = Moderators(rdb, prefix)
    moderators.add("hanako", MODERATOR_PASSWORD, "moderator")
    moderators.add("jiro", MODERATOR_PASSWORD, "moderator")
    moderators.add("taro", MODERATOR_PASSWORD, "admin")
    return moderators


@pytest.fixture(scope="session")
def shipped_scorer():
    """The active (shipped) artifact, loaded by its pinned SHA-256 as the service loads it."""
    from model.functional import resolve_artifact
    from moderation.scoring.scorer import load_scorer

    folder, sha = resolve_artifact(None)
    return load_scorer(folder, sha)
