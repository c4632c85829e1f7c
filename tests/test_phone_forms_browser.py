"""A removal request's page and the admin's category thresholds on a 390 px phone in a real headless Chromium (ja-JP):
an article's unbroken 300-letter title put the request's page 1,200 px sideways, the decision form ran 57 px past the
screen (its select is as wide as the longest criterion), and the categories' names stood two characters a line
beside their two fields (差/別・/ヘイ/ト)."""

import pytest

from tests.support.app import API_KEY
from tests.support.browser import needs_chromium
from tests.support.thresholds import FLAG_ALL
from tests.test_request_browser import login
from tests.test_review_browser import logged_in_page

pytestmark = [pytest.mark.slow, pytest.mark.browser, needs_chromium]
AUTH = {"Authorization": f"Bearer {API_KEY}"}
PHONE = {"width": 390, "height": 844}
WIDE = """() => [document.scrollingElement.scrollWidth,
    ...[...document.querySelectorAll('main *')].filter(e => !e.closest('.table-wrap'))
        .filter(e => e.getBoundingClientRect().right > innerWidth + 1).map(e => e.tagName + '.' + e.className)]"""
# each cell's text and the lines its own text takes (the cell itself is the row's height)
CELL_LINES = """cells => cells.map(th => {
    const range = document.createRange();
    range.selectNodeContents(th);
    return [th.textContent.trim(), new Set([...range.getClientRects()].map(r => Math.round(r.top))).size];
})"""


def test_a_request_naming_a_comment_under_a_long_title_fits_a_phone_and_so_does_its_form(browser, live_server,
                                                                                          accounts, comment):
    base, app = live_server(RATE_LIMITS="", THRESHOLDS={"spam": {"review": 1.01, "reject": 1.01},
                                                        "abuse": {"review": 1.01, "reject": 1.01}})
    api = app.test_client()
    bodies = [comment("この記事の見出しは誤解を招く。", article_title="t" * 300, article_url="https://news.example.jp/a/1"),
              comment("店主は詐欺師だ。")]
    for body in bodies:
        assert api.post("/api/v1/comments", json=body, headers=AUTH).status_code == 200
    filed = api.post("/api/v1/requests", headers=AUTH, json={
        "requester": {"name": "山田 花子", "email": "hanako@example.jp", "relation": "self"},
        "comments": [b["id"] for b in bodies], "right": "reputation", "explanation": "根拠なく詐欺師と書かれています。",
    })
    assert filed.status_code == 201, filed.text
    page, problems = login(browser, base, f"/review/requests/{filed.json['id']}")
    page.set_viewport_size(PHONE)
    assert page.evaluate(WIDE) == [390]  # no sideways scroll, nothing past the screen's edge
    assert page.locator(".request-article a").text_content() == "t" * 300  # all of the title, broken
    form = page.locator(".decide-form").bounding_box()
    assert form["x"] >= 0 and form["x"] + form["width"] <= 390
    page.locator("#criterion").select_option("defamation")  # the longest names are still a choice
    assert problems == []
    page.context.close()


def test_the_category_names_stay_whole_beside_their_thresholds_on_a_phone(browser, live_server, accounts):
    base, _ = live_server(THRESHOLDS=FLAG_ALL, RATE_LIMITS="", API_KEYS=f"test:{API_KEY}")
    page = logged_in_page(browser, base, "taro")
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/review/admin/thresholds")
    names = page.eval_on_selector_all(".category-thresholds tbody th", CELL_LINES)
    assert len(names) >= 7, names
    for name, lines in names:
        # one line, or two broken at its ・ (自傷・ / 自殺の誘導); before, 差別・ヘイト took 4 and 自傷・自殺の誘導 5
        assert lines <= (2 if "・" in name else 1), (name, lines)
    assert page.evaluate(WIDE)[0] == 390
    page.context.close()


# a line of Japanese never starts with ー or a small kana (禁則): プライバシ / ー read as a broken word
NO_LINE_START = "ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
LINE_STARTS = """chars => {
    const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT), found = [];
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent;
        for (let i = 1; i < text.length; i++) {
            if (!chars.includes(text[i])) continue;
            range.setStart(node, i - 1); range.setEnd(node, i);
            const before = range.getBoundingClientRect().top;
            range.setStart(node, i); range.setEnd(node, i + 1);
            if (range.getBoundingClientRect().top > before + 2) found.push(text.slice(Math.max(0, i - 6), i + 2));
        }
    }
    return found;
}"""


def test_no_line_of_the_transparency_report_or_the_thresholds_starts_with_a_prolonged_sound_mark(browser, live_server,
                                                                                               accounts):
    base, _ = live_server(THRESHOLDS=FLAG_ALL, RATE_LIMITS="", API_KEYS=f"test:{API_KEY}")
    page = logged_in_page(browser, base, "taro")
    page.set_viewport_size(PHONE)
    for path in ("/transparency", "/review/admin/thresholds", "/requests/new"):
        page.goto(f"{base}{path}")
        assert page.evaluate(LINE_STARTS, NO_LINE_START) == [], path
    page.context.close()


def test_the_transparency_reports_column_heads_stay_whole_on_a_phone(browser, live_server, accounts):
    base, _ = live_server(THRESHOLDS=FLAG_ALL, RATE_LIMITS="", API_KEYS=f"test:{API_KEY}")
    page = logged_in_page(browser, base, "taro")
    page.set_viewport_size(PHONE)
    page.goto(f"{base}/transparency")
    heads = page.eval_on_selector_all("#report-rights th", CELL_LINES)
    assert len(heads) >= 10, heads  # the columns' heads and the rights' names
    for head, lines in heads:  # before: 受付件 / 数, and then プライ / バシー, 名誉 / (名 / 誉毀 / 損)
        assert lines <= (2 if "(" in head else 1), (head, lines)
    assert page.evaluate(WIDE)[0] == 390  # the wide table scrolls in its own box, not the page
    overflowing = page.eval_on_selector_all(".report-table:not(#report-rights)", """tables => tables
        .filter(t => t.getBoundingClientRect().right > innerWidth + 1).map(t => t.id || t.rows[0].textContent)""")
    assert overflowing == []  # the lists of a label and a count still fit the phone: their long labels wrap
    page.context.close()
