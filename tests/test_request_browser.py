"""The request window, the requests queue and the transparency page in a real headless Chromium (ja-JP):
the form works without JavaScript and with it, the CSP holds (no console errors), and screenshots are taken."""

import re
import time

import pytest

from moderation.rights import links, process
from tests.support.app import API_KEY
from tests.support.browser import needs_chromium, shot_folder, watched_page
from tests.support.moderators import MODERATOR_PASSWORD
from tests.test_request_site_urls import BROWSER_HOSTS
from tests.test_requests import FakeClock

pytestmark = [pytest.mark.slow, pytest.mark.browser, needs_chromium]
AUTH = {"Authorization": f"Bearer {API_KEY}"}
SITE = {"test": "https://news.example.jp/"}  # the site's address (SITE_URLS): its URLs are links on the request page


@pytest.fixture
def site(live_server, accounts, comment):
    """(base url, app, comment ids): a live app with three published comments of site test."""
    base, app = live_server(RATE_LIMITS="", THRESHOLDS={"spam": {"review": 1.01, "reject": 1.01},
                                                        "abuse": {"review": 1.01, "reject": 1.01}})
    api = app.test_client()
    ids = []
    for text in ("この店主は客を騙している詐欺師だ。", "○○さんの自宅は△△町の青い屋根の家。", "写真を転載します。"):
        body = comment(text, author={"id": "poster-1", "name": "投稿者"})
        assert api.post("/api/v1/comments", json=body, headers=AUTH).status_code == 200
        ids.append(body["id"])
    return base, app, ids


def open_page(browser, base, path, *, javascript=True):
    return watched_page(browser, f"{base}{path}", javascript=javascript)  # ja-JP, 1280x800


def fill_form(page, comment_id, comments=None):
    """A complete request naming `comment_id`'s URL, or `comments` (the field's lines) when given."""
    page.fill("#f-requester-name", "山田 花子")
    page.fill("#f-requester-email", "hanako@example.jp")
    page.check('input[name="relation"][value="self"]')
    page.fill("#f-comments", comments or f"https://news.example.jp/articles/7#comment-{comment_id}")
    page.check('input[name="right"][value="reputation"]')
    page.fill("#f-explanation", "私の店について、根拠なく「詐欺師」と書かれています。")


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js"])
def test_the_request_form_works_with_and_without_javascript(browser, site, javascript):
    base, _, ids = site
    page, problems = open_page(browser, base, "/requests/new", javascript=javascript)
    assert page.locator("h1").inner_text().startswith("コメントの削除依頼")
    if not javascript:
        page.screenshot(path=str(shot_folder() / "request-form.png"), full_page=True)
    counter = page.locator("#c-explanation")
    if javascript:
        page.fill("#f-explanation", "12345")
        assert counter.is_visible() and counter.inner_text().startswith("5 / 4000")
    else:
        assert not counter.is_visible()
    fill_form(page, ids[0])
    page.fill("#f-requester-email", "hanako-at-example")  # a wrong address first: the form says which field
    page.click("button[type=submit]")
    assert page.locator("#e-email").inner_text() == "メールアドレスを正しく入力してください。"
    assert page.locator("#f-explanation").input_value().startswith("私の店について")  # the rest is kept
    if not javascript:
        page.screenshot(path=str(shot_folder() / "request-form-error.png"), full_page=True)
    page.fill("#f-requester-email", "hanako@example.jp")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/requests/R-"))
    assert page.locator("h1").inner_text() == "削除依頼を受け付けました"
    request_id = page.locator("#request-id").inner_text()
    assert re.fullmatch(r"R-\d{8}-[A-Z2-9]{8}", request_id)
    if not javascript:
        page.screenshot(path=str(shot_folder() / "request-receipt.png"), full_page=True)
    # No CSP violation or script error in the console: only the deliberate 400 of the wrong address.
    assert [p for p in problems if "status of 400" not in p] == []
    page.context.close()


