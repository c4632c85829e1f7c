"""Long and hostile Japanese comments on the queue in real Chromium (ja-JP): what a moderator sees stays usable.

Found walking the page as a new moderator (session 11): 80 blank lines made a card 2,454 px tall (its buttons and
every next card off screen), a long author name squeezed 記事/投稿者 to one character a line, and on a phone the
sticky bar (232 of 844 px) covered the active card's scores. Screenshots go to $SCREENSHOT_DIR when set.
"""

import pytest

from moderation.store.moderators import Moderators
from tests.support.app import API_KEY
from tests.support.browser import needs_chromium, shot_folder
from tests.support.thresholds import FLAG_ALL

from .test_review_browser import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.slow, needs_chromium]
AUTH = {"Authorization": f"Bearer {API_KEY}"}
RANT = ("この記事を書いた記者は本当に何も分かっていないと思います政府の発表をそのまま垂れ流すだけで取材もしていない"
        "のでしょうか読者をバカにするのもいい加減にしてほしいです") * 12
COMMENTS = {"blank-lines": "改行\n" * 80 + "終わり", "rant": RANT,
            "markup": '<img src=x onerror=alert(1)><b>太字</b>&lt;script&gt;【緊急】' * 10}


@pytest.fixture
def long_queue(live_server, rdb, prefix):
    base, app = live_server(THRESHOLDS=FLAG_ALL, RATE_LIMITS="")
    Moderators(rdb, prefix).add("hanako", PASSWORD, "moderator", sites=["test"])
    api = app.test_client()
    for name, text in COMMENTS.items():
        body = {"id": f"long-{name}", "article_id": "news-2026-12-01-keizai", "text": text,
                "article_title": "【独自】" + "政府が新たな経済対策を発表、総額は過去最大規模に" * 5,
                "author": {"id": f"u-{name}", "name": "名無しさん" * 20}}
        assert api.post("/api/v1/comments", json=body, headers=AUTH).status_code == 200
    return base


def _log_in(browser, base, width, height):
    context = browser.new_context(locale="ja-JP", viewport={"width": width, "height": height})
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base}/review")
    page.fill('input[name="username"]', "hanako")
    page.fill('input[name="password"]', PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/review")
    page.wait_for_selector(".card.active")
    return page, errors


def test_a_long_comment_scrolls_in_its_card_and_the_labels_stay_on_one_line(browser, long_queue, tmp_path):
    page, errors = _log_in(browser, long_queue, 1280, 800)
    for comment_id in (f"long-{name}" for name in COMMENTS):
        card = page.locator(f'.card[data-comment-id="{comment_id}"]')
        card.scroll_into_view_if_needed()
        card.screenshot(path=str(shot_folder(tmp_path) / f"long-{comment_id}.png"))
        box = card.bounding_box()
        assert box["height"] < 800, (comment_id, box)  # the card, its buttons included, fits the window
        text = card.locator(".text")
        shown, whole = text.evaluate("el => [el.clientHeight, el.scrollHeight]")
        if comment_id != "long-markup":
            assert whole > shown + 50, (comment_id, shown, whole)  # clipped, and scrolls within its box
        assert text.inner_text().count("改行") == (80 if comment_id == "long-blank-lines" else 0)  # all of it there
        for label in card.locator(".meta dt").all():  # 記事, 投稿者 on one line: their text is one line high
            high, size = label.evaluate("el => { const r = document.createRange(); r.selectNodeContents(el); "
                                        "return [r.getBoundingClientRect().height, "
                                        "parseFloat(getComputedStyle(el).fontSize)]; }")
            assert high < 2 * size, (label.inner_text(), high, size)
    assert not errors


def test_on_a_phone_the_active_cards_scores_are_not_under_the_bar(browser, long_queue, tmp_path):
    page, errors = _log_in(browser, long_queue, 390, 844)
    page.keyboard.press("j")  # the next card: focus scrolls it into view
    page.wait_for_timeout(300)
    page.screenshot(path=str(shot_folder(tmp_path) / "long-phone.png"))
    scores = page.locator(".card.active .scores")
    box = scores.bounding_box()
    on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('.card.active') !== null",
                           [box["x"] + 4, box["y"] + box["height"] / 2])
    assert box["y"] >= 0 and on_top, box
    assert not errors


def test_what_follows_a_run_of_blank_lines_is_in_sight_in_the_card(browser, live_server, rdb, prefix):
    """A first line, 30 blank lines, then the abuse: the card's text box (22 em) showed the first line over a screen
    of nothing, the rest below its fold (audit s40). The blank lines are one marker now: 空行 30."""
    base, app = live_server(THRESHOLDS=FLAG_ALL, RATE_LIMITS="")
    Moderators(rdb, prefix).add("hanako", PASSWORD, "moderator", sites=["test"])
    body = {"id": "padded", "article_id": "news-2026-12-01-keizai",
            "text": "ご意見どうも" + "\n" * 31 + "お前の家は知っているぞ"}
    assert app.test_client().post("/api/v1/comments", json=body, headers=AUTH).status_code == 200
    page, errors = _log_in(browser, base, 1280, 800)
    text = page.locator('.card[data-comment-id="padded"] .text')
    text.wait_for()
    box, tail = text.evaluate("""el => { const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let last = null;  // the comment's last words: the last text node with something in it
        for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.data.trim()) last = node;
        const range = document.createRange(); range.selectNodeContents(last);
        return [el.getBoundingClientRect().bottom, range.getBoundingClientRect().bottom]; }""")
    assert tail <= box, (tail, box)  # the last line within the box's view, no scrolling
    assert text.locator(".ctl").inner_text() == "空行 30"
    assert "お前の家は知っているぞ" in text.inner_text() and not errors
    page.context.close()
