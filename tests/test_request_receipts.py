"""The requester's receipt mail: queued with the request, mailed by the outbox worker through real SMTP (aiosmtpd),
never by the filing's own request (a filing neither fails nor waits while the mail server is down or hangs)."""

import re
import socket
import threading
import time
from datetime import UTC, date, datetime

import pytest

from moderation.integrations.outbox_worker import run_worker
from moderation.rights import transparency
from moderation.store.receipts import get_receipts
from moderation.store.removal_requests import get_requests
from tests.support.moderators import Moderator
from tests.test_request_pages import form_fields
from tests.test_requests import Mailbox, file, post_comment, request_body, with_clock
from tests.test_requests import mailbox as mailbox

SENDER = "newsroom@example.jp"


@pytest.fixture
def clock():
    from tests.test_requests import FakeClock

    return FakeClock(datetime(2026, 11, 2, 1, 0, tzinfo=UTC).timestamp())  # 2026-11-02 10:00:00 JST


def actions(app, request_id):
    with app.app_context():
        return [entry["action"] for entry in get_requests("test").history(request_id)]


def test_the_worker_mails_the_receipt_in_japanese_with_jst_times_the_number_and_the_deadline(make_app, mailbox,
                                                                                            comment, clock):
    """The requester gave an address and heard nothing until the decision: now the form's filing queues a receipt
    that the worker mails (once, though the form was sent twice), and the audit says so."""
    app = with_clock(make_app(SMTP_URL=mailbox.url, SMTP_FROM=SENDER, RATE_LIMITS="",
                              PUBLIC_URL="https://moderation.example.com/", SITE_NAMES={"test": "例示新聞"}), clock)
    client = app.test_client()
    comment_id = post_comment(client, comment)
    fields = form_fields(client, comment_id)
    first = client.post("/requests/new", data=fields)
    again = client.post("/requests/new", data=fields)  # a double click: one request, one receipt
    assert first.status_code == again.status_code == 303
    request_id = re.search(r"/requests/(R-[0-9A-Z-]+)", first.headers["Location"]).group(1)
    assert mailbox.messages == []  # not sent by the filing's request
    run_worker(app, once=True)
    run_worker(app, once=True)
    [(sender, recipients, message)] = mailbox.messages
    assert sender == SENDER and recipients == ["hanako@example.jp"]
    assert message["Subject"] == f"[例示新聞] 送信防止措置のご依頼を受け付けました({request_id})"
    text = message.get_content()
    assert text.startswith("山田 花子 様\n\n例示新聞 のコメントについて、"
                           "削除のご依頼(送信防止措置の申出)を受け付けました。")
    for line in (f"受付番号: {request_id}", "受付日時: 2026-11-02 10:00:00 JST",
                 "回答期限: 2026-11-09 10:00:00 JST(受付から7日以内)", "侵害された権利: プライバシー",
                 f"- {comment_id}", f"ご依頼の状況: https://moderation.example.com/requests/{request_id}?site=test",
                 "削除基準(送信防止措置の実施基準): https://moderation.example.com/policy?site=test"):
        assert f"\n{line}\n" in text, (line, text)
    assert text.index("受付番号") < text.index(f"We received your removal request {request_id}")  # Japanese first
    assert "by 2026-11-09 10:00:00 JST." in text
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", text), text  # no UTC ISO stamp for a reader
    assert actions(app, request_id) == ["received", "receipt_sent"]
    with app.app_context():
        assert get_receipts("test").pending() == 0