def login(browser, base, path):
    page, problems = open_page(browser, base, path)
    page.fill('input[name="username"]', "hanako")
    page.fill('input[name="password"]', MODERATOR_PASSWORD)
    page.press('input[name="password"]', "Enter")
    page.wait_for_url(f"{base}{path}")
    return page, problems


def test_the_requests_queue_and_the_transparency_page_in_chromium(browser, site):
    base, app, ids = site
    api = app.test_client()
    body = {"requester": {"name": "佐藤 一郎", "email": "ichiro@example.jp", "relation": "representative"},
            "right": "privacy", "explanation": "依頼者の自宅の場所が書かれています。"}
    clock = FakeClock(time.time() - 8 * 86400)  # filed 8, 5.5 and 0 days ago: overdue, due soon, consulted
    app.extensions["moderation.clock"] = clock
    received = []
    for cid, days in zip(ids, (2.5, 5.5, 0), strict=True):
        received.append(api.post("/api/v1/requests", json={**body, "comments": [cid]}, headers=AUTH).json["id"])
        clock.advance(days=days)
    with app.app_context():
        process.advance("test", received[2], "poster_consulted", "jiro")
    page, problems = login(browser, base, "/review/requests")
    rows = page.locator("tr[data-request-id]")
    assert rows.count() == 3
    assert [rows.nth(n).get_attribute("class") for n in range(3)] == ["overdue", "due-soon", ""]
    assert page.locator("#deadline-banner").is_visible()
    page.screenshot(path=str(shot_folder() / "requests-queue.png"), full_page=True)
    page.click(f'a:has-text("{received[0]}")')
    page.click('button[value="investigating"]')
    assert page.locator(".request-notice").inner_text() == "段階を更新しました。"
    page.check('input[name="outcome"][value="removed"]')
    page.select_option("#criterion", "privacy")
    page.fill("#criterion-detail", "自宅の場所(町名と屋根の色)")
    page.fill("#reason", "住所を特定できる記述のため削除しました。")
    page.evaluate("document.querySelector('.topbar').style.position = 'static'")  # no sticky bar mid-shot
    page.screenshot(path=str(shot_folder() / "request-detail.png"), full_page=True)
    page.click(".decide-form button[type=submit]")
    assert page.locator("#request-status").inner_text() == "判断済み: 削除"
    assert page.locator(".comment-status").first.inner_text() == "非公開"
    assert problems == []
    page.context.close()

    # The period names the days the requests were filed in: the page's default (this month so far) would
    # miss the first two whenever the suite runs in a month's first eight days.
    first, last = (time.strftime("%Y-%m-%d", time.gmtime(t)) for t in (clock.now - 8 * 86400, clock.now))
    page, problems = open_page(browser, base, f"/transparency?from={first}&to={last}")
    assert page.locator("h1").inner_text() == "透明性レポート"
    assert page.locator("#report-requests td.num").first.inner_text() == "3"
    criteria = page.locator("#report-criteria tr[data-criterion]")  # the criterion chosen, counted
    assert criteria.count() == 14 and page.locator('#report-criteria tr[data-criterion="unclassified"]').count() == 0
    assert page.locator('#report-criteria tr[data-criterion="privacy"] td').inner_text() == "1"
    page.screenshot(path=str(shot_folder() / "transparency.png"), full_page=True)
    page.goto(f"{base}/policy")
    assert page.locator("h1").inner_text() == "送信防止措置の実施基準"
    page.screenshot(path=str(shot_folder() / "policy.png"), full_page=True)
    assert problems == []
    page.context.close()


