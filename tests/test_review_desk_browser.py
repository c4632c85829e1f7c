"""Issue 14 in real Chromium: leases follow attention, bulk decisions ask and undo, the primary reason.

Each test drives Debian's /usr/bin/chromium through Playwright against a live app and a real redis-server.
"""

import time

import pytest

from moderation.store.moderators import Moderators
from moderation.store.review_queue import ReviewQueue
from moderation.store.training_labels import LabelStore
from tests.support.app import API_KEY
from tests.support.browser import needs_chromium
from tests.support.thresholds import FLAG_ALL

from .test_review_browser import AUTH, PASSWORD, active_id, logged_in_page, queue_comment
from .test_review_desk import harm_record

pytestmark = [pytest.mark.browser, pytest.mark.slow, needs_chromium]


def start(live_server, rdb, prefix, **config):
    base, app = live_server(THRESHOLDS=FLAG_ALL, RATE_LIMITS="", API_KEYS=f"test:{API_KEY}", **config)
    moderators = Moderators(rdb, prefix)
    for name in ("hanako", "jiro"):
        moderators.add(name, PASSWORD, "moderator")
    return base, app.test_client()


def wait_until(check, seconds=15):
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_closing_the_tab_offers_the_comments_to_another_moderator(browser, live_server, rdb, prefix, comment):
    base, api = start(live_server, rdb, prefix, LEASE_SECONDS=300)
    ids = {queue_comment(api, comment, author={"id": f"r-{i}", "name": "読者"}) for i in range(3)}
    hanako = logged_in_page(browser, base, "hanako")
    hanako.wait_for_function("() => document.querySelectorAll('.card').length === 3")
    jiro = logged_in_page(browser, base, "jiro")
    others = jiro.wait_for_selector("#others:not([hidden])")  # the empty state says who has them and until when
    assert "他のモデレーターが対応中のコメントが 3 件" in others.inner_text() and "分後" in others.inner_text()
    started = time.monotonic()
    hanako.context.close()  # pagehide: the page's beacon gives the claims back, the 300 s lease does not matter
    jiro.wait_for_function("() => document.querySelectorAll('.card').length === 3", timeout=15_000)
    seen = set(jiro.eval_on_selector_all("[data-comment-id]", "els => els.map(e => e.dataset.commentId)"))
    assert seen == ids and time.monotonic() - started < 15
    jiro.context.close()


def test_an_idle_open_tab_gives_its_comments_back(browser, live_server, rdb, prefix, comment):
    base, api = start(live_server, rdb, prefix, LEASE_SECONDS=300, IDLE_SECONDS=2)
    ids = {queue_comment(api, comment, author={"id": f"r-{i}", "name": "読者"}) for i in range(2)}
    hanako = logged_in_page(browser, base, "hanako")
    hanako.wait_for_function("() => document.querySelectorAll('.card').length === 2")
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    assert queue.claim("jiro") == []
    hanako.wait_for_selector("#away:not([hidden])", timeout=10_000)  # no input for 2 s: released
    assert "審査キューに戻しました" in hanako.inner_text("#away")
    claimed = []  # the banner shows when the beacon is sent; the release lands a moment later (a busy CI waits)
    wait_until(lambda: claimed.extend(queue.claim("jiro")) or claimed)
    assert {c["id"] for c in claimed} == ids
    for comment_id in ids:
        queue.release(comment_id, "jiro")
    hanako.keyboard.press("j")  # any key resumes: the page claims again
    hanako.wait_for_function("() => document.querySelectorAll('.card').length === 2")
    hanako.context.close()


