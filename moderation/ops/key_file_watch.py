"""The gunicorn master's watch over MODERATION_API_KEYS_FILE: when the file holds a new version the master sends
itself a HUP, which builds the app again from the file and forks new workers from it (gunicorn.conf.py on_reload),
so a rotated key serves without a restart and every worker, old or forked later, serves the keys the master holds.
A worker never reads the file: workers reading it on their own would each keep what they last saw when a bad version
follows a good one, and a worker forked later would start from the master's first keys."""

import hashlib
import logging
import os
import signal
import threading

log = logging.getLogger(__name__)


def digest(raw):
    """What a version of the file is known by (its bytes are keys: never kept or logged)."""
    return hashlib.sha256(raw).hexdigest()


class KeyFileWatch:
    """Looks at the file every `every` seconds; a version not seen before is one HUP (a bad one too: the rebuild
    refuses it, gunicorn logs why and the running app keeps serving; it is not tried again until it changes)."""

    def __init__(self, path, every, seen, notify=None):
        self.path, self.every, self.seen = path, every, seen
        self.notify = notify or (lambda: os.kill(os.getpid(), signal.SIGHUP))
        self.stopped = threading.Event()

    def check(self):
        """One look: True, and one HUP, when the file holds a version not seen before; a file that cannot be read
        (replaced, a volume being remounted) is looked at again next time."""
        try:
            with open(self.path, "rb") as handle:
                version = digest(handle.read())
        except OSError:
            return False
        if version == self.seen:
            return False
        self.seen = version
        log.info("MODERATION_API_KEYS_FILE (%s) changed: reloading the app (HUP)", self.path)
        self.notify()
        return True

    def start(self):
        threading.Thread(target=self._run, name="api-keys-file-watch", daemon=True).start()
        return self

    def _run(self):
        while not self.stopped.wait(self.every):
            try:
                self.check()
            except Exception:  # the watch must outlive any surprise; the keys in use are untouched
                log.exception("MODERATION_API_KEYS_FILE (%s): the watch failed to look", self.path)


def watch(app):
    """In the gunicorn master, after the app is built (--preload): watch the keys file it was built from, every
    API_KEYS_CHECK_SECONDS (0: never; a HUP by hand still reads it). None when there is nothing to watch."""
    from moderation import settings

    if "moderation.settings" not in getattr(app, "extensions", {}):
        return None  # another app under our gunicorn.conf.py (make bench's bare app) has no keys to watch
    config = settings.of(app)
    if not config.api_keys_file or config.api_keys_check_seconds <= 0:
        return None
    seen = getattr(config.api_keys, "digest", None)
    return KeyFileWatch(config.api_keys_file, config.api_keys_check_seconds, seen).start()
