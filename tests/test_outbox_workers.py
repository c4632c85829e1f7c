"""Two real `python -m moderation worker` processes on one real Redis and one real receiver: each event is sent
once (README, Scaling out: "two workers never send the same webhook: jobs are leased")."""

import json
import re
import signal
import subprocess
import sys
from collections import Counter

import pytest

from moderation import PROJECT_ROOT
from tests.support.app import API_KEY, cli_env
from tests.support.receiver import SECRET, Receiver, wait_for
from tests.support.thresholds import FLAG_ALL

BATCHES = 3  # of 100 comments, each held for review: 300 comment.queued events
FAILED = re.compile(r"event (\S+) attempt (\d+) failed")


def start_worker(env, log_path):
    with open(log_path, "wb") as log:
        return subprocess.Popen([sys.executable, "-m", "moderation", "worker"], cwd=PROJECT_ROOT, env=env,
                                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)


@pytest.mark.slow
def test_two_worker_processes_send_each_event_once(make_app, redis_server, prefix, tmp_path, comment):
    """Every event's first two attempts fail, so each one is read once from the stream (the consumer group) and
    then twice taken from the retry schedule (the lease) by whichever worker is first: both workers race for
    the same due jobs; 3 attempts and 1 delivery per event, none sent twice."""
    with Receiver(fail_attempts=2) as receiver:
        hooks = {"test": {"url": receiver.url, "secret": SECRET}}
        env = cli_env(redis_server, prefix, tmp_path, WEBHOOKS=json.dumps(hooks), DEMO="1", SECRET_KEY="x",
                      WEBHOOK_RETRY_BASE="0.05", WEBHOOK_RETRY_MAX_DELAY="0.2", WEBHOOK_TIMEOUT="5")
        logs = [tmp_path / f"worker{i}.log" for i in range(2)]
        workers = [start_worker(env, log) for log in logs]
        try:
            assert wait_for(lambda: all("outbox worker: site test" in log.read_text() for log in logs), 60), \
                [log.read_text() for log in logs]
            client = make_app(WEBHOOKS=hooks, DEMO=True, THRESHOLDS=FLAG_ALL, RATE_LIMITS="").test_client()
            ids = []
            for _ in range(BATCHES):
                batch = [comment(f"コメント {len(ids) + i} です。") for i in range(100)]
                answer = client.post("/api/v1/comments:batch", json={"comments": batch},
                                     headers={"Authorization": f"Bearer {API_KEY}"})
                assert answer.status_code == 200, answer.text
                assert {item["decision"] for item in answer.json["results"]} == {"review"}
                ids += [c["id"] for c in batch]
            assert wait_for(lambda: len(receiver.deliveries) == len(ids), 90), len(receiver.deliveries)
            assert wait_for(lambda: len(receiver.attempts) >= 3 * len(ids), 10)
        finally:
            for process in workers:
                process.send_signal(signal.SIGTERM)
            for process in workers:
                process.wait(timeout=30)
    events = {event["data"]["comment_id"] for event in receiver.accepted}
    assert events == set(ids)
    assert Counter(receiver.deliveries.values()) == {1: len(ids)}  # each event delivered once
    per_event = Counter(a["X-Moderation-Event-Id"] for a in receiver.attempts)
    assert Counter(per_event.values()) == {3: len(ids)}  # no attempt sent twice either
    failures = [Counter((m[1], m[2]) for m in FAILED.finditer(log.read_text())) for log in logs]
    for attempt in ("1", "2"):
        mine = [{event for event, n in worker if n == attempt} for worker in failures]
        assert all(mine), f"both workers failed some attempt {attempt}: {[len(m) for m in mine]}"
        assert not mine[0] & mine[1] and len(mine[0] | mine[1]) == len(ids)
    assert all(count == 1 for worker in failures for count in worker.values())
