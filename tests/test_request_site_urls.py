"""A removal request's URL reference was accepted as given whatever its host: a URL of another site named no comment
of this one (and an id in it could match one of ours, and have the wrong comment removed). When SITE_URLS names the
site's address, a URL outside it is a 400 naming the line (API and public form); without SITE_URLS nothing changes."""

import re

import pytest

from moderation.rights.links import browser_host, on_site
from moderation.store.removal_requests import get_requests
from tests.support.browser import needs_chromium, watched_page
from tests.test_request_pages import HOSTILE, form_fields, no_inline_code
from tests.test_requests import file, post_comment, request_body

SITE = {"test": "https://news.example.jp/"}
HOSTILE_HOST = "https://<script>alert(1)</script>.example/a/1#comment-c-1"


@pytest.mark.parametrize(("url", "base", "expected"), [
    ("https://news.example.jp/a/1#comment-c-1", "https://news.example.jp/", True),
    ("http://NEWS.example.jp/a/1", "https://news.example.jp/", True),  # http or https, any case in the host
    ("https://news.example.jp:443/a", "https://news.example.jp", True),
    ("https://ex.example/news/a/1", "https://ex.example/news", True),
    ("https://ex.example/newsroom/a", "https://ex.example/news/", False),  # a path beside the base's, not under it
    ("https://news.example.jp:8443/a", "https://news.example.jp/", False),
    ("https://news.example.jp@evil.example/a", "https://news.example.jp/", False),  # userinfo is not the host
    ("https://news.example.jp.evil.example/a", "https://news.example.jp/", False),
    # Chromium opens evil.example (a backslash ends the host), urllib read news.example.jp (after the user part's @)
    ("https://evil.example\\@news.example.jp/a", "https://news.example.jp/", False),
    ("https://news.example.jp:port/a", "https://news.example.jp/", False),
    ("ftp://news.example.jp/a", "https://news.example.jp/", False),
])
def test_a_url_is_the_sites_when_its_host_port_and_path_are(url, base, expected):
    assert on_site(url, base) is expected


# (URL, the host Chromium opens: tests/test_request_browser.py asks it): a browser drops tab, CR and LF anywhere and
# controls or spaces at either end before it reads the URL, so the warning names the host they hide
BROWSER_HOSTS = [
    ("https://news.example.jp\t.evil.example/a", "news.example.jp.evil.example"),
    ("https://news.example.jp\r\n.evil.example/a", "news.example.jp.evil.example"),
    ("ht\ttps://evil.example/a", "evil.example"),
    (" \thttps://evil.example/a\n", "evil.example"),
    ("https://evil.example\\@news.example.jp/a", "evil.example"),
    ("https://news.example.jp@evil.example/a", "evil.example"),
]


@pytest.mark.parametrize(("url", "host"), BROWSER_HOSTS)
def test_the_warning_names_the_host_a_browser_opens(url, host):
    assert browser_host(url) == host


def test_a_url_of_another_host_is_a_400_naming_its_line_and_nothing_is_filed(make_app, comment, rdb, prefix):
    app = make_app(SITE_URLS=SITE, RATE_LIMITS="")
    client = app.test_client()
    held = post_comment(client, comment)
    for references, index in (([held, "https://evil.example/a/9#comment-c-2025-0001"], 1),
                              ([f"https://news.example.jp@evil.example/a#comment-{held}"], 0),
                              # an id of ours in another site's URL must not name our comment
                              (["c-2025-0001", f"https://other-news.example/comments/{held}"], 1),
                              ([HOSTILE_HOST], 0), ([f"https://evil.example\\@news.example.jp/a#comment-{held}"], 0)):
        answer = file(client, request_body(references))
        assert answer.status_code == 400, answer.text
        error = answer.json["error"]
        assert (error["field"], error["code"]) == (f"comments[{index}]", "foreign_url"), error
        assert "https://news.example.jp/" in error["message"]
    assert rdb.keys(f"{prefix}{{test}}:rq:R-*") == []  # nothing filed, no receipt


