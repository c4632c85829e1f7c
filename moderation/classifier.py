"""The pinned model of this deployment and the policy that turns its scores into a decision."""

import json
import logging
from pathlib import Path

from flask import current_app

from .scoring import LABELS, load_scorer, read_active

log = logging.getLogger(__name__)


class Policy:
    """Review and reject thresholds per label: the card's defaults, overridden by MODERATION_THRESHOLDS."""

    def __init__(self, card_thresholds, override=None):
        if isinstance(override, str):
            override = json.loads(override) if override.strip() else {}
        self.thresholds = {label: dict(card_thresholds.get(label, {})) for label in LABELS}
        for label, values in (override or {}).items():
            if label not in self.thresholds:
                raise ValueError(f"MODERATION_THRESHOLDS names an unknown label {label!r}")
            self.thresholds[label].update({k: float(v) for k, v in values.items() if k in ("review", "reject")})
        for label, values in self.thresholds.items():
            values.setdefault("review", 0.5)
            values.setdefault("reject", 1.01)
            if not 0 <= values["review"] <= values["reject"]:
                raise ValueError(f"threshold for {label}: need 0 <= review <= reject")

    def decide(self, scores):
        """(decision, labels crossing their review threshold, risk used to order the queue)."""
        labels = [label for label in LABELS if scores[label] >= self.thresholds[label]["review"]]
        if any(scores[label] >= self.thresholds[label]["reject"] for label in LABELS):
            decision = "reject"
        else:
            decision = "review" if labels else "allow"
        risk = max((scores[label] for label in labels), default=max(scores.values()))
        return decision, labels, risk


def model_location(config):
    """(artifact folder, version, pinned sha256) from configuration, else model/artifacts/active.json."""
    root = Path(config["MODEL_DIR"])
    version, sha256 = config["MODEL_VERSION"], config["MODEL_SHA256"]
    if not version or not sha256:
        active_version, active_sha = read_active(root)
        if version and version != active_version:
            raise ValueError("MODERATION_MODEL_VERSION is set without MODERATION_MODEL_SHA256 to pin it")
        version, sha256 = active_version, active_sha
    return root / version, version, sha256


def get_scorer():
    return current_app.extensions["moderation.scorer"]


def get_policy():
    return current_app.extensions["moderation.policy"]


def init_app(app):
    """Load the pinned artifact once per process; a hash or version mismatch stops start-up with a message."""
    folder, version, sha256 = model_location(app.config)
    scorer = load_scorer(folder, sha256)
    app.extensions["moderation.scorer"] = scorer
    app.extensions["moderation.policy"] = Policy(scorer.thresholds, app.config["THRESHOLDS"])
    log.info("model %s loaded from %s", version, folder)
