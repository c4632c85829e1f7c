"""A removal request's page worked by keyboard in a real headless Chromium (ja-JP, 1280x800): after each form's
POST-redirect the keyboard is back on the next form, not 16 Tabs away at the page's top, and a comment of 5,000
characters of spam scrolls in its own box (the queue card's .text) so the decision form stays in reach."""

import pytest

from tests.support.app import API_KEY
from tests.support.browser import needs_chromium
from tests.test_request_browser import login

pytestmark = [pytest.mark.slow, pytest.mark.browser, needs_chromium]
AUTH = {"Authorization": f"Bearer {API_KEY}"}
VIEWPORT = 800
# hostile spam: its markup stays text; 5,000 characters of it put the decision form ~2,300 px down at 1280x800
SPAM = ("激安ブランド品が今だけ90%OFF!<b>限定</b><script>alert(1)</script> http://spam.example/buy 今すぐ! " * 100)[
    :5000]


@pytest.fixture
def request_page(browser, live_server, accounts, comment):
    """(page, console problems): a moderator on the page of a request naming one 5,000-character spam comment."""
    base, app = live_server(RATE_LIMITS="", THRESHOLDS={"spam": {"review": 1.01, "reject": 1.01},
                                                        "abuse": {"review": 1.01, "reject": 1.01}})
    api = app.test_client()
    body = comment(SPAM)
    assert api.post("/api/v1/comments", json=body, headers=AUTH).status_code == 200
    filed = api.post("/api/v1/requests", headers=AUTH, json={
        "requester": {"name": "山田 花子", "email": "hanako@example.jp", "relation": "self"},
        "comments": [body["id"]], "right": "reputation", "explanation": "根拠なく詐欺師と書かれています。"})
    assert filed.status_code == 201, filed.text
    page, problems = login(browser, base, f"/review/requests/{filed.json['id']}")
    yield page, problems
    page.context.close()


def focused_in_sight(page, selector):
    """Wait until the element `selector` names has the keyboard's focus; return its box (viewport coordinates)."""
    page.wait_for_function("s => document.activeElement === document.querySelector(s)", arg=selector, timeout=5000)
    return page.locator(selector).bounding_box()


def in_sight(box):
    return box is not None and 0 <= box["y"] and box["y"] + box["height"] <= VIEWPORT


def test_after_each_step_and_the_decision_the_keyboard_is_on_the_next_form(request_page):
    page, problems = request_page
    with page.expect_navigation():
        page.locator('button[value="investigating"]').press("Enter")
    assert in_sight(focused_in_sight(page, 'button[value="poster_consulted"]'))
    assert page.locator(".request-notice").inner_text() == "段階を更新しました。"
    assert in_sight(page.locator(".request-notice").bounding_box())  # the notice stands by the forms, in sight
    with page.expect_navigation():
        page.keyboard.press("Enter")  # the focused button: consult the poster
    # no step is left: the decision's first choice, then the rest of the form by Tab
    assert in_sight(focused_in_sight(page, 'input[name="outcome"][value="removed"]'))
    page.keyboard.press("ArrowDown")  # the radio group: 削除しない
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "criterion"
    page.locator("#criterion").select_option("not_infringing")
    page.fill("#reason", "権利を侵害する記述は見当たりません。")
    with page.expect_navigation():
        page.locator(".decide-form button").press("Enter")
    box = focused_in_sight(page, ".request-notice")
    assert in_sight(box) and page.locator(".request-notice").inner_text() == "判断を記録しました。"
    assert page.locator(".decide-form").count() == 0
    page.goto(page.url)  # a plain visit after the notice was read: no notice, and the page opens at its top again
    assert page.locator(".request-notice").count() == 0
    assert page.evaluate("document.activeElement === document.body && window.scrollY === 0")
    assert problems == []


def test_a_long_spam_comment_scrolls_in_the_cards_box_and_the_form_stays_in_reach(request_page):
    page, problems = request_page
    quote = page.locator(".request-comment blockquote")
    assert quote.text_content() == SPAM  # all of it, as text: the markup ran nothing and made no element
    assert quote.locator("b, script").count() == 0
    sizes = quote.evaluate("e => [e.scrollHeight, e.clientHeight, getComputedStyle(e).overflowY]")
    assert sizes[0] > 2 * sizes[1] and sizes[2] == "auto"  # it scrolls in its own box (was 4 screens of page)
    assert quote.bounding_box()["height"] < VIEWPORT / 2
    form = page.locator(".decide-form").bounding_box()
    assert form["y"] < 2 * VIEWPORT, form  # the decision form within two screens of the top
    assert problems == []


def test_d_or_the_second_skip_link_puts_the_keyboard_on_the_decision(request_page):
    """5,000 characters of spam, a requester's long text: the decision's first choice is one key away (d), or two Tabs
    and Enter by the skip link (also without JavaScript, where Tab then reaches it)."""
    page, problems = request_page
    page.keyboard.press("d")
    assert in_sight(focused_in_sight(page, 'input[name="outcome"][value="removed"]'))
    page.goto(page.url)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "判断へ移動 (d)"
    page.keyboard.press("Enter")
    assert in_sight(focused_in_sight(page, 'input[name="outcome"][value="removed"]'))
    assert problems == []
    context = page.context.browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": VIEWPORT},
                                               java_script_enabled=False, storage_state=page.context.storage_state())
    bare = context.new_page()
    bare.goto(page.url)
    bare.keyboard.press("Tab")
    bare.keyboard.press("Tab")
    bare.keyboard.press("Enter")
    bare.keyboard.press("Tab")
    assert in_sight(focused_in_sight(bare, 'input[name="outcome"][value="removed"]'))
    context.close()
