"""Per-request series written a batch at a time (ops/batches.py, ops/request_counter.py): every request counted once,
at most 50 ms late, at exit, and before a scrape reads them."""

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from moderation.ops.batches import Batch


def _collector():
    written, done = [], threading.Event()

    def write(items):
        written.append((list(items), threading.current_thread().name))
        done.set()

    return written, done, write


def test_a_batch_writes_its_items_at_once_when_full_in_the_order_kept():
    written, _, write = _collector()
    batch = Batch(write, size=4, delay=60)
    for item in range(9):
        batch.add(item)
    assert [items for items, _ in written] == [[0, 1, 2, 3], [4, 5, 6, 7]]
    assert {thread for _, thread in written} == {threading.current_thread().name}  # the request's own thread
    batch.flush()
    assert [items for items, _ in written][-1] == [8] and batch.pending == []
    batch.flush()  # nothing kept: nothing written
    assert len(written) == 3


def test_a_batch_not_full_is_written_by_its_thread_after_the_delay():
    written, done, write = _collector()
    batch = Batch(write, size=32, delay=0.05, name="test-batch")
    started = time.monotonic()
    batch.add("a")
    batch.add("b")
    assert written == []
    assert done.wait(5), "the batch's thread never wrote it"
    assert time.monotonic() - started >= 0.05
    assert written == [(["a", "b"], "test-batch")]
    done.clear()
    batch.add("c")  # the next batch: its own delay
    assert done.wait(5) and written[-1] == (["c"], "test-batch")


_WORKER = """
import json, os, sys, time
from flask import Flask
from prometheus_client.mmap_dict import MmapedDict
from moderation.ops import request_counter
counter = request_counter.RequestCounter(Flask("w"))

def counted():
    path = os.path.join(os.environ["PROMETHEUS_MULTIPROC_DIR"], f"counter_moderation_{os.getpid()}.db")
    if not os.path.exists(path):
        return 0
    return sum(value for key, value, *_ in MmapedDict.read_all_values_from_file(path)
               if json.loads(key)[1] == "moderation_http_requests_total")

def answer(n, key=False):
    for _ in range(n):
        state = {"request_started": time.perf_counter() - 0.003, "decisions": [("review", ["spam"])]}
        if key:
            state.update(site="test", key_id="k1")
        counter.count(state, "/api/v1/comments", "POST", 200)

seen = []
answer(3)
seen.append(counted())  # kept for their batch
deadline = time.monotonic() + 5
while counted() < 3 and time.monotonic() < deadline:
    time.sleep(0.01)
seen.append(counted())  # written by the batch's thread, 50 ms after the first
answer(32, key=True)
seen.append(counted())  # the 32nd: the batch written in the request that filled it
answer(5)
counter.flush()  # as a scrape does before it reads the files
seen.append(counted())
answer(2)
print(json.dumps(seen))
sys.exit(0)  # as a gunicorn worker leaves: the last two written at exit
"""


@pytest.mark.slow
def test_a_workers_series_are_written_a_batch_at_a_time_and_none_is_lost(tmp_path):
    """In a worker (PROMETHEUS_MULTIPROC_DIR) a request's series wait for their batch: written when 32 are kept, 50 ms
    after the first of a batch, before a scrape, and at exit; the scrape then holds every request once, its key's
    uses, its decisions and its latency (3 ms: the 0.005 bucket), as counted one at a time."""
    from tests.support.servers import scrape as _scrape

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path), "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", _WORKER], env=env, cwd=root, capture_output=True, text=True,
                          timeout=120, check=True)
    assert json.loads(done.stdout.split("\n")[-2]) == [0, 3, 35, 40]
    scraped = _scrape(tmp_path)
    assert 'moderation_http_requests_total{method="POST",route="/api/v1/comments",status="200"} 42.0' in scraped
    assert 'moderation_api_key_requests_total{key_id="k1",site="test"} 32.0' in scraped
    assert 'moderation_decisions_total{action="review",label="spam"} 42.0' in scraped
    assert 'moderation_http_request_duration_seconds_count{method="POST",route="/api/v1/comments"} 42.0' in scraped
    assert ('moderation_http_request_duration_seconds_bucket{le="0.0025",method="POST",route="/api/v1/comments"} 0.0'
            in scraped)
