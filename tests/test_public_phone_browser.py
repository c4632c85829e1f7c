"""The public pages (request form, receipt, criteria, transparency report) on a 390 px phone in a real headless
Chromium: nothing makes the page scroll sideways (the report's outcomes-by-right table once made it 553 px wide,
past its own header), and every table can still be read whole, scrolled inside its own box."""

import pytest

from moderation.rights import process
from tests.support.app import API_KEY
from tests.support.browser import needs_chromium, watched_page

pytestmark = [pytest.mark.slow, pytest.mark.browser, needs_chromium]
AUTH = {"Authorization": f"Bearer {API_KEY}"}


@pytest.mark.parametrize("locale", ["ja-JP", "en-US"])
def test_no_public_page_scrolls_sideways_on_a_phone(browser, live_server, comment, locale, tmp_path):
    base, app = live_server(RATE_LIMITS="")
    api = app.test_client()
    body = comment("この店主は客を騙している詐欺師だ。")
    assert api.post("/api/v1/comments", json=body, headers=AUTH).status_code == 200
    filed = api.post("/api/v1/requests", headers=AUTH, json={
        "requester": {"name": "山田 花子", "email": "hanako@example.jp", "relation": "self"},
        "comments": [body["id"]], "right": "reputation", "explanation": "根拠なく詐欺師と書かれています。"}).json
    with app.app_context():
        process.decide("test", filed["id"], "removed", "hanako", criterion="privacy",
                       reason="削除しました。")
    for name, path in (("form", "/requests/new"), ("receipt", f"/requests/{filed['id']}"), ("policy", "/policy"),
                       ("transparency", "/transparency")):
        page, problems = watched_page(browser, f"{base}{path}", locale=locale, width=390, height=844)
        page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
        wide = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert wide[0] <= wide[1], (name, wide)
        for box in page.eval_on_selector_all("table", """tables => tables.map(t => {
                const holder = t.parentElement;
                return [t.getBoundingClientRect().width, holder.scrollWidth, holder.clientWidth,
                        getComputedStyle(holder).overflowX];
            })"""):
            table, reach, shown, overflow = box
            assert reach >= table - 1 and (reach <= shown + 1 or overflow in ("auto", "scroll")), (name, box)
        assert problems == [], (name, problems)
        page.context.close()