def test_the_request_page_links_the_article_of_each_comment(browser, live_server, accounts, comment):
    """The moderator reads a comment against the article it was posted under: the page shows the article's title as
    text (a hostile title runs nothing: no dialog, no console error) linking to its http(s) address."""
    hostile = '<img src=x onerror=alert(1)>"><script>alert(2)</script>地裁判決の記事'
    base, app = live_server(RATE_LIMITS="")
    api = app.test_client()
    body = comment("この店主は客を騙している詐欺師だ。", article_id="art-7", article_title=hostile,
                   article_url="https://news.example.jp/articles/7?page=2&ref=top")
    assert api.post("/api/v1/comments", json=body, headers=AUTH).status_code == 200
    filed = api.post("/api/v1/requests", headers=AUTH, json={
        "requester": {"name": "山田 花子", "email": "hanako@example.jp", "relation": "self"},
        "comments": [body["id"]], "right": "reputation", "explanation": "根拠なく詐欺師と書かれています。"})
    assert filed.status_code == 201, filed.text
    dialogs = []
    page, problems = login(browser, base, f"/review/requests/{filed.json['id']}")
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    link = page.locator(f'section[data-comment-id="{body["id"]}"] .request-article a')
    assert link.inner_text() == hostile
    assert link.get_attribute("href") == "https://news.example.jp/articles/7?page=2&ref=top"
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert page.locator(f'section[data-comment-id="{body["id"]}"] .request-article code').inner_text() == "art-7"
    assert page.locator(".request-article img, .request-article script").count() == 0
    page.reload()  # a dialog opened while the page loads is caught on the second load
    assert dialogs == [] and problems == []
    page.context.close()


def test_a_comment_past_the_services_retention_is_filed_in_the_form_and_marked_for_the_moderator(browser, live_server,
                                                                                                 accounts, comment):
    """The published comment's record really expires (PUBLISHED_TTL_DAYS: 1 s here, 30 days by default); the form
    still takes the request (before: "1行目のコメントが当サイトに見つかりません"), the receipt gives the 7-day deadline,
    and the moderator's page says the service does not hold the comment, linking the URL as given (the site's own:
    SITE_URLS)."""
    from moderation.store.review_queue import get_queue

    base, app = live_server(RATE_LIMITS="", PUBLISHED_TTL_DAYS=str(1 / 86400), SITE_URLS=SITE,
                            THRESHOLDS={"spam": {"review": 1.01, "reject": 1.01},
                                        "abuse": {"review": 1.01, "reject": 1.01}})
    body = comment("この店主は客を騙している詐欺師だ。")
    assert app.test_client().post("/api/v1/comments", json=body, headers=AUTH).json["status"] == "published"
    deadline = time.monotonic() + 5
    with app.app_context():
        while get_queue("test").get(body["id"]) is not None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert get_queue("test").get(body["id"]) is None, "the published record did not expire"
    page, problems = open_page(browser, base, "/requests/new", javascript=False)
    fill_form(page, body["id"])
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/requests/R-"))
    assert page.locator("h1").inner_text() == "削除依頼を受け付けました"
    request_id = page.locator("#request-id").inner_text()
    due = page.locator("#due-at").get_attribute("datetime")
    with app.app_context():
        record = process.load("test", request_id)
    assert record["due_at"] - record["received_at"] == 7 * 86_400_000 and due.startswith(time.strftime(
        "%Y-%m-%d", time.gmtime(record["due_at"] / 1000)))
    page.context.close()
    page, more = login(browser, base, f"/review/requests/{request_id}")
    reference = f"https://news.example.jp/articles/7#comment-{body['id']}"
    section = page.locator("section.not-held")
    assert section.count() == 1 and section.get_attribute("data-reference") == reference
    assert section.locator("a").get_attribute("href") == reference
    assert section.locator(".comment-not-held").inner_text().startswith("このコメントは本サービスに保存されていません")
    assert problems == [] and more == []
    page.context.close()


