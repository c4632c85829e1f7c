"""gunicorn's workers leave by os._exit after what Python's exit does that can matter (gunicorn.conf.py `_leave`): a
stop right after the answers still leaves every access line and series behind, with the statuses gunicorn reads; a
stop while a worker boots reaches it (ops/worker_signals.py)."""

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.servers import GUNICORN_COMMAND, Gunicorn, scrape
from tests.test_production import compose, service_env  # noqa: F401 (compose is the module's fixture)

ROOT = Path(__file__).resolve().parent.parent

_LEAVING = """
import atexit, runpy, sys, threading, time
conf = runpy.run_path("gunicorn.conf.py")
out = open(sys.argv[1], "w")
def late():
    time.sleep(0.3)
    out.write("thread joined\\n")  # a request in flight: joined before atexit, as Python's exit joins it
threading.Thread(target=late).start()
atexit.register(lambda: (out.write("atexit ran\\n"), out.flush()))
print("buffered, not yet flushed", end="")
try:
    sys.exit(int(sys.argv[2]) if sys.argv[2] != "-" else "a message")
finally:
    conf["worker_exit"](None, None)
"""


@pytest.mark.parametrize(("code", "status"), [("0", 0), ("3", 3), ("4", 4), ("-", 1)])
def test_a_worker_leaves_with_its_status_after_its_threads_atexit_and_streams(tmp_path, code, status):
    """3 and 4 (a worker that failed to boot, an app that failed to load) stop the master: the status is the
    SystemExit's; a message is printed and leaves 1, as Python does. The thread still running is joined first, atexit's
    functions run after it, and stdout's buffer is flushed."""
    written = tmp_path / "out"
    done = subprocess.run([sys.executable, "-c", _LEAVING, str(written), code], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == status, done.stderr[-2000:]
    assert done.stdout == "buffered, not yet flushed"
    assert written.read_text() == "thread joined\natexit ran\n"
    assert ("a message" in done.stderr) is (code == "-")


@pytest.mark.slow  # a gunicorn started and stopped (~3 s of CPU)
def test_a_stop_right_after_the_answers_leaves_every_access_line_and_series(
        compose, redis_server, tiny_model, tmp_path):  # noqa: F811
    """SIGTERM within the batches' 50 ms after the last answers (ops/batches.py: their access lines and series are
    still kept in the worker): every answered comment has its line in the log and its count in the metric files, each
    worker leaves, and the master exits 0."""
    env = service_env(compose, redis_server.url, tiny_model, tmp_path, MODERATION_WORKERS="2",
                      MODERATION_LOG_FORMAT="json")
    metrics = Path(env["PROMETHEUS_MULTIPROC_DIR"])
    api = Gunicorn(GUNICORN_COMMAND, env, tmp_path).start()
    try:
        answered = [api.post_comment(f"今日のコメント {n} です")[0] for n in range(20)]  # under the key's rate limit
        api.process.send_signal(signal.SIGTERM)
        assert api.process.wait(timeout=60) == 0
    finally:
        api.stop()
    assert answered == [200] * 20
    logged = api.log_lines()
    lines = [line for line in logged
             if line.get("logger") == "moderation.access" and line.get("route") == "/api/v1/comments"]
    assert [line["status"] for line in lines] == [200] * 20
    assert 'moderation_http_requests_total{method="POST",route="/api/v1/comments",status="200"} 20.0' in scrape(metrics)
    assert_each_worker_left(api, logged)


def assert_each_worker_left(api, logged):
    """Every booted worker logged its own way out (one the master killed at the graceful timeout did not): the
    message names those that did not and shows the server's log."""
    booted, left = _pids(logged, "Booting worker with pid: "), _pids(logged, "Worker exiting (pid: ")
    assert len(booted) == 2 and booted == left, (
        f"booted {sorted(booted)}, left by themselves {sorted(left)}: {sorted(booted - left)} did not "
        f"(killed at the graceful timeout?); the server's log:\n{api.log()[-6000:]}")


def _pids(logged, start):
    return {int(msg[len(start):].rstrip(")")) for line in logged if (msg := str(line.get("msg", ""))).startswith(start)}


_SLOW_BOOT = """
import time
exec(compile(open("gunicorn.conf.py").read(), "gunicorn.conf.py", "exec"))
_post_fork = post_fork
def post_fork(server, worker):
    _post_fork(server, worker)
    time.sleep(1)  # a worker whose CPU others hold (a loaded machine) when the stop comes
"""


@pytest.mark.slow  # a gunicorn started and stopped while its workers boot (~3 s)
def test_a_stop_while_the_workers_boot_reaches_each_of_them(compose, redis_server, tiny_model, tmp_path):  # noqa: F811
    """A SIGTERM that reached a worker before gunicorn had set its handlers went to the master's, inherited through
    the fork, and was lost: the worker served on until the graceful timeout's SIGKILL (the CI failure of session 59:
    one "Worker exiting" line of two, a stop of 33 s). Held from the fork until the handlers are set, it reaches them:
    each worker leaves by itself, here as soon as its boot ends, long before the graceful timeout."""
    conf = tmp_path / "slow_boot.conf.py"
    conf.write_text(_SLOW_BOOT)
    env = service_env(compose, redis_server.url, tiny_model, tmp_path, MODERATION_WORKERS="2",
                      MODERATION_LOG_FORMAT="json", MODERATION_GRACEFUL_TIMEOUT="20")
    api = Gunicorn(["gunicorn", "--config", str(conf), "--preload", "moderation:create_app()"], env, tmp_path)
    with open(api.log_path, "wb") as log:
        api.process = subprocess.Popen(api.command, cwd=ROOT, env=api.env, stdout=log, stderr=log,
                                       stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 180  # a readiness wait: the app loads before the workers fork
        while api.log().count("Booting worker") < 2 and api.process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert api.log().count("Booting worker") == 2, api.log()[-6000:]
        api.process.send_signal(signal.SIGTERM)  # both workers within their second of boot
        assert api.process.wait(timeout=60) == 0
    finally:
        api.stop()
    assert_each_worker_left(api, api.log_lines())
