"""`make run`'s development server (werkzeug on Python's http.server) answers what it refuses itself, before the app
sees it, as the API's JSON error: it answered its HTML page quoting the request line, and for a request line of
fewer than three words that page alone, with no status line (audit s38 left it; gunicorn's: test_gunicorn_errors)."""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from moderation import PROJECT_ROOT
from moderation.ops.http_errors import DEV_ANSWERS, error_body
from tests.support.app import app_config, app_env
from tests.support.servers import ThreadedServer, free_port, ready
from tests.test_gunicorn_errors import _CHUNKED, CHUNKED_BODIES, _answer, _chunked_code, _json_error

_GET = b"GET /api/v1/queue HTTP/1.1\r\nHost: news.example\r\n"
# (raw request, status, field): what http.server refuses in parse_request / handle_one_request
REFUSED_BY_THE_DEV_SERVER = [
    (b"GARBAGE\r\n\r\n", 400, None),
    (b"POST /api/v1/comments\r\n\r\n", 400, None),  # two words: only an HTTP/0.9 GET may
    (b"GET /api/v1/queue HTTP/1.x\r\nHost: news.example\r\n\r\n", 400, None),
    (b"GET /api/v1/queue HTTP/2.0\r\nHost: news.example\r\n\r\n", 505, None),
    (b"GET /api/v1/comments/" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: news.example\r\n\r\n", 414, "url"),
    (_GET + b"X-Big: " + b"a" * 70_000 + b"\r\n\r\n", 431, "headers"),
    (_GET + b"".join(b"X-H%d: 1\r\n" % n for n in range(101)) + b"\r\n", 431, "headers"),
]


@pytest.mark.parametrize("status", [400, 414, 431, 505])
def test_the_dev_servers_limits_are_its_own(status):
    """Its limits (65,536-byte lines, 100 headers) are http.server's, not gunicorn's 8,190 / 16,384."""
    phrase, body = error_body(status, "?", DEV_ANSWERS)
    assert phrase and b'"code": "' in body and b"8190" not in body and b"16384" not in body


@pytest.mark.slow  # a real `python -m moderation serve --dev` process (make run's command)
def test_what_the_dev_server_refuses_itself_is_the_apis_json(tiny_model, redis_server, prefix, tmp_path):
    config = app_config(tiny_model, redis_server.url, prefix, tmp_path, DEMO=False)
    port, log = free_port(), tmp_path / "serve.log"
    with open(log, "wb") as output:
        server = subprocess.Popen([sys.executable, "-m", "moderation", "serve", "--port", str(port), "--dev"],
                                  env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT), **app_env(config)}, cwd="/",
                                  stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while not ready(port):
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        for request, status, field in REFUSED_BY_THE_DEV_SERVER:
            _json_error(_answer(port, request), status, field, request)
        assert ready(port)  # it serves on
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "GARBAGE" not in log.read_text()  # its log line names the status, not the request line


@pytest.mark.slow  # a server in a thread
def test_a_chunked_body_is_answered_as_gunicorn_answers_it(make_app, comment):
    """werkzeug's dechunker raised one OSError for a malformed size, a missing CRLF and a sender gone alike: the app
    answered `incomplete_body` where production (gunicorn, the same cases in test_gunicorn_errors) says `bad_chunk`."""
    server = ThreadedServer(make_app(RATE_LIMITS="")).start()
    try:
        assert [_chunked_code(server.port, body, then_close) for body, then_close, _ in CHUNKED_BODIES] == \
            [code for _, _, code in CHUNKED_BODIES]
        valid = json.dumps(comment(id="c-1")).encode()
        chunks = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (valid[:9], valid[9:])) + b"0\r\n\r\n"
        head, _, body = _answer(server.port, _CHUNKED + chunks, then_close=True).partition(b"\r\n\r\n")
        assert head.split(b" ")[1] == b"200" and json.loads(body)["id"] == "c-1", body
    finally:
        server.stop()


@pytest.mark.slow  # a server in a thread
def test_the_browser_tests_server_writes_no_request_lines(live_server, caplog):
    """live_server served with werkzeug's own handler: its request lines (a page's sendBeacon answered after the
    test) reached CI's output; it is make run's server now, whose only line is the app's access line."""
    base, _ = live_server()
    with caplog.at_level("INFO"):
        for path in ("/healthz", "/review/", "/nowhere?q=secret"):
            try:
                urllib.request.urlopen(f"{base}{path}", timeout=10).close()
            except urllib.error.HTTPError as error:
                assert error.code == 404, path
    assert [record.getMessage() for record in caplog.records if record.name == "werkzeug"] == []
