"""Shared fixtures: a real throwaway redis-server, a real tiny model, the app and its clients, a logged-in
moderator. The helpers they use live in tests/support/."""

import sys

# Keep the bytecode of what the tests import, pytest's assertion-rewritten test modules included, in __pycache__
# (ignored by git) even where the environment sets PYTHONDONTWRITEBYTECODE, as this machine's does: without it every
# run, in each xdist worker, compiled the ~500 modules again (collection 11 s with the cache, 27-30 s without, at
# load 4.5). Set before the imports below, so the project's own modules are kept too.
sys.dont_write_bytecode = False

import gc
import itertools
import logging
import shutil
import uuid
from types import SimpleNamespace

import pytest
import redis
from hypothesis import HealthCheck, settings

from moderation import create_app
from tests.support import thresholds as named_thresholds
from tests.support.app import API_KEY, app_config
from tests.support.app_loads import Scorers, TemplateCode
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS
from tests.support.cli_fork import CliForks
from tests.support.model_cache import cached_build, source_key
from tests.support.moderators import MODERATOR_PASSWORD, Moderator
from tests.support.servers import RedisProcess
from tests.support.topologies import Cluster

# Hypothesis's too_slow health check times how long its own input generation takes, which on the shared 2-core machine
# under load (a fit, CI, another worker) failed test_kernels' counting test while generating, not while testing
# (session 32); what the properties assert and how many examples they try are unchanged
settings.register_profile("shared-machine", suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("shared-machine")


def pytest_collection_finish(session):
    """Collection leaves ~325,000 objects that live to the end of the run (the scoring stack's compiled patterns, the
    test items): frozen out of the collector's reach, as gunicorn's master freezes the model, so the collections
    during the tests no longer walk them (fast suite, gc.callbacks: 9.7-9.9 -> 6.8-7.4 s of a worker's CPU); and the
    youngest generation looked at every 5,000 new containers, not 700, as gunicorn.conf.py's workers (GC_YOUNG):
    4.1-4.7 s with both."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(5000, *gc.get_threshold()[1:])


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashes():
    """The accounts tests make hash with scrypt at n=2**10, not 2**15: the same code and hash format at 3 ms a hash
    or a login instead of 0.1 s (0.4 s of every test with `accounts`); test_accounts checks the CLI's full cost."""
    from moderation.store import passwords

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "HASH_METHOD", "scrypt:1024:8:1")
        yield


@pytest.fixture(scope="session", autouse=True)
def shared_app_loads():
    """Every app a worker builds shares one loaded model per artifact content and the templates' compiled code
    (tests/support/app_loads.py): each app loaded and compiled them again, a fifth of the fast suite's time."""
    from flask import Flask

    from moderation.scoring import artifacts, manager

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Flask, "jinja_options", {**Flask.jinja_options, "bytecode_cache": TemplateCode()})
        patch.setattr(manager, "load_scorer", Scorers(artifacts.load_scorer))
        yield


