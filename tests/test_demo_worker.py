"""The worker `make run` starts serves the demo site, found trying the product as its users do (session 26): serve
keeps the development key in its own settings (cli/service.py), so the worker process it starts has no
MODERATION_API_KEYS, and its receipts thread and deadline checks passed over no site at all. A removal request filed
on `make run` with MODERATION_SMTP_URL set got no receipt mail, its deadline alerts never came, and `queue stats`
said `worker_seen_seconds: null` beside a live worker; the README says `make run` starts the worker that mails it."""

import logging

from moderation.integrations.outbox_worker import run_worker
from moderation.rights.receipts import backlog
from tests.test_requests import mailbox as mailbox
from tests.test_requests import request_body

DEV_KEY = "dev-0123456789abcdefghij"  # what make run writes to var/dev-api-key (the demo takes 8+ characters)


def test_the_worker_make_run_starts_mails_the_demo_sites_receipts(make_app, mailbox):
    served = make_app(API_KEYS=f"demo:{DEV_KEY}", DEMO=True, SMTP_URL=mailbox.url, RATE_LIMITS="")
    worker = make_app(API_KEYS="", DEMO=True, SMTP_URL=mailbox.url)  # its environment: no keys, the demo on
    filed = served.test_client().post("/api/v1/requests", headers={"Authorization": f"Bearer {DEV_KEY}"},
                                      json=request_body(["https://news.example.jp/a/1#comment-c-9"]))
    assert filed.status_code == 201, filed.text
    with served.app_context():
        assert backlog("demo")["waiting"] == 1 and backlog("demo")["worker_seen_seconds"] is None
    run_worker(worker, once=True)
    assert [to for _, to, _ in mailbox.messages] == [["hanako@example.jp"]]
    assert filed.json["id"] in mailbox.messages[0][2]["Subject"] + mailbox.messages[0][2].get_content()
    with served.app_context():
        assert backlog("demo")["waiting"] == 0 and backlog("demo")["worker_seen_seconds"] is not None


def test_a_worker_without_webhooks_says_what_it_still_does(make_app, caplog):
    """s27 operator trial: `python -m moderation worker` without MODERATION_WEBHOOKS warned 'the worker has nothing to
    deliver', which reads as 'no need to run it', while it is what mails removal-request receipts, raises their
    deadline alerts and counts the transparency report's days."""
    app = make_app(API_KEYS=f"demo:{DEV_KEY}", DEMO=True)
    with caplog.at_level(logging.WARNING):
        run_worker(app, once=True)
    [warning] = [r.getMessage() for r in caplog.records if "MODERATION_WEBHOOKS" in r.getMessage()]
    assert "nothing to deliver" not in warning, warning
    assert all(word in warning for word in ("receipts", "deadline alerts", "transparency")), warning
