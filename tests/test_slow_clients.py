"""Slow clients never hold the service's workers (issue 15, item 2).

Behind nginx running the compose proxy's own template, trickled headers and bodies never reach gunicorn (started
with the compose file's command line), and /healthz keeps answering within a second. Without the proxy, the
body read has a total deadline (MODERATION_BODY_TIMEOUT) however slowly the bytes come.
"""

import contextlib
import json
import select
import socket
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.support.app import API_KEY
from tests.support.servers import Gunicorn, Nginx
from tests.test_production import compose, service_env  # noqa: F401 (compose is the module's fixture)

pytestmark = pytest.mark.slow

HEAD = (f"POST /api/v1/comments HTTP/1.1\r\nHost: news.example\r\nAuthorization: Bearer {API_KEY}\r\n"
        "Content-Type: application/json\r\nContent-Length: {length}\r\n\r\n")
BODY = '{"id": "slow-1", "article_id": "a-1", "text": "ゆっくり届く本文です。"}'


def trickle(port, at_once, slowly, stop, gap=0.2):
    """Send `at_once`, then `slowly` one byte every `gap` seconds, until sent, cut off or `stop` is set."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            sock.sendall(at_once)
            for byte in slowly:
                if stop.is_set():
                    return
                sock.sendall(bytes([byte]))
                time.sleep(gap)
    except OSError:
        pass  # the server cut the connection off


@pytest.fixture(scope="module")
def api(compose, redis_server, tiny_model, tmp_path_factory):  # noqa: F811
    """One gunicorn (the compose command line, two workers) for the tests that need no worker count of their own:
    it trusts the proxy's X-Forwarded-For, and a body read straight from a client gets 2 s in all. Each such test
    started its own (a master importing the service and loading the model: seconds of CPU each, 3 of them)."""
    folder = tmp_path_factory.mktemp("api")
    env = service_env(compose, redis_server.url, tiny_model, folder, MODERATION_WORKERS="2",
                      MODERATION_TRUSTED_PROXIES="127.0.0.1/32", MODERATION_BODY_TIMEOUT="2")
    server = Gunicorn(compose["services"]["api"]["command"], env, folder).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def proxy(api, tmp_path_factory):
    """nginx with the compose proxy's template in front of `api`."""
    server = Nginx(f"127.0.0.1:{api.port}", tmp_path_factory.mktemp("proxy")).start()
    yield server
    server.stop()


def test_trickled_headers_and_bodies_through_the_proxy_never_delay_healthz(proxy):
    stop = threading.Event()
    try:
        body = BODY.encode()
        request = HEAD.format(length=len(body)).encode() + body
        senders = [threading.Thread(target=trickle, args=(proxy.port, b"", request, stop)) for _ in range(3)]
        senders += [threading.Thread(target=trickle, args=(proxy.port, request[:-len(body)], body, stop))
                    for _ in range(3)]
        for sender in senders:
            sender.start()
        waits = []
        with httpx.Client(timeout=10) as client:
            started = time.monotonic()
            while time.monotonic() - started < 6:
                asked = time.monotonic()
                assert client.get(f"{proxy.url}/healthz").status_code == 200
                waits.append(time.monotonic() - asked)
                time.sleep(0.2)
        assert all(sender.is_alive() for sender in senders)  # still trickling all along
        print(f"\n/healthz through nginx beside 6 trickling clients: {len(waits)} answers, "
              f"slowest {max(waits) * 1000:.0f} ms")
        assert max(waits) < 1.0, waits
    finally:
        stop.set()


def test_a_trickled_body_gets_408_at_the_total_deadline(api):
    """Straight to gunicorn (MODERATION_BODY_TIMEOUT=2): one byte every 0.3 s, each restarting a socket timeout,
    still ends in a 408 naming the body within 3 s."""
    with socket.create_connection(("127.0.0.1", api.port), timeout=10) as sock:
        sock.sendall(HEAD.format(length=1000).encode() + b'{"id": "x", "text": "')
        started, answer = time.monotonic(), b""
        while not answer and time.monotonic() - started < 8:
            try:
                sock.sendall(b"a")  # one byte every 0.3 s: each restarts a socket timeout
            except OSError:
                break
            if select.select([sock], [], [], 0.3)[0]:
                answer = sock.recv(4096)
        elapsed = time.monotonic() - started
        while chunk := sock.recv(4096):  # the headers and the JSON body may arrive in separate reads
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 408"), answer
    assert b'"field":"body"' in answer.replace(b" ", b"")
    assert elapsed < 3.0, elapsed


