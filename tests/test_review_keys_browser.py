"""The keys the README lists that no other browser test presses, in a real headless Chromium: on the review page
`n` (skip) and `r` then `1` (spam), `3` (other) and `5` (the fifth harm category); on the articles page `p` and `c`
then `Enter` (premoderated, closed). Each decision is read back from the store and the API, not from the page."""

import json

import pytest

from moderation.labels import CATEGORIES, REJECT_REASONS
from moderation.store.moderators import Moderators
from moderation.store.review_queue import ReviewQueue
from moderation.store.training_labels import LabelStore
from tests.support.app import API_KEY
from tests.support.browser import needs_chromium, shot_folder
from tests.test_articles_page import BREAKER, HOLD, flood
from tests.test_review_browser import AUTH, PASSWORD, active_id, logged_in_page, queue_comment

pytestmark = [pytest.mark.slow, pytest.mark.browser, needs_chromium]


@pytest.fixture
def desk(live_server, rdb, prefix, thresholds):
    """(base url, api client): a live app holding every comment for review, with moderators hanako and jiro."""
    base, app = live_server(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="", API_KEYS=f"test:{API_KEY}")
    moderators = Moderators(rdb, prefix)
    moderators.add("hanako", PASSWORD, "moderator")
    moderators.add("jiro", PASSWORD, "moderator")
    return base, app.test_client()


def _decided(page, comment_id):
    """The card leaves the page and the page says the decision was made (the server answered)."""
    page.wait_for_selector(f'[data-comment-id="{comment_id}"]', state="detached")
    page.wait_for_selector(".notice-ok")


def _reject_with(page, digit):
    """`r` opens the reason picker on the active card; the digit picks the reason in REJECT_REASONS' key order."""
    comment_id = active_id(page)
    page.keyboard.press("r")
    page.wait_for_selector(".card.active .reason-picker:not([hidden])")
    page.evaluate("() => { const n = document.querySelector('.notice'); if (n) n.remove(); }")
    page.keyboard.press(digit)
    _decided(page, comment_id)
    return comment_id


def test_skip_and_reject_as_spam_other_and_a_harm_category_by_key(browser, desk, comment, rdb, prefix, tmp_path):
    """README, The moderators' page: `r` reject (then `1` spam, `3` other, `4`-`9` and `0` the harm categories),
    `n` skip."""
    base, api = desk
    ids = [queue_comment(api, comment, author={"id": f"r-{i}", "name": "読者"}) for i in range(4)]
    page = logged_in_page(browser, base, "hanako")
    page.wait_for_selector(".card.active")
    assert page.locator(".card").count() == 4
    queue = ReviewQueue(rdb, "test", prefix=prefix)

    skipped = active_id(page)
    assert queue.get(skipped)["claimed_by"] == "hanako"
    page.keyboard.press("n")
    page.wait_for_selector(f'[data-comment-id="{skipped}"]', state="detached")
    page.wait_for_function("() => (document.querySelector('.notice-ok') || {}).textContent?.length > 0")
    assert active_id(page) != skipped  # the card moved on
    record = queue.get(skipped)  # still queued, undecided, and given back for another moderator
    assert (record["queue_state"], record["status"], record.get("claimed_by") or "") == ("ready", "pending", ""), \
        record
    assert api.get(f"/api/v1/comments/{skipped}", headers=AUTH).json["moderation"]["outcome"] == "pending"
    assert [c["id"] for c in queue.claim("jiro", 10)] == [skipped]  # the others are hanako's

    shown = page.evaluate("() => [...document.querySelectorAll('.card .reason-picker button')].length")
    assert shown >= len(REJECT_REASONS)
    spam = _reject_with(page, "1")
    other = _reject_with(page, "3")
    page.keyboard.press("r")  # the screenshot: the picker open on the last card, with every reason's key
    page.wait_for_selector(".card.active .reason-picker:not([hidden])")
    shots = shot_folder(tmp_path)
    page.screenshot(path=str(shots / "review-reason-picker.png"), full_page=True)
    page.keyboard.press("Escape")
    page.wait_for_selector(".card.active .reason-picker", state="hidden")
    fifth = _reject_with(page, "5")
    assert REJECT_REASONS[4] == CATEGORIES[1] == "hate"

    expected = {spam: "spam", other: "other", fifth: "hate"}
    for comment_id, reason in expected.items():
        stored = queue.get(comment_id)
        assert (stored["outcome"], stored["reason"], stored["decided_by"]) == ("rejected", reason, "hanako"), stored
        moderation = api.get(f"/api/v1/comments/{comment_id}", headers=AUTH).json["moderation"]
        assert (moderation["outcome"], moderation["reason"]) == ("rejected", reason), moderation
    labelled = {}
    for row in LabelStore(rdb, "test", prefix=prefix).export():
        labelled.setdefault(row["id"], set()).add((row["task"], row["value"]))
    # spam labels spam; other labels nothing; a harm category labels itself and abuse (README: a reject reason
    # becomes a label of that name, a harm category also labels `abuse`)
    assert labelled.get(spam) == {("spam", 1)}, labelled
    assert other not in labelled, labelled
    assert labelled.get(fifth) == {("hate", 1), ("abuse", 1)}, labelled
    assert skipped not in labelled and set(ids) == {skipped, *expected}
    page.context.close()


