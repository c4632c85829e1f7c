"""The requester's notice by real SMTP (aiosmtpd) dates the receipt and the decision as the receipt page does
(JST), never as a UTC ISO stamp: the page said 2026-12-03 01:35:01 JST and the mail "受付 2026-12-02T16:35:01.607Z"."""

import re
from datetime import UTC, datetime

from moderation.rights import process
from tests.test_requests import Mailbox, file, post_comment, request_body, with_clock
from tests.test_requests import clock as clock
from tests.test_requests import mailbox as mailbox


def test_the_notice_dates_the_receipt_and_the_decision_in_the_receipt_pages_time(make_app, mailbox: Mailbox,
                                                                                 comment, clock):
    clock.now = datetime(2026, 12, 2, 16, 35, 1, tzinfo=UTC).timestamp()  # 2026-12-03 01:35:01 JST
    app = with_clock(make_app(SMTP_URL=mailbox.url, SMTP_FROM="newsroom@example.jp", RATE_LIMITS=""), clock)
    client = app.test_client()
    request_id = file(client, request_body([post_comment(client, comment)])).json["id"]
    receipt = client.get(f"/requests/{request_id}?site=test").text
    assert "2026-12-03 01:35:01 JST" in receipt
    clock.advance(days=2.5)  # decided 2026-12-05 13:35:01 JST
    with app.app_context():
        process.decide("test", request_id, "removed", "hanako", criterion="基準2", reason="削除しました。")
    [(_, _, message)] = mailbox.messages
    text = message.get_content()
    assert "受付 2026-12-03 01:35:01 JST" in text and "判断 2026-12-05 13:35:01 JST" in text, text
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", text), text  # no UTC ISO stamp for a reader
