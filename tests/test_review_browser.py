"""The review page in a real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

The app runs on a real HTTP server in a background thread (the live_server fixture); comments are queued
through the API. `make test` installs Chromium (make browser-deps); without it these tests are skipped.
"""

import time
from urllib.parse import urlsplit

import pytest

from moderation.store.moderators import Moderators
from moderation.store.review_queue import ReviewQueue
from tests.support.app import API_KEY
from tests.support.browser import needs_chromium

PASSWORD = "correct-horse-1"
AUTH = {"Authorization": f"Bearer {API_KEY}"}

pytestmark = [pytest.mark.slow, pytest.mark.browser, needs_chromium]


@pytest.fixture
def site(live_server, rdb, prefix, thresholds):
    """(base url, app, api client): one live app with two moderators and every comment flagged for review."""
    base, app = live_server(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="", API_KEYS=f"test:{API_KEY}")
    moderators = Moderators(rdb, prefix)
    moderators.add("hanako", PASSWORD, "moderator")
    moderators.add("jiro", PASSWORD, "moderator")
    return base, app, app.test_client()


def queue_comment(api, comment, text="副業で月収100万円！今すぐLINE追加してね ID:abc123", **fields):
    body = comment(text, **fields)
    response = api.post("/api/v1/comments", json=body, headers=AUTH)
    assert response.status_code == 200 and response.json["decision"] == "review", response.text
    return body["id"]


def logged_in_page(browser, base, name, locale="ja-JP"):
    """Log in with the keyboard alone (the username field has autofocus), like every action after it."""
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 800})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(f"{base}/review")
    assert "/login" in page.url
    page.wait_for_selector('input[name="username"]:focus')
    page.keyboard.type(name)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/review")
    return page


def active_id(page):
    return page.eval_on_selector(".card.active", "el => el.dataset.commentId")


def test_login_see_a_queued_comment_and_approve_it_with_the_keyboard(browser, site, comment, tmp_path):
    base, _, api = site
    page = logged_in_page(browser, base, "hanako")
    page.wait_for_selector("#empty", state="visible")
    for text in ("審査キュー", "未処理", "スパム", "暴言", "リスクの高い順", "審査待ちのコメントはありません。"):
        assert text in page.inner_text("body")

    comment_id = queue_comment(api, comment, url="https://news.example/articles/1",
                               author={"id": "reader-7", "name": "山田"})
    card = page.wait_for_selector(f'[data-comment-id="{comment_id}"].active')  # arrives live, no reload
    page.wait_for_function("() => document.querySelector('[data-count=\"open\"]').textContent === '1'")
    assert "承認 (a)" in card.inner_text() and "山田" in card.inner_text()
    assert card.query_selector(".score-word").inner_text() in ("却下基準以上", "要審査", "基準未満")
    assert card.query_selector('.article a[href="https://news.example/articles/1"]') is not None
    for action in ("approve", "reject", "primary", "skip"):
        assert card.query_selector(f'button[data-action="{action}"]') is not None
    page.screenshot(path=str(tmp_path / "review-queue.png"))

    page.keyboard.press("a")
    page.wait_for_selector(f'[data-comment-id="{comment_id}"]', state="detached")
    page.wait_for_selector(".notice-ok")
    status = api.get(f"/api/v1/comments/{comment_id}", headers=AUTH).json
    assert status["moderation"]["outcome"] == "approved" and status["moderation"]["moderator"] == "hanako"
    page.wait_for_function("() => document.querySelector('[data-count=\"open\"]').textContent === '0'")
    page.context.close()


def test_after_a_refused_password_the_keyboard_retypes_only_the_password(browser, site):
    """The page kept the name and put the cursor back in it (autofocus): the moderator's retyped password went on the
    end of the name, with the password field empty (audit s40). Now the cursor waits in the password."""
    base, _, _ = site
    page = browser.new_context(locale="ja-JP").new_page()
    page.goto(f"{base}/review")
    page.wait_for_selector('input[name="username"]:focus')
    page.keyboard.type("hanako")
    page.keyboard.press("Tab")
    page.keyboard.type("correct-horse-2")
    page.keyboard.press("Enter")
    page.wait_for_selector(".notice-error")
    assert page.input_value("#username") == "hanako"
    page.wait_for_selector('input[name="password"]:focus', timeout=5_000)
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/review", timeout=10_000)
    page.context.close()


