"""The worker's receipts thread says when it last passed over each site (rq:receipts:worker): a stopped thread used
to show only once a receipt was due, and on a quiet site none may be for days. `queue stats`, the admin page and
/metrics give how long ago it passed; with SMTP set, the admin page warns once it has been silent past
STALLED_SECONDS (or has never run). Real Redis, a real mail server (aiosmtpd), the real worker pass and process."""

import json
import math
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime

import pytest

from moderation.integrations.outbox_worker import run_worker
from moderation.rights.receipts import STALLED_SECONDS
from tests.support.app import METRICS_TOKEN, cli_env
from tests.test_receipt_backlog import receipts_section, scrape
from tests.test_requests import FakeClock, with_clock
from tests.test_requests import mailbox as mailbox

SEEN = "moderation_request_receipts_worker_seen_seconds"


def test_a_silent_receipts_thread_shows_before_any_receipt_is_due(make_app, mailbox, login):
    clock = FakeClock(datetime(2026, 11, 2, 1, 0, tzinfo=UTC).timestamp())
    app = with_clock(make_app(SMTP_URL=mailbox.url, RATE_LIMITS="", METRICS_TOKEN=METRICS_TOKEN), clock)
    client, taro = app.test_client(), login(app, "taro")
    metrics = scrape(client)
    assert metrics[(SEEN, "test")] == math.inf and metrics[("moderation_request_receipts_waiting", "test")] == 0
    section = receipts_section(taro.get("/review/admin/model").text)
    assert 'id="receipts-worker-missing"' in section and "まだ一度も動いていません" in section
    assert 'id="receipts-stalled"' not in section  # nothing is due: the old warning could not tell

    run_worker(app, once=True)  # one pass over every site, nothing to mail
    assert mailbox.messages == []
    assert scrape(client)[(SEEN, "test")] == 0 and scrape(client)[(SEEN, "other")] == 0
    assert 'id="receipts-worker-missing"' not in receipts_section(taro.get("/review/admin/model").text)

    clock.now += STALLED_SECONDS  # silent for exactly the limit: not yet missing
    assert 'id="receipts-worker-missing"' not in receipts_section(taro.get("/review/admin/model").text)
    clock.now += 61
    assert scrape(client)[(SEEN, "test")] == STALLED_SECONDS + 61
    section = receipts_section(taro.get("/review/admin/model").text)
    assert "ワーカー(python -m moderation worker)が6分1秒動いていません" in section
    english = receipts_section(taro.get("/review/admin/model?lang=en").text)
    assert "has passed over the receipt mails for 6 min 1 s" in english
    run_worker(app, once=True)
    assert 'id="receipts-worker-missing"' not in receipts_section(taro.get("/review/admin/model").text)


def test_without_smtp_a_silent_thread_is_no_warning(make_app, login):
    """No SMTP: the service mails no receipt (the site does, from request.received), so no thread is missed."""
    app = make_app(RATE_LIMITS="", METRICS_TOKEN=METRICS_TOKEN)
    assert scrape(app.test_client())[(SEEN, "test")] == math.inf
    assert 'id="receipts-worker-missing"' not in receipts_section(login(app, "taro").get("/review/admin/model").text)


def test_a_slow_smtp_timeout_widens_the_silence_allowed():
    """A pass of 20 tries may last 20 x SMTP_TIMEOUT: a thread busy in one is not missing."""
    from types import SimpleNamespace

    from moderation.rights.receipts import silent_limit

    assert silent_limit(SimpleNamespace(smtp_timeout=10.0)) == STALLED_SECONDS
    assert silent_limit(SimpleNamespace(smtp_timeout=30.0)) == 20 * 30 + 60


@pytest.mark.slow
def test_the_worker_process_beats_and_queue_stats_says_so(redis_server, prefix, tmp_path, mailbox, cli_forks):
    """`python -m moderation worker`, a real process: within a few seconds of its start `queue stats` (another
    process) shows its receipts thread's pass, with no receipt waiting; stopped, the pass ages."""
    env = cli_env(redis_server, prefix, tmp_path, SMTP_URL=mailbox.url)

    def stats():
        out = cli_forks.run(["queue", "stats", "--site", "test"], env=env, check=True).stdout
        return json.loads(out)["test"]["receipts"]

    before = stats()
    assert (before["worker_seen_seconds"], before["worker_missing"], before["waiting"]) == (None, True, 0)
    worker = subprocess.Popen([sys.executable, "-m", "moderation", "worker"], env=env, cwd="/",
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 180  # a readiness wait: the worker's start took over 30 s at load 14
        while (seen := stats())["worker_seen_seconds"] is None and time.monotonic() < deadline:
            time.sleep(0.5)
        assert seen["worker_seen_seconds"] is not None and seen["worker_seen_seconds"] < 10, seen
        assert seen["worker_missing"] is False and seen["waiting"] == 0
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=30)
    time.sleep(3)  # no more passes: the last one ages
    assert stats()["worker_seen_seconds"] >= 3
