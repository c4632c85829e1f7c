"""The per-request plumbing: orjson answers (UTF-8, keys sorted), precomputed headers, metrics without re-parsing."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from prometheus_client import REGISTRY

from tests.support.servers import scrape

ROOT = Path(__file__).resolve().parent.parent

FLAG_NONE = {"spam": {"review": 1.01, "reject": 1.01}, "abuse": {"review": 1.01, "reject": 1.01}}


def test_answers_are_utf8_json_with_sorted_keys(app, auth, comment):
    client = app.test_client()
    body = comment(article_id="記事-東京-1")
    assert client.post("/api/v1/comments", json=body, headers=auth).status_code == 200
    raw = client.get(f"/api/v1/comments/{body['id']}", headers=auth).get_data()
    assert "記事-東京-1".encode() in raw and b"\\u" not in raw  # Japanese as itself, not \uXXXX
    keys = list(json.loads(raw))
    assert keys == sorted(keys) and raw.endswith(b"}\n")
    with app.app_context():
        answer = app.json.response({"b": "日本語", "a": [1.5, None]}).get_data()
        assert answer == '{"a":[1.5,null],"b":"日本語"}\n'.encode()
        # What orjson refuses still answers: integer keys, integers over 64 bits, a lone surrogate (escaped).
        assert app.json.response({2: "x", 1: 2**70}).get_data() == b'{"1":1180591620717411303424,"2":"x"}\n'
        assert app.json.response({"s": "a\ud800"}).get_data() == b'{"s":"a\\ud800"}\n'
        assert app.json.loads('{"a": "日本"}') == {"a": "日本"}


def test_security_headers_on_api_answers_and_a_view_keeps_its_own(make_app, auth):
    app = make_app()

    @app.get("/own-policy")
    def own_policy():
        return "x", 200, {"Content-Security-Policy": "default-src 'none'"}

    client = app.test_client()
    api = client.get("/api/v1/queue", headers=auth)
    assert api.headers["X-Content-Type-Options"] == "nosniff" and api.headers["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in api.headers["Content-Security-Policy"]
    own = client.get("/own-policy")
    assert own.headers.getlist("Content-Security-Policy") == ["default-src 'none'"]
    assert own.headers["Referrer-Policy"] == "same-origin"


def _sample(name, **labels):
    return REGISTRY.get_sample_value(name, labels) or 0


def test_decisions_of_a_batch_are_counted_from_the_answer(make_app, auth, comment):
    client = make_app(THRESHOLDS=FLAG_NONE).test_client()
    before = _sample("moderation_decisions_total", label="none", action="allow")
    items = [comment() for _ in range(3)] + [{"id": "broken"}]
    assert client.post("/api/v1/comments:batch", json={"comments": items}, headers=auth).status_code == 200
    assert client.post("/api/v1/comments", json=comment(), headers=auth).status_code == 200
    assert _sample("moderation_decisions_total", label="none", action="allow") - before == 4


@pytest.mark.slow  # the config run in a Python process of its own (0.65-0.82 s)
def test_gunicorn_workers_look_for_young_garbage_once_a_batch_not_every_700_objects(tmp_path):
    """gunicorn.conf.py's post_fork raises the youngest generation's threshold (GC_YOUNG) above what a batch of 100
    keeps alive, and leaves the older generations' as they are (the config run in a process of its own)."""
    code = ("import gc, json, runpy; before = gc.get_threshold(); ns = runpy.run_path('gunicorn.conf.py'); "
            "ns['post_fork'](None, None); print(json.dumps([before, gc.get_threshold(), ns['GC_YOUNG']]))")
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    before, after, young = json.loads(out.stdout)
    assert after == [young, *before[1:]] and young >= 5000 > before[0]


def test_the_suite_keeps_what_collection_left_out_of_the_collectors_reach():
    """conftest.py freezes the objects collection leaves (the compiled patterns, the test items) once it is done, and
    looks for young garbage as gunicorn's workers do."""
    import gc

    assert gc.get_freeze_count() > 50_000  # ~95,000 collecting this file alone, ~325,000 the whole suite
    assert gc.get_threshold()[0] == 5000


def test_request_series_count_unknown_methods_as_other(app):
    client = app.test_client()
    labels = {"route": "<unmatched>", "method": "other", "status": "405"}
    before = _sample("moderation_http_requests_total", **labels)
    for method in ("BREW", "PROPFIND", "X-ANYTHING"):
        assert client.open("/healthz", method=method).status_code == 405
    assert _sample("moderation_http_requests_total", **labels) - before == 3
    timed = {"route": "/healthz", "method": "GET"}
    before = _sample("moderation_http_request_duration_seconds_count", **timed)
    client.get("/healthz")
    assert _sample("moderation_http_request_duration_seconds_count", **timed) - before == 1