def test_keyboard_reject_reason_undo_select_and_help(browser, site, comment):
    base, _, api = site
    ids = [queue_comment(api, comment, author={"id": f"r-{i}", "name": "読者"}) for i in range(4)]
    page = logged_in_page(browser, base, "hanako")
    page.wait_for_selector(".card.active")
    assert page.locator(".card").count() == 4

    first = active_id(page)
    page.keyboard.press("j")
    assert active_id(page) != first
    page.keyboard.press("k")
    assert active_id(page) == first

    page.keyboard.press("r")  # reject with a reason: 2 = abuse
    page.wait_for_selector(".card.active .reason-picker:not([hidden])")
    page.keyboard.press("2")
    page.wait_for_selector(f'[data-comment-id="{first}"]', state="detached")
    page.wait_for_selector(".notice-ok")
    assert api.get(f"/api/v1/comments/{first}", headers=AUTH).json["moderation"]["reason"] == "abuse"

    page.keyboard.press("u")  # undo: the card comes back
    page.wait_for_selector(f'[data-comment-id="{first}"]')
    page.wait_for_function("() => (document.querySelector('.notice-ok') || {}).textContent"
                           "?.includes('取り消しました')")
    assert api.get(f"/api/v1/comments/{first}", headers=AUTH).json["moderation"]["outcome"] == "pending"

    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("x")
    assert page.locator(".card.selected").count() == 2
    assert "2件選択中" in page.inner_text("#bulkbar")
    page.keyboard.press("a")  # with a selection, approve asks once, then approves the selection
    page.wait_for_selector("#confirm:not([hidden])")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('.card').length === 2")
    # the cards leave at once and the decisions follow in the background (the undo notice may still show):
    # wait for the server's state, not for a notice
    deadline = time.monotonic() + 15
    while True:
        outcomes = [api.get(f"/api/v1/comments/{i}", headers=AUTH).json["moderation"]["outcome"] for i in ids]
        if sorted(outcomes) == ["approved", "approved", "pending", "pending"] or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert sorted(outcomes) == ["approved", "approved", "pending", "pending"]

    page.keyboard.press("s")
    page.wait_for_function("() => document.querySelectorAll('.card').length === 1")
    page.keyboard.press("?")
    assert page.is_visible("#help") and "キー操作" in page.inner_text("#help")
    page.keyboard.press("Escape")
    assert not page.is_visible("#help")
    page.context.close()


