"""gunicorn settings for production; docker-compose.yml, the tests and `make bench` all run exactly

    gunicorn --config gunicorn.conf.py --preload moderation:create_app()

Everything comes from the environment (defaults and meanings in moderation/settings/table.py):
  MODERATION_BIND              listen address (the compose file sets 0.0.0.0:8000)
  MODERATION_WORKERS           worker processes (CPU-bound scoring: about one per core)
  MODERATION_THREADS           threads per worker; above 1 the gthread worker (keep-alive) is used
  MODERATION_WORKER_CPUS       empty (default): workers run on any CPU; "auto": each worker pinned to one of the
                               CPUs the master may use (os.sched_getaffinity: a container's cpuset), in turn; or a
                               list ("0,1", "2-3"). A new worker (after a crash, or a HUP's) takes the listed CPU the
                               fewest live workers hold; a value that cannot be used stops start-up naming it
                               (moderation/ops/worker_cpus.py)
  MODERATION_GRACEFUL_TIMEOUT  seconds in-flight requests get after SIGTERM (or old workers after HUP)
  MODERATION_LOG_LEVEL, MODERATION_LOG_FORMAT   gunicorn's own lines go to the same JSON log
  PROMETHEUS_MULTIPROC_DIR     where workers keep their metric files (a fresh temporary folder if unset)

Signals to the master (PID 1 in the container):
  TERM  graceful stop: no new connections, in-flight requests finish (up to the graceful timeout).
  HUP   graceful reload: the master builds the app again (re-reading the pinned model version from the
        environment and model/artifacts/active.json), forks new workers from it (so the new model's pages
        are shared as with --preload) and only then stops the old workers gracefully; the listening socket
        never closes, so no request is refused or dropped. When the new app fails to load (a bad pin, a bad
        MODERATION_API_KEYS_FILE), the master logs why and keeps serving the running version. With
        MODERATION_API_KEYS_FILE the master sends itself a HUP when the file changes (ops/key_file_watch.py); the
        file needs this configuration with preload_app (an app built in a worker refuses it at start-up).
"""

import atexit
import gc
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path

from gunicorn.glogging import Logger

from moderation.ops.http_errors import install as _install_errors
from moderation.ops.http_response import install as _install_response
from moderation.ops.worker_cpus import assign as _assign_cpu
from moderation.ops.worker_cpus import pin as _pin_cpu
from moderation.ops.worker_signals import hold as _hold_signals
from moderation.ops.worker_signals import release as _release_signals
from moderation.settings import env_value as _env

# prometheus_client chooses multiprocess mode when this is set at import time: before the app is loaded.
if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="moderation-metrics-")
    os.environ["GUNICORN_MODERATION_METRICS_TMP"] = "1"

# The master's pid, for the app it builds (--preload): under gunicorn only this process may read
# MODERATION_API_KEYS_FILE (ops/key_file_watch.py check_reader); a worker inherits it with another pid.
os.environ["GUNICORN_MODERATION_MASTER_PID"] = str(os.getpid())

bind = _env("BIND").split(",")
workers = _env("WORKERS")
threads = _env("THREADS")
worker_class = "gthread" if threads > 1 else "sync"
_WORKER_CPUS = _env("WORKER_CPUS")  # () when off; read (and checked) in the master, before any worker
graceful_timeout = _env("GRACEFUL_TIMEOUT")
timeout = 30
keepalive = 5
# Above the compose proxy's large_client_header_buffers (8,000 bytes a line, deploy/nginx): what gets past nginx must
# reach the app, whose errors are JSON; gunicorn's defaults (a request line of 4,094, a header of 8,190, 100 headers)
# answered requests nginx had passed with gunicorn's HTML 400 or 431
limit_request_line = 8190  # gunicorn's largest
limit_request_fields = 32768  # gunicorn's largest; nginx's 4 x 8,000 bytes hold fewer
limit_request_field_size = 16384
preload_app = True
# The workers' heartbeat files live in memory, not on a (possibly slow or read-only) disk.
_SHM = "/dev/shm"  # noqa: S108 (gunicorn creates its heartbeat files there with mkstemp)
worker_tmp_dir = _SHM if os.path.isdir(_SHM) and os.access(_SHM, os.W_OK) else None
# No gunicornc control socket: several instances on one machine would share its default path.
control_socket_disable = True
# The app writes one JSON access line per request (moderation/ops/logs.py); gunicorn's own is off.
accesslog = None
disable_redirect_access_to_syslog = True
errorlog = "-"
loglevel = _env("LOG_LEVEL").lower()
proc_name = "moderation"


class JsonLogger(Logger):
    """gunicorn's own lines (start, workers, errors) as JSON on stderr like the app's; access lines stay off."""

    def setup(self, cfg):
        super().setup(cfg)
        if _env("LOG_FORMAT").lower() == "json":
            from moderation.ops.logs import JsonFormatter, configure

            configure(_env("LOG_LEVEL"))  # the root logger, before the app is loaded and logs
            for handler in self.error_log.handlers:
                handler.setFormatter(JsonFormatter())


logger_class = JsonLogger

# The workers' responses: the head and a whole sized body in one send, Date formatted once a second (the same bytes).
_install_response()
# gunicorn's own errors (a request it cannot parse) as the API's JSON, not its HTML page (a deployment without nginx).
_install_errors()


