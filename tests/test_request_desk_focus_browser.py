"""A removal request's page in a real headless Chromium (ja-JP, 1280x800): a comment of 5,000 characters of spam
scrolls in its own box (the queue card's .text) so the decision form stays in reach."""

import pytest

from tests.support.app import API_KEY
from tests.support.browser import needs_chromium
from tests.test_request_browser import login

pytestmark = [pytest.mark.slow, pytest.mark.browser, needs_chromium]
AUTH = {"Authorization": f"Bearer {API_KEY}"}
VIEWPORT = 800
# hostile spam: its markup stays text; 5,000 characters of it put the decision form ~2,300 px down at 1280x800
SPAM = ("激安ブランド品が今だけ90%OFF!<b>限定</b><script>alert(1)</script> http://spam.example/buy 今すぐ! " * 100)[
    :5000]


@pytest.fixture
def request_page(browser, live_server, accounts, comment):
    """(page, console problems): a moderator on the page of a request naming one 5,000-character spam comment."""
    base, app = live_server(RATE_LIMITS="", THRESHOLDS={"spam": {"review": 1.01, "reject": 1.01},
                                                        "abuse": {"review": 1.01, "reject": 1.01}})
    api = app.test_client()
    body = comment(SPAM)
    assert api.post("/api/v1/comments", json=body, headers=AUTH).status_code == 200
    filed = api.post("/api/v1/requests", headers=AUTH, json={
        "requester": {"name": "山田 花子", "email": "hanako@example.jp", "relation": "self"},
        "comments": [body["id"]], "right": "reputation", "explanation": "根拠なく詐欺師と書かれています。"})
    assert filed.status_code == 201, filed.text
    page, problems = login(browser, base, f"/review/requests/{filed.json['id']}")
    yield page, problems
    page.context.close()


def test_a_long_spam_comment_scrolls_in_the_cards_box_and_the_form_stays_in_reach(request_page):
    page, problems = request_page
    quote = page.locator(".request-comment blockquote")
    assert quote.text_content() == SPAM  # all of it, as text: the markup ran nothing and made no element
    assert quote.locator("b, script").count() == 0
    sizes = quote.evaluate("e => [e.scrollHeight, e.clientHeight, getComputedStyle(e).overflowY]")
    assert sizes[0] > 2 * sizes[1] and sizes[2] == "auto"  # it scrolls in its own box (was 4 screens of page)
    assert quote.bounding_box()["height"] < VIEWPORT / 2
    form = page.locator(".decide-form").bounding_box()
    assert form["y"] < 2 * VIEWPORT, form  # the decision form within two screens of the top
    assert problems == []
