"""Faults under load through the production gunicorn command: Redis and workers killed with SIGKILL.

Each test counts what it sent, what was answered `review`, and what Redis holds afterwards: zero lost.
"""

import os
import signal
import threading
import time
import uuid

import httpx
import pytest
import redis

from tests.support.app import API_KEY, app_config, app_env
from tests.support.servers import GUNICORN_COMMAND, Gunicorn
from tests.support.thresholds import FLAG_ALL

pytestmark = pytest.mark.slow  # gunicorn, real kills and floods: seconds each


@pytest.fixture
def gunicorn_on(tiny_model, prefix, tmp_path, thresholds):
    servers = []

    def start(redis_url, **extra):
        config = app_config(tiny_model, redis_url, prefix, tmp_path, THRESHOLDS=thresholds.flag_all, RATE_LIMITS="",
                            WORKERS=2, LOG_LEVEL="WARNING", **extra)
        servers.append(Gunicorn(GUNICORN_COMMAND, app_env(config), tmp_path).start())
        servers[-1].workers()  # wait for both workers
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="module")
def on_the_test_redis(tiny_model, redis_server, tmp_path_factory):
    """(server, its prefix): one gunicorn on the session's Redis for the tests that kill none of it but a worker
    (its master forks another), started once for them (a master importing the service and loading the model is
    seconds of CPU); a body gets 1 s in all."""
    folder = tmp_path_factory.mktemp("gunicorn")
    prefix = f"t{uuid.uuid4().hex[:10]}:"
    config = app_config(tiny_model, redis_server.url, prefix, folder, THRESHOLDS=FLAG_ALL, RATE_LIMITS="",
                        WORKERS=2, LOG_LEVEL="WARNING", BODY_TIMEOUT=1.0)
    server = Gunicorn(GUNICORN_COMMAND, app_env(config), folder).start()
    yield server, prefix
    server.stop()


def _both_workers(server, timeout=20):
    """The two workers' pids, once the master has forked the one a test before killed again."""
    deadline = time.monotonic() + timeout
    while len(pids := server.workers()) != 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(pids) == 2, (pids, server.log())
    return pids


def _stream(url, n_threads, per_thread, results, pause=0.0):
    """Send comments from several threads; record (id, status or exception name, decision)."""

    def send():
        with httpx.Client(timeout=10) as client:
            for _ in range(per_thread):
                cid = f"chaos-{uuid.uuid4().hex[:12]}"
                body = {"id": cid, "article_id": "a1", "text": "副業で月収100万円、LINE追加してね"}
                try:
                    response = client.post(f"{url}/api/v1/comments", json=body,
                                           headers={"Authorization": f"Bearer {API_KEY}"})
                    results.append((cid, response.status_code, response.json().get("decision")))
                except httpx.HTTPError as error:
                    results.append((cid, type(error).__name__, None))
                time.sleep(pause)

    threads = [threading.Thread(target=send) for _ in range(n_threads)]
    for thread in threads:
        thread.start()
    return threads


def _lost(redis_url, prefix, results):
    """Ids answered `review` that the queue does not hold."""
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    accepted = [cid for cid, status, decision in results if status == 200 and decision == "review"]
    ready = f"{prefix}{{test}}:ready"
    held = client.pipeline(transaction=False)
    for cid in accepted:
        held.zscore(ready, cid)
    return accepted, [cid for cid, score in zip(accepted, held.execute(), strict=True) if score is None]


def test_redis_killed_mid_stream_loses_nothing_and_service_recovers(own_redis, gunicorn_on, prefix):
    # A kill mid-stream under everysec can land while Redis holds back answered writes behind its background
    # fsync (README, Durability; tests/test_durability.py covers everysec): here the policy that closes it.
    own_redis.client().config_set("appendfsync", "always")
    server = gunicorn_on(own_redis.url, REDIS_TIMEOUT=0.5)
    results = []
    threads = _stream(server.url, 4, 120, results, pause=0.005)
    while len(results) < 150:
        time.sleep(0.01)
    own_redis.kill()
    time.sleep(1.0)
    own_redis.start()
    for thread in threads:
        thread.join()
    statuses = [status for _, status, _ in results]
    assert set(statuses) <= {200, 503}, set(statuses)
    accepted, lost = _lost(own_redis.url, prefix, results)
    assert lost == [] and len(accepted) >= 150
    # the service came back by itself: the last requests of every thread were accepted again
    after = []
    _stream(server.url, 1, 5, after)[0].join()
    assert [status for _, status, _ in after] == [200] * 5
    print(f"\nredis kill -9: sent {len(results)}, accepted {len(accepted)}, 503 {statuses.count(503)}, lost 0")


def test_worker_killed_under_load_fails_only_in_flight_requests(redis_server, on_the_test_redis):
    server, prefix = on_the_test_redis
    before = _both_workers(server)
    results = []
    threads = _stream(server.url, 4, 100, results)
    while len(results) < 100:
        time.sleep(0.01)
    os.kill(before[0], signal.SIGKILL)
    for thread in threads:
        thread.join()
    failed = [r for r in results if r[1] != 200]
    assert len(failed) <= 4, failed  # at most the requests in flight on the killed worker
    accepted, lost = _lost(redis_server.url, prefix, results)
    assert lost == [] and len(accepted) == len(results) - len(failed)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and (len(server.workers()) != 2 or before[0] in server.workers()):
        time.sleep(0.2)
    assert len(server.workers()) == 2 and before[0] not in server.workers()
    print(f"\nworker kill -9: sent {len(results)}, failed in flight {len(failed)}, lost 0")


def test_stalled_and_endless_bodies_are_cut_off(on_the_test_redis):
    """A sender that stops mid-body gets 408 after BODY_TIMEOUT; an endless chunked body gets 413."""
    import socket

    server, _ = on_the_test_redis
    _both_workers(server)
    head = (f"POST /api/v1/comments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {API_KEY}\r\n"
            "Content-Type: application/json\r\n")
    stalled = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    stalled.sendall((head + "Content-Length: 500\r\n\r\n" + '{"id": "slow", "text": "').encode())
    started = time.monotonic()
    # meanwhile the other worker keeps answering
    assert httpx.get(f"{server.url}/healthz", timeout=5).status_code == 200
    answer = b"".join(iter(lambda: stalled.recv(4096), b"")).decode()  # until the server closes
    assert answer.startswith("HTTP/1.1 408") and '"field":"body"' in answer.replace(" ", "")
    assert time.monotonic() - started < 5
    endless = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    endless.sendall((head + "Transfer-Encoding: chunked\r\n\r\n").encode())
    chunk = b"a" * 8192
    try:
        for _ in range(20):  # 160 KiB, more than the 64 KiB limit
            endless.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
    except OSError:
        pass  # the server may close as soon as it has answered
    assert endless.recv(4096).decode().startswith("HTTP/1.1 413")
