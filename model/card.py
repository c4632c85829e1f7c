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
from moderation.scoring.columns import fitted_signals

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def dump_bytes(pipeline) -> bytes:
    compact(pipeline)  # scoring re-creates run-dependent attributes; drop them again before pickling
    buf = io.BytesIO()
    joblib.dump(pipeline, buf, compress=("zlib", 3))
    return buf.getvalue()


def fit_params(pipeline) -> dict:
    """The pipeline's parameters as the card records them (model.recard compares a fresh pipeline's with them)."""
    return {k: repr(v) for k, v in pipeline.get_params().items() if k.count("__") <= 2 and "__" in k
            and not k.endswith(("preprocessor", "dtype"))}


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
        "signals": list(fitted_signals(pipeline.named_steps["features"])),  # its columns' order (scoring.columns)
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


def measure_speed(folder: Path, sha: str, n: int = 300) -> dict:
    """Load time and median `Scorer.score` time at 200 and 5,000 characters of ordinary comment text (this
    process, this machine: a shared machine makes these upper bounds; `make bench-scoring` has the full table)."""
    import statistics
    import time

    from moderation.scoring.scorer import load_scorer

    start = time.perf_counter()
    scorer = load_scorer(folder, sha)
    load_s = time.perf_counter() - start
    base = ("今日のニュース、とても考えさせられました。増税の議論はもっと丁寧にしてほしいと思います。"
            "選手たちお疲れさまでした！物価高で生活が苦しい。I think the council got this one right. ") * 80
    out = {"load_seconds": round(load_s, 3), "model_bytes": (Path(folder) / "model.joblib").stat().st_size}
    for length in (200, 5000):
        text = base[:length]
        scorer.score(text)
        times = []
        for _ in range(n if length == 200 else n // 10):
            start = time.perf_counter()
            scorer.score(text)
            times.append(time.perf_counter() - start)
        out[f"score_{length}_median_us"] = round(statistics.median(times) * 1e6, 1)
    return out
