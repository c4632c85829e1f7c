"""The demo article page in headless Chromium: a clean comment appears at once, an abusive one is nudged
before posting and, posted anyway, appears as 審査中; a moderator's decision reaches the page (queue -> events ->
outbox worker -> signed webhook -> poll); a reader who revises after the nudge posts the revised comment."""

import json
import threading

import pytest

from moderation.integrations import outbox_worker
from moderation.labels import CATEGORIES, LABELS
from moderation.store.review_queue import ReviewQueue
from tests.support.app import API_KEY
from tests.support.browser import needs_chromium, shot_folder
from tests.support.servers import ThreadedServer

pytestmark = [pytest.mark.slow, pytest.mark.browser, needs_chromium]

DEMO_KEY = "demo-key-0123456789abcdefghijklmnop"
CLEAN = "図書館の開館が楽しみです。子どもと一緒に行きたいと思います。"
ABUSIVE = "お前は本当にバカだ。黙れ、消えろ。"
ABUSIVE_2 = "バカばかりだな。死ね。"


def thresholds_separating(app, clean, abusive):
    """Thresholds under which `abusive` is flagged and `clean` is not, whatever the tiny model's quality."""
    scorer = app.extensions["moderation.models"].active
    low, high = scorer.score(clean).scores, scorer.score(abusive).scores
    label = max(("abuse", "spam"), key=lambda name: high[name] - low[name])
    assert high[label] > low[label], "the tiny model cannot tell the two comments apart"
    out = {name: {"review": 1.01, "reject": 1.01} for name in (*LABELS, *CATEGORIES)}
    out[label] = {"review": (low[label] + high[label]) / 2, "reject": 1.01}
    return out


@pytest.fixture
def demo_site(make_app):
    server = ThreadedServer()  # bound first: the app's webhook URL names its port
    base = server.url
    probe = make_app()
    thresholds = thresholds_separating(probe, CLEAN, ABUSIVE)
    assert thresholds_separating(probe, CLEAN, ABUSIVE_2)
    app = make_app(
        DEMO=True, API_KEYS=f"test:{API_KEY},demo:{DEMO_KEY}", THRESHOLDS=json.dumps(thresholds), RATE_LIMITS="",
        WEBHOOKS={"demo": {"url": f"{base}/demo/webhook", "secret": "demo-webhook-secret-0123"}},
        WEBHOOK_RETRY_BASE=0.05, WEBHOOK_TIMEOUT=2.0,
    )
    server.start(app)
    stop = threading.Event()
    worker = threading.Thread(target=outbox_worker.run_worker, args=(app,),
                              kwargs={"stop": stop, "poll_interval": 0.05}, daemon=True)
    worker.start()
    yield base, app
    stop.set()
    worker.join(timeout=10)
    server.stop()


def post(page, text, name, *, anyway=False):
    """Write and post a comment; with `anyway`, the nudge shown first is answered 「このまま投稿する」."""
    page.fill("#comment-text", text)
    page.fill("#comment-name", name)
    page.click("#comment-submit")
    if anyway:
        page.locator("#nudge").wait_for(state="visible", timeout=10_000)
        page.click("#nudge-post")


