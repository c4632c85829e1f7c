"""The public receipt page (/requests/<number>) said nothing about the comments the service does not hold, though
the receipt mail and the moderators' pages did: the requester could not tell that those are checked on the site. It
now lists them (as given, escaped) with what became of each: to be checked, removed by the site, not removed, or put
back by the site after the poster's appeal (restored), Japanese first and in English."""

import re

import pytest

from moderation.rights import process
from moderation.store.removal_requests import get_requests
from tests.support.app import API_KEY
from tests.support.browser import needs_chromium, watched_page
from tests.test_request_not_held import HOSTILE_URL
from tests.test_request_pages import no_inline_code
from tests.test_requests import file, post_comment, request_body, with_clock

AUTH = {"Authorization": f"Bearer {API_KEY}"}

OLD_URL = "https://news.example.jp/articles/7#comment-c-2025-0001"
ESCAPED = "https://news.example.jp/a/9?c=&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture
def clock():
    from datetime import UTC, datetime

    from tests.test_requests import FakeClock

    return FakeClock(datetime(2026, 11, 2, 1, 0, tzinfo=UTC).timestamp())


def states(client, request_id, lang="ja"):
    page = client.get(f"/requests/{request_id}?site=test&lang={lang}")
    assert page.status_code == 200, page.text
    no_inline_code(page.text)
    assert "<script>alert(1)" not in page.text
    items = re.findall(r'<li data-state="([a-z]+)"><code class="not-held-reference">([^<]*)</code><br>'
                       r'<span class="not-held-state">([^<]*)</span></li>', page.text)
    return page.text, [(reference, state, words) for state, reference, words in items]


def test_the_receipt_says_which_comments_are_not_held_and_what_became_of_each(app, client, comment, clock):
    with_clock(app, clock)
    held = post_comment(client, comment)
    request_id = file(client, request_body([held, OLD_URL, HOSTILE_URL, "c-2025-0002"])).json["id"]
    page, items = states(client, request_id)
    assert "対象のコメント4件のうち、次の3件は本サービスに保存されていません" in page
    assert items == [(OLD_URL, "pending", "サイト上で確認します。"), (ESCAPED, "pending", "サイト上で確認します。"),
                     ("c-2025-0002", "pending", "サイト上で確認します。")]
    assert f'<a href="{OLD_URL}' not in page  # named, never linked: the reference is the requester's text
    english, items = states(client, request_id, "en")
    assert "Comments named: 4. Not held by this service (past its storage period, or never sent to it): 3," in english
    assert "comment(s)" not in english and "these 3" not in english  # reads right for one as for three (session 26)
    assert items[0] == (OLD_URL, "pending", "To be checked on the site.")

    with app.app_context():
        process.decide("test", request_id, "partially_removed", "hanako", criterion="privacy", reason="一部削除。",
                       selected=[OLD_URL, "c-2025-0002"])
    _, items = states(client, request_id)
    assert [(r, s) for r, s, _ in items] == [(OLD_URL, "removed"), (ESCAPED, "kept"), ("c-2025-0002", "removed")]
    assert items[0][2] == "削除すると判断しました。サイトが削除します。" and items[1][2] == "削除しないと判断しました。"

    with app.app_context():  # the poster objects; a second moderator keeps only c-2025-0002 removed
        process.appeal("test", request_id, "取材に基づく事実です。")
        clock.advance(days=1)
        process.decide("test", request_id, "partially_removed", "jiro", criterion="privacy", reason="再判断しました。",
                       selected=[held, "c-2025-0002"])
        record = get_requests("test").get(request_id)
    assert record["restored_not_held"] == [OLD_URL]
    decision = client.get(f"/api/v1/requests/{request_id}", headers=AUTH).json["decision"]  # the site reads it too
    assert (decision["removed_not_held"], decision["restored_not_held"]) == (["c-2025-0002"], [OLD_URL])
    page, items = states(client, request_id)
    assert [(r, s) for r, s, _ in items] == [(OLD_URL, "restored"), (ESCAPED, "kept"), ("c-2025-0002", "removed")]
    assert items[0][2] == "投稿者の異議を受けた再判断で削除しないことになりました。サイトが表示を元に戻します。"
    _, english = states(client, request_id, "en")
    assert english[0][2] == "Not removed after the poster&#39;s appeal: the site puts it back."


def test_a_receipt_naming_only_held_comments_has_no_such_section(app, client, comment):
    request_id = file(client, request_body([post_comment(client, comment)])).json["id"]
    page, items = states(client, request_id)
    assert items == [] and 'id="not-held"' not in page and 'id="request-id"' in page


@pytest.mark.slow
@pytest.mark.browser
@needs_chromium
def test_chromium_shows_the_references_verbatim_and_a_long_one_wraps_on_a_phone(browser, live_server, comment):
    from tests.support.browser import shot_folder

    base, app = live_server(RATE_LIMITS="")
    client = app.test_client()
    long_url = "https://news.example.jp/articles/" + "a" * 300 + "#comment-c-2025-0003"
    request_id = file(client, request_body([post_comment(client, comment), HOSTILE_URL, long_url])).json["id"]
    with app.app_context():
        process.decide("test", request_id, "partially_removed", "hanako", criterion="privacy", reason="一部削除。",
                       selected=[long_url])
    for width, shot in ((1280, "request-receipt-not-held.png"), (390, "request-receipt-not-held-phone.png")):
        page, problems = watched_page(browser, f"{base}/requests/{request_id}?site=test", width=width)
        references = page.locator(".not-held-reference").all_inner_texts()
        assert references == [HOSTILE_URL, long_url]  # the requester's text, shown as text
        assert page.locator(".not-held-state").all_inner_texts() == ["削除しないと判断しました。",
                                                                     "削除すると判断しました。サイトが削除します。"]
        assert page.locator("main script, main img, #not-held a").count() == 0
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # a long one wraps (code)
        page.screenshot(path=str(shot_folder() / shot), full_page=True)
        assert problems == []
        page.context.close()
