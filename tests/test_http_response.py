"""gunicorn's responses through ops/http_response.py: the same bytes on the wire as gunicorn's own class, the head
and a whole sized body in one send, and gunicorn.conf.py installing it for the workers."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from gunicorn import http
from gunicorn.config import Config
from gunicorn.http import wsgi

from moderation.ops import http_response

ROOT = Path(__file__).resolve().parent.parent
ORIGINAL = wsgi.Response  # gunicorn's own (the conf file test below installs this module's and puts it back)
if ORIGINAL is http_response.Response:
    ORIGINAL = http_response.Response.__mro__[1]

JSON = [("Content-Type", "application/json"), ("X-Request-ID", "0123abcd"), ("X-Content-Type-Options", "nosniff")]


class Recording:
    """A socket's sendall, recorded (what gunicorn writes a response with)."""

    def __init__(self):
        self.sent = []

    def sendall(self, data):
        self.sent.append(bytes(data))


def _request(raw):
    a, b = socket.socketpair()
    try:
        b.sendall(raw)
        return next(http.get_parser(Config(), a, ("127.0.0.1", 5000)))
    finally:
        a.close()
        b.close()


def _answer(cls, raw, status, headers, chunks, *, close=True):
    """What `cls` sends for one answer, as gunicorn's sync worker drives it (start_response, write, close)."""
    sock = Recording()
    response = cls(_request(raw), sock, Config())
    if close:
        response.force_close()
    response.start_response(status, list(headers))
    for chunk in chunks:
        response.write(chunk)
    response.close()
    return sock.sent


POST = b"POST /api/v1/comments HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}"
HEAD = b"HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
GET10 = b"GET /healthz HTTP/1.0\r\nHost: x\r\n\r\n"
BODY = '{"decision":"allow","text":"ありがとう"}\n'.encode()
CASES = {
    "sized JSON": (POST, "200 OK", [*JSON, ("Content-Length", str(len(BODY)))], [BODY]),
    "sized, in two pieces": (POST, "200 OK", [*JSON, ("Content-Length", str(len(BODY)))], [BODY[:7], BODY[7:]]),
    "declared longer than sent": (POST, "200 OK", [*JSON, ("Content-Length", "999")], [BODY]),
    "declared shorter (cut)": (POST, "200 OK", [*JSON, ("Content-Length", "5")], [BODY]),
    "no length: chunked": (POST, "200 OK", JSON, [BODY]),
    "no length, HTTP/1.0": (GET10, "200 OK", JSON, [BODY]),
    "empty sized body": (POST, "200 OK", [*JSON, ("Content-Length", "0")], [b""]),
    "no body written": (POST, "200 OK", [*JSON, ("Content-Length", "0")], []),
    "HEAD": (HEAD, "200 OK", [*JSON, ("Content-Length", str(len(BODY)))], [BODY]),
    "204": (POST, "204 No Content", [("X-Request-ID", "1")], []),
    "429 with Retry-After": (POST, "429 Too Many Requests", [*JSON, ("Retry-After", "30"),
                                                             ("Content-Length", str(len(BODY)))], [BODY]),
}


@pytest.fixture
def frozen_clock(monkeypatch):
    """Both classes read the Date of one fixed second (gunicorn's util.http_date and this module's cache)."""
    monkeypatch.setattr(time, "time", lambda: 1_764_700_000.75)
    monkeypatch.setattr(http_response, "_SECOND", [None, ""])


@pytest.mark.parametrize("close", [True, False], ids=["close", "keep-alive"])
@pytest.mark.parametrize("case", list(CASES))
def test_the_bytes_on_the_wire_are_gunicorns(frozen_clock, case, close):
    raw, status, headers, chunks = CASES[case]
    theirs = _answer(ORIGINAL, raw, status, headers, chunks, close=close)
    ours = _answer(http_response.Response, raw, status, headers, chunks, close=close)
    assert b"".join(ours) == b"".join(theirs)
    if case == "sized JSON":
        assert len(theirs) == 2 and len(ours) == 1  # the head and the body in one send
    elif case in ("sized, in two pieces", "no length: chunked", "HEAD", "204"):
        assert ours == theirs  # gunicorn's own sends


def test_the_date_is_the_current_seconds(monkeypatch):
    now = [1_764_700_000.2]
    monkeypatch.setattr(time, "time", lambda: now[0])
    monkeypatch.setattr(http_response, "_SECOND", [None, ""])
    from gunicorn import util

    for step in (0.0, 0.5, 0.29, 0.02, 1.0, 3600.0, 0.999):
        now[0] += step
        assert http_response.http_date() == util.http_date()


@pytest.mark.slow
def test_the_conf_file_installs_it_for_the_workers():
    """Loaded as gunicorn loads it (in a process of its own: the file sets PROMETHEUS_MULTIPROC_DIR)."""
    check = ("import runpy; runpy.run_path('gunicorn.conf.py'); from gunicorn.http import wsgi; "
             "from moderation.ops import http_response; assert wsgi.Response is http_response.Response; print('ok')")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    done = subprocess.run([sys.executable, "-c", check], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "ok", done.stderr[-2000:]


HEADER_CASES = [
    [("Content-Type", "application/json"), ("Content-Length", "412"), ("X-Request-ID", "0123abcd")],
    [("X-Request-ID", "ffff0000"), ("Content-Length", "0012"), ("X-Content-Type-Options", "nosniff")],
    [("X-Padded", "  spaced value\t"), ("content-length", "7"), ("CONTENT-LENGTH", "8")],
    [("Connection", "upgrade"), ("Upgrade", "websocket"), ("Keep-Alive", "timeout=5"), ("X-A", "b")],
    [("Connection", "close"), ("Upgrade", "h2c"), ("Transfer-Encoding", "chunked")],
    [("X-Bad Name", "v")],
    [("X-Request-ID", "bad\r\nvalue")],
    [("X-Request-ID", "\x00")],
    [("X-Empty", ""), ("Content-Length", "+5")],
    [("X-Num", 5)],
    [(b"X-Bytes", "v")],
    [("X-Latin", "caf\xe9"), ("X-Wide", "\u3042")],
    [("X-Triple", "a", "b")],
]


def _processed(cls, headers):
    """(kept headers, response_length, upgrade) after cls.process_headers, or the error's type and text."""
    response = cls(_request(POST), Recording(), Config())
    try:
        response.process_headers(headers)
    except Exception as error:  # the error is what is compared
        return type(error), str(error)
    return response.headers, response.response_length, response.upgrade


@pytest.mark.parametrize("headers", HEADER_CASES, ids=[str(n) for n in range(len(HEADER_CASES))])
def test_headers_are_checked_as_gunicorn_checks_them_the_first_time_and_after(headers):
    """The remembered names and values (http_response._PLAIN_*) keep, refuse and measure what gunicorn's checks do,
    on a first answer and on the same headers again (every case twice, after every other case)."""
    for _ in range(2):
        for case in (headers, *HEADER_CASES):
            assert _processed(http_response.Response, list(case)) == _processed(ORIGINAL, list(case))
