"""The test models trained once and kept between runs and xdist workers: each worker trained the tiny model again
before its first test (19 s under load), though its training is deterministic (tests/test_model_cache.py).

A model is kept under a key that hashes everything it is built from: every Python source under model/ (the corpus,
seed and settings of model/tiny.py, the pipeline) and moderation/ (every class the pipeline pickles), the versions of
Python and the libraries that pickle it, tests/conftest.py (the recipes' cards) and the recipe's name. A change to any
of them gives a new key, so the next run trains again; nothing is ever read from a stale entry.
"""

import hashlib
import os
import platform
import shutil
import tempfile
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SOURCES = ("model", "moderation")
EXTRA = ("tests/conftest.py", "tests/support/model_cache.py")  # the recipes' cards and this file's own layout
SKIPPED = ("model/artifacts",)  # the shipped models: data, not something the test models are built from
LIBRARIES = ("scikit-learn", "numpy", "scipy", "joblib")
STALE_SECONDS = 24 * 3600


def source_files(root: Path = ROOT) -> list[Path]:
    """The Python sources the test models are built from, in a stable order."""
    files = [root / rel for rel in EXTRA if (root / rel).is_file()]
    for top in SOURCES:
        for path in (root / top).rglob("*.py"):
            rel = path.relative_to(root).as_posix()
            if "__pycache__" not in path.parts and not rel.startswith(SKIPPED):
                files.append(path)
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


def source_key(recipe: str, root: Path = ROOT) -> str:
    """A hash of the recipe's name, the sources under `root` and the versions that pickle the model."""
    digest = hashlib.sha256(recipe.encode())
    for lib in LIBRARIES:
        digest.update(f"\0{lib}={metadata.version(lib)}".encode())
    digest.update(f"\0python={platform.python_implementation()}-{platform.python_version()}".encode())
    for path in source_files(root):
        digest.update(b"\0" + path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return f"{recipe}-{digest.hexdigest()[:32]}"


def cached_build(cache_dir: Path, key: str, build) -> Path:
    """`cache_dir/key`, made by build(folder) into a temporary folder renamed into place when complete: a reader never
    sees half a model, and of two workers that race the first rename wins and the other's copy is dropped."""
    cache_dir = Path(cache_dir)
    entry = cache_dir / key
    if entry.is_dir():
        os.utime(entry)  # in use: not pruned
        return entry
    cache_dir.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".building-", dir=cache_dir))
    try:
        build(scratch)
        try:
            os.rename(scratch, entry)
        except OSError:  # another worker renamed its copy first (the target exists and is not empty)
            if not entry.is_dir():
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    _prune(cache_dir, keep=entry)
    return entry


def _prune(cache_dir: Path, keep: Path) -> None:
    """Drop the entries (and abandoned builds) nobody has made for a day: the keys of older sources."""
    cutoff = time.time() - STALE_SECONDS
    for path in cache_dir.iterdir():
        try:
            if path != keep and path.stat().st_mtime < cutoff:
                shutil.rmtree(path, ignore_errors=True)
        except FileNotFoundError:
            pass
