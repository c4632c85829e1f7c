"""MODERATION_SITE_URLS held one address per site, so a newsroom whose comments live on www.example.jp and
example.jp (or an m. host, or an AMP path) had its removal requests refused as foreign_url and its Akismet calls
refused for `blog`. A site may now list its addresses; the old one-address form reads as before, a bad entry stops
start-up naming the setting and the site, and links back to the site use the first address listed."""

import json
import re

import akismet
import pytest

from moderation import settings
from moderation.integrations.outbox_worker import run_worker
from moderation.settings import SettingsError
from moderation.store.removal_requests import get_requests
from tests.support.akismet_client import akismet_client
from tests.support.app import API_KEY
from tests.support.browser import needs_chromium, watched_page
from tests.support.servers import PROJECT_ROOT
from tests.test_public_errors import readers_page
from tests.test_request_mail_safety import SENDER
from tests.test_request_pages import form_fields, no_inline_code
from tests.test_requests import file, post_comment, request_body
from tests.test_requests import mailbox as mailbox

# the www. host first (the address links back to the site use), the bare host's /news/ section, its AMP path, and
# the mobile host
ADDRESSES = ["https://www.news.example.jp/", "https://news.example.jp/news/", "https://news.example.jp/amp/news/",
             "https://m.news.example.jp/"]
LISTED = {"test": ADDRESSES}


def test_one_address_reads_as_before_and_a_list_in_order(make_app, monkeypatch):
    monkeypatch.setenv("MODERATION_SITE_URLS", '{"test": "https://news.example.jp/"}')
    assert settings.of(make_app()).site_urls == {"test": ("https://news.example.jp/",)}
    monkeypatch.setenv("MODERATION_SITE_URLS", json.dumps({"test": ADDRESSES, "other": "https://other.example/"}))
    assert settings.of(make_app()).site_urls == {"test": tuple(ADDRESSES), "other": ("https://other.example/",)}


def test_the_env_examples_line_uncommented_lists_the_sites_addresses(make_app, monkeypatch):
    line = next(line for line in (PROJECT_ROOT / ".env.example").read_text().splitlines()
                if line.startswith("# MODERATION_SITE_URLS="))
    monkeypatch.setenv("MODERATION_SITE_URLS", line.partition("=")[2])  # as Compose passes it: no quotes
    assert settings.of(make_app()).site_urls == {
        "example-news": ("https://www.example.jp/", "https://example.jp/", "https://m.example.jp/")}


@pytest.mark.parametrize(("value", "says"), [
    ('{"news": []}', "'news': give an address or a list"),
    ('{"news": ["https://example.jp/", 3]}', "'news': give an address or a list"),
    ('{"news": {"url": "https://example.jp/"}}', "'news': give an address or a list"),
    ('{"news": ["https://example.jp/", "example.jp"]}', "'news': 'example.jp' is not an http"),
    ('{"news": ["https://example.jp/", "ftp://example.jp/"]}', "'news': 'ftp://example.jp/' is not an http"),
    ('{"news": ["https://example.jp/", "https://example.jp/"]}', "'news' lists the same address twice"),
    # json.loads would keep the last and drop the first address unsaid
    ('{"news": "https://example.jp/", "news": "https://www.example.jp/"}', "'news' is named twice"),
    # PUBLIC_URL's rules (settings/readers.address_problem): the first address is the error page's link back to the
    # site, and every address is named on the public form; "www.example.jp@evil.example" goes to evil.example
    ('{"news": ["https://www.example.jp@evil.example/"]}', "'news': 'https://***@evil.example/' is not an http(s) "
     "address (it has a user part (@))"),
    ('{"news": "https://user:pw@example.jp/"}', "'news': 'https://***@example.jp/' is not"),
    ('{"news": ["https://example.jp/", "https://m.example.jp/\u202e/"]}', "'news': 'https://m.example.jp/\\u202e/' "
     "is not an http(s) address (it holds a control character"),
    ('{"news": "https://example.jp/a b/"}', "'news': 'https://example.jp/a b/' is not"),
    ('{"news": "https://example.jp/\u0085"}', "'news': 'https://example.jp/\\x85' is not"),
    ('{"news": "https://example.jp\\\\evil.example/"}', "'news': 'https://example.jp\\\\evil.example/' is not"),
    ('{"news": "https://example.jp/?from=news"}', "'news': 'https://example.jp/?from=news' is not an http(s) address "
     "(it has a query or a fragment)"),
    ('{"news": "https://example.jp/#top"}', "'news': 'https://example.jp/#top' is not"),
    ('{"news": "https://example.jp:https/"}', "'news': 'https://example.jp:https/' is not an http(s) address (its "
     "port is not a number)"),
])
def test_a_bad_entry_stops_start_up_naming_the_setting_and_the_site(make_app, monkeypatch, value, says):
    monkeypatch.setenv("MODERATION_SITE_URLS", value)
    with pytest.raises(SettingsError, match=f"^MODERATION_SITE_URLS: {re.escape(says)}") as refused:
        make_app()
    assert "pw" not in str(refused.value)  # a user part's password is never printed (nor logged)


