"""The articles page in a real headless Chromium: a closed article, keyboard-only mode change, the queue link."""

import json

import pytest

from tests.support.browser import needs_chromium, shot_folder
from tests.test_articles_page import AUTH, BREAKER, CLEAN, HOLD, XSS, flood
from tests.test_review_browser import logged_in_page

pytestmark = [pytest.mark.slow, pytest.mark.browser, needs_chromium]


def test_articles_page_shows_a_closed_article_and_reopens_it_by_keyboard(browser, live_server, accounts, comment,
                                                                         tmp_path):
    base, app = live_server(ARTICLE_BREAKER=json.dumps(BREAKER), RATE_LIMITS="", THRESHOLDS=HOLD)
    api = flood(app, comment)
    shots = shot_folder(tmp_path)
    page = logged_in_page(browser, base, "hanako")
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{base}/review/articles")
    first = page.locator("#articles tbody tr").first
    assert first.get_attribute("data-mode") == "closed"
    assert "受付停止" in first.inner_text() and "自動(急増検知)" in first.inner_text()
    assert XSS.split("\u202e")[0] in first.locator(".article-title").inner_text()  # shown as text, not run
    assert page.evaluate("() => window.__xss === undefined && !document.querySelector('#articles img')")
    page.screenshot(path=str(shots / "articles-closed-wide.png"), full_page=True)

    phone = logged_in_page(browser, base, "hanako")
    phone.set_viewport_size({"width": 390, "height": 844})
    phone.goto(f"{base}/review/articles")
    phone.screenshot(path=str(shots / "articles-narrow.png"), full_page=True)
    overlaps = phone.evaluate("""() => {
        const boxes = [...document.querySelectorAll('#articles tbody td > *')].map(e => e.getBoundingClientRect());
        let n = 0;
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i], b = boxes[j];
            const apart = a.right - 1 <= b.left || b.right - 1 <= a.left
                || a.bottom - 1 <= b.top || b.bottom - 1 <= a.top;
            if (a.width && b.width && !apart) n++;
        }
        return n;
    }""")
    assert overlaps == 0

    page.keyboard.press("j")
    assert page.evaluate("() => document.activeElement.dataset.mode") == "closed"
    page.keyboard.press("o")
    assert page.evaluate("() => document.activeElement.value") == "open"
    page.keyboard.press("Enter")
    page.wait_for_selector(".notice-ok")
    assert "モードを「公開」に変更しました。" in page.inner_text(".notice-ok")
    assert api.get("/api/v1/articles/hot", headers=AUTH).json["set_by_name"] == "hanako"
    reopened = page.locator("#articles tr.active")
    assert reopened.get_attribute("data-mode") == "open" and "hanako" in reopened.inner_text()
    page.keyboard.press("q")
    page.wait_for_url(f"{base}/review?site=test&article=hot")
    page.wait_for_selector(".card")
    assert page.input_value('input[name="article"]') == "hot"
    # A clean comment on a premoderated article: the card says the article's mode held it.
    assert api.put("/api/v1/articles/calm", json={"mode": "premoderated"}, headers=AUTH).status_code == 200
    assert api.post("/api/v1/comments", json=comment(CLEAN, article_id="calm"), headers=AUTH).json[
        "reason"] == "article_premoderated"
    page.goto(f"{base}/review?site=test&article=calm")
    assert "記事が事前承認中のため保留されました" in page.wait_for_selector(".card .rule").inner_text()
    page.screenshot(path=str(shots / "card-rule.png"), full_page=True)
    assert problems == []

