"""A reader's or a site's unbroken name or title in the moderators' tables, in a real headless Chromium (ja-JP, 1280
px): an author name of 128 letters and an article title of 300 (the API's limits) widened the search results' and
the readers' reports' tables to 2,016-3,683 px and the articles' to 2,843 px (audit s40): the reports' author and
count columns and every article's mode buttons were out of sight, past the table's horizontal scroll."""

import json

import pytest

from moderation.store.review_queue import ReviewQueue
from tests.support.app import API_KEY
from tests.support.browser import needs_chromium
from tests.support.thresholds import FLAG_ALL
from tests.test_articles_page import BREAKER
from tests.test_review_browser import logged_in_page

pytestmark = [pytest.mark.slow, pytest.mark.browser, needs_chromium]
AUTH = {"Authorization": f"Bearer {API_KEY}"}
NAME, TITLE, ARTICLE_ID = "n" * 128, "t" * 300, "a" * 128

# every table the page has fits its box; each header cell within it; the first cell of each row's last column too
FITS = """() => [...document.querySelectorAll('.table-wrap')].map(wrap => {
    const box = wrap.getBoundingClientRect(), table = wrap.querySelector('table').getBoundingClientRect();
    const cells = [...wrap.querySelectorAll('th, tbody td:last-child')].map(cell => cell.getBoundingClientRect());
    return {overflow: Math.round(table.width - box.width), hidden: cells.filter(c => c.right > box.right + 1).length};
})"""


@pytest.fixture
def desk(live_server, accounts, comment):
    base, app = live_server(THRESHOLDS=FLAG_ALL, RATE_LIMITS="", ARTICLE_BREAKER=json.dumps(BREAKER))
    api = app.test_client()
    bodies = [comment("この記事の見出しは誤解を招くと思います。", author={"id": "u-long", "name": NAME},
                      article_id=ARTICLE_ID, article_title=TITLE),
              comment("会談の中身がまだ見えないので、続報を待ちたいです。", author={"id": "u-tanaka", "name": "田中"})]
    for body in bodies:
        assert api.post("/api/v1/comments", json=body, headers=AUTH).status_code == 200
        assert api.post(f"/api/v1/comments/{body['id']}/reports", json={"reason": "abuse", "reporter_id": "r-5"},
                        headers=AUTH).status_code == 202
    return base, bodies[0]["id"]


def test_a_long_unbroken_author_name_or_article_title_keeps_every_table_within_the_page(browser, desk):
    base, comment_id = desk
    page = logged_in_page(browser, base, "taro")
    for path in (f"/review/search?q={comment_id}", "/review/search?q=u-long", "/review/reports", "/review/articles"):
        page.goto(f"{base}{path}")
        assert page.locator("tbody tr").count() >= 1, path
        assert page.evaluate(FITS) == [{"overflow": 0, "hidden": 0}], path
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 1280, path
    # the articles' mode stays a word: squeezed beside the title the column once broke it 公 / 開
    badge = page.locator(".mode-badge").first
    line = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.mode-badge')).lineHeight)")
    assert badge.bounding_box()["height"] < 1.6 * line
    page.context.close()


def test_on_a_phone_the_history_scrolls_in_its_table_and_a_moderators_name_stays_whole(browser, desk, rdb, prefix):
    """At 390 px the admin's history scrolled the whole page 237 px sideways (the reopen column's hidden labels were
    placed by the page, outside the table's scroll box), and with names breaking anywhere hanako read han / ako."""
    base, comment_id = desk
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    assert comment_id in {item["id"] for item in queue.claim("hanako", 10)}
    queue.decide(comment_id, "approve", "hanako")
    page = logged_in_page(browser, base, "taro")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base}/review/history")
    who = page.locator(f'tr[data-comment-id="{comment_id}"] td').nth(1)
    assert who.inner_text() == "hanako"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390  # the table scrolls in its own box
    line = who.evaluate("td => parseFloat(getComputedStyle(td).lineHeight)")
    assert who.locator("bdi").bounding_box()["height"] < 1.6 * line  # one line
    page.context.close()


def test_a_long_authors_panel_on_the_queue_card_stays_within_the_page(browser, desk):
    """o opens the author's panel, titled 「<name> さんの最近のコメント」: a 128-letter name ran past the card and put
    the queue 281 px sideways at 1280 px (audit s40)."""
    base, comment_id = desk
    page = logged_in_page(browser, base, "hanako")
    card = page.locator(f'.card[data-comment-id="{comment_id}"]')
    card.click()
    page.keyboard.press("o")
    title = card.locator(".author-panel-title")
    title.wait_for()
    assert NAME in title.inner_text()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 1280
    assert title.bounding_box()["x"] + title.bounding_box()["width"] <= card.bounding_box()["x"] + \
        card.bounding_box()["width"]
    page.context.close()
