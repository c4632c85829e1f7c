"""A URL that urllib cannot split -- a bracket that opens no IPv6 address, "https://[news.example/a" -- makes urlsplit
raise ValueError. Wherever a client, a reader or a filer hands the service a URL it is a 400 naming the field (or the
Akismet protocol's `invalid`, or the login's default page), never a 500; and a record stored before the API refused
one is shown without a link. Found auditing the Akismet endpoints: `blog` under SITE_URLS was a 500."""

import ast

import pytest

from moderation import PROJECT_ROOT
from moderation.pages.cards import safe_link
from tests.support.akismet_client import forms_naming_blog
from tests.support.app import API_KEY
from tests.test_request_pages import form_fields
from tests.test_requests import file, post_comment, request_body

BROKEN = ["https://[news.example/a", "https://news.example]/a", "http://[::1/x"]
AUTH = {"Authorization": f"Bearer {API_KEY}"}


@pytest.mark.parametrize("url", BROKEN)
def test_a_comment_or_article_url_urllib_cannot_split_is_a_400_naming_it(make_app, comment, thresholds, login,
                                                                          url):
    """Accepted before, such a comment made /review/api/claim a 500 for every moderator who drew its card."""
    app = make_app(THRESHOLDS=thresholds.flag_all)
    client = app.test_client()
    for field in ("url", "article_url"):
        answer = client.post("/api/v1/comments", json=comment("この記事の筆者は詐欺師だ", **{field: url}), headers=AUTH)
        assert answer.status_code == 400 and answer.json["error"]["field"] == field, answer.text
    answer = client.put("/api/v1/articles/a-9", json={"title": "記事", "url": url}, headers=AUTH)
    assert answer.status_code == 400 and answer.json["error"]["field"] == "url", answer.text
    post_comment(client, comment, url="https://news.example/a/1")
    assert login(app, "hanako").post("/review/api/claim", {}).status_code == 200


def test_a_stored_url_urllib_cannot_split_is_shown_without_a_link():
    assert [safe_link(url) for url in BROKEN] == [None, None, None]
    assert safe_link("https://news.example/a/1") == "https://news.example/a/1"


@pytest.mark.parametrize("site_urls", [None, {"test": "https://news.example/"}])
def test_a_removal_request_naming_such_a_url_is_a_400_naming_its_line(make_app, comment, site_urls):
    app = make_app(RATE_LIMITS="", REQUEST_RATE_LIMIT="", **({"SITE_URLS": site_urls} if site_urls else {}))
    client = app.test_client()
    held = post_comment(client, comment)
    for url in BROKEN:
        answer = file(client, request_body([held, url]))
        assert answer.status_code == 400, answer.text
        assert answer.json["error"]["field"] == "comments[1]"
        assert answer.json["error"]["code"] == "invalid_reference"
        form = client.post("/requests/new", data=form_fields(client, held, comments=f"{url}\n"))
        assert form.status_code == 400 and "1行目をコメントのURLまたはIDとして読めません" in form.text


def test_the_login_page_sends_such_a_next_to_the_review_page(make_app, accounts):
    from tests.support.moderators import MODERATOR_PASSWORD, csrf_of

    client = make_app().test_client()
    for target in ("http://[", "//[", "/x?[", "https://news.example]/"):
        page = client.get("/login", query_string={"next": target})
        assert page.status_code == 200, target
    page = client.get("/login", query_string={"next": "http://["})
    answer = client.post("/login?next=http://[", data={"username": "hanako", "password": MODERATOR_PASSWORD,
                                                      "csrf_token": csrf_of(page.text)})
    assert answer.status_code == 302 and answer.headers["Location"].endswith("/review"), answer.headers


@pytest.mark.parametrize("url", BROKEN)
def test_an_akismet_blog_urllib_cannot_split_is_invalid_for_a_site_with_addresses(make_app, url):
    client = make_app(SITE_URLS={"test": "https://news.example/"}).test_client()
    for path, form in forms_naming_blog(url):
        answer = client.post(path, data=form)
        assert (answer.status_code, answer.data) == (200, b"invalid"), (path, answer.status_code, answer.data)
        assert "news.example" in answer.headers["X-akismet-debug-help"]


def test_split_url_is_the_one_place_that_catches_urlsplits_value_error():
    """Six readers of a URL each caught urlsplit's ValueError (intake, on_site, check_http_url, Akismet's under, the
    login's next, the cards' links): api/validation.split_url is now the one catch, and it answers as they did."""
    from moderation.api.validation import split_url

    assert [split_url(url) for url in BROKEN] == [None, None, None]
    assert split_url("https://news.example:8443/a?b#c")[:3] == ("https", "news.example:8443", "/a")
    assert split_url("https://news.example:x/a").netloc == "news.example:x"  # a bad port splits (check_http_url)
    assert split_url("https://news.example:x/a", port=True) is None  # unless its port is read (on_site, under)
    assert split_url("https://news.example:8443/a", port=True).port == 8443
    catches = []
    for path in sorted((PROJECT_ROOT / "moderation").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if "urlsplit" not in source:  # no call to it to catch around (parsing all ~300 modules: ~1 s)
            continue
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Try) and any(isinstance(n, ast.Call) and getattr(n.func, "id", "") == "urlsplit"
                                                 for stmt in node.body for n in ast.walk(stmt)):
                if any("ValueError" in ast.unparse(handler.type or ast.Name("BaseException"))
                       for handler in node.handlers):
                    catches.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}")
    assert catches == [f"moderation/api/validation.py:{_line_of(split_url)}"], catches


def _line_of(function):
    """The line of the first `try` in a function's source."""
    import inspect

    lines, start = inspect.getsourcelines(function)
    return start + next(i for i, line in enumerate(lines) if line.strip() == "try:")
