"""The project's gunicorn.conf.py, unchanged, plus one log line from each worker once it is up: how many objects
the garbage collector holds frozen and whether the model is among them (tests/test_production.py reads it).
Nothing of this is in the production configuration: a worker's collector state is visible only from inside."""

import gc
from pathlib import Path

_CONFIG = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"
exec(compile(_CONFIG.read_text(), str(_CONFIG), "exec"))  # noqa: S102 - the project's own configuration
_service_post_worker_init = post_worker_init  # noqa: F821 - defined by the configuration above (the pins' watcher)


def post_worker_init(worker):
    _service_post_worker_init(worker)
    pipeline = worker.app.callable.extensions["moderation.models"].active.pipeline
    collectable = any(obj is pipeline for obj in gc.get_objects())
    worker.log.info("gc probe: frozen %d, model collectable %s", gc.get_freeze_count(), collectable)