def _healthz_wait(port, hold):
    """Seconds until /healthz is answered, asked while another client (`hold`) has its answer and keeps its
    connection open, or with no such client."""
    request = b"GET /healthz HTTP/1.1\r\nHost: news.example\r\n\r\n"
    with contextlib.ExitStack() as stack:
        if hold:  # (a connection opened and left silent would hold a sync worker in its request's read)
            held = stack.enter_context(socket.create_connection(("127.0.0.1", port), timeout=10))
            held.sendall(request)
            assert held.recv(4096).startswith(b"HTTP/1.1 200")
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            asked = time.monotonic()
            sock.sendall(request)
            assert sock.recv(4096).startswith(b"HTTP/1.1 200")
            return time.monotonic() - asked


def test_a_client_that_keeps_its_connection_open_after_its_answer_does_not_hold_the_worker(
        compose, redis_server, tiny_model, tmp_path):  # noqa: F811
    """gunicorn 27 lingers after each answer until the client closes, 2 s at most: with one such client (its answer
    read, its socket left open) every other request waited 2 s for a sync worker. ops/http_response.py closes at
    once when the request left nothing unread. Measured as a ratio in the same test: the wait beside a held
    connection against the wait beside none (before: ~2,000 ms against ~2 ms)."""
    env = service_env(compose, redis_server.url, tiny_model, tmp_path, MODERATION_WORKERS="1")
    api = Gunicorn(compose["services"]["api"]["command"], env, tmp_path).start()
    try:
        waits = {True: [], False: []}
        for _ in range(5):
            for hold in (True, False):
                waits[hold].append(_healthz_wait(api.port, hold))
        held, free = statistics.median(waits[True]), statistics.median(waits[False])
        print(f"\n/healthz beside a held connection {held * 1000:.1f} ms, beside none {free * 1000:.1f} ms")
        assert held < 10 * free, waits
    finally:
        api.stop()


def _json_error(response, status, field):
    """nginx's own error answered in the API's shape, not its HTML page."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json"), response.headers
    error = response.json()["error"]
    assert error["code"] and error["message"] and error["field"] == field, error
    return error


_GET = b"GET /api/v1/queue HTTP/1.1\r\nHost: news.example\r\n"
# What nginx refuses before the app sees it (it answered these with its HTML pages): (raw request, status, field)
_REFUSED_BY_THE_PROXY = [
    (_GET + b"X-Big: " + b"a" * 20_000 + b"\r\n\r\n", 400, "headers"),
    (b"GET /review HTTP/1.1\r\nHost: news.example\r\nCookie: s=" + b"a" * 20_000 + b"\r\n\r\n", 400, "headers"),
    (b"GET /api/v1/comments/" + b"a" * 20_000 + b" HTTP/1.1\r\nHost: news.example\r\n\r\n", 414, "url"),
    # what passed nginx's buffers (16 KiB) and met gunicorn's smaller limits, answered by gunicorn's HTML 431 or 400:
    # a header of 8,190-16,384 bytes (now nginx's JSON), a request line of 4,094-8,000 and 150 headers (now the app's)
    (_GET + b"X-Big: " + b"a" * 10_000 + b"\r\n\r\n", 400, "headers"),
    (_GET.replace(b"queue", b"queue?" + b"a" * 6_000) + b"Authorization: Bearer x\r\n\r\n", 401, "Authorization"),
    (_GET + b"".join(b"X-%d: 1\r\n" % i for i in range(150)) + b"Authorization: Bearer x\r\n\r\n", 401,
     "Authorization"),
    (b"GARBAGE\r\n\r\n", 400, None),
    (b"GET /api/v1/queue HTTP/1.1\r\n\r\n", 400, None),  # no Host
    (_GET + b"Host: other.example\r\n\r\n", 400, None),
    (_GET + b"Bad Header\r\n\r\n", 400, None),
    (b"POST /api/v1/comments HTTP/1.1\r\nHost: news.example\r\nContent-Length: zz\r\n\r\n", 400, None),
    (b"POST /api/v1/comments HTTP/1.1\r\nHost: news.example\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400, None),
    (b"POST /api/v1/comments HTTP/1.1\r\nHost: news.example\r\nTransfer-Encoding: gzip\r\n\r\n", 501,
     "Transfer-Encoding"),
    (b"TRACE /api/v1/queue HTTP/1.1\r\nHost: news.example\r\n\r\n", 405, None),
    (b"GET /api/v1/queue HTTP/2.0\r\nHost: news.example\r\n\r\n", 505, None),
]


def _raw_json_error(port, request, status, field):
    """Send raw bytes (what an HTTP client would not) and read nginx's answer: the API's JSON error."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        sock.sendall(request)
        answer = b""
        while b"\r\n\r\n" not in answer or len(answer.partition(b"\r\n\r\n")[2]) < _length(answer):
            chunk = sock.recv(65536)
            assert chunk, (request[:60], answer[:300])
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    head = head.decode("latin-1")
    assert head.split(" ")[1] == str(status), (request[:60], answer[:300])
    assert "\r\ncontent-type: application/json" in head.lower(), (request[:60], answer[:300])
    error = json.loads(body)["error"]
    assert error["code"] and error["message"] and error["field"] == field, (request[:60], error)