def test_direct_access_line_is_the_formatters_line_and_steps_aside_for_other_listeners(monkeypatch, capsys, caplog):
    """Production (only the JSON stderr handler): the access line is written directly, byte for byte what the
    formatter writes but for the time; with any other listener (here caplog) it goes through logging again."""
    import logging

    from moderation.ops import logs

    handler = logs.StderrHandler()
    handler.setFormatter(logs.JsonFormatter())
    monkeypatch.setattr(logging.root, "handlers", [handler])
    level = logging.root.level
    logging.root.setLevel(logging.INFO)  # setLevel, not a patch: the loggers' level caches are cleared
    try:
        _check_direct_access_line(logs, handler, monkeypatch, capsys, caplog)
    finally:
        logging.root.setLevel(level)


def _check_direct_access_line(logs, handler, monkeypatch, capsys, caplog):
    import logging

    fields = {"request_id": "r-1", "method": "POST", "route": "/api/v1/comments", "path": "/api/v1/comments",
              "status": 200, "duration_ms": 1.5, "site": "test", "remote": "192.0.2.1"}
    assert logs._direct_handler() is handler
    logs.write_access(fields)
    assert capsys.readouterr().err == ""  # kept for its batch (tests/test_access_lines.py)
    logs.ACCESS_LINES.flush()
    written = capsys.readouterr().err.splitlines()
    record = logs.access_log.makeRecord(logs.access_log.name, logging.INFO, "x", 0, "request", None, None,
                                        extra=fields)
    expected = json.loads(logs.JsonFormatter().format(record))
    assert len(written) == 1 and list(json.loads(written[0])) == list(expected)
    assert {**json.loads(written[0]), "ts": None} == {**expected, "ts": None}
    monkeypatch.setattr(logging.root, "handlers", [handler, caplog.handler])
    assert logs._direct_handler() is None
    with caplog.at_level("INFO"):
        logs.write_access(fields)
    assert [r.request_id for r in caplog.records if r.name == "moderation.access"] == ["r-1"]
    assert json.loads(capsys.readouterr().err)["request_id"] == "r-1"  # the stderr handler still got it


def test_session_is_handled_as_flasks_own_interface_would_without_parsing_a_missing_cookie(make_app, auth, comment):
    """A cookie-less API call opens and saves no session (no Set-Cookie, no Vary); the login page that writes the
    session still sets its cookie and reads it back: the same answers as Flask's stock cookie interface."""
    from flask.sessions import SecureCookieSessionInterface

    answers = {}
    for name, interface in (("ours", None), ("flask", SecureCookieSessionInterface())):
        app = make_app()
        if interface is not None:
            app.session_interface = interface
        client = app.test_client()
        responses = [client.post("/api/v1/comments", json=comment(), headers=auth), client.get("/login"),
                     client.get("/login"), client.post("/api/v1/comments", json=comment(), headers=auth)]
        answers[name] = [(r.status_code, r.headers.get("Set-Cookie", "").split("=")[0], r.headers.get("Vary"))
                         for r in responses]
    assert answers["ours"] == answers["flask"]
    assert answers["ours"][0] == (200, "", None) and answers["ours"][1][1] == "moderation_session"


def test_access_line_time_is_iso_to_the_millisecond():
    import random
    from datetime import datetime

    from moderation.ops.logs import _timestamp
    from moderation.times import iso

    rng = random.Random(13)
    for now in [1_800_000_000.0, 1_800_000_000.9996, *(rng.uniform(1.7e9, 2e9) for _ in range(2000))]:
        texts = (_timestamp(now), iso(now * 1000))
        cached, exact = (datetime.fromisoformat(text.replace("Z", "+00:00")) for text in texts)
        assert abs((cached - exact).total_seconds()) <= 0.001 and _timestamp(now).endswith("Z")
        assert len(_timestamp(now)) == len("2026-11-30T05:00:00.000Z")


_METRIC_WRITES = """
import os, sys
from moderation.ops import metric_files, metrics
own = sys.argv[1] == "own"
def child(metric, *labels):
    return metrics.series(metric, *labels) if own else metric.labels(*labels)
for amount in (0.0004, 0.001, 0.003, 0.003, 0.7, 9.0, 0.0):
    child(metrics.LATENCY, "/api/v1/comments", "POST").observe(amount)
    child(metrics.REQUESTS, "/api/v1/comments", "POST", "200").inc()
child(metrics.DECISIONS, "spam", "review").inc()
child(metrics.REQUESTS, "<unmatched>", "other", "405").inc(2)
pid = os.fork()
if pid == 0:  # a forked worker writes its own file, never its parent's
    child(metrics.REQUESTS, "/healthz", "GET", "200").inc()
    child(metrics.LATENCY, "/healthz", "GET").observe(0.002)
    os._exit(0)
os.waitpid(pid, 0)
print(pid)
"""


