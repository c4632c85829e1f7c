"""The review card's author standing in a real headless Chromium: shown, then changed with the keyboard alone."""

import json

import pytest

from tests.support.app import API_KEY
from tests.support.browser import needs_chromium, shot_folder
from tests.test_card_standing import STANDING
from tests.test_review_browser import logged_in_page, queue_comment

pytestmark = [pytest.mark.slow, pytest.mark.browser, needs_chromium]


def test_a_moderator_suspends_an_author_from_the_card_by_keyboard(browser, live_server, accounts, comment,
                                                                   thresholds, tmp_path):
    base, app = live_server(AUTHOR_STANDING=json.dumps(STANDING), THRESHOLDS=thresholds.flag_all, RATE_LIMITS="")
    api = app.test_client()
    queue_comment(api, comment, author={"id": "troll-1", "name": "<img src=x onerror=alert(1)>荒らし"})
    shots = shot_folder(tmp_path)
    page = logged_in_page(browser, base, "hanako")
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    card = page.wait_for_selector(".card.active")
    assert card.query_selector(".standing-badge").inner_text() == "通常"
    assert "<img src=x" in card.query_selector(".author-name").inner_text()  # text, not markup
    assert not page.query_selector(".card img")
    page.keyboard.press("t")
    assert page.evaluate("() => document.activeElement.className") == "standing-select"
    page.select_option(".card.active .standing-select", "suspended")  # what arrow keys do in the open list
    page.keyboard.press("Tab")
    page.keyboard.type("3")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.dataset.action") == "standing"
    page.keyboard.press("Enter")
    page.wait_for_selector(".card.active .standing-badge.standing-suspended")
    assert "投稿者の状態を「投稿停止」に変更しました。" in page.inner_text("#notices")
    assert "まで" in page.inner_text(".card.active .standing-detail")
    page.screenshot(path=str(shots / "card-standing.png"), full_page=True)
    author = api.get("/api/v1/authors/troll-1", headers={"Authorization": f"Bearer {API_KEY}"}).json
    assert (author["standing"], author["set_by_name"]) == ("suspended", "hanako") and author["until"]
    assert problems == []
