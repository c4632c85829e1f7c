"""Writing a versioned artifact folder: model.joblib, card.json, CARD.md, SHA256; and active.json."""

from __future__ import annotations

import hashlib
import io
import json
import platform
from pathlib import Path

import joblib
import numpy as np
import scipy
import sklearn

from model.pipeline import CATEGORIES, HEADS, LABELS, compact

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def dump_bytes(pipeline) -> bytes:
    compact(pipeline)  # scoring re-creates run-dependent attributes; drop them again before pickling
    buf = io.BytesIO()
    joblib.dump(pipeline, buf, compress=("zlib", 3))
    return buf.getvalue()


def write_artifact(pipeline, out_root: Path, version: str, card: dict, markdown: str = "") -> tuple[Path, str]:
    """Write `<out_root>/<version>/` and return (folder, sha256 of model.joblib)."""
    folder = Path(out_root) / version
    folder.mkdir(parents=True, exist_ok=True)
    data = dump_bytes(pipeline)
    sha = hashlib.sha256(data).hexdigest()
    (folder / "model.joblib").write_bytes(data)
    card = {
        "version": version,
        "labels": list(LABELS),
        "heads": list(HEADS),
        "categories": list(CATEGORIES),
        "sha256": sha,
        "model_bytes": len(data),
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "scipy_version": scipy.__version__,
        "python_version": platform.python_version(),
        **card,
    }
    (folder / "card.json").write_text(json.dumps(card, ensure_ascii=False, indent=2, sort_keys=False) + "\n",
                                      encoding="utf-8")
    (folder / "SHA256").write_text(f"{sha}  model.joblib\n", encoding="utf-8")
    if markdown:
        (folder / "CARD.md").write_text(markdown, encoding="utf-8")
    return folder, sha


def write_active(out_root: Path, version: str, sha: str) -> Path:
    path = Path(out_root) / "active.json"
    path.write_text(json.dumps({"version": version, "sha256": sha}, indent=2) + "\n", encoding="utf-8")
    return path
