"""gunicorn's own errors (a request it cannot parse, which the app never sees) are the API's JSON, not its HTML page:
a deployment without the compose proxy meets them (audit s37 left them: `<html>...Bad Request...`)."""

import json
import socket

import pytest

from moderation.ops import http_errors
from tests.support.app import API_KEY
from tests.support.servers import Gunicorn
from tests.test_production import compose, service_env  # noqa: F401 (compose is the module's fixture)

_GET = b"GET /api/v1/queue HTTP/1.1\r\nHost: news.example\r\n"
# (raw request, status, field): what gunicorn refuses itself, straight to it (no nginx in front)
REFUSED_BY_GUNICORN = [
    (b"GARBAGE\r\n\r\n", 400, None),
    (b"GET /api/v1/queue HTTP/9.9\r\nHost: news.example\r\n\r\n", 400, None),
    (b"G<T /api/v1/queue HTTP/1.1\r\nHost: news.example\r\n\r\n", 400, None),
    (_GET + b"Bad Header\r\n\r\n", 400, None),
    (b"POST /api/v1/comments HTTP/1.1\r\nHost: news.example\r\nContent-Length: zz\r\n\r\n", 400, None),
    (b"POST /api/v1/comments HTTP/1.1\r\nHost: news.example\r\nAuthorization: Bearer " + API_KEY.encode()
     + b"\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400, "body"),
    (b"POST /api/v1/comments HTTP/1.1\r\nHost: news.example\r\nTransfer-Encoding: gzip\r\n\r\n", 400, None),
    (b"POST /1.1/comment-check HTTP/1.1\r\nHost: news.example\r\nContent-Type: application/x-www-form-urlencoded\r\n"
     b"Transfer-Encoding: chunked\r\n\r\nzz\r\n", 400, None),
    (b"GET /api/v1/comments/" + b"a" * 9_000 + b" HTTP/1.1\r\nHost: news.example\r\n\r\n", 414, "url"),
    (_GET + b"X-Big: " + b"a" * 20_000 + b"\r\n\r\n", 431, "headers"),
]


_CHUNKED = (b"POST /api/v1/comments HTTP/1.1\r\nHost: news.example\r\nAuthorization: Bearer " + API_KEY.encode()
            + b"\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")


# (body after _CHUNKED's head, sender closes after it, code of the app's 400): as gunicorn's ChunkedReader reads a
# body, which `make run`'s server must match (test_dev_server_errors): malformed is `bad_chunk`, cut short is not
CHUNKED_BODIES = [
    (b"zz\r\n", False, "bad_chunk"),  # not a size
    (b"0x40\r\n", False, "bad_chunk"),  # int(_, 16) reads it; RFC 9112 and gunicorn do not
    (b"2\r\n{}XY", False, "bad_chunk"),  # the chunk's CRLF missing
    (b"2\r\n{}", True, "bad_chunk"),  # ... and the sender gone where it should be
    (b"40\r\n{\"id\": \"x\"", True, "incomplete_body"),  # the sender gone mid-chunk
    (b"4", True, "incomplete_body"),  # ... mid size line
]


def _answer(port, request, *, then_close=False):
    """Raw bytes to the server (what an HTTP client would not send) and its whole answer, up to its close."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        sock.sendall(request)
        if then_close:
            sock.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer


def _json_error(answer, status, field, request):
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    assert lines[0].split(" ")[1] == str(status), (request[:60], answer[:300])
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])}
    assert headers["content-type"] == "application/json", (request[:60], answer[:300])
    assert int(headers["content-length"]) == len(body)
    error = json.loads(body)["error"]
    assert error["code"] and error["message"] and error["field"] == field, (request[:60], error)
    assert b"GARBAGE" not in body and b"aaaa" not in body and b"Bad Header" not in body  # the request is not echoed


def _chunked_code(port, body, then_close):
    """The error code a comment of this chunked body is answered (a 400 naming the body)."""
    answer = _answer(port, _CHUNKED + body, then_close=then_close)
    _json_error(answer, 400, "body", _CHUNKED + body)
    return json.loads(answer.partition(b"\r\n\r\n")[2])["error"]["code"]


@pytest.mark.parametrize("status", [400, 403, 414, 417, 431, 500, 501, 418])
def test_every_status_gunicorn_answers_itself_is_a_sized_json_error(status):
    answer = http_errors.error_bytes(status, "I'm a teapot")
    _json_error(answer, status, json.loads(answer.partition(b"\r\n\r\n")[2])["error"]["field"], b"")
    assert b"\r\nConnection: close\r\n" in answer


@pytest.mark.slow
def test_what_gunicorn_refuses_itself_is_the_apis_json(compose, redis_server, tiny_model, tmp_path):  # noqa: F811
    """Straight to gunicorn (the compose command line, no proxy): a malformed request line, method, version,
    header, Content-Length or chunk, an unknown transfer coding, an over-long URL or header get the API's
    {"error": {"code", "message", "field"}} with the status gunicorn chose, never its HTML page; a malformed or
    cut chunked body the app reads (a comment, an Akismet form) is its 400, not a 500."""
    api = Gunicorn(compose["services"]["api"]["command"], service_env(compose, redis_server.url, tiny_model, tmp_path),
                   tmp_path).start()
    try:
        for request, status, field in REFUSED_BY_GUNICORN:
            _json_error(_answer(api.port, request), status, field, request)
        # a chunked comment malformed or cut short (its sender stops mid-chunk): the app's 400 (it was a 500)
        for body, then_close, code in CHUNKED_BODIES:
            assert _chunked_code(api.port, body, then_close) == code, body
        assert api.get("/healthz")[0] == 200  # the workers answer on
    finally:
        api.stop()
