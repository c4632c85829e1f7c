"""The deployment's model and decision policy, swapped without a restart when the registry's pins change."""

import logging
import os
import threading
import time
from pathlib import Path

from moderation import settings
from moderation.scoring.artifacts import ModelLoadError, load_scorer, read_active
from moderation.scoring.policy import Policy
from moderation.scoring.registry import Registry, is_folder_name
from moderation.store import RedisError
from moderation.store.model_pins import get_model_pins

log = logging.getLogger(__name__)
_PID = [os.getpid()]  # kept by an at-fork hook: a forked child has no watcher thread (threads do not survive a fork)
os.register_at_fork(after_in_child=lambda: _PID.__setitem__(0, os.getpid()))
MIN_WATCH_SECONDS = 0.05  # MODEL_CHECK_SECONDS=0 (the tests' "check on every request") must not spin the watcher
RETRY_FAILED_CHECKS = 30  # a pin that did not load is tried again every 30th check (a minute at 2 s): its file may come


class Serving:
    """What one request scores and decides with (scorer, shadow, policies), replaced whole: never half swapped."""

    __slots__ = ("active", "policy", "registry", "shadow", "site_policies")

    def __init__(self, active, shadow, policy, site_policies, registry):
        self.active, self.shadow, self.policy, self.site_policies = active, shadow, policy, site_policies
        self.registry = registry

    def policy_for(self, site):
        """The policy a site's comments are decided by: the deployment's, with that site's saved thresholds."""
        return self.site_policies.get(site) or self.policy


class ModelManager:
    """Holds the active scorer, an optional shadow and the policy; reloads in the background on a new pin."""

    def __init__(self, config, pins):
        self.config = config
        self.registry = Registry(pins, config.model_dir)
        self.quiet = config.quiet_hours
        self.base_pin = base_pin(config)
        active = load_scorer(Path(config.model_dir) / self.base_pin[0], self.base_pin[1])
        self.serving = Serving(active, None, self._policy(active, {}), self._site_policies(active, {}), self.registry)
        self.generation = None
        self.last_error = None
        self._checks_since_failure = 0
        self.interval = config.model_check_seconds
        self._checked = 0.0
        self._loading = threading.Lock()
        self._watching = None  # the process whose watcher thread checks the pins (watch()); None: requests check

    active = property(lambda self: self.serving.active)
    shadow = property(lambda self: self.serving.shadow)
    policy = property(lambda self: self.serving.policy)
    site_policies = property(lambda self: self.serving.site_policies)

    def _policy(self, scorer, saved_thresholds, site=None):
        """The card's thresholds, then configuration, then the admins' saved ones (and one site's, if named)."""
        saved = {key: value for key, value in saved_thresholds.items() if key != "sites"}
        here = (saved_thresholds.get("sites") or {}).get(site) or {} if site else {}
        return Policy(scorer.thresholds, self.config.thresholds, saved, here, quiet=self.quiet,
                      categories=self.config.category_policies.for_site(site))

    def _site_policies(self, scorer, saved_thresholds):
        """A policy per site with saved thresholds or category rules of its own."""
        sites = {*(saved_thresholds.get("sites") or {}), *self.config.category_policies.sites}
        return {site: self._policy(scorer, saved_thresholds, site) for site in sites}

    def policy_for(self, site):
        """The policy a site's comments are decided by: the deployment's, with that site's saved thresholds."""
        return self.serving.policy_for(site)

    def watch(self):
        """Check the pins every MODEL_CHECK_SECONDS in a daemon thread of this process and load a new one there, so an
        idle worker switches as soon as a busy one and no request checks or waits; call it after the fork."""
        if self._watching == _PID[0]:
            return
        self._watching = _PID[0]
        threading.Thread(target=self._watch, args=(_PID[0],), daemon=True, name="model-watch").start()

    def _watch(self, pid):
        while pid == _PID[0]:  # a daemon thread: it ends with its process
            try:
                self.check()
            except Exception:  # the watcher outlives any one failure; the next tick tries again
                log.exception("model pins check failed, still serving %s", self.active.version)
            time.sleep(max(self.interval, MIN_WATCH_SECONDS))

    def check(self):
        """Read the pins and, when their generation changed, load and swap in what they name (in this thread)."""
        try:
            pins = self.registry.pins()
        except RedisError as error:
            log.debug("model pins not read: %s", error.__class__.__name__)
            return
        self._checks_since_failure += 1
        retry = self.last_error is not None and self._checks_since_failure >= RETRY_FAILED_CHECKS
        if pins.get("generation") != self.generation or retry:
            before = self.active  # refresh() reads the pins again under its lock: an admin's refresh is never undone
            if self.refresh() and self.active is not before:
                _show_serving(before.version, self.active.version)

    def maybe_refresh(self):
        """Without a watcher (watch()): at most every MODEL_CHECK_SECONDS, on a new pin load in the background."""
        if self._watching == _PID[0]:
            return
        now = time.monotonic()
        if now - self._checked < self.interval:
            return
        self._checked = now
        if self._loading.locked():
            return
        try:
            pins = self.registry.pins()
        except RedisError:
            return
        if pins.get("generation") == self.generation:
            return
        threading.Thread(target=self.refresh, args=(pins,), daemon=True, name="model-refresh").start()

    def refresh(self, pins=None):
        """Load what the pins name and swap it in; on any failure keep serving the current model."""
        with self._loading:
            pins = self.registry.pins() if pins is None else pins
            try:
                active = self._scorer(pins.get("active_version"), pins.get("active_sha256"), self.active,
                                      default=self.base_pin)
                shadow = self._scorer(pins.get("shadow_version"), pins.get("shadow_sha256"), self.shadow)
                saved = pins.get("thresholds") or {}
                serving = Serving(active, shadow, self._policy(active, saved), self._site_policies(active, saved),
                                  self.registry)
            except (ModelLoadError, ValueError) as error:
                self.last_error = str(error)
                log.error("model pins not applied, still serving %s: %s", self.active.version, error,
                          extra={"generation": pins.get("generation"), "pid": _PID[0]})
                self.generation, self._checks_since_failure = pins.get("generation"), 0
                return False
            self.serving = serving  # one reference: a request sees all old or all new
            self.generation, self.last_error = pins.get("generation"), None
            log.info("model pins applied, serving %s", active.version,
                     extra={"generation": pins.get("generation"), "pid": _PID[0]})
            return True

    def _scorer(self, version, sha, current, default=None):
        if not version:
            if default is None:
                return None
            version, sha = default
        if current is not None and current.version == version and current.card.get("sha256") == sha:
            return current
        try:
            if not is_folder_name(version):  # the pins come from Redis: never a path out of MODEL_DIR
                raise ModelLoadError(f"pinned version {version!r} is not a folder under MODEL_DIR")
            scorer = load_scorer(Path(self.config.model_dir) / version, sha)
        except ModelLoadError:
            _count_failure(version)
            raise
        log.info("model %s loaded", version)
        return scorer


