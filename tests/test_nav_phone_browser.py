"""The moderators' navigation on a 390 px phone in a real headless Chromium: every link on one line, whole (the
links once shrank side by side until 審査キュー, しきい値 and アカウント stood one character a line)."""

import pytest

from moderation.store.moderators import Moderators
from tests.support.app import API_KEY
from tests.support.browser import needs_chromium
from tests.support.thresholds import FLAG_ALL

from .test_review_browser import PASSWORD, logged_in_page

pytestmark = [pytest.mark.slow, pytest.mark.browser, needs_chromium]


@pytest.mark.parametrize("locale", ["ja-JP", "en-US"])
def test_every_navigation_link_stays_on_one_line_on_a_phone(browser, live_server, rdb, prefix, locale, tmp_path):
    base, _ = live_server(THRESHOLDS=FLAG_ALL, RATE_LIMITS="", API_KEYS=f"test:{API_KEY}")
    Moderators(rdb, prefix).add("taro", PASSWORD, "admin")  # an admin sees every link
    page = logged_in_page(browser, base, "taro", locale=locale)
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("/review", "/review/requests", "/review/history"):
        page.goto(f"{base}{path}")
        page.screenshot(path=str(tmp_path / f"{path.strip('/').replace('/', '-')}.png"), full_page=True)
        links = page.eval_on_selector_all(".nav a", """links => links.map(a => {
            const box = a.getBoundingClientRect();
            return [a.textContent.trim(), box.height, parseFloat(getComputedStyle(a).lineHeight) || 20, box.right];
        })""")
        assert len(links) >= 9, links
        for text, height, line, right in links:
            assert height < 1.5 * line and right <= 390, (path, text, height, line, right)
        wide = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert wide[0] <= wide[1], (path, wide)
    page.context.close()
