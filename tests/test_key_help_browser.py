"""The keyboard help of the queue and the articles page in a real headless Chromium: every key stands in its own
column and every description starts at the same place, in Japanese and English (a long description once shrank its
key's column, and 1–9 0 ran into its own description)."""

import pytest

from tests.support.browser import needs_chromium

from .test_review_browser import logged_in_page
from .test_review_desk_browser import start

pytestmark = [pytest.mark.slow, pytest.mark.browser, needs_chromium]


def rows_of(page):
    """(key column's right edge, the keys' right edge, description's left edge) of each row of the open help."""
    return page.eval_on_selector_all("#help .keys > div", """rows => rows.map(row => {
        const dt = row.querySelector('dt').getBoundingClientRect();
        const dd = row.querySelector('dd').getBoundingClientRect();
        const keys = Math.max(...[...row.querySelectorAll('dt kbd')].map(k => k.getBoundingClientRect().right));
        return [dt.right, keys, dd.left];
    })""")


@pytest.mark.parametrize("locale", ["ja-JP", "en-US"])
@pytest.mark.parametrize("path", ["/review", "/review/articles"])
def test_every_keys_description_starts_in_one_column_clear_of_the_keys(browser, live_server, rdb, prefix, locale,
                                                                       path, tmp_path):
    base, _ = start(live_server, rdb, prefix)
    page = logged_in_page(browser, base, "hanako", locale=locale)
    page.goto(f"{base}{path}")
    page.keyboard.press("?")
    page.wait_for_selector("#help", state="visible")
    rows = rows_of(page)
    assert len(rows) >= 7, rows
    assert all(keys <= dt_right + 0.5 and dt_right < dd_left for dt_right, keys, dd_left in rows), rows
    assert max(dd_left for *_, dd_left in rows) - min(dd_left for *_, dd_left in rows) < 0.5, rows
    page.screenshot(path=str(tmp_path / "help.png"))
    page.context.close()