def test_demo_page_comments_and_live_decisions(demo_site, browser, rdb, prefix):
    base, _ = demo_site
    errors = []
    page = browser.new_page()
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{base}/demo/")

    # The structure of a news article page.
    assert page.locator(".site-header .site-name").inner_text() == "みなと新報"
    assert "図書館" in page.locator("h1.headline").inner_text()
    assert page.locator("figure.photo figcaption").count() == 2
    assert page.locator(".more-news h2").inner_text() == "もっとニュース"
    assert page.locator("#comments-title").inner_text() == "返事を書く"
    assert page.get_attribute("#comment-text", "placeholder") == "あなたのコメントを入力してください"
    assert page.get_attribute("#comment-name", "placeholder") == "ここにあなたの名前を入力してください"

    # A clean comment is published at once.
    post(page, CLEAN, "みなと太郎")
    clean = page.locator("#comment-list li.comment", has_text=CLEAN)
    clean.wait_for(timeout=10_000)
    assert clean.get_attribute("data-status") == "published"
    assert clean.locator(".badge").count() == 0

    # An abusive one is shown to its author as 審査中.
    post(page, ABUSIVE, "<b>山田</b>", anyway=True)
    held = page.locator("#comment-list li.comment", has_text=ABUSIVE)
    held.wait_for(timeout=10_000)
    assert held.get_attribute("data-status") == "pending"
    assert held.locator(".badge-pending").inner_text() == "審査中"
    assert held.locator(".comment-name").inner_text() == "<b>山田</b>"  # escaped, shown as text

    # Another reader sees the published comment but not the held one.
    other = browser.new_page()
    other.goto(f"{base}/demo/")
    other.locator("#comment-list li.comment", has_text=CLEAN).wait_for(timeout=10_000)
    assert other.locator("#comment-list li.comment", has_text=ABUSIVE).count() == 0

    # A moderator approves it through the queue; the page updates without a reload.
    comment_id = held.get_attribute("data-id")
    ReviewQueue(rdb, "demo", prefix=prefix).decide(comment_id, "approve", "hanako", "問題なし")
    page.wait_for_selector(f'li.comment[data-id="{comment_id}"][data-status="published"]', timeout=15_000)
    assert page.locator(f'li.comment[data-id="{comment_id}"] .badge').count() == 0
    other.wait_for_selector(f'li.comment[data-id="{comment_id}"]', timeout=15_000)

    # A rejected one stays with its author, marked as not published.
    post(page, ABUSIVE_2, "匿名", anyway=True)
    second = page.locator("#comment-list li.comment", has_text=ABUSIVE_2)
    second.wait_for(timeout=10_000)
    assert second.get_attribute("data-status") == "pending"
    ReviewQueue(rdb, "demo", prefix=prefix).decide(second.get_attribute("data-id"), "reject", "hanako", "abuse")
    page.wait_for_selector(f'li.comment[data-id="{second.get_attribute("data-id")}"][data-status="rejected"]',
                           timeout=15_000)
    assert "掲載されませんでした" in second.inner_text()
    assert errors == [], errors  # no CSP violations or script errors


def test_demo_nudges_before_posting_and_posts_the_revised_comment(demo_site, browser):
    base, app = demo_site
    errors = []
    page = browser.new_page(viewport={"width": 900, "height": 1000})
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(f"{base}/demo/")
    page.fill("#comment-text", ABUSIVE)
    page.fill("#comment-name", "みなと次郎")
    page.click("#comment-submit")
    nudge = page.locator("#nudge")
    nudge.wait_for(state="visible", timeout=10_000)
    # Japanese first, English below; the evidence words highlighted; nothing posted yet
    japanese, english = page.locator("#nudge-ja").inner_text(), page.locator("#nudge-en").inner_text()
    assert "投稿前に見直してみませんか" in japanese and "Would you like" in english
    assert page.locator("#nudge p").all_inner_texts().index(japanese) < page.locator(
        "#nudge p").all_inner_texts().index(english)
    words = page.locator("#nudge-words mark").all_inner_texts()
    assert words and all(word in ABUSIVE for word in words)
    assert page.locator("#comment-list li.comment", has_text=ABUSIVE).count() == 0
    page.locator("#comments").screenshot(path=str(shot_folder() / "demo-nudge.png"))

    # The reader revises; the revised comment is checked again (no nudge) and posted, counted as revised.
    page.click("#nudge-revise")
    assert page.evaluate("document.activeElement.id") == "comment-text"
    page.fill("#comment-text", CLEAN)
    page.click("#comment-submit")
    posted = page.locator("#comment-list li.comment", has_text=CLEAN)
    posted.wait_for(timeout=10_000)
    assert posted.get_attribute("data-status") == "published"
    assert nudge.is_hidden()
    assert page.locator("#comment-list li.comment", has_text=ABUSIVE).count() == 0
    counters = app.test_client().get("/api/v1/queue", headers={"Authorization": f"Bearer {DEMO_KEY}"}).get_json()
    assert counters["counters"].get("nudged:revised") == 1 and "nudged:unchanged" not in counters["counters"]
    page.locator("#comments").screenshot(path=str(shot_folder() / "demo-nudge-revised.png"))

    # Posted anyway: counted as unchanged, shown to its author as 審査中.
    post(page, ABUSIVE, "みなと次郎", anyway=True)
    held = page.locator("#comment-list li.comment", has_text=ABUSIVE)
    held.wait_for(timeout=10_000)
    assert held.get_attribute("data-status") == "pending"
    counters = app.test_client().get("/api/v1/queue", headers={"Authorization": f"Bearer {DEMO_KEY}"}).get_json()
    assert counters["counters"].get("nudged:unchanged") == 1
    assert errors == [], errors
