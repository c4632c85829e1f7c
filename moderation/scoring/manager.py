"""The deployment's model and decision policy, swapped without a restart when the registry's pins change."""

import logging
import threading
import time
from pathlib import Path

from moderation import settings
from moderation.scoring.policy import Policy
from moderation.scoring.registry import Registry, is_folder_name
from moderation.scoring.scorer import ModelLoadError, load_scorer, read_active
from moderation.store import RedisError
from moderation.store.model_pins import get_model_pins

log = logging.getLogger(__name__)


class ModelManager:
    """Holds the active scorer, an optional shadow and the policy; reloads in the background on a new pin."""

    def __init__(self, config, pins):
        self.config = config
        self.registry = Registry(pins, config.model_dir)
        self.quiet = config.quiet_hours
        self.base_pin = base_pin(config)
        self.active = load_scorer(Path(config.model_dir) / self.base_pin[0], self.base_pin[1])
        self.shadow = None
        self.saved_thresholds = {}
        self.policy = self._policy(self.active)
        self.site_policies = self._site_policies(self.active)
        self.generation = None
        self.last_error = None
        self.interval = config.model_check_seconds
        self._checked = 0.0
        self._loading = threading.Lock()

    def _policy(self, scorer, site=None):
        """The card's thresholds, then configuration, then the admins' saved ones (and one site's, if named)."""
        saved = {key: value for key, value in self.saved_thresholds.items() if key != "sites"}
        here = (self.saved_thresholds.get("sites") or {}).get(site) or {} if site else {}
        return Policy(scorer.thresholds, self.config.thresholds, saved, here, quiet=self.quiet,
                      categories=self.config.category_policies.for_site(site))

    def _site_policies(self, scorer):
        """A policy per site with saved thresholds or category rules of its own."""
        sites = {*(self.saved_thresholds.get("sites") or {}), *self.config.category_policies.sites}
        return {site: self._policy(scorer, site) for site in sites}

    def policy_for(self, site):
        """The policy a site's comments are decided by: the deployment's, with that site's saved thresholds."""
        return self.site_policies.get(site) or self.policy

    def maybe_refresh(self):
        """At most every MODEL_CHECK_SECONDS: if the pins changed, load in a background thread."""
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
                self.saved_thresholds = pins.get("thresholds") or {}
                policy = self._policy(active)
                site_policies = self._site_policies(active)
            except (ModelLoadError, ValueError) as error:
                self.last_error = str(error)
                log.error("model pins not applied, still serving %s: %s", self.active.version, error)
                self.generation = pins.get("generation")
                return False
            self.active, self.shadow, self.policy, self.site_policies = active, shadow, policy, site_policies
            self.generation, self.last_error = pins.get("generation"), None
            return True

    def _scorer(self, version, sha, current, default=None):
        if not version:
            if default is None:
                return None
            version, sha = default
        if current is not None and current.version == version and current.card.get("sha256") == sha:
            return current
        if not is_folder_name(version):  # the pins come from Redis: never a path out of MODEL_DIR
            raise ModelLoadError(f"pinned version {version!r} is not a folder under MODEL_DIR")
        scorer = load_scorer(Path(self.config.model_dir) / version, sha)
        log.info("model %s loaded", version)
        return scorer


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
    log.info("loading the model (the first start on a machine also compiles its kernels: up to a minute)")
    with app.app_context():
        manager = ModelManager(settings.of(app), get_model_pins())
    app.extensions["moderation.models"] = manager
    app.before_request(manager.maybe_refresh)
    log.info("model %s loaded from %s", manager.active.version, settings.of(app).model_dir)
