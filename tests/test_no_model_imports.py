"""A command that loads no model (create_app(with_model=False): moderator, queue stats, worker) imports none of the
scoring stack: the scorer, its features' ~540 compiled patterns, numba, scikit-learn. Each of them cost every such
`python -m moderation` ~5 s of CPU before session 47 (an operator's `moderator list`: 6.5 s; 0.6 s without)."""

import json
import subprocess
import sys

import pytest

from tests.support.app import cli_env

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
HEAVY = ("moderation.scoring.scorer", "moderation.explain", "moderation.vectorizer", "moderation.features",
         "moderation.targets", "moderation.kernels", "moderation.matcher", "numba", "sklearn", "scipy")
SCRIPT = """
import contextlib, io, json, sys
from moderation.cli import main
for argv in (["moderator", "list"], ["queue", "stats"], ["worker", "--once"]):
    with contextlib.redirect_stdout(io.StringIO()):
        main(argv)
print(json.dumps(sorted(sys.modules)))
"""


@pytest.mark.slow  # a fresh interpreter and three commands against a real Redis: ~1.5 s
def test_the_commands_that_load_no_model_import_none_of_the_scoring_stack(redis_server, prefix, tmp_path):
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=cli_env(redis_server, prefix, tmp_path),
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    loaded = json.loads(out.stdout.splitlines()[-1])
    assert "moderation.cli.service" in loaded and "moderation.integrations.outbox_worker" in loaded  # they ran
    heavy = [name for name in loaded if any(name == h or name.startswith(h + ".") for h in HEAVY)]
    assert heavy == [], f"a no-model command imported the scoring stack again: {heavy[:10]}"
