"""A card says when readers reported the comment, how often and why: a published comment that reports sent to the
queue has every score below review, so without it the moderator sees no reason for the card (real headless
Chromium, a live app, a real redis-server)."""

import pytest

from moderation.pages.cards import card
from moderation.store.moderators import Moderators
from tests.support.app import API_KEY
from tests.support.browser import needs_chromium
from tests.support.thresholds import FLAG_NONE

from .test_review_browser import AUTH, PASSWORD, logged_in_page
from .test_review_desk import harm_record


def test_a_card_carries_the_reports_and_their_latest_reason():
    record = {**harm_record("r-1"), "reports": "2", "last_report": "spam"}
    assert (card(record, {})["reports"], card(record, {})["last_report"]) == (2, "spam")
    assert (card(harm_record("r-2"), {})["reports"], card(harm_record("r-2"), {})["last_report"]) == (0, "")
    assert card({**record, "last_report": "<b>"}, {})["last_report"] == ""  # only a report reason


@pytest.mark.slow
@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize(("locale", "said"), [("ja-JP", "読者から通報されました(2件、最新の理由: 暴言)"),
                                              ("en-US", "Reported by readers (2; latest reason: abuse)")])
def test_in_chromium_a_reported_comments_card_says_readers_reported_it(browser, live_server, rdb, prefix, comment,
                                                                        locale, said):
    base, app = live_server(THRESHOLDS=FLAG_NONE, RATE_LIMITS="", API_KEYS=f"test:{API_KEY}")
    Moderators(rdb, prefix).add("hanako", PASSWORD, "moderator")
    api = app.test_client()
    body = comment("開館が楽しみです。")
    assert api.post("/api/v1/comments", json=body, headers=AUTH).json["decision"] == "allow"
    for reporter, reason in (("reader-1", "spam"), ("reader-2", "abuse")):
        response = api.post(f"/api/v1/comments/{body['id']}/reports", json={"reason": reason, "reporter_id": reporter},
                            headers=AUTH)
        assert response.status_code == 202, response.text
    page = logged_in_page(browser, base, "hanako", locale=locale)
    shown = page.wait_for_selector(f'[data-comment-id="{body["id"]}"]')
    assert shown.query_selector(".reported").is_visible() and shown.query_selector(".reported").inner_text() == said
    page.context.close()