def test_bulk_approve_asks_then_undo_brings_every_item_back(browser, live_server, rdb, prefix, comment):
    base, api = start(live_server, rdb, prefix)
    texts = [f"{i}番目のコメント：副業で月収100万円！今すぐLINE追加してね" for i in range(4)]
    ids = [queue_comment(api, comment, text, author={"id": f"r-{i}", "name": "読者"}) for i, text in
           enumerate(texts)]
    page = logged_in_page(browser, base, "hanako")
    page.wait_for_function("() => document.querySelectorAll('.card').length === 4")
    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("x")
    page.keyboard.press("a")
    dialog = page.wait_for_selector("#confirm:not([hidden])")
    assert "3件をまとめて承認しますか" in dialog.inner_text()
    assert page.locator("#confirm-list li").count() == 3 and "番目のコメント" in dialog.inner_text()
    page.keyboard.press("Escape")  # cancel: nothing decided
    assert page.locator(".card").count() == 4 and not page.is_visible("#confirm")
    page.keyboard.press("a")
    page.wait_for_selector("#confirm:not([hidden])")
    page.keyboard.press("Enter")
    notice = page.wait_for_selector(".notice-ok")
    assert "3件を承認しました" in notice.inner_text()
    assert page.locator(".card").count() == 1

    def outcomes():
        return sorted(api.get(f"/api/v1/comments/{i}", headers=AUTH).json["moderation"]["outcome"] for i in ids)

    wait_until(lambda: outcomes() == ["approved"] * 3 + ["pending"])
    page.keyboard.press("u")
    page.wait_for_function("() => document.querySelectorAll('.card').length === 4")
    assert "3件の判定を取り消しました" in page.inner_text("#notices")
    assert outcomes() == ["pending"] * 4
    page.context.close()


def test_on_an_abuse_card_the_primary_button_rejects_as_abuse(browser, live_server, rdb, prefix):
    base, _ = start(live_server, rdb, prefix)
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    queue.submit(harm_record("abuse-1", categories={}, labels=["abuse"], scores={"spam": 0.2, "abuse": 0.62},
                             text="お前みたいな奴は消えろ"), queued=True)
    queue.submit(harm_record("threat-1"), queued=True)
    page = logged_in_page(browser, base, "hanako")
    page.wait_for_function("() => document.querySelectorAll('.card').length === 2")
    threat = page.wait_for_selector('[data-comment-id="threat-1"]')
    assert threat.query_selector('[data-action="primary"]').inner_text() == "脅迫として却下 (s)"
    assert "脅迫" in threat.query_selector(".categories").inner_text()
    assert "殺しに行く" in threat.query_selector(".categories .evidence").inner_text()
    card = page.wait_for_selector('[data-comment-id="abuse-1"]')
    button = card.query_selector('[data-action="primary"]')
    assert button.inner_text() == "暴言として却下 (s)"
    button.click()
    page.wait_for_selector('[data-comment-id="abuse-1"]', state="detached")
    wait_until(lambda: (queue.get("abuse-1") or {}).get("outcome") == "rejected")  # the decision follows the card
    assert queue.get("abuse-1")["reason"] == "abuse"
    assert [(r["task"], r["value"]) for r in LabelStore(rdb, "test", prefix).export()] == [("abuse", 1)]
    assert active_id(page) == "threat-1"
    page.keyboard.press("s")  # the key follows the card too: threat
    wait_until(lambda: (queue.get("threat-1") or {}).get("reason") == "threat")
    page.context.close()


def test_a_claim_answered_after_the_page_went_idle_is_given_back(browser, live_server, rdb, prefix, comment):
    """The page's claim was in flight when it went idle: the idle release found nothing held yet, the claim then
    leased the comments to a page showing 'away', and nobody else could take them for the lease's 300 s."""
    base, api = start(live_server, rdb, prefix, LEASE_SECONDS=300, IDLE_SECONDS=2)
    ids = {queue_comment(api, comment, author={"id": f"r-{i}", "name": "読者"}) for i in range(2)}
    hanako = logged_in_page(browser, base, "hanako")
    hanako.wait_for_function("() => document.querySelectorAll('.card').length === 2")
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    hanako.wait_for_selector("#away:not([hidden])", timeout=10_000)
    held = []

    def slow_claim(route):
        if not held:  # the first claim after the reload waits until the page has gone idle and released
            held.append(route.request.url)
            time.sleep(4)
        route.continue_()

    hanako.route("**/review/api/claim", slow_claim)
    hanako.reload()  # a fresh page claims at once, and goes idle 2 s later with its claim still held
    hanako.wait_for_selector("#away:not([hidden])", timeout=10_000)
    wait_until(lambda: len(held) == 1)
    wait_until(lambda: {c["id"] for c in queue.claim("jiro")} == ids)
    assert hanako.locator(".card").count() == 0 and not hanako.is_visible("#empty")
    assert hanako.is_visible("#away")
    hanako.context.close()
