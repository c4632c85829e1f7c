"""SIGTERM and Ctrl-C stop the webhook worker and `make run`'s server from a thread of their own (cli/service.py
stop_on_signals), again and again: a handler that raised SystemExit in the main thread broke another thread's import
(CI, session 38: the receipts thread's "LookupError: unknown encoding: idna") and, raised again during shutdown, cut
the stops atexit makes; one that set a threading.Event deadlocked when the signal landed while the main thread held
the event's lock (a56a33e: 4 of 60 workers sent a burst of SIGINT hung; the lock case alone:
tests/test_outbox.py::test_a_stop_signal_while_the_main_thread_holds_the_events_lock_still_stops)."""

import os
import signal
import subprocess
import sys
import time

import pytest
import redis

from moderation import PROJECT_ROOT
from tests.support.app import app_config, app_env, cli_env
from tests.support.servers import free_port, ready
from tests.test_durability import _session


def _burst(pid, seconds=0.3, group=False):
    """Ctrl-C pressed again and again, SIGTERM too (make run's test sends one after a Ctrl-C that did not stop it)."""
    send = os.killpg if group else os.kill
    end = time.monotonic() + seconds
    sent = 0
    while time.monotonic() < end:
        try:
            for signum in (signal.SIGINT, signal.SIGTERM) * 50:
                send(pid, signum)
        except ProcessLookupError:
            break
        sent += 100
    return sent


@pytest.mark.slow  # real worker processes
def test_the_worker_stops_quietly_under_a_burst_of_ctrl_c_and_sigterm(redis_server, prefix, tmp_path):
    """Three workers, each sent SIGINT and SIGTERM as fast as this process can for 0.3 s once in its loop: each ends
    within 20 s with no traceback (a signal after its shutdown ends the process as the default handler does)."""
    env = cli_env(redis_server, prefix, tmp_path, SECRET_KEY="x" * 32)
    for _ in range(3):
        worker = subprocess.Popen([sys.executable, "-m", "moderation", "worker"], cwd=PROJECT_ROOT, env=env,
                                  stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            line, started = b"", time.monotonic()
            while b"no events are delivered" not in line and time.monotonic() - started < 60:
                line = worker.stdout.readline()  # in its loop once it has said so
                assert line or worker.poll() is None, "the worker exited early"
            sent = _burst(worker.pid)
            output, _ = worker.communicate(timeout=20)
        finally:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
                raise AssertionError("the worker did not stop")
        assert worker.returncode in (0, -signal.SIGINT, -signal.SIGTERM), output.decode(errors="replace")
        assert b"Traceback" not in output, (sent, output.decode(errors="replace"))


@pytest.mark.slow  # make run's command: a real server, its embedded Valkey and the demo's webhook worker
def test_make_runs_server_stops_everything_under_a_burst_of_ctrl_c_and_sigterm(tiny_model, prefix, tmp_path):
    """`serve --dev` with the demo (the webhook worker beside it) and the embedded server, as `make run` starts them,
    sent SIGINT and SIGTERM to its process group for 0.3 s: the server, the worker and the embedded Valkey (its own
    session: only the server's atexit stops it) all end, no traceback. Before, a signal raised in the server's
    atexit stops cut them short."""
    config = app_config(tiny_model, "", prefix, tmp_path / "var", DEMO=True)
    port, log = free_port(), tmp_path / "serve.log"
    with open(log, "wb") as output:
        server = subprocess.Popen([sys.executable, "-m", "moderation", "serve", "--port", str(port), "--dev"],
                                  env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT), **app_env(config)}, cwd="/",
                                  stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    socket_path = tmp_path / "var" / "redis" / "redis.sock"
    try:
        deadline = time.monotonic() + 120
        while not (ready(port) and "outbox worker: site demo" in log.read_text()):  # the worker in its loop
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        _burst(server.pid, group=True)
        server.wait(timeout=60)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    deadline = time.monotonic() + 20
    while (left := _session(server.pid)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not left, (left, log.read_text())
    client = redis.Redis(unix_socket_path=str(socket_path), socket_timeout=0.5)
    deadline = time.monotonic() + 20
    try:
        while time.monotonic() < deadline:
            client.ping()
            time.sleep(0.2)
    except redis.ConnectionError:
        pass
    else:
        client.shutdown(nosave=True)  # left running: stop it here, then fail
        raise AssertionError(f"the embedded server still runs:\n{log.read_text()}")
    assert "Traceback" not in log.read_text(), log.read_text()


def _server_child(pid):
    """The embedded server's pid once `pid` has started it (not `valkey-server --version`, run just before)."""
    try:
        for task in os.scandir(f"/proc/{pid}/task"):
            for child in open(f"{task.path}/children").read().split():
                if b"--unixsocket" in open(f"/proc/{child}/cmdline", "rb").read():
                    return int(child)
    except OSError:  # a process that ended while it was read
        pass
    return None


def _running(pid):
    try:
        return open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.slow  # make run's command and its embedded Valkey
def test_a_stop_while_the_embedded_server_starts_stops_it_too(tiny_model, prefix, tmp_path):
    """The embedded Valkey runs in a session of its own (a Ctrl-C never reaches it): the server's atexit stops it.
    That was registered only once it answered, so a stop while it loaded its append-only file (seconds for a large
    one) left it running. Here it is held (SIGSTOP) before its first answer, the server sent SIGTERM, then let go."""
    config = app_config(tiny_model, "", prefix, tmp_path / "var", DEMO=False)
    log = tmp_path / "serve.log"
    with open(log, "wb") as output:
        server = subprocess.Popen([sys.executable, "-m", "moderation", "serve", "--port", str(free_port())],
                                  env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT), **app_env(config)}, cwd="/",
                                  stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    valkey = None
    try:
        deadline = time.monotonic() + 60
        while valkey is None:
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()
            valkey = _server_child(server.pid)
        os.kill(valkey, signal.SIGSTOP)
        time.sleep(1.0)  # the server is past Popen, in its wait (10 s): pings every 50 ms, each unanswered in 0.5 s
        assert "embedded server started" not in log.read_text()  # held before it answered
        server.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        os.kill(valkey, signal.SIGCONT)  # what the server's stop sent it now arrives
        server.wait(timeout=30)
        deadline = time.monotonic() + 15
        while _running(valkey) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _running(valkey), f"the embedded server still runs:\n{log.read_text()}"
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        if valkey and _running(valkey):
            os.kill(valkey, signal.SIGKILL)