def test_a_request_may_name_comments_on_any_of_the_sites_addresses(make_app, comment, rdb, prefix):
    app = make_app(SITE_URLS=LISTED, RATE_LIMITS="")
    client = app.test_client()
    held = post_comment(client, comment)
    kept = ["https://news.example.jp/news/7#comment-c-2025-0001", "http://M.news.example.jp/a/7#comment-c-2025-0002",
            "https://news.example.jp/amp/news/7#comment-c-2025-0003"]
    answer = file(client, request_body([f"https://www.news.example.jp/a/1#comment-{held}", *kept]))
    assert answer.status_code == 201, answer.text
    with app.app_context():
        record = get_requests("test").get(answer.json["id"])
    assert record["comments"] == [held] and record["not_held"] == kept
    for outside in ("https://news.example.jp/sports/7#comment-c-2025-0004",  # the bare host's other section
                    "https://news.example.jp/amp/sports/7", "https://mm.news.example.jp/a/1",
                    f"https://www.news.example.jp.evil.example/a/1#comment-{held}"):
        answer = file(client, request_body([f"https://m.news.example.jp/a/1#comment-{held}", outside]))
        assert answer.status_code == 400, (outside, answer.text)
        error = answer.json["error"]
        assert (error["field"], error["code"]) == ("comments[1]", "foreign_url"), error
        assert f"not of this site ({', '.join(ADDRESSES)})" in error["message"]
    filed = {key.split(":rq:")[1].split(":")[0] for key in rdb.keys(f"{prefix}{{test}}:rq:R-*")}
    assert filed == {record["id"]}  # only the first request was filed


def test_the_receipt_mail_quotes_references_on_any_of_the_sites_addresses(make_app, mailbox, comment):
    app = make_app(SITE_URLS=LISTED, SMTP_URL=mailbox.url, SMTP_FROM=SENDER, RATE_LIMITS="")
    client = app.test_client()
    quoted = ["https://m.news.example.jp/a/7#comment-c-2025-0001", "https://news.example.jp/amp/news/7?comment=c-9"]
    assert file(client, request_body([post_comment(client, comment), *quoted, "evil.example"])).status_code == 201
    run_worker(app, once=True)  # the real worker's pass, over SMTP to aiosmtpd
    [(_, _, message)] = mailbox.messages
    text = message.get_content()
    for reference in quoted:
        assert f"\n- {reference}(当サービスに保存されていないコメント: サイト上で確認します)\n" in text
    assert "evil.example" not in text and "当サービスに保存されていないコメント 1 件" in text


