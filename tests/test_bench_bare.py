"""`make bench` runs bench/bare.py under the service's own gunicorn command and gunicorn.conf.py: its hooks must
serve an app that is not ours (the keys-file watch of f6d555a stopped that master at start-up)."""

import json
import urllib.request

import pytest

from bench.servers import bare_server, start_redis

pytestmark = pytest.mark.slow


def test_the_bare_app_serves_under_the_services_gunicorn_command(tmp_path):
    (tmp_path / "redis").mkdir()
    redis_process, port, client = start_redis(tmp_path / "redis")
    try:
        # the bench's server persists as docker-compose.yml's: the append-only file, no RDB snapshots
        assert client.config_get("save") == {"save": ""}
        assert client.config_get("appendonly") == {"appendonly": "yes"}
        with bare_server(tmp_path, f"redis://127.0.0.1:{port}/0") as (process, url):
            request = urllib.request.Request(f"{url}/api/v1/comments", data=json.dumps({"text": "x"}).encode(),
                                             headers={"Content-Type": "application/json"}, method="POST")
            with urllib.request.urlopen(request, timeout=10) as answer:
                assert answer.status == 200 and process.poll() is None
    finally:
        redis_process.terminate()
        redis_process.wait(timeout=30)
