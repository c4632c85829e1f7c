"""A reader's or a site's unbroken name or title in the moderators' tables, in a real headless Chromium (ja-JP, 1280
px): an author name of 128 letters and an article title of 300 (the API's limits) widened the search results' and
the readers' reports' tables to 2,016-3,683 px and the articles' to 2,843 px (audit s40): the reports' author and
count columns and every article's mode buttons were out of sight, past the table's horizontal scroll."""

import json

import pytest

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
