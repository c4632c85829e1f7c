"""SITE_NAMES: the public pages and the requester's mail name the site as its readers know it, not by the key name
of its API key (audit-s21 F16: the request form was headed "example-news"; the mail's subject "[example-news]")."""

import pytest

from moderation.rights import process
from moderation.settings import SettingsError
from tests.test_requests import Mailbox, file, post_comment, request_body, with_clock
from tests.test_requests import clock as clock
from tests.test_requests import mailbox as mailbox

NAME = "例示新聞 <b>デジタル</b>"


def test_the_public_pages_and_the_mail_carry_the_sites_name(make_app, mailbox: Mailbox, comment, clock):
    app = with_clock(make_app(SITE_NAMES={"test": NAME}, SMTP_URL=mailbox.url, SMTP_FROM="news@example.jp",
                              RATE_LIMITS=""), clock)
    client = app.test_client()
    request_id = file(client, request_body([post_comment(client, comment)])).json["id"]
    for path in ("/requests/new", f"/requests/{request_id}", "/policy", "/transparency"):
        page = client.get(path).text
        assert '<div class="brand"><bdi>例示新聞 &lt;b&gt;デジタル&lt;/b&gt;</bdi></div>' in page, path
    with app.app_context():
        process.decide("test", request_id, "removed", "hanako", criterion="privacy", reason="削除しました。")
    [(_, _, message)] = mailbox.messages
    assert message["Subject"].startswith(f"[{NAME}] 送信防止措置のご依頼 {request_id}")


def test_without_a_name_the_key_name_heads_them(make_app):
    assert '<div class="brand"><bdi>test</bdi></div>' in make_app().test_client().get("/requests/new").text


@pytest.mark.parametrize("names", ['{"test": ""}', '{"test": "a\\u0007b"}', '{"test": "' + "x" * 101 + '"}', "[1]"])
def test_a_name_that_cannot_head_a_page_stops_start_up(make_app, names):
    with pytest.raises(SettingsError, match="SITE_NAMES"):
        make_app(SITE_NAMES=names)