def _length(answer):
    """The Content-Length of an answer's head (nginx's errors all carry one), 1 until the head is complete."""
    head = answer.partition(b"\r\n\r\n")[0].decode("latin-1").lower()
    found = [line.split(":", 1)[1] for line in head.split("\r\n") if line.startswith("content-length:")]
    return int(found[0]) if found else 1


def _stalled_body(port):
    """What nginx answers a body that stops coming: read until it closes the connection, after its
    client_body_timeout (10 s)."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        sock.sendall(HEAD.format(length=1000).encode() + b'{"id": "x", "text": "')
        answer = b""
        while chunk := sock.recv(4096):
            answer += chunk
    return answer


def test_the_proxys_own_errors_are_the_apis_json_and_a_batch_of_long_japanese_comments_passes(proxy, tmp_path):
    """Through nginx: 413 over 64 KiB (and over the batch endpoint's larger limit) and 502 with the service down
    are JSON naming the field; a stalled body is closed without an answer (nginx sends no 408); 100 comments of
    10,000 Japanese characters as requests.post(json=...) encodes them (\\u-escaped, 6.0 MB) are scored. The stalled
    body's 10 s run beside the rest (its own connection; nginx holds the body, no worker waits on it)."""
    headers = {"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"}
    text = ("記事の内容についての意見です。" * 700)[:10_000]  # the text limit
    items = [{"id": f"long-{i}", "article_id": "a-1", "text": text, "author": {"id": f"reader-{i}"}}
             for i in range(100)]
    batch = json.dumps({"comments": items}).encode()  # ensure_ascii: 6 bytes a character
    assert len(batch) > 6_000_000
    with ThreadPoolExecutor(1) as pool:
        stalled = pool.submit(_stalled_body, proxy.port)
        with httpx.Client(timeout=60) as client:
            single = json.dumps({"id": "big", "article_id": "a-1", "text": "あ" * 11_000}).encode()
            _json_error(client.post(f"{proxy.url}/api/v1/comments", content=single, headers=headers), 413, "body")
            answer = client.post(f"{proxy.url}/api/v1/comments:batch", content=batch, headers=headers)
            assert answer.status_code == 200, answer.text
            results = answer.json()["results"]
            assert [r["id"] for r in results] == [f"long-{i}" for i in range(100)]
            assert all(r["decision"] in ("allow", "review") for r in results)
            over = b" " * (100 * 64 * 1024 + 1 - len(batch)) + batch  # one byte over the batch limit
            error = _json_error(client.post(f"{proxy.url}/api/v1/comments:batch", content=over, headers=headers),
                                413, "body")
            assert "6553600" in error["message"]
        for request, status, field in _REFUSED_BY_THE_PROXY:
            _raw_json_error(proxy.port, request, status, field)
        # nginx closes a stalled body's connection without answering, so no HTML either
        assert stalled.result(timeout=30) == b""
    # the service down: the same template in front of a port bound and never listened on (refused, as a stopped
    # service's; held here, so no other process takes it meanwhile)
    with socket.socket() as stopped:
        stopped.bind(("127.0.0.1", 0))
        down = Nginx(f"127.0.0.1:{stopped.getsockname()[1]}", tmp_path).start(status=502)
        try:
            with httpx.Client(timeout=10) as client:
                _json_error(client.get(f"{down.url}/healthz"), 502, None)
        finally:
            down.stop()