def test_the_forms_message_names_every_address_escaped(make_app, comment, rdb, prefix):
    addresses = ["https://www.news.example.jp/", 'https://news.example.jp/a&b/"<i>x</i>/']
    app = make_app(SITE_URLS={"test": addresses}, RATE_LIMITS="")
    client = app.test_client()
    held = post_comment(client, comment)
    lines = f"https://www.news.example.jp/a/1#comment-{held}\nhttps://evil.example/a/1\n"
    answer = client.post("/requests/new", data=form_fields(client, held, comments=lines))
    assert answer.status_code == 400
    no_inline_code(answer.text)
    assert "<i>x" not in answer.text
    message = re.search(r'<p class="field-error" id="e-comments">([^<]*)</p>', answer.text).group(1)
    assert message == ("2行目のURL(evil.example)は当サイトのコメントのURLではありません。"
                       "https://www.news.example.jp/ または https://news.example.jp/a&amp;b/&#34;&lt;i&gt;x&lt;/i&gt;/ "
                       "のURLを入力してください。")
    english = client.post("/requests/new?lang=en", data=form_fields(client, held, comments=lines))
    assert ("Line 2: a URL of evil.example, not of this site. Please give a URL under https://www.news.example.jp/ "
            "or https://news.example.jp/a&amp;b/&#34;&lt;i&gt;x&lt;/i&gt;/.") in english.text
    assert rdb.keys(f"{prefix}{{test}}:rq:R-*") == []


def test_the_public_pages_link_back_to_the_first_address(make_app):
    app = make_app(SITE_URLS=LISTED, SITE_NAMES={"test": "例示新聞"})
    html = readers_page(app.test_client().get("/requests/R-20261202-AAAAAAAA?site=test"), 404)
    assert re.findall(r'<a href="([^"]*)" id="back-to-site">', html) == ["https://www.news.example.jp/"]


def test_the_real_akismet_client_works_from_each_address_and_no_other(make_app, thresholds):
    app = make_app(THRESHOLDS=thresholds.flag_all, SITE_URLS=LISTED)
    for blog in ("https://m.news.example.jp/", "https://news.example.jp/amp/news/", "https://WWW.news.example.jp"):
        with akismet_client(API_KEY, app=app, blog=blog) as checker:  # the context manager verifies the key
            assert checker.comment_check("203.0.113.7", comment_content="副業で月収100万円！") \
                == akismet.CheckResponse.SPAM
    for blog in ("https://news.example.jp/", "https://news.example.jp/sports/", "http://m.news.example.jp/",
                 "https://m.news.example.jp.evil.example/"):
        with pytest.raises(akismet.APIKeyError):
            akismet_client(API_KEY, app=app, blog=blog).__enter__()
        raw = app.test_client().post("/1.1/comment-check", data={"api_key": API_KEY, "blog": blog,
                                                                 "user_ip": "1.2.3.4", "comment_content": "x"})
        assert raw.data == b"invalid", blog
        assert raw.headers["X-akismet-debug-help"] == (
            f"The blog URL does not belong to this key's site ({', '.join(ADDRESSES)}).")


@pytest.mark.slow
@pytest.mark.browser
@needs_chromium
def test_chromium_shows_every_address_in_the_forms_message(browser, live_server, comment):
    from tests.support.browser import shot_folder
    from tests.test_request_browser import fill_form

    base, app = live_server(SITE_URLS=LISTED, RATE_LIMITS="")
    held = post_comment(app.test_client(), comment)
    page, problems = watched_page(browser, f"{base}/requests/new", javascript=False)
    fill_form(page, held, comments=f"https://m.news.example.jp/a/1#comment-{held}\nhttps://news.example.jp/sports/1")
    page.click("button[type=submit]")
    assert page.locator("#e-comments").inner_text() == (
        "2行目のURL(news.example.jp)は当サイトのコメントのURLではありません。"
        f"{' または '.join(ADDRESSES)} のURLを入力してください。")
    assert page.locator("#f-comments").get_attribute("aria-invalid") == "true"
    page.screenshot(path=str(shot_folder() / "request-form-site-addresses.png"), full_page=True)
    assert [p for p in problems if "status of 400" not in p] == []
    page.context.close()