def _apply_model_pins(server, app):
    """Load the model pinned in the Redis registry (if any) in the master, before workers fork, so they
    share its pages instead of each loading it after their first request."""
    manager = getattr(app, "extensions", {}).get("moderation.models")
    if manager is None or not hasattr(manager, "refresh"):
        return
    try:
        manager.refresh()
    except Exception:
        server.log.exception("model registry pins not applied before forking; workers will check them")


def on_starting(server):
    """Metric files of a previous run would be added to this one's: start from an empty folder."""
    folder = Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.db"):
        stale.unlink()


def _freeze():
    """Move everything the master has loaded (the model above all) out of the collector's reach, so the
    workers' garbage collections do not write to those pages and they stay shared (copy-on-write)."""
    gc.collect()
    gc.freeze()


# The collector's youngest generation, in a worker: a batch of 100 comments keeps 2,000-5,000 young containers
# alive at once (parsed items, scores, records, calls, answers), and at CPython's default of 700 the collector ran
# three or four times a batch over them (about 7 us of worker CPU a comment, measured with gc.callbacks in-process);
# at 5,000 about once in a hundred batches. Nothing changes for what is collected, only how often it is looked for.
GC_YOUNG = 5000


def pre_fork(server, worker):
    """MODERATION_WORKER_CPUS: the master chooses the new worker's CPU from those its live workers hold. The worker's
    stop signals wait, blocked, until its own handlers are set (ops/worker_signals.py: a stop while it booted was lost
    and the worker killed 30 s later)."""
    _assign_cpu(_WORKER_CPUS, server, worker)
    _hold_signals()


def post_fork(server, worker):
    _pin_cpu(server, worker)  # before any thread of the worker starts: they inherit its CPU
    gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])


def post_worker_init(worker):
    """In each worker, after the fork and with its app (preloaded or not): the thread that checks the registry's pins
    every MODERATION_MODEL_CHECK_SECONDS and loads a new model beside the serving one (never in the master: a thread
    does not survive the fork, and the master serves nothing). First the stop signals held since the fork: gunicorn's
    handlers are set, and a stop that came meanwhile reaches them."""
    _release_signals()
    manager = getattr(worker.wsgi, "extensions", {}).get("moderation.models")
    if manager is not None and hasattr(manager, "watch"):
        manager.watch()


def when_ready(server):
    if server.cfg.preload_app and server.app.callable is not None:
        _apply_model_pins(server, server.app.callable)
        _freeze()
        from moderation.ops.key_file_watch import watch

        watch(server.app.callable)  # MODERATION_API_KEYS_FILE changed: a HUP (on_reload)


def _count_reload(result):
    """moderation_reloads_total{result}, from the master (its metric file is read with the workers')."""
    from moderation.ops.metrics import RELOADS, series

    series(RELOADS, result).inc()


def on_reload(server):
    """HUP: build the app again in the master, so the workers forked next serve the newly pinned model."""
    if not server.cfg.preload_app:
        return  # without --preload every new worker loads the app itself
    running = server.app.callable
    gc.unfreeze()  # the running app becomes collectable once it is replaced
    try:
        server.app.callable = None
        app = server.app.wsgi()
    except Exception:
        server.app.callable = running
        server.log.exception("reload: the application failed to load; the running version keeps serving")
        _count_reload("failed")
        _freeze()
        return
    running = None
    _apply_model_pins(server, app)
    _freeze()
    manager = getattr(app, "extensions", {}).get("moderation.models")
    _count_reload("applied")
    server.log.info("reload: application rebuilt, model %s", getattr(getattr(manager, "active", None), "version", None))


def _leave(status: int) -> None:
    """End this worker as Python's exit would, without the interpreter's teardown (~0.3-0.6 s of CPU a worker at every
    stop and HUP: every object freed one at a time, the model's too, copying the pages it shared with the master to do
    so; the master's own exit is left to Python: gunicorn's hooks are not given its status). What Python's exit does
    that can matter is done as it does it: the other threads joined (gthread's requests in flight), atexit's functions
    (the batches' last series and access lines, logging's flush and close), stdout and stderr flushed. Nothing else of
    ours writes at exit (no open file is left for a finalizer to flush; metric files are mmaps; a Redis write is
    answered before its request is)."""
    threading._shutdown()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # closed, or its reader gone: Python's exit would lose it too
    os._exit(status)


def worker_exit(server, worker):
    """A worker leaving: gunicorn calls this on its SystemExit's way out (the status its master reads: 3 and 4 stop
    it), which _leave ends with."""
    leaving = sys.exc_info()[1]
    if not isinstance(leaving, SystemExit):
        return  # not gunicorn's way out: Python's own
    status = leaving.code
    if status is None:
        status = 0
    elif not isinstance(status, int):
        print(status, file=sys.stderr)  # as Python prints a SystemExit's message
        status = 1
    _leave(status)


def child_exit(server, worker):
    """A worker is gone: its live gauges (model version) no longer count."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    if os.environ.get("GUNICORN_MODERATION_METRICS_TMP") == "1":
        shutil.rmtree(os.environ["PROMETHEUS_MULTIPROC_DIR"], ignore_errors=True)
