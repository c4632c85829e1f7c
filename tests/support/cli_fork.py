"""`python -m moderation COMMAND` in a real process of its own, forked from one that imported the service once.

A fresh interpreter spent ~5 s of CPU before the command ran (create_app's imports compiled ~540 regular
expressions: 7 s a process at load 13), which was most of the CLI tests' time (test_newsroom_api: 17 commands,
100 s in CI); since session 47 a command that loads no model imports none of the scoring stack (~0.6 s), and a
`model` or `labels` command still loads it with the model. Here one server process per xdist worker imports
moderation.cli, the app's modules, the scoring stack and scikit-learn once; each
command is a child forked from it, with its own environment, working folder, standard input and output files, and
its exit status: runpy runs moderation/__main__.py as `-m` does, then the interpreter's exit (atexit, flushes).
An environment that differs from the server's in anything but MODERATION_* (read when a command runs, never at
import) gets a fresh interpreter instead, so nothing read at import time can differ. tests/test_cli_fork.py holds a
forked run against a fresh interpreter's.
"""

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PER_TEST = ("PYTEST_CURRENT_TEST",)  # pytest's, set per test phase
PRELOAD = ("moderation.cli", "moderation.api.checks", "moderation.scoring.manager", "moderation.scoring.scorer",
           "moderation.vectorizer", "sklearn")  # ~5 s of a start; scorer, vectorizer: what a model load imports


def _differs(env: dict, started: dict, imported: dict) -> bool:
    """Whether `env` differs, in a variable that is not one of the service's settings, from the environment the
    server started with (`started`) or set itself by importing (`imported`: scikit-learn's KMP_* setdefault)."""
    keys = {k for k in env.keys() | started.keys() if not k.startswith("MODERATION_") and k not in PER_TEST}
    set_by_import = imported.keys() - started.keys()
    return any(env[k] != imported[k] if k in set_by_import else env.get(k) != started.get(k) for k in keys)


class CliForks:
    """run(args, env=..., cwd=..., input=..., timeout=..., check=...): a subprocess.CompletedProcess as
    subprocess.run's with capture_output=True, text=True."""

    def __init__(self):
        self.env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.imported = {}  # the server's environment after its imports
        self.process = None
        self.lock = threading.Lock()
        self.folder = Path(tempfile.mkdtemp(prefix="cli-fork-"))

    def _start(self):
        self.process = subprocess.Popen([sys.executable, "-m", "tests.support.cli_fork"], cwd=ROOT, env=self.env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        ready = self._answer(timeout=300)  # a readiness wait: the imports, once
        assert ready and ready["ready"], ready
        self.imported = ready["environ"]

    def _answer(self, timeout):
        readable, _, _ = select.select([self.process.stdout], [], [], timeout)
        line = self.process.stdout.readline() if readable else ""
        if not line:
            return None
        return json.loads(line)

    def run(self, args, *, env, cwd="/", input=None, timeout=60, check=False):
        argv = [sys.executable, "-m", "moderation", *args]
        with self.lock:
            if self.process is None or self.process.poll() is not None:
                self._start()
        if _differs(env, self.env, self.imported):
            return subprocess.run(argv, env=env, cwd=cwd, input=input, capture_output=True, text=True,
                                  timeout=timeout, check=check)
        result = self._forked(argv, args, env, cwd, input, timeout)
        if check:
            result.check_returncode()
        return result

    def _forked(self, argv, args, env, cwd, input, timeout):
        with self.lock:
            paths = {name: self.folder / name for name in ("stdin", "stdout", "stderr")}
            paths["stdin"].write_text(input or "")
            request = {"args": list(args), "env": env, "cwd": str(cwd), **{k: str(v) for k, v in paths.items()}}
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            pid = self._answer(timeout=30)["pid"]
            done = self._answer(timeout=timeout)
            if done is None:
                os.kill(pid, signal.SIGKILL)
                self._answer(timeout=30)  # the server has reaped it
                raise subprocess.TimeoutExpired(argv, timeout)
            return subprocess.CompletedProcess(argv, done["returncode"], paths["stdout"].read_text(),
                                               paths["stderr"].read_text())

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.stdin.close()
            self.process.wait(timeout=30)
        shutil.rmtree(self.folder, ignore_errors=True)


def _child(request):
    """In the forked child: the command's files, environment and folder, then `python -m moderation ARGS`."""
    import atexit
    import runpy
    import traceback

    for fd, name, flags in ((0, "stdin", os.O_RDONLY), (1, "stdout", os.O_WRONLY | os.O_TRUNC | os.O_CREAT),
                            (2, "stderr", os.O_WRONLY | os.O_TRUNC | os.O_CREAT)):
        opened = os.open(request[name], flags, 0o600)
        os.dup2(opened, fd)
        os.close(opened)
    sys.stdin = sys.__stdin__ = open(0, encoding="utf-8", closefd=False)
    sys.stdout = sys.__stdout__ = open(1, "w", encoding="utf-8", closefd=False)
    sys.stderr = sys.__stderr__ = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)
    os.environ.clear()
    os.environ.update(request["env"])
    os.chdir(request["cwd"])
    sys.path[0] = request["cwd"]  # `-m` puts the working folder first
    sys.argv = ["-m", *request["args"]]
    code = 0
    try:
        runpy.run_module("moderation", run_name="__main__", alter_sys=True)
    except SystemExit as stop:  # as the interpreter ends on one: None 0, an int itself, anything else printed, 1
        if stop.code is None or isinstance(stop.code, int):
            code = stop.code or 0
        else:
            print(stop.code, file=sys.stderr)
            code = 1
    except BaseException:  # the interpreter's own: the traceback on stderr, status 1
        traceback.print_exc()
        code = 1
    try:
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def serve():
    """The server: import once, then a forked child per request line; answers its pid, then its exit status."""
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    answer = sys.stdout
    print(json.dumps({"ready": True, "environ": dict(os.environ)}), file=answer, flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        answer.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _child(request)
        print(json.dumps({"pid": pid}), file=answer, flush=True)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}), file=answer, flush=True)


if __name__ == "__main__":
    serve()