def test_urls_under_the_site_are_resolved_or_kept_as_given(make_app, comment, rdb, prefix):
    app = make_app(SITE_URLS=SITE, RATE_LIMITS="")
    client = app.test_client()
    held = post_comment(client, comment)
    gone = "http://NEWS.example.jp/articles/7#comment-c-2025-0001"  # http, upper case: still the site's
    answer = file(client, request_body([f"https://news.example.jp/articles/7?comment={held}", gone, "c-2025-0002"]))
    assert answer.status_code == 201, answer.text
    with app.app_context():
        record = get_requests("test").get(answer.json["id"])
    assert record["comments"] == [held] and record["not_held"] == [gone, "c-2025-0002"]
    assert f"{prefix}{{test}}:rq:{record['id']}" in rdb.keys(f"{prefix}{{test}}:rq:R-*")  # the key the 400s lack


def test_without_site_urls_a_url_of_any_host_is_kept_as_given(app, client):
    answer = file(client, request_body(["https://elsewhere.example/a/1#comment-9"]))
    assert answer.status_code == 201, answer.text
    with app.app_context():
        assert get_requests("test").get(answer.json["id"])["not_held"] == ["https://elsewhere.example/a/1#comment-9"]


def test_the_form_names_the_line_and_the_sites_address_with_the_host_escaped(make_app, comment, rdb, prefix):
    app = make_app(SITE_URLS=SITE, RATE_LIMITS="")
    client = app.test_client()
    held = post_comment(client, comment)
    lines = f"https://news.example.jp/a/1#comment-{held}\n{HOSTILE_HOST}\n"
    answer = client.post("/requests/new", data=form_fields(client, held, comments=lines, statement=HOSTILE))
    assert answer.status_code == 400
    no_inline_code(answer.text)
    assert "<script>alert(1)" not in answer.text
    message = re.search(r'<p class="field-error" id="e-comments">([^<]*)</p>', answer.text).group(1)
    assert message == ("2行目のURL(&lt;script&gt;alert(1)&lt;)は当サイトのコメントのURLではありません。"
                       "https://news.example.jp/ のURLを入力してください。")
    assert 'aria-invalid="true"' in answer.text.split('id="f-comments"')[1].split(">")[0]
    english = client.post("/requests/new?lang=en", data=form_fields(client, held, comments=lines))
    assert "Line 2: a URL of &lt;script&gt;alert(1)&lt;, not of this site." in english.text
    assert rdb.keys(f"{prefix}{{test}}:rq:R-*") == []


@pytest.mark.slow
@pytest.mark.browser
@needs_chromium
def test_chromium_shows_the_forms_message_for_another_hosts_url_verbatim(browser, live_server, comment):
    from tests.support.browser import shot_folder
    from tests.test_request_browser import fill_form

    base, app = live_server(SITE_URLS=SITE, RATE_LIMITS="")
    held = post_comment(app.test_client(), comment)
    page, problems = watched_page(browser, f"{base}/requests/new", javascript=False)
    fill_form(page, held, comments=f"https://news.example.jp/a/1#comment-{held}\n{HOSTILE_HOST}")
    page.click("button[type=submit]")
    assert page.locator("#e-comments").inner_text() == (
        "2行目のURL(<script>alert(1)<)は当サイトのコメントのURLではありません。"
        "https://news.example.jp/ のURLを入力してください。")
    assert page.locator("#f-comments").get_attribute("aria-invalid") == "true"
    assert page.locator("#f-comments").input_value().endswith(HOSTILE_HOST)  # kept to correct
    assert page.locator("main script, main img").count() == 0
    page.screenshot(path=str(shot_folder() / "request-form-foreign-url.png"), full_page=True)
    assert [p for p in problems if "status of 400" not in p] == []
    page.context.close()
