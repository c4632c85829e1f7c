"""gunicorn's responses through ops/http_response.py: the same bytes on the wire as gunicorn's own class, the head
and a whole sized body in one send, and gunicorn.conf.py installing it for the workers."""

import os
import socket
import subprocess
import sys
import threading
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

CONFIG = Config()  # gunicorn's defaults, only read by its parser and responses: one, not ~1,500 (~1 ms each)
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
        return next(http.get_parser(CONFIG, a, ("127.0.0.1", 5000)))
    finally:
        a.close()
        b.close()


def _answer(cls, raw, status, headers, chunks, *, close=True):
    """What `cls` sends for one answer, as gunicorn's sync worker drives it (start_response, write, close)."""
    sock = Recording()
    response = cls(_request(raw), sock, CONFIG)
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
             "from moderation.ops import http_response; assert wsgi.Response is http_response.Response; "
             "from gunicorn import util; assert util.close_graceful is http_response.close_graceful; print('ok')")
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
    response = cls(_request(POST), Recording(), CONFIG)
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


def _connected():
    """(server side, client side) of a real loopback TCP connection, as a gunicorn worker accepts one."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        client = socket.create_connection(listener.getsockname())
        server, _ = listener.accept()
    server.setblocking(True)  # as both workers set it before they close
    return server, client


def _answer_and_close(server, *, read_body):
    """One request parsed from `server` and answered as the sync worker does it (its body read or not), then
    http_response.close_graceful in a thread of its own (gunicorn's linger would wait an hour here)."""
    request = next(http.get_parser(CONFIG, server, ("127.0.0.1", 5000)))
    if read_body:
        request.body.read()
    response = http_response.Response(request, server, CONFIG)
    response.force_close()
    response.start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(BODY)))])
    response.write(BODY)
    response.close()
    closer = threading.Thread(target=http_response.close_graceful, args=(server,), kwargs={"timeout": 3600},
                              daemon=True)
    closer.start()
    return closer


def _whole_answer(client):
    """Everything the client reads until the server's FIN (ConnectionResetError: the server reset instead)."""
    client.settimeout(10)
    received = b""
    while chunk := client.recv(4096):
        received += chunk
    return received


def test_a_request_read_in_full_is_closed_without_waiting_for_the_client():
    """A client that read its answer and keeps its connection open held a sync worker for gunicorn's 2 s linger;
    when the request was read in full and nothing else came, the worker closes at once (the client still open)."""
    server, client = _connected()
    try:
        client.sendall(POST)
        closer = _answer_and_close(server, read_body=True)
        closer.join(timeout=10)
        assert not closer.is_alive()
        assert server.fileno() == -1
        assert _whole_answer(client).endswith(b"\r\n\r\n" + BODY)  # then a FIN, no reset
    finally:
        client.close()


@pytest.mark.parametrize("after", ["a pipelined request", "a body not read"])
def test_bytes_left_unread_still_get_gunicorns_linger_and_the_answer_arrives_whole(after):
    """Bytes the request left unread (a pipelined request; a body the app did not read, more of which may still be
    on its way) would make a plain close send a reset that can destroy the answer before the client reads it: those
    take gunicorn's way, which drains until the client closes."""
    server, client = _connected()
    try:
        if after == "a pipelined request":
            client.sendall(POST + b"GET /next HTTP/1.1\r\nHost: x\r\n\r\n" + b"x" * 10_000)
        else:
            client.sendall(POST.replace(b"Content-Length: 2", b"Content-Length: 10002") + b"x" * 10_000)
        closer = _answer_and_close(server, read_body=after != "a body not read")
        assert _whole_answer(client).endswith(b"\r\n\r\n" + BODY)
        assert closer.is_alive()  # still draining: the client has not closed yet
    finally:
        client.close()
    closer.join(timeout=10)
    assert not closer.is_alive()


def test_a_body_still_on_its_way_gets_gunicorns_linger_and_the_answer_arrives_whole():
    """An answer sent before its request's body arrived (a refusal that does not read it): the rest of the body
    would reach a closed socket and be answered with a reset (over a network, with the answer's last segments
    still unsent, the answer is cut). Nothing is unread yet, but the body was not read in full: gunicorn's linger."""
    server, client = _connected()
    try:
        client.sendall(POST.replace(b"Content-Length: 2\r\n\r\n{}", b"Content-Length: 10000\r\n\r\n"))
        closer = _answer_and_close(server, read_body=False)
        closer.join(timeout=0.5)  # a plain close is done by now
        assert closer.is_alive()  # gunicorn's linger waits for the body
        client.sendall(b"x" * 10_000)
        assert _whole_answer(client).endswith(b"\r\n\r\n" + BODY)
    finally:
        client.close()
    closer.join(timeout=10)
    assert not closer.is_alive()