def hanging_smtp_server():
    """A listening socket that accepts connections and never says a word: a mail server that hangs."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held = []

    def accept():
        while True:
            try:
                held.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    return server, f"smtp://127.0.0.1:{server.getsockname()[1]}"


@pytest.mark.slow  # the worker's try waits out SMTP_TIMEOUT (2 s)
def test_a_filing_neither_waits_for_nor_fails_with_a_hanging_mail_server(make_app, comment, clock):
    """Sent inline, a receipt would hold the filing for SMTP_TIMEOUT and then fail it; queued, the filing is answered
    at once and the worker's try is what waits. Ratio in the same test: the filing against the worker's pass."""
    server, url = hanging_smtp_server()
    try:
        app = with_clock(make_app(SMTP_URL=url, SMTP_TIMEOUT=2, RATE_LIMITS=""), clock)
        client = app.test_client()
        comment_id = post_comment(client, comment)
        started = time.perf_counter()
        answer = file(client, request_body([comment_id]))
        filing = time.perf_counter() - started
        assert answer.status_code == 201, answer.text
        started = time.perf_counter()
        run_worker(app, once=True)
        worker_pass = time.perf_counter() - started
    finally:
        server.close()
    assert worker_pass >= 2.0  # the worker waited out SMTP_TIMEOUT
    assert filing < worker_pass / 4, (filing, worker_pass)
    request_id = answer.json["id"]
    assert actions(app, request_id) == ["received"]  # a failed try is retried, not an outcome yet
    with app.app_context():
        record = get_requests("test").get(request_id)
    assert record["receipt_tries"] == 1 and "timed out" in record["receipt_error"].lower()


def test_a_receipt_that_failed_is_mailed_once_the_server_is_back_or_given_up_after_a_day(make_app, comment, clock,
                                                                                         accounts):
    box = Mailbox()  # its port is chosen, nothing listens on it yet
    app = with_clock(make_app(SMTP_URL=box.url, SMTP_FROM=SENDER, SMTP_TIMEOUT=2, RATE_LIMITS=""), clock)
    client = app.test_client()
    first = file(client, request_body([post_comment(client, comment)])).json["id"]
    run_worker(app, once=True)  # refused: tried again in a minute
    clock.advance(days=30 / 86400)
    with box:
        run_worker(app, once=True)  # not due yet
        assert box.messages == []
        clock.advance(days=31 / 86400)
        run_worker(app, once=True)
    assert [to for _, to, _ in box.messages] == [["hanako@example.jp"]]
    assert first in box.messages[0][2].get_content()
    assert actions(app, first) == ["received", "receipt_sent"]

    second = file(client, request_body([post_comment(client, comment)])).json["id"]
    for _ in range(12):  # the server stays down: tries at growing intervals, then given up after a day
        run_worker(app, once=True)
        clock.advance(days=2 / 24)
    run_worker(app, once=True)
    assert actions(app, second) == ["received", "receipt_failed"]
    with app.app_context():
        record = get_requests("test").get(second)
        assert get_receipts("test").pending() == 0
    assert 5 <= record["receipt_tries"] <= 12 and record["status"] == "received"  # the request itself goes on
    page = Moderator(app, "hanako").get(f"/review/requests/{second}").text
    assert re.search(r'<li data-action="receipt_failed">[^<]*受付メールを送れず', page), page
    with app.app_context():
        report = transparency.report("test", date(2026, 11, 2), date(2026, 11, 4))
    assert report["requests"]["receipts"] == {"sent": 1, "failed": 1}


def test_without_smtp_the_site_hears_the_requester_in_request_received_and_nothing_is_queued(make_app, comment, clock,
                                                                                            rdb, prefix, mailbox):
    from moderation.integrations.outbox import event_body

    app = with_clock(make_app(RATE_LIMITS=""), clock)
    client = app.test_client()
    request_id = file(client, request_body([post_comment(client, comment)])).json["id"]
    mailed = with_clock(make_app(RATE_LIMITS="", SMTP_URL=mailbox.url), clock)
    other = file(mailed.test_client(), request_body([post_comment(mailed.test_client(), comment)])).json["id"]
    received = {event_body("test", entry_id, fields)["data"]["request_id"]: event_body("test", entry_id, fields)["data"]
                for entry_id, fields in rdb.xrange(f"{prefix}{{test}}:events") if fields["type"] == "request.received"}
    assert received[request_id]["receipt"] == "webhook"
    assert received[request_id]["requester"] == {"name": "山田 花子", "email": "hanako@example.jp"}
    assert received[other]["receipt"] == "smtp" and "requester" not in received[other]
    assert rdb.zrange(f"{prefix}{{test}}:rq:receipts", 0, -1) == [other]


def test_two_workers_never_take_the_same_receipt_until_its_lease_ends(make_app, comment, clock, mailbox):
    app = with_clock(make_app(RATE_LIMITS="", SMTP_URL=mailbox.url), clock)
    client = app.test_client()
    filed = {file(client, request_body([post_comment(client, comment)])).json["id"] for _ in range(3)}
    with app.app_context():
        receipts, now = get_receipts("test"), int(clock.now * 1000)
        one, two = receipts.take(now, 60_000, 2), receipts.take(now, 60_000, 2)
        assert len(one) == 2 and len(two) == 1 and set(one) | set(two) == filed
        assert receipts.take(now + 59_000, 60_000, 5) == []
        assert set(receipts.take(now + 60_000, 60_000, 5)) == filed  # a worker died mid-send: mailed again


def test_a_worker_leases_only_the_receipt_it_is_mailing(make_app, comment, clock, rdb, prefix):
    """Leased 20 at a time, the last receipts of a pass against a slow server (SMTP_TIMEOUT each) outlasted their
    lease while the first were mailed, and a second worker took and mailed them again. The server here counts, as
    each message arrives, the receipts leased beyond the clock: only the one being mailed."""
    from aiosmtpd.controller import Controller

    from tests.support.servers import free_port

    leased_while_mailing = []
    key = f"{prefix}{{test}}:rq:receipts"

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            leased_while_mailing.append(rdb.zcount(key, f"({int(clock.now * 1000)}", "+inf"))
            return "250 OK"

    port = free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        app = with_clock(make_app(SMTP_URL=f"smtp://127.0.0.1:{port}", RATE_LIMITS=""), clock)
        client = app.test_client()
        filed = [file(client, request_body([post_comment(client, comment)])).json["id"] for _ in range(3)]
        run_worker(app, once=True)
    finally:
        controller.stop()
    assert leased_while_mailing == [1, 1, 1]
    assert [actions(app, request_id) for request_id in filed] == [["received", "receipt_sent"]] * 3
