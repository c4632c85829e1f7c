"""The watch over MODERATION_API_KEYS_FILE. In the gunicorn master: when the file holds a new version the master
sends itself a HUP, which builds the app again from the file and forks new workers from it (gunicorn.conf.py
on_reload), so a rotated key serves without a restart and every worker, old or forked later, serves the keys the
master holds. A gunicorn worker never reads the file: workers reading it on their own would each keep what they last
saw when a bad version follows a good one, and a worker forked later would start from the master's first keys; so
under gunicorn an app built anywhere but in the master of gunicorn.conf.py (no --preload, another configuration)
stops start-up (check_reader). In the webhook worker and in `make run`'s server (Flask's threaded server), each one
process and the file's only reader there, a new version's keys replace the app's in place (follow): a site added to the
file is served and gets its receipts and deadline alerts, a removed key stops serving."""

import hashlib
import logging
import os
import signal
import threading

from moderation.settings import SettingsError

log = logging.getLogger(__name__)

# Set by gunicorn.conf.py, at its import in the master, to the master's pid: the process whose app (--preload) the
# watch rebuilds. A worker forked from that master inherits it with another pid of its own.
MASTER_ENV = "GUNICORN_MODERATION_MASTER_PID"


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
        log.info("MODERATION_API_KEYS_FILE (%s) changed: reading it again", self.path)
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


def check_reader(config, environ=None, pid=None):
    """Under gunicorn the file is the master's alone (gunicorn.conf.py, preload_app): an app built in a worker (no
    --preload) or under another configuration (no watch) would read the file on its own, so that a change reaches
    some workers and not others, a removed key serves on, and a worker forked while the file is bad fails to boot
    (gunicorn then stops); start-up stops here instead, naming the settings."""
    environ = os.environ if environ is None else environ
    if not config.api_keys_file or not environ.get("SERVER_SOFTWARE", "").startswith("gunicorn/"):
        return
    if environ.get(MASTER_ENV) == str(os.getpid() if pid is None else pid):
        return
    raise SettingsError("MODERATION_API_KEYS_FILE under gunicorn needs the project's gunicorn.conf.py with "
                        "preload_app (gunicorn --config gunicorn.conf.py --preload 'moderation:create_app()'): only "
                        "its master reads the file and follows a change; this app is being built "
                        + ("in a worker (preload_app off)" if environ.get(MASTER_ENV) else
                           "under another gunicorn configuration") + ". Use MODERATION_API_KEYS otherwise")


def follow(app):
    """In the webhook worker or make run's server (one process, the file's only reader there): a new version's keys
    replace the app's when they pass the rules they passed at start-up, so a site added to the file is served without
    a restart; a bad version is logged (the file and the site, never a key) and the running keys are kept until the
    file changes again. None when there is nothing to follow (no file, API_KEYS_CHECK_SECONDS 0)."""
    from moderation import settings
    from moderation.settings import strength
    from moderation.settings.readers import api_keys_file

    config = settings.of(app)
    if not config.api_keys_file or config.api_keys_check_seconds <= 0:
        return None

    def apply():
        current = settings.of(app)
        try:
            keys = api_keys_file(current.api_keys_file)
            strength.check({**current, "API_KEYS": keys})
        except SettingsError as error:
            log.error("the new version is refused, the running sites serve on (%s): %s",
                      ", ".join(current.api_keys.sites), error)
            return
        app.extensions["moderation.settings"] = current.replace(API_KEYS=keys)
        log.info("MODERATION_API_KEYS_FILE (%s) applied: sites %s", current.api_keys_file, ", ".join(keys.sites))

    seen = getattr(config.api_keys, "digest", None)
    return KeyFileWatch(config.api_keys_file, config.api_keys_check_seconds, seen, notify=apply).start()
