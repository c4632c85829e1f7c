"""Akismet compatibility, driven by the real `akismet` client from PyPI over an in-process WSGI transport."""

import re

import akismet
import httpx
import pytest

from moderation.store.training_labels import LabelStore
from tests.support.akismet_client import forms_naming_blog
from tests.support.app import API_KEY
from tests.support.servers import PROJECT_ROOT
from tests.support.windows import fresh_window

BLOG = "https://news.example/"


def client_for(app, key=API_KEY):
    http = httpx.Client(transport=httpx.WSGITransport(app=app), headers={"User-Agent": akismet.USER_AGENT},
                        timeout=5)
    return akismet.SyncClient(config=akismet.Config(key=key, url=BLOG), http_client=http)


def test_round_trip_with_the_real_client(make_app, rdb, prefix, thresholds):
    app = make_app(THRESHOLDS=thresholds.flag_all)
    with client_for(app) as checker:  # the context manager verifies the key first
        assert checker.comment_check("203.0.113.7", comment_content="副業で月収100万円！", comment_type="comment",
                                     comment_author="山田") == akismet.CheckResponse.SPAM
        assert checker.submit_spam("203.0.113.7", comment_content="副業で月収100万円！") is True
        assert checker.submit_ham("203.0.113.8", comment_content="良い記事でした。") is True
    rows = LabelStore(rdb, "test", prefix).export(feedback_weight=0.5, daily_cap=10)
    assert [(r["task"], r["value"], r["source"], r["text"], r["weight"]) for r in rows] == [
        ("spam", 1, "akismet", "副業で月収100万円！", 0.5), ("spam", 0, "akismet", "良い記事でした。", 0.5)]


def test_clean_comment_is_ham(make_app, thresholds):
    checker = client_for(make_app(THRESHOLDS=thresholds.flag_none))
    assert checker.comment_check("203.0.113.7", comment_content="良い記事でした。") == akismet.CheckResponse.HAM


def test_very_confident_spam_gets_the_discard_pro_tip(make_app, thresholds):
    checker = client_for(make_app(THRESHOLDS=thresholds.reject_all))
    assert checker.comment_check("203.0.113.7", comment_content="副業で月収100万円！") == akismet.CheckResponse.DISCARD


def test_bad_key_is_invalid_exactly_as_akismet_answers(make_app):
    app = make_app()
    checker = client_for(app, key="not-a-key-at-all")
    assert checker.verify_key() is False
    with pytest.raises(akismet.APIKeyError):
        checker.comment_check("203.0.113.7", comment_content="x")
    with pytest.raises(akismet.APIKeyError):
        akismet.SyncClient.validated_client(config=akismet.Config(key="nope-nope-nope", url=BLOG),
                                            http_client=httpx.Client(transport=httpx.WSGITransport(app=app)))
    raw = app.test_client()
    for path, form in (("/1.1/comment-check", {"api_key": "wrong", "blog": BLOG, "user_ip": "1.2.3.4"}),
                       ("/1.1/verify-key", {"key": "wrong", "blog": BLOG}),
                       ("/1.1/submit-spam", {"blog": BLOG, "user_ip": "1.2.3.4"})):
        response = raw.post(path, data=form)
        assert response.status_code == 200 and response.data == b"invalid"
        assert response.headers["X-akismet-debug-help"]
        assert response.mimetype == "text/plain"


def test_plain_form_posts_and_no_key_in_the_host_name(make_app, thresholds):
    raw = make_app(THRESHOLDS=thresholds.flag_all).test_client()
    data = {"blog": BLOG, "user_ip": "1.2.3.4", "comment_content": "買って"}
    in_host = raw.post("/1.1/comment-check", data=data, base_url=f"http://{API_KEY}.rest.example.com")
    assert in_host.data == b"invalid"  # a key in a host name leaks into logs and DNS: body only
    assert raw.post("/1.1/verify-key", data={"blog": BLOG}, base_url=f"http://{API_KEY}.rest.example.com"
                    ).data == b"invalid"
    response = raw.post("/1.1/comment-check", data={**data, "api_key": API_KEY})
    assert response.data == b"true" and response.headers["X-akismet-guid"]
    assert "X-akismet-pro-tip" not in response.headers
    response = raw.post("/1.1/verify-key", data={"key": API_KEY, "blog": BLOG})
    assert response.data == b"valid"


def test_verify_key_and_every_akismet_route_are_rate_limited(make_app):
    raw = make_app(RATE_LIMITS={"key": "1000/3600", "ip": "3/3600"}).test_client()
    fresh_window()
    env = {"REMOTE_ADDR": "198.51.100.20"}
    guesses = [raw.post("/1.1/verify-key", data={"key": f"guess-{n}-xxxxxxxx", "blog": BLOG}, environ_base=env)
               for n in range(4)]
    assert [g.status_code for g in guesses] == [200, 200, 200, 429]
    assert int(guesses[-1].headers["Retry-After"]) > 0
    spam = {"api_key": API_KEY, "blog": BLOG, "user_ip": "1.2.3.4", "comment_content": "spam"}
    assert raw.post("/1.1/submit-spam", data=spam, environ_base=env).status_code == 429  # same caller
    other = {"REMOTE_ADDR": "198.51.100.21"}
    assert [raw.post("/1.1/submit-spam", data=spam, environ_base=other).status_code for _ in range(4)] == [
        200, 200, 200, 429]