def test_a_card_decided_by_someone_else_shows_a_notice_not_an_error(browser, live_server, rdb, prefix, comment,
                                                                    thresholds):
    base, app = live_server(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="", API_KEYS=f"test:{API_KEY}",
                            LEASE_SECONDS=1)
    Moderators(rdb, prefix).add("hanako", PASSWORD, "moderator")
    comment_id = queue_comment(app.test_client(), comment)
    page = logged_in_page(browser, base, "hanako")
    page.wait_for_selector(f'[data-comment-id="{comment_id}"].active')
    # the tab goes to the background: the page stops renewing, hanako's lease runs out; jiro decides first
    page.evaluate("() => Object.defineProperty(document, 'visibilityState', {get: () => 'hidden'})")
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    deadline = time.monotonic() + 10  # unrenewed, the 1 s lease runs out: jiro's claim gets the card soon after
    while not (claimed := queue.claim("jiro")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [c["id"] for c in claimed] == [comment_id]
    queue.decide(comment_id, "reject", "jiro", "spam")
    page.keyboard.press("a")
    notice = page.wait_for_selector(".notice-warn")
    assert "jiro" in notice.inner_text() and "既に" in notice.inner_text()
    assert page.query_selector(f'[data-comment-id="{comment_id}"]') is None
    assert "審査キュー" in page.title()
    page.context.close()


def test_two_moderators_never_see_the_same_card(browser, site, comment):
    base, _, api = site
    ids = {queue_comment(api, comment, author={"id": f"r-{i}", "name": "読者"}) for i in range(13)}
    hanako = logged_in_page(browser, base, "hanako")
    hanako.wait_for_selector(".card.active")
    jiro = logged_in_page(browser, base, "jiro", locale="en-US")  # English by Accept-Language
    jiro.wait_for_selector(".card.active")
    assert "Approve (a)" in jiro.inner_text(".card.active") and "Review queue" in jiro.title()
    seen = [set(p.eval_on_selector_all("[data-comment-id]", "els => els.map(e => e.dataset.commentId)"))
            for p in (hanako, jiro)]
    assert seen[0] and seen[1] and seen[0].isdisjoint(seen[1]) and seen[0] | seen[1] == ids
    hanako.context.close()
    jiro.context.close()


def test_hostile_comment_fires_no_dialog_and_no_request(browser, site, comment, rdb, prefix):
    base, _, api = site
    payload = ('<script>alert("s")</script><img src=x onerror=alert("i")> <a href="javascript:alert(1)">link</a> '
               "\u202eevil\u202c 副業で月収100万円！今すぐLINE追加してね")
    api_id = queue_comment(api, comment, payload, author={"id": "<b>x</b>", "name": "<img src=x onerror=alert(7)>"})
    ReviewQueue(rdb, "test", prefix=prefix).submit({  # the API refuses javascript: URLs; the page must too
        "id": "direct-xss", "article_id": "a", "text": payload, "text_sha256": "x",
        "author_id": "<svg onload=alert(1)>",
        "author_name": "\u202eevil", "url": "javascript:alert(document.cookie)", "received_at": int(time.time() * 1000),
        "decision": "review", "status": "pending", "scores": {"spam": 0.9, "abuse": 0.9}, "labels": ["spam"],
        "explanation": [{"label": "spam", "start": 0, "end": 8, "weight": 1.0}], "model_version": "t", "risk": 0.9,
    }, queued=True)
    page = logged_in_page(browser, base, "hanako")
    dialogs, requests, csp = [], [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)
    page.reload()
    for comment_id in (api_id, "direct-xss"):
        card = page.wait_for_selector(f'[data-comment-id="{comment_id}"]')
        assert '<script>alert("s")</script>' in card.inner_text()
        assert card.query_selector("img, script, svg, a[href^='javascript']") is None
    assert page.query_selector('[data-comment-id="direct-xss"] .article a') is None
    assert "U+202E" in page.inner_text('[data-comment-id="direct-xss"] .text')
    page.wait_for_timeout(500)  # give any handler a chance to fire
    assert dialogs == []
    origin = urlsplit(base)
    for url in requests:
        parts = urlsplit(url)
        assert (parts.scheme, parts.netloc) == (origin.scheme, origin.netloc), url
        assert parts.path in ("/review", "/static/review/review.css", "/static/review/review.js",
                              "/review/api/claim", "/review/api/stats", "/static/review/favicon.svg"), url
    assert csp == []
    page.context.close()


def test_each_key_press_shows_the_next_card_and_is_timed_in_page(browser, site, comment):
    """Approve 20 cards with `a`: each press shows the next card and the page records its own User Timing
    'review:key-to-next-card' (the figure and its target are bench/desk.py's: targets live in bench/)."""
    base, _, api = site
    for i in range(21):
        queue_comment(api, comment, author={"id": f"r-{i}", "name": "読者"})
    page = logged_in_page(browser, base, "hanako")
    page.wait_for_selector(".card.active")
    seen = set()
    for _ in range(20):
        before = active_id(page)
        seen.add(before)
        page.keyboard.press("a")
        page.wait_for_function("id => { const c = document.querySelector('.card.active');"
                               " return c && c.dataset.commentId !== id; }", arg=before)
    assert len(seen) == 20
    page.wait_for_function("() => performance.getEntriesByName('review:key-to-next-card').length >= 20")
    in_page = page.evaluate("() => performance.getEntriesByName('review:key-to-next-card').map(e => e.duration)")
    assert len(in_page) == 20 and all(duration >= 0 for duration in in_page)
    page.wait_for_function("() => document.querySelector('[data-count=\"open\"]').textContent === '1'")
    page.context.close()


def test_the_empty_queue_counts_other_moderators_claims_not_the_cards_just_decided(browser, site, comment, rdb,
                                                                                   prefix):
    """s27 trial: deciding the last two cards left '他のモデレーターが対応中のコメントが 3 件あります' on the empty
    queue until the next poll, when only jiro held one: the count was every live lease, the moderator's own included."""
    base, _, api = site
    for i in range(3):
        queue_comment(api, comment, author={"id": f"r-{i}", "name": "読者"})
    assert len(ReviewQueue(rdb, "test", prefix=prefix).claim("jiro", 1)) == 1
    page = logged_in_page(browser, base, "hanako")
    page.wait_for_selector(".card.active")
    assert page.locator(".card").count() == 2
    with page.expect_response(lambda r: "/review/api/stats" in r.url):  # a poll while hanako still holds her two
        pass
    for _ in range(2):
        decided = active_id(page)
        page.keyboard.press("a")
        page.wait_for_selector(f'[data-comment-id="{decided}"]', state="detached")
    page.wait_for_selector("#empty", state="visible")
    others = page.inner_text("#others")
    assert others.startswith("他のモデレーターが対応中のコメントが 1 件あります"), others
    with page.expect_response(lambda r: "/review/api/stats" in r.url):  # and after the next poll too
        pass
    page.wait_for_timeout(100)
    assert "1 件" in page.inner_text("#others") and page.locator("#others").is_visible()
    page.context.close()
