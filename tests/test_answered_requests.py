"""A worker's fast-path comments keep their series and access line as one item a request (ops/answered.py): the
same lines and counts as the Flask route's, every request once, before any later log line and before a scrape."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.app import API_KEY, METRICS_TOKEN, app_config, app_env
from tests.support.flagging import ABUSIVE, CLEAN

ROOT = Path(__file__).resolve().parent.parent

_WORKER = """
import json, logging, sys
from moderation import create_app
from moderation.ops import answered
app = create_app()
client, fast = app.test_client(), app.extensions["moderation.comment_fast_path"]
auth = {"Authorization": "Bearer " + sys.argv[1]}
texts = json.loads(sys.argv[3])
fast._setup()  # what its first request does: its kept requests made now, to watch
ready, writes, kept = [], [], fast.requests_kept
kept.batch.delay = 3600  # no timer's write: each batch written while a SUBMIT runs, or by the scrape, or at exit
own_write = kept.batch.write
def write(items):  # where each batch is written, and how many
    import inspect
    writes.append((len(items), [frame.function for frame in inspect.stack()[1:12]]))
    return own_write(items)
kept.batch.write = write
def post(n, text):
    body = {"id": f"c-{n}", "article_id": "a-1", "text": text, "author": {"id": f"reader-{n}", "name": "r"}}
    answer = client.post("/api/v1/comments", json=body, headers={**auth, "X-Request-ID": f"rid-{n}"})
    assert answer.status_code == 200, answer.get_data(True)
    ready.append(fast.requests_kept.ready())
for n, text in enumerate(texts):
    post(n, text)
logging.getLogger("moderation.test").warning("after the kept requests")  # their lines are written first
scraped = client.get("/metrics", headers={"Authorization": "Bearer " + sys.argv[2]}).get_data(True)
fast.enabled = False  # the Flask route's own answers, for their lines
for n, text in enumerate(texts[:2], start=100):
    post(n, text)
waited = [(n, "_meanwhile" in stack and "handle" in stack) for n, stack in writes]
print(json.dumps({"answered": fast.answered, "ready": ready, "scraped": scraped, "writes": waited}))
sys.stdout.flush()
sys.exit(0)  # as a gunicorn worker leaves: what its batches kept is written at exit
"""


@pytest.mark.slow
def test_a_workers_comments_are_logged_and_counted_a_batch_at_a_time_as_the_route_does(tiny_model, redis_server,
                                                                                         prefix, tmp_path):
    """Under a worker's settings (its own metric files, JSON lines on stderr), 40 comments through the fast path: each
    access line once, in order, with the fields the Flask route's line has; the scrape right after them counts all
    40 (it writes the kept ones first); a warning logged after them comes after their lines."""
    texts = [CLEAN if n % 3 else ABUSIVE for n in range(40)]  # 40: a batch written when full, the rest later
    metrics = tmp_path / "metrics"
    metrics.mkdir()
    config = app_config(tiny_model, redis_server.url, prefix, tmp_path, METRICS_TOKEN=METRICS_TOKEN, RATE_LIMITS="",
                        LOG_FORMAT="json", LOG_LEVEL="INFO")
    env = {**os.environ, **app_env(config), "PROMETHEUS_MULTIPROC_DIR": str(metrics), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", _WORKER, API_KEY, METRICS_TOKEN, json.dumps(texts)], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.splitlines()[-1])
    assert out["answered"] == 40 and out["ready"][:40] == [True] * 40  # the fast path, its requests kept
    # half a batch written while the 17th and the 33rd comment's SUBMIT ran, the last 8 by the scrape (then the
    # route's two, not kept here)
    assert out["writes"][:3] == [[16, True], [16, True], [8, False]], out["writes"]
    lines = [json.loads(line) for line in done.stderr.splitlines() if line.startswith("{")]
    access = [line for line in lines if line["logger"] == "moderation.access"]
    kept = [line for line in access if line["request_id"] in {f"rid-{n}" for n in range(40)}]
    assert [line["request_id"] for line in kept] == [f"rid-{n}" for n in range(40)]  # each once, in order
    warning = next(i for i, line in enumerate(lines) if line["msg"] == "after the kept requests")
    assert max(lines.index(line) for line in kept) < warning
    routed = [line for line in access if line["request_id"] in ("rid-100", "rid-101")]
    assert len(routed) == 2
    for fast, route in zip(kept[:2], routed, strict=True):  # the same fields, but the id and the time taken
        assert isinstance(fast["duration_ms"], float) and fast["duration_ms"] > 0
        assert {k: v for k, v in fast.items() if k not in ("request_id", "duration_ms", "ts")} == {
            k: v for k, v in route.items() if k not in ("request_id", "duration_ms", "ts")}
    scraped = out["scraped"]
    assert 'moderation_http_requests_total{method="POST",route="/api/v1/comments",status="200"} 40.0' in scraped
    assert 'moderation_http_request_duration_seconds_count{method="POST",route="/api/v1/comments"} 40.0' in scraped
    decided = sum(float(line.rsplit(" ", 1)[1]) for line in scraped.splitlines()
                  if line.startswith("moderation_decisions_total{"))
    assert decided >= 40  # one per label of each (an allowed one: "none")
    assert 'moderation_api_key_requests_total{key_id="' in scraped
