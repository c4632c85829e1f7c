"""Access lines written a batch at a time (ops/logs.AccessLines): the same lines, in order, none lost or repeated."""

import json
import logging
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from moderation.ops import logs

ROOT = Path(__file__).resolve().parent.parent


class _Stderr:
    """sys.stderr for a test: the bytes of each write, and the text layer's own writes."""

    def __init__(self):
        self.writes, self.buffer = [], self

    def write(self, data):
        self.writes.append(data if isinstance(data, bytes) else data.encode())
        return len(data)

    def flush(self):
        pass


@contextmanager
def _direct(monkeypatch):
    """Only the JSON stderr handler listens (production), stderr caught; a fresh AccessLines. Entered in the test's
    body: pytest adds its own log handlers after the fixtures are set up."""
    handler = logs.StderrHandler()
    handler.setFormatter(logs.JsonFormatter())
    monkeypatch.setattr(logging.root, "handlers", [handler])
    level = logging.root.level
    logging.root.setLevel(logging.INFO)
    lines, stderr = logs.AccessLines(), _Stderr()
    monkeypatch.setattr(logs, "ACCESS_LINES", lines)
    monkeypatch.setattr(sys, "stderr", stderr)
    try:
        assert logs._direct_handler() is handler
        yield lines, stderr
    finally:
        lines.flush()
        logging.root.setLevel(level)


def _fields(n, path="/api/v1/comments"):
    return {"request_id": f"r-{n}", "method": "POST", "route": "/api/v1/comments", "path": path, "status": 200,
            "duration_ms": 1.5, "site": "test", "remote": "192.0.2.1"}


def _written(stderr):
    return [json.loads(line) for line in b"".join(stderr.writes).decode().splitlines()]


def test_a_batch_is_written_at_once_in_order_each_line_the_formatters(monkeypatch):
    with _direct(monkeypatch) as (lines, stderr):
        for n in range(lines.BATCH - 1):
            logs.write_access(_fields(n))
        assert stderr.writes == []
        logs.write_access(_fields(lines.BATCH - 1))
        written = _written(stderr)
        assert [line["request_id"] for line in written] == [f"r-{n}" for n in range(lines.BATCH)]
        record = logs.access_log.makeRecord(logs.access_log.name, logging.INFO, "x", 0, "request", None, None,
                                            extra=_fields(0))
        expected = json.loads(logs.JsonFormatter().format(record))
        assert list(written[0]) == list(expected) and {**written[0], "ts": None} == {**expected, "ts": None}
        assert all(len(chunk) <= lines.PIPE_BYTES for chunk in stderr.writes) and len(stderr.writes) >= 2


def test_a_lone_line_is_written_by_the_thread_after_the_delay(monkeypatch):
    with _direct(monkeypatch) as (lines, stderr):
        logs.write_access(_fields(1))
        deadline = time.monotonic() + lines.DELAY + 2.0
        while not stderr.writes and time.monotonic() < deadline:
            time.sleep(0.01)
        assert [line["request_id"] for line in _written(stderr)] == ["r-1"]
        logs.write_access(_fields(2))  # the thread waits for the next batch's first line
        deadline = time.monotonic() + lines.DELAY + 2.0
        while len(_written(stderr)) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert [line["request_id"] for line in _written(stderr)] == ["r-1", "r-2"]


def test_another_log_line_of_the_process_comes_after_the_access_lines_before_it(monkeypatch):
    with _direct(monkeypatch) as (_lines, stderr):
        logs.write_access(_fields(1))
        logging.getLogger("moderation.test").warning("after the request")
        assert [line.get("request_id", line["msg"]) for line in _written(stderr)] == ["r-1", "after the request"]


def test_a_line_refused_by_orjson_is_written_as_stderr_writes_it(monkeypatch):
    with _direct(monkeypatch) as (lines, stderr):
        logs.write_access(_fields(1, path="/a\ud800"))  # a lone surrogate in a path
        lines.flush()
        assert b"".join(stderr.writes).endswith(b'"path": "/a\\ud800", "status": 200, "duration_ms": 1.5, "site": '
                                                b'"test", "remote": "192.0.2.1"}\n')


_FORKED = """
import logging, os, sys
from moderation.ops import logs
logs.configure("INFO")
logs.write_access({"request_id": "parent", "method": "GET", "route": "/healthz", "path": "/healthz", "status": 200})
pid = os.fork()
if pid == 0:  # a gunicorn worker forked while its master held a line: the child never writes it
    logs.write_access({"request_id": "child", "method": "GET", "route": "/healthz", "path": "/healthz", "status": 200})
    sys.exit(0)  # at exit: what is kept is written
os.waitpid(pid, 0)
"""


@pytest.mark.slow
def test_a_forked_child_writes_its_own_lines_not_its_parents_and_each_is_written_at_exit():
    done = subprocess.run([sys.executable, "-c", _FORKED], env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=True)
    ids = sorted(json.loads(line)["request_id"] for line in done.stderr.splitlines())
    assert ids == ["child", "parent"]
