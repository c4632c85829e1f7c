"""Real servers the tests start: redis-server on a free port, and gunicorn as docker-compose runs it."""

import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import quote

from moderation import PROJECT_ROOT
from tests.support.app import API_KEY
from tests.support.topologies import DATA, Node, free_port

# how often serve_forever looks for shutdown(): its default, 0.5 s, kept each stop waiting 0.25 s on average
SHUTDOWN_POLL = 0.02


def ready(port):
    """Whether a server of ours on this loopback port answers /readyz with 200 (False while it is not listening)."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1) as answer:
            return answer.status == 200
    except OSError:
        return False

class ThreadedServer:
    """make run's server (werkzeug's, threaded, with the project's request handler: no request lines of its own in
    the test output) serving `app` from a thread, on a loopback port it binds itself (no free_port() race); `app`
    may be set after, when the app must know its own address first."""

    def __init__(self, app=None):
        from werkzeug.serving import make_server

        from moderation.ops.dev_server import DevRequestHandler

        self.server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=DevRequestHandler)
        self.port = self.server.server_port
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": SHUTDOWN_POLL},
                                       name="live-server", daemon=True)

    def start(self, app=None):
        if app is not None:
            self.server.app = app
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()  # returns once serve_forever has; a request being answered finishes in its thread
        self.thread.join(timeout=5)
        self.server.server_close()


class RedisProcess(Node):
    """A server on a free loopback port with its data (append-only file) in a temporary folder (and a password,
    in the url too, when given one)."""

    def __init__(self, data_dir, password=None):
        super().__init__(data_dir, *DATA, password=password)
        self.data_dir = self.folder

    @property
    def url(self):
        credentials = f":{quote(self.password, safe='')}@" if self.password else ""
        return f"redis://{credentials}127.0.0.1:{self.port}/0"


GUNICORN_COMMAND = ["gunicorn", "--config", "gunicorn.conf.py", "--preload", "moderation:create_app()"]


class Gunicorn:
    """The api service's command line, run here: started, waited for, signalled, its log read back."""

    def __init__(self, command, env, log_dir):
        self.command = [sys.executable, "-m", "gunicorn", *command[1:]] if command[0] == "gunicorn" else command
        self.port = free_port()
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith("MODERATION_") and k != "PROMETHEUS_MULTIPROC_DIR"}
        self.env.update(env, MODERATION_BIND=f"127.0.0.1:{self.port}")
        self.log_path = Path(log_dir) / f"gunicorn-{self.port}.log"
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout=180):  # a readiness wait, not a timing: a fresh clone at load 15 took over 60 s
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(self.command, cwd=PROJECT_ROOT, env=self.env, stdout=log, stderr=log,
                                            stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn exited with {self.process.returncode}:\n{self.log()}")
            try:
                if self.get("/readyz")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()  # the caller never gets this object to stop: a leaked server loaded the rest of a CI run
        raise AssertionError(f"gunicorn did not become ready:\n{self.log()}")

    def request(self, method, path, body=None, headers=None, timeout=10):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method, headers=headers or {})
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as response:
                return response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read(), error.headers

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post_comment(self, text, comment_id=None, headers=None, timeout=10):
        body = {"id": comment_id or f"p-{uuid.uuid4().hex[:12]}", "article_id": "a-1", "text": text,
                "author": {"id": "reader-7", "name": "読者"}}
        return self.request("POST", "/api/v1/comments", body,
                            headers={"Authorization": f"Bearer {API_KEY}", **(headers or {})}, timeout=timeout)

    def metrics(self):
        from prometheus_client.parser import text_string_to_metric_families

        token = self.env["MODERATION_METRICS_TOKEN"]
        status, body, _ = self.get("/metrics", headers={"Authorization": f"Bearer {token}"})
        assert status == 200, body
        return {(s.name, tuple(sorted(s.labels.items()))): s.value
                for family in text_string_to_metric_families(body.decode()) for s in family.samples}

    def metrics_until(self, done, timeout=5):
        """The first scrape `done(scrape)` holds for, else the last one after `timeout` seconds (the caller's assert
        then fails with it): a worker writes its requests' series a batch at a time, up to 50 ms after them
        (ops/batches.py); a scrape writes only its own worker's first."""
        deadline = time.monotonic() + timeout
        while True:
            scraped = self.metrics()
            if done(scraped) or time.monotonic() > deadline:
                return scraped
            time.sleep(0.02)

    def workers(self, timeout=10):
        """Pids of the worker processes (waits until as many as configured are up)."""
        deadline = time.monotonic() + timeout
        while True:
            pids = [int(pid) for task in Path(f"/proc/{self.process.pid}/task").iterdir()
                    for pid in (task / "children").read_text().split()]
            if len(pids) >= int(self.env["MODERATION_WORKERS"]) or time.monotonic() > deadline:
                return pids
            time.sleep(0.1)

    def answered_by_worker(self, route="/api/v1/comments"):
        """{pid: requests answered on `route`} for each live worker, read from its own metric file
        (moderation/ops/metric_files.py): which worker answered is visible nowhere else. Needs PROMETHEUS_MULTIPROC_DIR
        in the environment this was made with. A worker writes them up to 50 ms after its requests (ops/batches.py)."""
        from prometheus_client.mmap_dict import MmapedDict

        folder = Path(self.env["PROMETHEUS_MULTIPROC_DIR"])
        counts = {}
        for pid in self.workers():
            path = folder / f"counter_moderation_{pid}.db"
            samples = MmapedDict.read_all_values_from_file(str(path)) if path.exists() else ()
            counts[pid] = sum(value for key, value, *_ in samples
                              if json.loads(key)[1] == "moderation_http_requests_total"
                              and json.loads(key)[2].get("route") == route)
        return counts

    def log(self):
        return self.log_path.read_text(errors="replace")

    def log_lines(self):
        return [json.loads(line) for line in self.log().splitlines() if line.strip()]

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def scrape(folder) -> list[str]:
    """The lines a scrape of the metric files in `folder` gives (prometheus_client's own multiprocess collector),
    sorted: the files' order is the folder's."""
    from prometheus_client import CollectorRegistry, generate_latest
    from prometheus_client.multiprocess import MultiProcessCollector

    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=str(folder))
    return sorted(generate_latest(registry).decode().splitlines())


