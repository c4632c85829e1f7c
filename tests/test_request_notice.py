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


def test_the_notice_of_an_appeals_decision_says_it_follows_the_posters_appeal(make_app, mailbox: Mailbox, comment,
                                                                            clock):
    """The requester first hears 削除しました, then, after the poster's appeal and another moderator's decision,
    削除しませんでした: the second mail says why a second answer came."""
    app = with_clock(make_app(SMTP_URL=mailbox.url, SMTP_FROM="newsroom@example.jp", RATE_LIMITS=""), clock)
    client = app.test_client()
    request_id = file(client, request_body([post_comment(client, comment)])).json["id"]
    with app.app_context():
        process.decide("test", request_id, "removed", "hanako", criterion="基準2", reason="削除しました。")
        clock.advance(days=1)
        process.appeal("test", request_id, "報道で公になっている事実です。")
        clock.advance(days=2)
        process.decide("test", request_id, "not_removed", "jiro", criterion="基準5", reason="公益目的の論評です。")
    first, second = (message for _, _, message in mailbox.messages)
    assert "異議" not in first["Subject"] and "異議" not in first.get_content()
    assert second["Subject"].endswith("への回答(異議を受けての再判断)")
    text = second.get_content()
    assert "投稿者から異議の申立てがあり(" in text and "別の担当者が改めて判断しました。" in text
    assert "削除しませんでした" in text and "not_removed after the poster's appeal." in text
