"""A model artifact read and checked (active.json, SHA-256, scikit-learn version) before anything heavy is imported:
the scoring stack (the scorer, its features' ~540 compiled patterns, numba) is imported only when a model loads, so
a process that loads none (create_app(with_model=False): the moderator, queue and worker commands) never pays it."""

from __future__ import annotations

import gc
import hashlib
import importlib
import io
import json
import sys
import threading
import types
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from moderation.scoring.scorer import Scorer

MODEL_FILE = "model.joblib"
CARD_FILE = "card.json"


class ModelLoadError(Exception):
    """The artifact is missing, tampered with, or was built for another scikit-learn version."""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_active(artifacts_root: Path | str) -> tuple[str, str]:
    """(version, sha256) named in `<artifacts_root>/active.json`."""
    path = Path(artifacts_root) / "active.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return str(data["version"]), str(data["sha256"])
    except FileNotFoundError as exc:
        raise ModelLoadError(f"no active model: {path} is missing") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelLoadError(f"{path} is not valid: needs JSON with 'version' and 'sha256' ({exc})") from exc


def load_scorer(artifact_dir: str | Path, expected_sha256: str) -> Scorer:
    """Load `<artifact_dir>/model.joblib` after checking its SHA-256 and the scikit-learn version."""
    collecting = gc.isenabled()
    gc.disable()  # loading makes ~1M objects that mostly stay: the collector walked the growing heap 3 times (~0.25 s
    # CPU of 1.9); what it would have freed waits for the next collection (gunicorn.conf.py's after --preload)
    deferred = None
    if "sklearn" not in sys.modules and "scipy.stats" not in sys.modules:  # a process's first load (serving's)
        deferred = sys.modules["scipy.stats"] = _Deferred("scipy.stats")
    try:
        return _loaded(Path(artifact_dir), expected_sha256)
    finally:
        if collecting:
            gc.enable()
        if deferred is not None and sys.modules.get("scipy.stats") is deferred:
            del sys.modules["scipy.stats"]  # after the load a use imports it as ever (a submodule too, once)


class _Deferred(types.ModuleType):
    """scipy.stats while a model loads, imported if something reads from it: scikit-learn imports it (~0.3 s CPU of
    loading the model, a fifth) for one helper (utils.fixes._mode) serving never calls. Only during the load: a
    submodule imported under it (scipy.stats.mstats) would make the import system run that module twice."""

    _importing = threading.RLock()

    def __getattr__(self, name):
        with self._importing:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]  # the real module takes its place, and its package's attribute
            module = importlib.import_module(self.__name__)
            self.__dict__.update(module.__dict__)  # a name bound to this one reads the real one's from now on
        return getattr(module, name)


def _loaded(artifact_dir: Path, expected_sha256: str) -> Scorer:
    import sklearn

    model_path = artifact_dir / MODEL_FILE
    card_path = artifact_dir / CARD_FILE
    for p in (model_path, card_path):
        if not p.is_file():
            raise ModelLoadError(f"model artifact incomplete: {p} is missing")
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ModelLoadError(f"{card_path} is not valid JSON: {exc}") from exc
    data = model_path.read_bytes()
    actual = _sha256(data)
    expected = (expected_sha256 or "").strip().lower()
    if actual != expected:
        raise ModelLoadError(
            f"refusing to load {model_path}: SHA-256 mismatch (expected {expected or '<none>'}, actual {actual})")
    if card.get("sha256") and card["sha256"] != actual:
        raise ModelLoadError(
            f"refusing to load {model_path}: card.json records SHA-256 {card['sha256']}, file has {actual}")
    built_with = card.get("sklearn_version")
    if built_with != sklearn.__version__:
        raise ModelLoadError(
            f"refusing to load {model_path}: built with scikit-learn {built_with}, "
            f"installed is {sklearn.__version__}; retrain or install the matching version")
    import joblib

    try:
        pipeline = joblib.load(io.BytesIO(data))
    except Exception as exc:  # a corrupt pickle that still matches the pinned hash
        raise ModelLoadError(f"could not unpickle {model_path}: {exc}") from exc
    from moderation.scoring.scorer import Scorer  # the scoring stack: the unpickling has just imported most of it

    try:
        return Scorer(pipeline, card, str(card.get("version", artifact_dir.name)))
    except (KeyError, AttributeError, TypeError, ValueError) as exc:
        raise ModelLoadError(f"{artifact_dir} does not hold a usable model: {exc!r}") from exc
