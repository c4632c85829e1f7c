"""The requester's notice by real SMTP (aiosmtpd) dates the receipt and the decision as the receipt page does
(JST), never as a UTC ISO stamp: the page said 2026-12-03 01:35:01 JST and the mail "受付 2026-12-02T16:35:01.607Z"."""

import re
from datetime import UTC, datetime

import pytest

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
        process.decide("test", request_id, "removed", "hanako", criterion="privacy", reason="削除しました。")
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
        process.decide("test", request_id, "removed", "hanako", criterion="privacy", reason="削除しました。")
        clock.advance(days=1)
        process.appeal("test", request_id, "報道で公になっている事実です。")
        clock.advance(days=2)
        process.decide("test", request_id, "not_removed", "jiro", criterion="public_interest",
                       reason="公益目的の論評です。")
    first, second = (message for _, _, message in mailbox.messages)
    assert "異議" not in first["Subject"] and "異議" not in first.get_content()
    assert second["Subject"].endswith("への回答(異議を受けての再判断)")
    text = second.get_content()
    assert "投稿者から異議の申立てがあり(" in text and "別の担当者が改めて判断しました。" in text
    assert "削除しませんでした" in text and "not_removed after the poster's appeal." in text


def test_the_notice_links_the_criteria_under_the_public_url_and_the_link_serves_them(make_app, mailbox: Mailbox,
                                                                                      comment, clock):
    """The notice said "当サイトの /policy で公開しています": a bare path, no link in a mail client. With PUBLIC_URL
    it is an absolute link (Japanese line and English line), and that link's path serves the criteria page."""
    from urllib.parse import urlsplit

    client, text = _notice_of_a_decision(make_app, mailbox, comment, clock, "removed", criterion="privacy",
                                         reason="削除しました。", PUBLIC_URL="https://moderation.example.com/")
    link = "https://moderation.example.com/policy?site=test"
    assert f"次のページで公開しています。\n{link}\n" in text and f"Removal criteria: {link}" in text, text
    assert not re.search(r"(?<![\w/.:])/policy", text), text  # no bare path left
    page = client.get(f"{urlsplit(link).path}?{urlsplit(link).query}")
    assert page.status_code == 200 and "<h1>送信防止措置の実施基準</h1>" in page.text


def test_without_a_public_url_the_notice_names_the_criteria_without_a_bare_path(make_app, mailbox: Mailbox, comment,
                                                                              clock):
    _, text = _notice_of_a_decision(make_app, mailbox, comment, clock, "not_removed", criterion="public_interest",
                                    reason="論評です。")
    assert "「送信防止措置の実施基準」として公開しています。" in text
    assert "/policy" not in text and "http" not in text, text


def _notice_of_a_decision(make_app, mailbox, comment, clock, decision, *, criterion, reason, **config):
    """File a request about one comment, decide it, and return the client and the one notice mail's text."""
    app = with_clock(make_app(SMTP_URL=mailbox.url, SMTP_FROM="newsroom@example.jp", RATE_LIMITS="", **config), clock)
    client = app.test_client()
    request_id = file(client, request_body([post_comment(client, comment)])).json["id"]
    with app.app_context():
        process.decide("test", request_id, decision, "hanako", criterion=criterion, reason=reason)
    [(_, _, message)] = mailbox.messages
    return client, message.get_content()


def test_a_public_url_under_a_path_keeps_it(make_app):
    from moderation.rights import links

    app = make_app(PUBLIC_URL="https://news.example.jp/moderation/")
    with app.app_context():
        assert links.policy_link("test") == "https://news.example.jp/moderation/policy?site=test"
        assert links.receipt_link("other", "R-20261102-ABCDEFGH") == \
            "https://news.example.jp/moderation/requests/R-20261102-ABCDEFGH?site=other"


@pytest.mark.parametrize("value", ["moderation.example.com", "javascript:alert(1)", "https://x.example/?a=1",
                                   "https://x.example/#top", "https:///policy", "https://x.example/a b",
                                   "https://moderation.example.com@evil.example/", "https://user:pw@x.example/",
                                   "https://x.example/\u202e", "https://x.exa\x85mple/", "https://x.example:abc/"])
def test_start_up_refuses_a_public_url_that_is_not_an_http_address(make_app, value):
    from moderation.settings import SettingsError

    with pytest.raises(SettingsError, match="MODERATION_PUBLIC_URL") as refused:
        make_app(PUBLIC_URL=value)
    assert "pw" not in str(refused.value)  # a user part's password is never printed


def test_the_notice_of_a_partial_removal_says_which_comments_were_removed(make_app, mailbox: Mailbox, comment, clock):
    """一部を削除しました alone left the requester guessing which comments went: the notice lists the removed and
    the kept ones, a comment the service does not hold marked as the site's to take down or to put back."""
    app = with_clock(make_app(SMTP_URL=mailbox.url, SMTP_FROM="newsroom@example.jp", RATE_LIMITS=""), clock)
    client = app.test_client()
    first, second = post_comment(client, comment), post_comment(client, comment)
    old = "https://news.example.jp/articles/7#comment-c-2025-0001"
    request_id = file(client, request_body([first, second, old])).json["id"]
    with app.app_context():
        process.decide("test", request_id, "partially_removed", "hanako", criterion="privacy", reason="一部削除。",
                       selected=[first, old])
        process.appeal("test", request_id, "取材に基づく事実です。")
        clock.advance(days=1)
        process.decide("test", request_id, "partially_removed", "jiro", criterion="privacy", reason="再判断。",
                       selected=[first])
    decided, appealed = (message.get_content() for _, _, message in mailbox.messages)
    assert (f"削除したコメント:\n- {first}\n- {old}(サイトが削除します)\n\n"
            f"削除しなかったコメント:\n- {second}\n\n理由:\n一部削除。") in decided, decided
    assert "Removed 2 of 3 comment(s)." in decided
    assert (f"削除したコメント:\n- {first}\n\n"
            f"削除しなかったコメント:\n- {second}\n- {old}(サイトが表示を元に戻します)\n\n") in appealed, appealed
    assert "Removed 1 of 3 comment(s)." in appealed
