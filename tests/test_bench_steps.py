"""bench/steps.py: its timers in a real gunicorn worker count every request's steps, leave the answers as they are,
and keep the worker's app reachable as gunicorn.conf.py's hooks read it."""

import http.client
import json
import os
import subprocess
import sys
import textwrap
import time

import pytest

from bench import steps
from bench.bare import ANSWER
from bench.servers import ROOT, start_gunicorn, stop, workers_of


def _post(port, ident):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        body = json.dumps({"id": ident, "text": "こんにちは"})
        connection.request("POST", "/api/v1/comments", body, {"Content-Type": "application/json"})
        answer = connection.getresponse()
        return answer.status, json.loads(answer.read())
    finally:
        connection.close()


@pytest.mark.slow
def test_the_timed_steps_are_each_request_s_and_most_of_the_worker_s_cpu(tmp_path):
    gunicorn, url, _ = steps.timed_start("bare", tmp_path, lambda: start_gunicorn(
        tmp_path, "redis://127.0.0.1:1/0", ROOT / "model" / "artifacts", None, app="bench.bare:create_app()",
        ready="/healthz"))
    try:
        port, workers = int(url.rsplit(":", 1)[1]), workers_of(gunicorn.pid)
        for n in range(30):  # warm-up
            _post(port, f"w{n}")
        counted, threads = steps.step_sums(tmp_path / "bare"), steps.threads_of(workers)
        for n in range(600):
            assert _post(port, f"c{n}") == (200, {**ANSWER, "id": f"c{n}"})  # the answers as without timers
        cpu = (steps.threads_of(workers)[0] - threads[0]) / 1e9 / 600
        deadline = time.monotonic() + 10
        while (after := steps.step_sums(tmp_path / "bare"))["requests"] - counted["requests"] < 400:
            assert time.monotonic() < deadline, "the workers did not write their sums every 100 requests"
            time.sleep(0.1)
    finally:
        stop(gunicorn)
    requests = after["requests"] - counted["requests"]
    per_step = {name: (after[name] - counted[name]) / requests for name in steps.STEPS}
    assert all(value > 0 for value in per_step.values()), per_step
    # each step counted once: together they are most of what the workers spent a request, and never more
    assert 0.5 * cpu < sum(per_step.values()) < 1.05 * cpu, (per_step, cpu)


@pytest.mark.slow
def test_a_timed_worker_s_app_keeps_the_app_s_attributes(tmp_path):
    script = textwrap.dedent("""
        from gunicorn.workers import base

        class App:
            extensions = {"moderation.models": "manager"}
            def __call__(self, environ, start_response):
                return [b"answered"]

        class Loader:
            def wsgi(self):
                return App()

        worker = base.Worker.__new__(base.Worker)
        worker.app = Loader()
        worker.load_wsgi()
        answered = worker.wsgi({}, None)[0].decode()
        print(type(worker.wsgi).__name__, worker.wsgi.extensions["moderation.models"], answered)
    """)
    environment = {**os.environ, "PYTHONPATH": str(steps.SITE), "BENCH_STEPS": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["Timed", "manager", "answered"]