def test_articles_page_premoderates_and_closes_an_article_by_key(browser, live_server, accounts, comment, tmp_path):
    """README, The moderators' page: on /review/articles `o`/`p`/`c` go to a mode button (`Enter` sets it)."""
    base, app = live_server(ARTICLE_BREAKER=json.dumps(BREAKER), RATE_LIMITS="", THRESHOLDS=HOLD)
    api = flood(app, comment)
    assert api.get("/api/v1/articles/calm", headers=AUTH).json["mode"] == "open"
    page = logged_in_page(browser, base, "hanako")
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{base}/review/articles")
    rows = page.locator("#articles tbody tr").count()
    for _ in range(rows):
        page.keyboard.press("j")
        if "article=calm" in page.evaluate("() => document.activeElement.dataset.queue || ''"):
            break
    assert "article=calm" in page.evaluate("() => document.activeElement.dataset.queue")

    for key, mode, word in (("p", "premoderated", "事前承認"), ("c", "closed", "受付停止")):
        page.keyboard.press(key)
        assert page.evaluate("() => document.activeElement.value") == mode
        assert api.get("/api/v1/articles/calm", headers=AUTH).json["mode"] != mode  # the key alone sets nothing
        page.keyboard.press("Enter")
        page.wait_for_selector(".notice-ok")
        assert f"モードを「{word}」に変更しました。" in page.inner_text(".notice-ok")
        article = api.get("/api/v1/articles/calm", headers=AUTH).json
        assert (article["mode"], article["set_by_name"]) == (mode, "hanako"), article
        row = page.locator("#articles tr.active")  # the page comes back on the same article
        assert "article=calm" in row.get_attribute("data-queue") and row.get_attribute("data-mode") == mode
    shots = shot_folder(tmp_path)
    page.screenshot(path=str(shots / "articles-closed-by-key.png"), full_page=True)
    assert problems == []
    page.context.close()


MESSAGE = "つらい時は、よりそいホットラインに相談してください。Take care."


def test_m_writes_the_message_to_the_commenter_and_esc_gives_the_keys_back(browser, desk, comment, rdb, prefix):
    """s27 trial: the message to the commenter took `o` and ten Tabs to reach, and inside it Esc did nothing, so a
    keyboard-only moderator had to Shift+Tab out before `a`. Now `m` opens the card's details and puts the cursor in
    the message, Esc goes back to the card, and `a` approves with the message (help lists `m`)."""
    base, api = desk
    comment_id = queue_comment(api, comment, author={"id": "tired-1", "name": "疲れた"})
    page = logged_in_page(browser, base, "hanako")
    page.wait_for_selector(f'[data-comment-id="{comment_id}"].active')
    page.keyboard.press("m")
    page.wait_for_selector(".card.active textarea.message:focus")
    page.keyboard.type(MESSAGE)  # its "a" and "k" are text here, not a decision or a move
    page.keyboard.press("Escape")
    assert page.evaluate("() => document.activeElement.dataset.commentId") == comment_id
    page.keyboard.press("a")
    _decided(page, comment_id)
    assert ReviewQueue(rdb, "test", prefix=prefix).get(comment_id)["message"] == MESSAGE
    page.keyboard.press("?")
    assert "メッセージを書く" in page.inner_text("#help")
    page.context.close()
