"""The webhook delivery's deadline covers the host's DNS lookup: a resolver that never answers (a real DNS server
the worker process asks, in its own mount namespace) cannot hold the worker past WEBHOOK_TIMEOUT."""

import json
import subprocess
import sys

import pytest

from moderation import PROJECT_ROOT, settings
from moderation.integrations import outbox
from tests.support import resolver
from tests.support.app import API_KEY, SECRET_KEY, cli_env
from tests.support.receiver import SECRET
from tests.support.thresholds import FLAG_ALL

pytestmark = pytest.mark.skipif(not resolver.available(), reason="needs root and unshare (mount namespaces)")


@pytest.mark.slow
def test_a_host_whose_lookup_hangs_fails_the_delivery_at_its_deadline(make_app, redis_server, prefix, tmp_path,
                                                                       comment, rdb):
    """`python -m moderation worker --once` with its nameserver silent: the start-up check and the delivery
    each give up after WEBHOOK_TIMEOUT (1 s) instead of waiting out the resolver (30 s each, 60 s in all before
    this fix), the attempt is recorded as a timeout and the event waits for its retry."""
    hooks = {"test": {"url": "http://hooks.silent.test:8080/hook", "secret": SECRET}}
    make_app(WEBHOOKS=hooks, THRESHOLDS=FLAG_ALL).test_client().post(
        "/api/v1/comments", json=comment(), headers={"Authorization": f"Bearer {API_KEY}"})
    env = cli_env(redis_server, prefix, tmp_path, WEBHOOKS=json.dumps(hooks), SECRET_KEY=SECRET_KEY,
                  WEBHOOK_TIMEOUT="1")
    with resolver.SilentResolver(tmp_path) as silent:
        worker = subprocess.run(silent.command([sys.executable, "-m", "moderation", "worker", "--once"]),
                                cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                                timeout=resolver.HOLD - 5)  # less than one lookup the resolver holds
    log = worker.stdout + worker.stderr
    assert worker.returncode == 0, log
    assert "hooks.silent.test" in silent.queries  # the lookups really went to the silent server
    assert "'hooks.silent.test' not resolved within 1 s" in log  # at start-up and at the delivery
    stats = outbox.stats(rdb, "test", prefix=prefix)
    assert stats["failed_attempts"] == 1 and stats["retrying"] == 1 and stats["delivered"] == 0, stats
    assert "TimeoutError" in stats["last_error"] and "not resolved within 1 s" in stats["last_error"]
    assert "DNS lookup" in settings.BY_NAME["WEBHOOK_TIMEOUT"].meaning  # the setting's help says what this shows