NGINX_TEMPLATE = PROJECT_ROOT / "deploy" / "nginx" / "moderation.conf.template"


class Nginx:
    """Debian's nginx running the compose proxy's own template (`make proxy-deps`), ports filled in, in front of
    an upstream on this machine; everything it writes stays in `folder`."""

    def __init__(self, upstream, folder):
        self.port = free_port()
        self.folder = Path(folder) / f"nginx-{self.port}"
        self.upstream = upstream
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout=10, status=200):
        """Started once /healthz is answered `status` (502: in front of an upstream that is down)."""
        import shutil
        import string

        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(binary).exists():
            raise AssertionError("nginx is not installed: `make proxy-deps` (Debian package nginx)")
        self.folder.mkdir(parents=True)
        # the nginx image's envsubst fills in only variables its environment defines; safe_substitute likewise
        server = string.Template(NGINX_TEMPLATE.read_text()).safe_substitute(
            MODERATION_PROXY_PORT=f"127.0.0.1:{self.port}", MODERATION_UPSTREAM=self.upstream)
        (self.folder / "server.conf").write_text(server)
        user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read this folder
        (self.folder / "nginx.conf").write_text(
            f"{user}worker_processes 1;\nerror_log {self.folder}/error.log warn;\npid {self.folder}/nginx.pid;\n"
            "events { worker_connections 256; }\n"
            f"http {{\n  access_log off;\n  client_body_temp_path {self.folder}/body;\n"
            f"  proxy_temp_path {self.folder}/proxy;\n  include {self.folder}/server.conf;\n}}\n")
        self.process = subprocess.Popen(
            [binary, "-p", str(self.folder), "-e", str(self.folder / "error.log"),
             "-c", str(self.folder / "nginx.conf"), "-g", "daemon off;"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"nginx exited with {self.process.returncode}: {self.log()}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as response:
                    if response.status == status:
                        return self
            except urllib.error.HTTPError as error:
                if error.code == status:
                    return self
                time.sleep(0.1)
            except OSError:
                time.sleep(0.1)
        self.stop()  # as Gunicorn.start: the caller never gets this object to stop
        raise AssertionError(f"nginx did not answer: {self.log()}")

    def log(self):
        path = self.folder / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def allowed_cpus(pid: int) -> set[int]:
    """Cpus_allowed_list of a process, as a set ("0-1,4" -> {0, 1, 4}); empty for a process gone meanwhile."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return set()
    line = next((line for line in status.splitlines() if line.startswith("Cpus_allowed_list:")), ":")
    cpus = set()
    for part in filter(None, line.split(":", 1)[1].strip().split(",")):
        low, _, high = part.partition("-")
        cpus.update(range(int(low), int(high or low) + 1))
    return cpus
