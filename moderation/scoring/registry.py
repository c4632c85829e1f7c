"""The model registry: versioned artifacts side by side on disk, and which one is active pinned in Redis."""

import hashlib
import json
from pathlib import Path

from moderation.scoring.artifacts import ModelLoadError, load_scorer


class RegistryError(ValueError):
    """A version that does not exist, or whose file does not match its recorded hash."""


def is_folder_name(version):
    """A version names one folder right under MODEL_DIR: no separator, no '.' or '..', nothing hidden."""
    return bool(version) and isinstance(version, str) and not any(c in version for c in "/\\\0") \
        and not version.startswith(".")


def file_sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Registry:
    """Artifacts under one folder plus the deployment's pins (active, previous, shadow, thresholds) in Redis
    (store/model_pins.py)."""

    def __init__(self, pins, root):
        self.store = pins
        self.root = Path(root)

    # -- artifacts on disk ----------------------------------------------------------------------------------

    def versions(self):
        """Every artifact folder with its card (metrics, thresholds, recorded hash), oldest first."""
        out = []
        for folder in sorted(p for p in self.root.iterdir() if (p / "model.joblib").is_file()):
            card_path = folder / "card.json"
            card = json.loads(card_path.read_text()) if card_path.exists() else {}
            out.append({"version": folder.name, "sha256": card.get("sha256"), "card": card})
        return out

    def verified_pin(self, version):
        """(version, sha256) after checking the file against its recorded hash and loading it once."""
        folder = self.root / version
        if not is_folder_name(version) or not (folder / "model.joblib").is_file():
            raise RegistryError(f"no artifact {version!r} under {self.root}")
        recorded = (folder / "SHA256").read_text().split()[0] if (folder / "SHA256").exists() else ""
        actual = file_sha256(folder / "model.joblib")
        if not recorded or recorded != actual:
            raise RegistryError(f"{version}: model.joblib hash {actual[:12]}… does not match SHA256 {recorded[:12]}…")
        try:
            load_scorer(folder, actual)
        except ModelLoadError as error:
            raise RegistryError(f"{version}: {error}") from error
        return version, actual

    # -- pins in Redis ---------------------------------------------------------------------------------------

    def pins(self):
        return self.store.get()

    def previous(self):
        """The version a rollback would activate, or None."""
        return self.store.previous()

    def activate(self, version, by="", current=None, stop_shadow=False):
        """Pin a verified version as active; the previous pin (or `current`, what is served when none is set) goes
        on the history for rollback in the same step. stop_shadow: shadowing this version ends with it."""
        version, sha = self.verified_pin(version)
        self.store.activate((version, sha), current, by, stop_shadow)
        return version, sha

    def rollback(self, by=""):
        """Re-activate the previous pin once its file still matches; read again when the pins change meanwhile."""
        for _ in range(5):
            pin, generation = self.store.head()
            if pin is None:
                raise RegistryError("no previous version to roll back to")
            version, sha = pin
            try:
                matches = is_folder_name(version) and file_sha256(self.root / version / "model.joblib") == sha
            except OSError:
                matches = False
            if not matches:
                raise RegistryError(f"{version}: file no longer matches its pin")
            if self.store.roll_back(pin, generation, by):
                return version, sha
        raise RegistryError("the pins kept changing during the rollback; try again")

    def set_shadow(self, version, by=""):
        """Score live traffic with `version` beside the active model (None switches shadow mode off)."""
        if version is None:
            self.store.change({}, "shadow_off", by, remove=("shadow_version", "shadow_sha256"))
            return None
        version, sha = self.verified_pin(version)
        self.store.change({"shadow_version": version, "shadow_sha256": sha}, "shadow", by)
        return version, sha

    def set_thresholds(self, thresholds, by=""):
        """Thresholds that override the card's, effective on every worker at its next check."""
        self.store.change({"thresholds": json.dumps(thresholds)}, "thresholds", by)

    def merge_thresholds(self, site, changes, by=""):
        """Merge {name: {review, reject}} into one site's saved thresholds (the other sites' and the global ones
        stay) in one compare-and-set step: two admins saving at once both keep theirs."""
        for _ in range(5):
            pins = self.pins()
            saved = pins.get("thresholds") or {}
            saved.setdefault("sites", {}).setdefault(site, {}).update(changes)
            if self.store.change_if(pins.get("generation"), {"thresholds": json.dumps(saved)}, "thresholds", by):
                return saved
        raise RegistryError("the pins kept changing while the thresholds were saved; try again")

    def record_shadow(self, version, active_decision, shadow_decision, site, comment_id):
        """Count agreement between the active and the shadow model; keep the latest disagreements."""
        self.store.record_shadow(version, active_decision, shadow_decision, site, comment_id)

    def shadow_report(self, version):
        counts, samples = self.store.shadow_counts(version)
        total = counts.get("total", 0)
        return {"version": version, "total": total, "disagree": counts.get("disagree", 0),
                "rate": round(counts.get("disagree", 0) / total, 4) if total else 0.0,
                "transitions": {k: v for k, v in counts.items() if "->" in k}, "samples": samples}
