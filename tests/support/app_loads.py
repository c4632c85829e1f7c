"""What every test app built in one worker loads alike, loaded once per worker (conftest's shared_app_loads).

A fast-suite test that builds an app (make_app, ~640 of them) loaded the tiny model from disk (hash, unpickle, warm
the kernels: 7% of the fast suite's time in its workers, py-spy, session 51) and compiled each template it rendered
(Jinja's parse and code generation: 12.5%), the same work each time. Here a worker keeps one Scorer per artifact
content (its files' hashes: a changed file is loaded again), each app given a shallow copy of its own (what the
service keys by its scorer, pages/request_queue.py's explanations, stays per app; the fitted pipeline is read-only
after loading), and the templates' compiled code under their source's checksum (Jinja's bytecode cache: an edited
template compiles again). A load that fails is never kept: a tampered, missing or mismatched artifact fails at every
app as before.
"""

import copy
import hashlib
import threading
from pathlib import Path

from jinja2 import BytecodeCache

from moderation.scoring.artifacts import CARD_FILE, MODEL_FILE


class TemplateCode(BytecodeCache):
    """Each template's compiled code, by name and source checksum, for every Jinja environment of the process."""

    def __init__(self):
        self._code = {}

    def load_bytecode(self, bucket):
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it when the source's checksum differs

    def dump_bytecode(self, bucket):
        self._code[bucket.key] = bucket.bytecode_to_string()


class Scorers:
    """load_scorer(artifact_dir, sha256) as the service calls it, the Scorer kept per artifact content."""

    def __init__(self, load):
        self._load = load
        self._kept = {}
        self._lock = threading.Lock()

    def __call__(self, artifact_dir, expected_sha256):
        key = (str(Path(artifact_dir).resolve()), expected_sha256, *_contents(Path(artifact_dir)))
        with self._lock:
            scorer = self._kept.get(key)
        if scorer is None:
            scorer = self._load(artifact_dir, expected_sha256)  # raises as ever: nothing kept
            with self._lock:
                self._kept[key] = scorer
        return copy.copy(scorer)  # a Scorer of its own, as a load gives: what is keyed by it is this app's alone


def _contents(folder: Path) -> tuple:
    """What the artifact's files hold now (a hash of the model: 50 KB for the tiny one, 0.03 s for the shipped one)."""
    out = []
    for name in (MODEL_FILE, CARD_FILE):
        try:
            out.append(hashlib.sha256((folder / name).read_bytes()).hexdigest())
        except OSError:
            out.append(None)  # missing: load_scorer refuses it, and that is never kept
    return tuple(out)