@pytest.fixture(autouse=True)
def root_logging_as_found():
    """A test that runs the CLI or a production-configured app in-process installs the JSON stderr handler on the
    root logger at INFO; left there, threads that outlive their test (aiosmtpd's mail.log, a browser's late beacon
    answered by a live server) printed their lines into CI's output between tests. Each test leaves it as found."""
    root = logging.getLogger()
    handlers, level = set(root.handlers), root.level
    yield
    for handler in list(root.handlers):  # pytest's own capture handlers come and go by phase: left to pytest
        if handler not in handlers and not type(handler).__module__.startswith("_pytest"):
            root.removeHandler(handler)
    root.setLevel(level)


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    server = RedisProcess(tmp_path_factory.mktemp("redis")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def cli_forks():
    """`python -m moderation ...` in a real process forked from one that imported the service once per worker
    (tests/support/cli_fork.py): cli_forks.run(args, env=...) as subprocess.run(..., capture_output=True, text=True)."""
    forks = CliForks()
    yield forks
    forks.stop()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A real Cluster (three masters, a replica each), started once for the test file that asks for it."""
    nodes = Cluster(tmp_path_factory.mktemp("cluster")).start()
    yield nodes
    nodes.stop()


@pytest.fixture(params=["standalone", pytest.param("cluster", marks=pytest.mark.slow)])
def redis_clients(request, redis_server):
    """clients(n): n clients of one Redis, as n instances of the service hold them, on one server and (slow) on a
    real Cluster, where each key of a multi-key step may sit on a master of its own."""
    if request.param == "cluster":
        port = request.getfixturevalue("cluster").nodes[0].port
        return lambda n: [redis.RedisCluster(host="127.0.0.1", port=port, decode_responses=True) for _ in range(n)]
    return lambda n: [redis.Redis.from_url(redis_server.url, decode_responses=True) for _ in range(n)]


@pytest.fixture
def own_redis(tmp_path):
    """A redis-server for one test that may kill and restart it."""
    server = RedisProcess(tmp_path / "redis").start()
    yield server
    server.stop()


@pytest.fixture
def private_redis(tmp_path):
    """own_redis that only this test's clients can use (a password of its own), for a test that counts commands
    (INFO commandstats, MONITOR count every client's): a client of another test, in this run's other worker or
    another run on the machine, still retrying against a server it stopped, reaches a new server given its port
    (free_port() sees it free) and there runs its commands; here they are refused before they run (not counted)."""
    server = RedisProcess(tmp_path / "redis", password=uuid.uuid4().hex).start()
    yield server
    server.stop()


@pytest.fixture
def quick_retries(monkeypatch):
    """With Redis down, each command of the service waits out the failover retries' back-off (0.1 + 0.2 + 0.4 s, and
    a write's pipeline three times over): the tests that stop Redis keep every retry at 1/50 of the waits. Apps
    built after this fixture get it (the client reads the back-off when it is made)."""
    from moderation.store import master_pipeline

    monkeypatch.setattr(master_pipeline, "RETRY_BASE", master_pipeline.RETRY_BASE / 50)
    monkeypatch.setattr(master_pipeline, "RETRY_CAP", master_pipeline.RETRY_CAP / 50)


@pytest.fixture
def prefix():
    return f"t{uuid.uuid4().hex[:10]}:"


@pytest.fixture
def rdb(redis_server):
    return redis.Redis.from_url(redis_server.url, decode_responses=True)


@pytest.fixture(scope="session")
def model_cache(request):
    """Where the trained test models are kept between runs and workers: pytest's cache folder (ignored by git; its
    default place also when the cache plugin is off, as land.sh runs, `-p no:cacheprovider`)."""
    cache = getattr(request.config, "cache", None)
    return cache.mkdir("test-models") if cache is not None else request.config.rootpath / ".pytest_cache/d/test-models"


def _train_tiny(folder):
    from model.tiny import train_tiny_artifact

    train_tiny_artifact(folder)


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory, model_cache):
    """A real model trained on the tiny test corpus: (artifacts root, version, sha256). Trained once for all workers
    and runs while its sources stay the same (tests/support/model_cache.py); each session gets its own copy."""
    from moderation.scoring.scorer import read_active

    root = tmp_path_factory.mktemp("artifacts")
    shutil.copytree(cached_build(model_cache, source_key("tiny"), _train_tiny), root, dirs_exist_ok=True)
    version, sha256 = read_active(root)
    return root, version, sha256


@pytest.fixture(scope="session")
def tiny_scorer(tiny_model):
    """The tiny model loaded by its pinned hash, as the service loads it."""
    from moderation.scoring.scorer import load_scorer

    root, version, sha256 = tiny_model
    return load_scorer(root / version, sha256)


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
    """make_app-style: start(**extra_config) serves a new app from make run's server (tests/support/servers.py's
    ThreadedServer) on a free loopback port (for browser tests) and returns (base_url, app); each stops after."""
    from tests.support.servers import ThreadedServer

    servers = []

    def start(**extra):
        app = make_app(**extra)
        servers.append(ThreadedServer(app).start())
        return servers[-1].url, app

    yield start
    for server in servers:
        server.stop()


FLIPPED = "0000.00.01-flipped"


def _train_flipped(folder):
    from model.card import write_active, write_artifact
    from model.tiny import train_tiny_pipeline

    card = {"thresholds": {"spam": {"review": 0.5, "reject": 0.97}, "abuse": {"review": 0.5, "reject": 0.97}},
            "trained_at": "2026-11-26T10:00:00+00:00",
            "metrics": {"heldout": [{"set": "ja spam: held-out", "label": "spam", "n": 10, "roc_auc": 0.9,
                                     "pr_auc": 0.8}]}}
    _, sha = write_artifact(train_tiny_pipeline(flip_spam=True), folder, FLIPPED, card)
    write_active(folder, FLIPPED, sha)


@pytest.fixture(scope="session")
def two_models(tmp_path_factory, tiny_model, model_cache):
    """(root, (v1, sha1), (v2, sha2)): the tiny model twice over in one MODEL_DIR, v2 trained with the spam labels
    inverted so the two disagree, and a card with held-out metrics (the registry tests and the admin pages)."""
    from model.card import write_active
    from moderation.scoring.scorer import read_active

    root = tmp_path_factory.mktemp("two-models")
    tiny_root, v1, sha1 = tiny_model
    shutil.copytree(tiny_root / v1, root / v1)  # the session's tiny model, not trained again
    flipped = cached_build(model_cache, source_key("flipped"), _train_flipped)
    shutil.copytree(flipped / FLIPPED, root / FLIPPED)
    write_active(root, v1, sha1)
    return root, (v1, sha1), (FLIPPED, read_active(flipped)[1])


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
    root, _, (v2, _) = two_models
    tampered = root / "0000.00.02-tampered"
    shutil.copytree(root / v2, tampered)
    data = bytearray((tampered / "model.joblib").read_bytes())
    data[-10] ^= 0xFF
    (tampered / "model.joblib").write_bytes(bytes(data))
    yield tampered.name
    shutil.rmtree(tampered)


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
    from model.judge import resolve_artifact
    from moderation.scoring.scorer import load_scorer

    folder, sha = resolve_artifact(None)
    return load_scorer(folder, sha)


@pytest.fixture
def login(accounts):
    """Log in through /login like Flask's tutorial's `auth` fixture: login(app, "hanako") is a Moderator."""

    def log_in(app, name, remote_addr="127.0.0.1"):
        return Moderator(app, name, remote_addr)

    return log_in


@pytest.fixture
def thresholds():
    """Named thresholds that make the tiny model's decision certain: flag_all, flag_none, reject_all."""
    return SimpleNamespace(flag_all=named_thresholds.FLAG_ALL, flag_none=named_thresholds.FLAG_NONE,
                           reject_all=named_thresholds.REJECT_ALL)