def _count_failure(version):
    """moderation_model_load_failures_total{version} (imported here: ops.metrics imports this module)."""
    from moderation.ops.metrics import MODEL_LOAD_FAILURES

    MODEL_LOAD_FAILURES.labels(str(version)[:128]).inc()


def _show_serving(old, new):
    """moderation_model_info for this worker now, not at its next request (only the watcher calls it: never the master,
    which serves nothing)."""
    from moderation.ops.metrics import MODEL

    if old != new:
        MODEL.labels(old).set(0)
    MODEL.labels(new).set(1)


def base_pin(config):
    """(version, pinned sha256) from configuration, else model/artifacts/active.json."""
    version, sha256 = config.model_version, config.model_sha256
    if version and sha256:
        return version, sha256
    if version:
        raise ValueError("MODERATION_MODEL_VERSION is set without MODERATION_MODEL_SHA256 to pin it")
    return read_active(config.model_dir)


def get_manager():
    return settings.extensions()["moderation.models"]


def find_manager(app=None):
    """The app's model manager, or None for an app made without a model (create_app(with_model=False))."""
    return (app.extensions if app is not None else settings.extensions()).get("moderation.models")


def get_scorer():
    return get_manager().active


def get_policy():
    return get_manager().policy


def init_app(app):
    """Load the pinned artifact once per process; a hash or version mismatch stops start-up with a message."""
    log.info("loading the model (a first start also compiles its scoring kernels: about 70 s of one core, longer on "
             "a busy machine; later starts read them from the cache in seconds)")
    with app.app_context():
        manager = ModelManager(settings.of(app), get_model_pins())
    app.extensions["moderation.models"] = manager
    app.before_request(manager.maybe_refresh)
    log.info("model %s loaded from %s", manager.active.version, settings.of(app).model_dir)
