"""A removal request about a comment the service no longer holds (a published comment's record is gone after
PUBLISHED_TTL_DAYS, 30) was refused with 400 "not a comment of this site", though the comment still stood on the
site: now it is received with the reference as given, marked for the moderators, due in 7 days like any other, told
to the site, counted in the transparency report, and removable by the site through request.decided."""

import re
from datetime import UTC, date, datetime

import jsonschema_rs
import pytest

from moderation.integrations.outbox import event_body
from moderation.integrations.outbox_worker import run_worker
from moderation.rights import process, transparency
from moderation.store.removal_requests import get_requests
from tests.support.app import API_KEY
from tests.support.moderators import Moderator
from tests.test_request_pages import HOSTILE, form_fields, no_inline_code
from tests.test_requests import file, post_comment, request_body, with_clock
from tests.test_requests import mailbox as mailbox

AUTH = {"Authorization": f"Bearer {API_KEY}"}
HOSTILE_URL = 'https://news.example.jp/a/9?c="><script>alert(1)</script>'


@pytest.fixture
def clock():
    from tests.test_requests import FakeClock

    return FakeClock(datetime(2026, 11, 2, 1, 0, tzinfo=UTC).timestamp())


def request_events(rdb, prefix, kind):
    return [event_body("test", entry_id, fields) for entry_id, fields in rdb.xrange(f"{prefix}{{test}}:events")
            if fields["type"] == kind]