def test_the_request_pages_comment_and_texts_fill_their_box(browser, live_server, accounts, comment):
    """A long comment on the request page wrapped at 28em (the review queue's excerpt width, .excerpt): about half of
    its box on a 1280 px screen, so a moderator read it as a narrow column beside empty space (the requester's
    explanation too). They use the box's width now; the screenshot shows it."""
    base, app = live_server(RATE_LIMITS="")
    api = app.test_client()
    body = comment("この店主は客を騙している詐欺師だ。" * 12)
    assert api.post("/api/v1/comments", json=body, headers=AUTH).status_code == 200
    filed = api.post("/api/v1/requests", headers=AUTH, json={
        "requester": {"name": "山田 花子", "email": "hanako@example.jp", "relation": "self"},
        "comments": [body["id"]], "right": "reputation", "explanation": "根拠なく詐欺師と書かれています。" * 10})
    assert filed.status_code == 201, filed.text
    page, problems = login(browser, base, f"/review/requests/{filed.json['id']}")
    page.screenshot(path=str(shot_folder() / "request-long-comment.png"), full_page=True)
    box = page.locator(".request-comment").first.evaluate("e => e.clientWidth")
    quote = page.locator(".request-comment blockquote").first.bounding_box()
    assert quote["height"] > 40 and quote["width"] > 0.85 * box  # wrapped, at the box's width (was 448 of 958 px)
    facts, explanation = page.locator(".request-facts").bounding_box(), page.locator(".request-facts dd.excerpt")
    dd = explanation.first.bounding_box()
    assert dd["x"] + dd["width"] > facts["x"] + 0.9 * facts["width"]
    assert problems == []
    page.context.close()


def test_a_url_the_requester_gave_is_a_link_only_under_the_sites_own_address(browser, live_server, accounts):
    """The s28 trial: a not-held URL on the request page was a live link to whatever host the requester typed, a
    phishing link on a moderator's logged-in page. Only a URL under the site's SITE_URLS is a link now; any other is
    text, with the host a browser would open and a warning. https://evil.example\\@news.example.jp/... was the
    site's to urllib (the host after the @) and is evil.example's to Chromium: it is no link either."""
    hostile = "https://evil.example\\@news.example.jp/articles/7#comment-c-9"
    references = ["https://evil.example/login#comment-c-8", hostile, "https://news.example.jp/articles/7#comment-c-7"]
    base, app = live_server(RATE_LIMITS="")  # no SITE_URLS: filed as given (as before SITE_URLS was set)
    filed = app.test_client().post("/api/v1/requests", headers=AUTH, json={
        "requester": {"name": "山田 花子", "email": "hanako@example.jp", "relation": "self"},
        "comments": references, "right": "reputation", "explanation": "根拠なく詐欺師と書かれています。"})
    assert filed.status_code == 201, filed.text
    path = f"/review/requests/{filed.json['id']}"
    site_base, _ = live_server(RATE_LIMITS="", SITE_URLS=SITE)
    page, problems = login(browser, site_base, path)
    assert page.evaluate("url => new URL(url).hostname", hostile) == "evil.example"
    for url, host in BROWSER_HOSTS:  # the hosts the warning names are the ones Chromium opens
        assert page.evaluate("url => new URL(url).hostname", url) == host == links.browser_host(url)
    sections = page.locator("section.not-held")
    assert [sections.nth(n).get_attribute("data-reference") for n in range(3)] == references
    assert [sections.nth(n).locator("a").count() for n in range(3)] == [0, 0, 1]
    assert sections.nth(2).locator("a").get_attribute("href") == references[2]
    assert [sections.nth(n).locator("code.reference-text").inner_text() for n in range(2)] == references[:2]
    warnings = [sections.nth(n).locator(".foreign-url") for n in range(3)]
    assert warnings[2].count() == 0
    for warning in warnings[:2]:
        assert warning.inner_text().startswith("リンクにしていません: このURLのホスト evil.example は")
    page.evaluate("document.querySelector('.topbar').style.position = 'static'")
    page.screenshot(path=str(shot_folder() / "request-foreign-urls.png"), full_page=True)
    assert problems == []
    page.context.close()
    page, problems = login(browser, base, path)  # no addresses configured: no URL a requester typed is a link
    assert page.locator("section.not-held a").count() == 0
    assert page.locator(".foreign-url").all_inner_texts()[2].startswith(
        "リンクにしていません: サイトのアドレス(MODERATION_SITE_URLS)が設定されていないため")
    page.screenshot(path=str(shot_folder() / "request-unchecked-urls.png"), full_page=True)
    assert problems == []
    page.context.close()
