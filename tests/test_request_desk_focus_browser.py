"""A removal request's page worked by keyboard in a real headless Chromium (ja-JP, 1280x800): after each form's
POST-redirect the keyboard is back on the next form, not 16 Tabs away at the page's top, and a comment of 5,000
characters of spam scrolls in its own box (the queue card's .text) so the decision form stays in reach."""

import pytest

from tests.support.app import API_KEY
from tests.support.browser import needs_chromium
from tests.support.moderators import MODERATOR_PASSWORD
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


# what a moderator types into the decision: markup, a closing tag of the field itself, an RTL override, two lines
REASON = ("名誉毀損にあたる記述です。</textarea><script>alert(1)</script><b>太字</b>\n"
          "\u202e逆向き\u202c 以上の理由で削除します。")
REFUSED = "Failed to load resource: the server responded with a status of %d (BAD REQUEST)"
SHOWN = REASON.replace("\u202e", "⟦U+202E⟧").replace("\u202c", "⟦U+202C⟧")  # as the page shows a control: named
DETAIL = "「詐欺師」という断定<img src=x onerror=alert(2)>"


def fill_decision(page, criterion):
    page.check('input[name="outcome"][value="removed"]')
    page.locator("#criterion").select_option(criterion)
    page.fill("#criterion-detail", DETAIL)
    page.fill("#reason", REASON)


def kept(page, criterion):
    """The decision form holds what was typed, as text (no element made of it), after a refused decision."""
    assert page.locator('input[name="outcome"][value="removed"]').is_checked()
    assert page.locator("#criterion").input_value() == criterion
    assert page.locator("#criterion-detail").input_value() == DETAIL
    assert page.locator("#reason").input_value() == REASON
    assert page.evaluate("document.querySelectorAll('script:not([src]), .decide-form b, .decide-form img').length") == 0


def test_a_refused_decision_keeps_what_was_typed_and_the_keyboard_is_on_the_field_to_fix(request_page):
    page, problems = request_page
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    fill_decision(page, "not_infringing")  # a ground for keeping the comment, with a removal: refused
    page.locator(".decide-form button").press("Enter")
    page.wait_for_selector(".request-notice.notice-error")
    assert page.locator(".request-notice").inner_text() == \
        "削除するときは削除する基準を、削除しないときは削除しない基準を選んでください。"
    kept(page, "not_infringing")  # before: an empty form, the reason's 4 lines to type again
    assert in_sight(focused_in_sight(page, "#criterion"))
    assert in_sight(page.locator("#decide-error").bounding_box())  # why, just above the field
    page.locator("#criterion").select_option("defamation")
    page.locator(".decide-form button").press("Enter")
    assert focused_in_sight(page, ".request-notice")
    assert page.locator(".request-notice").inner_text() == "判断を記録しました。"
    assert page.locator("#decision-reason").text_content() == SHOWN
    assert dialogs == [] and problems == [REFUSED % 400]  # the refusal is a 400 page (the only console line)


def test_a_decision_sent_with_a_stale_token_keeps_what_was_typed_and_sends_again_with_enter(request_page):
    """A login in another tab gives the session a new CSRF token: the open page's form was answered 400 (a bare error
    page) and what was typed was lost."""
    page, problems = request_page
    other = page.context.new_page()  # the same browser: log out and in again there
    other.goto(page.url)
    with other.expect_navigation():
        other.locator(".session button").click()
    other.fill('input[name="username"]', "hanako")
    other.fill('input[name="password"]', MODERATOR_PASSWORD)
    with other.expect_navigation():
        other.press('input[name="password"]', "Enter")
    fill_decision(page, "defamation")
    page.locator(".decide-form button").press("Enter")
    page.wait_for_selector(".request-notice.notice-error")
    assert "送信期限が切れていた" in page.locator(".request-notice").inner_text()
    kept(page, "defamation")
    assert in_sight(focused_in_sight(page, ".decide-form button"))
    assert in_sight(page.locator("#decide-error").bounding_box())
    with page.expect_navigation():
        page.keyboard.press("Enter")  # sent again, with the page's new token
    assert focused_in_sight(page, ".request-notice")
    assert page.locator(".request-notice").inner_text() == "判断を記録しました。"
    assert page.locator("#decision-reason").text_content() == SHOWN
    assert problems == [REFUSED % 400]


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


def test_a_decision_sent_after_the_session_ended_comes_back_after_the_login(request_page):
    """A logout in another tab (or an expired session): the form went to the login, which then opened the form's
    own URL (405), and what was typed was gone. Now the login goes back to the request's page, with the tab's draft."""
    page, problems = request_page
    request_url = page.url
    other = page.context.new_page()
    other.goto(request_url)
    with other.expect_navigation():
        other.locator(".session button").click()  # log out
    fill_decision(page, "defamation")
    with page.expect_navigation():
        page.locator(".decide-form button").press("Enter")
    assert "/login" in page.url
    page.fill('input[name="username"]', "hanako")
    page.fill('input[name="password"]', MODERATOR_PASSWORD)
    with page.expect_navigation():
        page.press('input[name="password"]', "Enter")
    assert page.url == request_url  # before: /decide, 405
    assert page.locator(".draft-restored").inner_text().startswith("このタブで入力途中だった内容を戻しました")
    kept(page, "defamation")
    page.keyboard.press("d")
    page.keyboard.press("Tab")  # the criterion; the decision button is a few Tabs on: sent as the moderator left it
    with page.expect_navigation():
        page.locator(".decide-form button").press("Enter")
    assert page.locator(".request-notice").inner_text() == "判断を記録しました。"
    assert page.locator("#decision-reason").text_content() == SHOWN
    assert page.evaluate("Object.keys(sessionStorage)") == []  # recorded: the draft is gone from the tab
    assert problems == []