def test_missing_required_field_is_explained(make_app):
    raw = make_app().test_client()
    response = raw.post("/1.1/comment-check", data={"api_key": API_KEY, "blog": BLOG})
    assert response.data == b"Missing required field: user_ip."


def test_is_test_submissions_are_not_kept_as_labels(make_app, rdb, prefix):
    raw = make_app().test_client()
    response = raw.post("/1.1/submit-spam", data={"api_key": API_KEY, "blog": BLOG, "user_ip": "1.2.3.4",
                                                   "comment_content": "spam", "is_test": "1"})
    assert response.data == b"Thanks for making the web a better place."
    assert rdb.xlen(f"{prefix}{{test}}:labels") == 0


def test_blog_must_be_under_the_keys_site_url_when_configured(make_app, thresholds):
    app = make_app(THRESHOLDS=thresholds.flag_all, SITE_URLS={"test": "https://news.example/"})
    with client_for(app) as checker:  # BLOG is under the site's URL: the real client works as before
        assert checker.comment_check("203.0.113.7", comment_content="副業で月収100万円！") == akismet.CheckResponse.SPAM
    raw = app.test_client()
    for blog in ("https://evil.example/", "http://news.example/", "https://news.example.evil.example/",
                 "https://news.example:8443/", "not a url"):
        for path, form in forms_naming_blog(blog, content="副業で月収100万円！"):
            response = raw.post(path, data=form)
            assert response.data == b"invalid", (path, blog)
            assert "news.example" in response.headers["X-akismet-debug-help"]
    for blog in ("https://NEWS.example", "https://news.example:443/articles/1"):
        assert raw.post("/1.1/verify-key", data={"key": API_KEY, "blog": blog}).data == b"valid", blog
    other = make_app(SITE_URLS={"test": "https://news.example/ja/"}).test_client()
    assert other.post("/1.1/verify-key", data={"key": API_KEY, "blog": "https://news.example/en/"}).data == b"invalid"
    assert other.post("/1.1/verify-key", data={"key": API_KEY, "blog": "https://news.example/ja"}).data == b"valid"


def test_the_readmes_akismet_package_snippet_checks_a_comment_here(make_app, thresholds):
    """README's `akismet` snippet, run as written except that its transport's network hop is this app in
    process (no TLS host here): validated_client verifies the key, comment_check gets the service's answer."""
    readme = (PROJECT_ROOT / "README.md").read_text()
    [snippet] = re.findall(r"```python\n(import akismet, httpx\n.*?)```", readme, re.S)
    assert snippet.count("httpx.HTTPTransport") == 1
    app = make_app(THRESHOLDS=thresholds.flag_all)
    seen = []

    class InProcess(httpx.WSGITransport):
        def __init__(self):
            super().__init__(app=app)

        def handle_request(self, request):
            seen.append((request.url.host, request.headers["Host"], request.url.path))
            return super().handle_request(request)

    namespace = {"KEY": API_KEY, "InProcess": InProcess}
    exec(snippet.replace("httpx.HTTPTransport", "InProcess"), namespace)  # noqa: S102 (the README's own code)
    assert namespace["checker"].comment_check("203.0.113.7", comment_content="副業で月収100万円！",
                                              comment_type="comment") == akismet.CheckResponse.SPAM
    assert {host for host, _, _ in seen} == {"moderation.example.com"} == {header for _, header, _ in seen}
    assert [path for _, _, path in seen][:1] == ["/1.1/verify-key"] and "/1.1/comment-check" in [p for *_, p in seen]


def test_a_comment_sent_in_its_blogs_charset_is_read_in_it(make_app, rdb, prefix):
    """Akismet reads comment_* in `blog_charset`: a Shift_JIS or EUC-JP site's comment was read as UTF-8 here, kept
    (and scored) as U+FFFD. An unknown charset, a codec that is no text encoding, a name with a NUL in it or a codec
    that refuses the bytes whatever `errors` says (idna) reads UTF-8 as before."""
    from urllib.parse import urlencode

    raw = make_app(RATE_LIMITS="").test_client()
    sent = {"Shift_JIS": "副業で月収100万円！", "EUC-JP": "在宅ワークで日給3万円", "cp932": "今すぐ登録①",
            "UTF-8": "良い記事でした。", "no-such-charset": "普通の感想", "zlib_codec": "普通の感想です",
            "utf\x008": "NULを含む名前", "idna": "変換できない文字"}  # a 500 (ValueError) until session 27
    for index, (charset, text) in enumerate(sent.items()):
        body = urlencode({"api_key": API_KEY, "blog": BLOG, "user_ip": "203.0.113.7", "comment_content": text,
                          "blog_charset": charset, "guid": f"charset-{index}"},
                         encoding=charset if charset[0] in "SEcU" else "utf-8")
        answer = raw.post("/1.1/submit-spam", data=body, content_type="application/x-www-form-urlencoded")
        assert answer.data == b"Thanks for making the web a better place.", (charset, answer.data)
    rows = LabelStore(rdb, "test", prefix).export(feedback_weight=0.5, daily_cap=10)
    assert [row["text"] for row in rows] == list(sent.values())