def test_a_request_about_a_comment_past_retention_is_received_marked_due_and_counted(make_app, mailbox, comment, clock,
                                                                                     rdb, prefix, accounts):
    app = with_clock(make_app(SMTP_URL=mailbox.url, RATE_LIMITS="", PUBLIC_URL="https://moderation.example.com"),
                     clock)
    client = app.test_client()
    held, old = post_comment(client, comment, "記事を読みました。"), post_comment(client, comment, "同感です。")
    rdb.delete(f"{prefix}{{test}}:c:{old}")  # the state a published comment's expired record leaves
    old_url = f"https://news.example.jp/articles/7#comment-{old}"
    answer = file(client, request_body([old_url, held, "c-2025-0001", HOSTILE_URL, old_url]))
    assert answer.status_code == 201, answer.text
    assert (answer.json["received_at"], answer.json["due_at"]) == ("2026-11-02T01:00:00.000Z",
                                                                   "2026-11-09T01:00:00.000Z")  # 7 days, as any
    request_id = answer.json["id"]
    state = client.get(f"/api/v1/requests/{request_id}", headers=AUTH).json
    assert state["comments"] == [held] and state["not_held"] == [old_url, "c-2025-0001", HOSTILE_URL]

    # the site hears it (the schema names every field), and the requester's receipt lists it as not held
    [received] = request_events(rdb, prefix, "request.received")
    assert received["data"]["comment_ids"] == [held]
    assert received["data"]["not_held_references"] == [old_url, "c-2025-0001", HOSTILE_URL]
    webhooks = client.get("/api/v1/openapi.json").json["webhooks"]
    schema = webhooks["request.received"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    jsonschema_rs.validator_for(schema).validate(received)
    assert set(received["data"]) <= set(schema["properties"]["data"]["properties"])
    run_worker(app, once=True)
    [(_, _, receipt)] = mailbox.messages
    assert old_url not in receipt.get_content() and HOSTILE_URL not in receipt.get_content()  # no SITE_URLS: counted
    assert "\n- 当サービスに保存されていないコメント 3 件(ご指定の URL・ID はこのメールには記載していません。" \
           "サイト上で確認します)\n" in receipt.get_content()  # (tests/test_request_mail_safety.py)
    assert "about 4 comment(s) of test. 3 of them this service does not hold: we check them on the site." in \
        receipt.get_content()

    # the moderator sees which comments the service does not hold, the references escaped
    hanako = Moderator(app, "hanako")
    listing = hanako.get("/review/requests").text
    row = listing.split(f'data-request-id="{request_id}"')[1].split("</tr>")[0]
    assert '<td>4 <span class="badge not-held-badge">保存外のコメントを含む</span></td>' in row
    page = hanako.get(f"/review/requests/{request_id}").text
    no_inline_code(page)
    assert "<script>alert(1)" not in page
    sections = re.findall(r'<section class="request-comment not-held" data-reference="([^"]*)">(.*?)</section>',
                          page, re.S)
    assert [ref for ref, _ in sections] == [old_url, "c-2025-0001",
                                           "https://news.example.jp/a/9?c=&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"]
    assert all("このコメントは本サービスに保存されていません" in body for _, body in sections)
    # no SITE_URLS: a URL the requester typed is text with its host named, never a link (test_request_browser.py)
    assert f'<code class="reference-text">{old_url}</code>' in sections[0][1] and "<a " not in sections[0][1]
    assert "ホスト news.example.jp" in sections[0][1]
    assert '<code class="reference-text">c-2025-0001</code>' in sections[1][1] and "foreign-url" not in sections[1][1]
    assert f'data-comment-id="{held}"' in page and "comment-not-held" not in page.split("request-comment not-held")[0]

    # decided on the page: the old comment removed by its reference, for the site to take down
    assert hanako.form(f"/review/requests/{request_id}/decide", {
        "site": "test", "outcome": "partially_removed", "remove": old_url, "criterion": "privacy",
        "reason": "名誉毀損に当たると判断し、該当のコメントを削除します。"}).status_code == 303
    [decided] = request_events(rdb, prefix, "request.decided")
    assert decided["data"]["removed_comment_ids"] == [] and decided["data"]["removed_references"] == [old_url]
    # the code, and its words for a site that mails the requester itself
    assert (decided["data"]["criterion"], decided["data"]["criterion_name"]) == (
        "privacy", {"ja": "プライバシーの侵害", "en": "Invasion of privacy"})
    with app.app_context():
        record = get_requests("test").get(request_id)
        report = transparency.report("test", date(2026, 11, 1), date(2026, 11, 30))
    assert record["removed_not_held"] == [old_url] and record["decided_late"] == "0"
    assert report["requests"]["received"] == 1 and report["requests"]["received_not_held"] == 1
    assert report["requests"]["decided_within_deadline"] == 1
    public = client.get("/transparency?site=test&from=2026-11-01&to=2026-11-30").text
    assert '<td class="num" id="received-not-held">1</td>' in public


def test_the_public_form_files_a_comment_the_service_does_not_hold(app, client, comment, clock, rdb, prefix):
    with_clock(app, clock)
    old = post_comment(client, comment)
    rdb.delete(f"{prefix}{{test}}:c:{old}")
    answer = client.post("/requests/new", data=form_fields(client, old, statement=HOSTILE))
    assert answer.status_code == 303, answer.text
    receipt = client.get(answer.headers["Location"])
    assert '<time datetime="2026-11-09T01:00:00Z" id="due-at">2026-11-09 10:00:00 JST</time>' in receipt.text
    request_id = re.search(r'id="request-id">([^<]+)<', receipt.text).group(1)
    with app.app_context():
        stored = get_requests("test").get(request_id)
    assert stored["comments"] == [] and stored["not_held"] == [f"https://news.example.jp/a/1#comment-{old}"]


def test_a_request_only_about_comments_not_held_is_decided_and_counted(app, client, comment, clock, rdb, prefix):
    """No stored comment at all: removed as a whole, nothing for the service to reject, everything for the site."""
    with_clock(app, clock)
    request_id = file(client, request_body(["c-2025-0001", "c-2025-0002"])).json["id"]
    with app.app_context():
        with pytest.raises(Exception, match="some, not all"):
            process.decide("test", request_id, "partially_removed", "hanako", criterion="privacy", reason="一部",
                           selected=["c-2025-0001", "c-2025-0002"])
        late, _ = process.decide("test", request_id, "removed", "hanako", criterion="privacy", reason="削除します。")
        report = transparency.report("test", date(2026, 11, 1), date(2026, 11, 30))
    assert late is False
    [decided] = request_events(rdb, prefix, "request.decided")
    assert decided["data"]["removed_comment_ids"] == []
    assert decided["data"]["removed_references"] == ["c-2025-0001", "c-2025-0002"]
    assert report["requests"]["received_not_held"] == 1 and report["requests"]["outcomes"]["removed"] == 1


def test_an_appeal_that_no_longer_removes_a_comment_not_held_tells_the_site_to_put_it_back(app, client, comment,
                                                                                            clock, rdb, prefix):
    """A held comment the new decision no longer removes goes back to review; one the service does not hold has
    nothing here to reopen, so the site, which took it down by its reference, hears it in restored_references."""
    with_clock(app, clock)
    held = post_comment(client, comment)
    request_id = file(client, request_body([held, "c-2025-0001"])).json["id"]
    with app.app_context():
        process.decide("test", request_id, "removed", "hanako", criterion="privacy", reason="削除します。")
        process.appeal("test", request_id, "取材に基づく事実です。")
        clock.advance(days=1)
        process.decide("test", request_id, "not_removed", "jiro", criterion="public_interest",
                       reason="論評の範囲内です。")
        record = get_requests("test").get(request_id)
    first, second = (e["data"] for e in request_events(rdb, prefix, "request.decided"))
    assert first["removed_references"] == ["c-2025-0001"] and first["restored_references"] == []
    assert second["removed_references"] == [] and second["restored_references"] == ["c-2025-0001"]
    assert record["removed_not_held"] == [] and record["appeal_outcome"] == "not_removed"
    schema = client.get("/api/v1/openapi.json").json["webhooks"]["request.decided"]["post"]["requestBody"][
        "content"]["application/json"]["schema"]
    [event] = request_events(rdb, prefix, "request.decided")[1:]
    jsonschema_rs.validator_for(schema).validate(event)
    assert set(event["data"]) <= set(schema["properties"]["data"]["properties"])