@pytest.mark.slow
def test_workers_own_metric_files_scrape_as_prometheus_clients_own_values(tmp_path):
    """ops/metric_files.py writes prometheus_client's format itself: the same writes, done by prometheus_client
    in one folder and by the worker's own files in another, scrape to the same text; a forked worker's writes
    land in a file named by its own pid."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    scraped, children = {}, {}
    for way in ("prometheus_client", "own"):
        folder = tmp_path / way
        folder.mkdir()
        env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(folder), "PYTHONPATH": str(root)}
        done = subprocess.run([sys.executable, "-c", _METRIC_WRITES, way], env=env, cwd=root, capture_output=True,
                              text=True, timeout=120, check=True)
        children[way] = int(done.stdout.split()[-1])
        scraped[way] = scrape(folder)
    assert scraped["own"] == scraped["prometheus_client"]
    assert 'moderation_http_request_duration_seconds_bucket{le="0.005",method="POST",route="/api/v1/comments"} 5.0' \
        in scraped["own"]  # cumulative: 0.0004, 0.001, 0.003, 0.003 and 0.0
    assert 'moderation_http_requests_total{method="GET",route="/healthz",status="200"} 1.0' in scraped["own"]
    assert (tmp_path / "own" / f"counter_moderation_{children['own']}.db").exists()
    assert (tmp_path / "own" / f"histogram_moderation_{children['own']}.db").exists()


def test_answers_hand_the_server_the_headers_werkzeug_would(make_app, auth, comment):
    """The app's response class skips werkzeug's copy of the headers only where the copy changes nothing: every
    answer here gives the server the status, headers and body werkzeug's own Response gives it."""
    from flask import Response, redirect

    from moderation.ops.json_provider import Answer

    app = make_app()

    @app.get("/cases/<name>")
    def cases(name):
        return {
            "json": lambda: app.json.response({"a": "日本語"}),
            "no-content": lambda: ("", 204),
            "not-modified": lambda: Response("x", 304, {"ETag": '"1"'}),
            "redirect": lambda: redirect("/healthz?x=日本"),
            "content-location": lambda: Response("x", 201, {"Content-Location": "/a/日本"}),
            "streamed": lambda: Response(iter([b"a", b"b"])),
            "created": lambda: (app.json.response({"b": 1}), 201, {"X-Extra": "1"}),
        }[name]()

    assert app.response_class is Answer
    client, own = app.test_client(), Answer.get_wsgi_headers
    for name in ("json", "no-content", "not-modified", "redirect", "content-location", "streamed", "created"):
        ours = client.get(f"/cases/{name}")
        Answer.get_wsgi_headers = Response.get_wsgi_headers  # werkzeug's own, for the same request
        try:
            theirs = client.get(f"/cases/{name}")
        finally:
            Answer.get_wsgi_headers = own
        drop = {"X-Request-ID"}  # a fresh id each request
        assert ours.status == theirs.status, name
        assert [h for h in ours.headers.items() if h[0] not in drop] == [
            h for h in theirs.headers.items() if h[0] not in drop], name
        assert ours.get_data() == theirs.get_data(), name
    answer = client.post("/api/v1/comments", json=comment(), headers=auth)
    assert answer.status_code == 200 and answer.headers["Content-Length"] == str(len(answer.get_data()))


_FORKED_WORKER = """
import os, sys
from flask import Flask
from moderation.ops import logs, request_counter
counter = request_counter.RequestCounter(Flask("w"))
parent_ids = [logs.new_request_id() for _ in range(3)]  # the parent has ids drawn ahead of need now
counter.count({}, "/api/v1/comments", "POST", 200)
read, write = os.pipe()
pid = os.fork()
if pid == 0:  # a gunicorn worker forked from the master: its own ids and its own metric files
    counter.count({}, "/api/v1/comments", "POST", 200)
    os.write(write, " ".join(logs.new_request_id() for _ in range(3)).encode())
    sys.exit(0)  # as a gunicorn worker leaves: its batch of series is written at exit (ops/batches.py)
os.waitpid(pid, 0)
print(os.getpid(), pid, " ".join(parent_ids + [logs.new_request_id() for _ in range(3)]), os.read(read, 4096).decode())
"""


@pytest.mark.slow
def test_a_forked_worker_draws_its_own_request_ids_and_counts_in_its_own_files(tmp_path):
    """Request ids are drawn 64 at a time and the request counter keeps its process id without a system call:
    a worker forked after its parent drew ids and counted a request must neither repeat the parent's ids nor
    write into the parent's metric file (their memory maps are shared after a fork)."""
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path), "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", _FORKED_WORKER], env=env, cwd=root, capture_output=True, text=True,
                          timeout=120, check=True)
    parent, child, *ids = done.stdout.split()
    assert len(ids) == 9 and len(set(ids)) == 9 and all(len(i) == 32 and int(i, 16) >= 0 for i in ids)
    assert (tmp_path / f"counter_moderation_{child}.db").exists()
    assert (tmp_path / f"counter_moderation_{parent}.db").exists()
    assert 'moderation_http_requests_total{method="POST",route="/api/v1/comments",status="200"} 2.0' \
        in scrape(tmp_path)  # one each, in two files (a shared slot would have lost or doubled a count)
