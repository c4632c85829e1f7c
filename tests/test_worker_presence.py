"""`queue stats` from a shell whose settings name no webhook still sees the worker that delivers (audit-s21 F4:
under `make run` the demo's webhook lives only in the server's and its worker's settings)."""

import json
from urllib.parse import urlsplit

from moderation.cli import main as cli_main
from moderation.integrations import outbox
from moderation.store.outbox import OutboxStore
from tests.support.app import API_KEY, SECRET_KEY
from tests.support.receiver import SECRET, Receiver
from tests.test_outbox import hook_app


def test_queue_stats_from_another_shell_sees_the_worker_that_delivers(make_app, comment, rdb, prefix, tiny_model,
                                                                     tmp_path, redis_server, monkeypatch, capsys):
    with Receiver() as receiver:
        app = hook_app(make_app, receiver.url)
        app.test_client().post("/api/v1/comments", json=comment(), headers={"Authorization": f"Bearer {API_KEY}"})
        shell = {"REDIS_URL": redis_server.url, "REDIS_PREFIX": prefix, "INSTANCE_DIR": str(tmp_path),
                 "API_KEYS": f"test:{API_KEY}", "SECRET_KEY": SECRET_KEY}
        for name, value in shell.items():
            monkeypatch.setenv(f"MODERATION_{name}", value)

        def stats():
            capsys.readouterr()
            cli_main(["queue", "stats", "--site", "test"])
            return json.loads(capsys.readouterr().out)["test"]["webhooks"]

        before = stats()
        assert before["configured"] is False and before.get("worker") is None  # no worker has ever delivered

        # the worker's own settings (as make run's demo gives its worker) name the webhook; the shell's do not
        monkeypatch.setenv("MODERATION_WEBHOOKS", json.dumps({"test": {"url": receiver.url, "secret": SECRET}}))
        monkeypatch.setenv("MODERATION_DEMO", "1")
        cli_main(["worker", "--once"])
        monkeypatch.delenv("MODERATION_WEBHOOKS")
        monkeypatch.delenv("MODERATION_DEMO")
        assert len(receiver.accepted) == 1

        seen = stats()
        assert seen["delivered"] == 1 and seen["configured"] is True
        assert seen["worker"]["live"] is True and seen["worker"]["target"] == urlsplit(receiver.url).netloc

        # a worker that stopped a while ago is not a configured webhook any more
        at = int(rdb.hget(f"{prefix}{{test}}:outbox:stats", "worker_seen_at"))
        stale = outbox.report(OutboxStore(rdb, "test", prefix), None, now_ms=at + int(outbox.LIVE_SECONDS * 1000) + 1)
        assert stale["configured"] is False and stale["worker"]["live"] is False
