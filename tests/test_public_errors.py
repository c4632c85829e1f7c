"""The public pages' errors (429 of /transparency and the receipt page, 404 of an unknown receipt number or site,
400 of a bad period or form token) used the moderators' error page, whose only link was "審査キューに戻る" (/review):
an anonymous reader was sent to a login. They now have the readers' page: the public header, a localised message
(naming the field for a bad period) and links back to the site (SITE_URLS) and to its removal criteria."""

import re

import pytest

from tests.support.browser import needs_chromium, watched_page
from tests.support.windows import fresh_window
from tests.test_request_pages import no_inline_code

NAMED = {"SITE_URLS": {"test": "https://news.example.jp/"}, "SITE_NAMES": {"test": "例示新聞"}}


def readers_page(answer, status):
    """The public error page: its status, the readers' header, no way into the moderators' pages."""
    assert answer.status_code == status, answer.text
    html = answer.text
    no_inline_code(html)
    assert 'id="public-error"' in html and '<body class="public page-error">' in html
    assert 'href="/review' not in html and "/login" not in html
    assert "審査キュー" not in html and "Back to the queue" not in html
    assert re.search(r'<a href="/policy\?site=test" id="back-to-policy">', html) or 'href="/policy"' in html
    return html


def test_a_throttled_reader_is_sent_back_to_the_site_and_its_criteria_not_to_the_queue(make_app):
    app = make_app(TRANSPARENCY_RATE_LIMIT="1/3600", RECEIPT_RATE_LIMIT="1/3600", RATE_LIMITS="", **NAMED)
    fresh_window()
    for path in ("/transparency?site=test", "/requests/R-20261202-AAAAAAAA?site=test"):
        client = app.test_client()  # a new browser: ?lang=en below is remembered in the session
        client.get(path)
        html = readers_page(client.get(path), 429)
        assert "アクセスが集中しています" in html and "<bdi>例示新聞</bdi>" in html
        assert '<a href="https://news.example.jp/" id="back-to-site">例示新聞に戻る</a>' in html
        assert '<a href="/policy?site=test" id="back-to-policy">削除基準(送信防止措置の実施基準)を見る</a>' in html
        english = readers_page(client.get(path + "&lang=en"), 429)
        assert "Too many requests" in english and ">Back to 例示新聞</a>" in english
        assert ">Read the removal criteria</a>" in english


def test_without_site_urls_the_page_links_the_criteria_only(client):
    html = readers_page(client.get("/requests/R-20261202-AAAAAAAA?site=test"), 404)
    assert "この受付番号のご依頼は見つかりません。受付番号をご確認ください。" in html
    assert 'id="back-to-site"' not in html and 'id="back-to-policy"' in html
    english = readers_page(client.get("/requests/R-20261202-AAAAAAAA?site=test&lang=en"), 404)
    assert "No request has this receipt number." in english


@pytest.mark.parametrize(("query", "message"), [
    ("from=2026-13-01", "開始日(from)は2000年以降の日付をYYYY-MM-DDの形で指定してください。"),
    ("from=1999-12-01", "開始日(from)は2000年以降の日付をYYYY-MM-DDの形で指定してください。"),
    ("from=2026-02-01&to=x", "終了日(to)は開始日以降の日付をYYYY-MM-DDの形で、期間が366日以内になるように"),
    ("from=2026-02-01&to=2026-01-01", "終了日(to)は開始日以降の日付"),
    ("from=2024-01-01&to=2026-01-01", "期間が366日以内"),
])
def test_a_bad_period_on_the_public_report_is_a_400_naming_the_field(client, query, message):
    html = readers_page(client.get(f"/transparency?site=test&{query}"), 400)
    assert message in html


def test_an_unknown_site_or_path_and_a_stale_form_get_the_readers_page(client):
    unknown = readers_page(client.get("/transparency?site=nope"), 404)
    assert "None" not in unknown and "<bdi>コメントの削除依頼</bdi>" in unknown  # no site: the window's own name
    hostile = '/requests/"><script>alert(1)</script>/x'
    page = readers_page(client.get(hostile), 404)  # no route: the app's 404, the readers' page under /requests/
    assert "<script>alert(1)" not in page
    stale = client.post("/requests/new", data={"site": "test", "csrf_token": "forged", "name": "x"})
    assert "リクエストが無効です" in readers_page(stale, 400)
    moderators = client.get("/review/no-such-page")  # the moderators' pages keep theirs
    assert moderators.status_code == 404 and "審査キューに戻る" in moderators.text


@pytest.mark.slow
@pytest.mark.browser
@needs_chromium
def test_chromium_shows_the_readers_429_page_and_its_way_back(browser, live_server):
    from tests.support.browser import shot_folder

    base, _ = live_server(TRANSPARENCY_RATE_LIMIT="1/3600", RATE_LIMITS="", **NAMED)
    fresh_window()
    page, problems = watched_page(browser, f"{base}/transparency?site=test", javascript=False)
    assert page.locator("h1").inner_text() == "透明性レポート"
    page.goto(f"{base}/transparency?site=test")
    assert page.locator("h1").inner_text() == "エラー 429"
    assert page.locator("#back-to-site").get_attribute("href") == "https://news.example.jp/"
    assert page.locator('a[href^="/review"]').count() == 0
    page.screenshot(path=str(shot_folder() / "public-error-429.png"), full_page=True)
    page.click("#back-to-policy")
    page.wait_for_url(re.compile(r"/policy\?site=test$"))
    assert page.locator("h1").inner_text() == "送信防止措置の実施基準"
    assert [p for p in problems if "status of 429" not in p] == []
    page.context.close()
