"""The articles page through the test client: heat order, modes and who set them, CSRF, audit, escaping."""

import json
import re

import pytest

from moderation.store.review_queue import ReviewQueue
from tests.support.app import API_KEY
from tests.support.flagging import ABUSIVE, CLEAN, HOLD

XSS = '<script>alert("t")</script><img src=x onerror=alert(2)>\u202eevil'
BREAKER = {"window_seconds": 600, "min_comments": 10, "premoderate_share": 0.3, "close_share": 0.6,
           "cooldown_seconds": 3600}
AUTH = {"Authorization": f"Bearer {API_KEY}"}


@pytest.fixture
def aapp(make_app):
    return make_app(ARTICLE_BREAKER=json.dumps(BREAKER), RATE_LIMITS="", THRESHOLDS=HOLD)


def flood(app, comment, *, hot="hot", calm="calm", warm="warm"):
    """hot: closed by the breaker; warm: a few flagged comments; calm: clean comments only."""
    api = app.test_client()
    assert api.put(f"/api/v1/articles/{hot}", json={"title": XSS, "category": "politics"},
                   headers=AUTH).status_code == 200
    assert api.put(f"/api/v1/articles/{calm}", json={"title": "静かな記事"}, headers=AUTH).status_code == 200
    for article, texts in ((hot, [CLEAN] * 10 + [ABUSIVE] * 20), (calm, [CLEAN] * 5), (warm, [ABUSIVE, CLEAN])):
        for text in texts:
            answer = api.post("/api/v1/comments", json=comment(text, article_id=article), headers=AUTH)
            assert answer.status_code == 200, answer.text
    article = api.get(f"/api/v1/articles/{hot}", headers=AUTH).json
    assert (article["mode"], article["set_by"]) == ("closed", "breaker"), article
    return api


def test_articles_by_heat_with_their_mode_who_set_it_and_a_queue_link(aapp, comment, login):
    flood(aapp, comment)
    hanako = login(aapp, "hanako")
    page = hanako.get("/review/articles")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    html = page.text
    order = re.findall(r'<tr id="a-[0-9a-f]{16}" class="article-row mode-(\w+)"[^>]*data-queue="([^"]+)"', html)
    assert [mode for mode, _ in order] == ["closed", "open", "open"]
    assert order[0][1] == "/review?site=test&amp;article=hot"
    assert "受付停止" in html and "自動(急増検知)" in html and "記事とコメント欄" in html
    assert "20/30件(67%)" in html  # the hot article's window: 20 flagged of 30
    assert html.index("warm") < html.index("calm")  # 1 flagged beats none
    assert 'class="heat-bar"' in html and 'data-series="close"' in html
    # The title is the site's text: escaped, inert, never markup.
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt;" in html and "⟦U+202E⟧" in html
    english = hanako.get("/review/articles?lang=en").text
    assert "Articles and their comment sections" in english and "automatic (circuit breaker)" in english


def test_a_moderator_sets_a_mode_with_csrf_and_it_is_audited(aapp, comment, login, rdb, prefix):
    api = flood(aapp, comment)
    hanako = login(aapp, "hanako")
    form = {"site": "test", "article": "calm", "mode": "premoderated"}
    assert hanako.form("/review/articles/mode", form, csrf=False).status_code == 400
    answer = hanako.form("/review/articles/mode", form)
    assert answer.status_code == 302 and "/review/articles?site=test#a-" in answer.headers["Location"]
    article = api.get("/api/v1/articles/calm", headers=AUTH).json
    assert (article["mode"], article["set_by"], article["set_by_name"]) == ("premoderated", "person", "hanako")
    page = hanako.get("/review/articles").text
    assert "モードを「事前承認」に変更しました。" in page and '<bdi class="name">hanako</bdi>' in page
    audit = ReviewQueue(rdb, "test", prefix=prefix).audit(10, article_id="calm")
    assert [(e["action"], e["by"]) for e in audit if e["action"] == "article_mode"] == [("article_mode", "hanako")]
    held = api.post("/api/v1/comments", json=comment(CLEAN, article_id="calm"), headers=AUTH).json
    assert (held["decision"], held["reason"]) == ("review", "article_premoderated")
    [card] = hanako.claim(article="calm")  # the card says which rule held it
    assert (card["id"], card["rule"]) == (held["id"], "article_premoderated")
    # A person reopens the breaker's closed article.
    assert hanako.form("/review/articles/mode", {"site": "test", "article": "hot", "mode": "open"}).status_code == 302
    assert api.get("/api/v1/articles/hot", headers=AUTH).json["mode"] == "open"


def test_bad_mode_changes_are_refused(aapp, comment, login, accounts):
    flood(aapp, comment)
    accounts.set_sites("jiro", ["other"])
    hanako, jiro = login(aapp, "hanako"), login(aapp, "jiro")
    for form, status in (({"article": "calm", "mode": "hidden"}, 400), ({"article": "", "mode": "open"}, 400),
                         ({"article": "no-such-article", "mode": "closed"}, 404),
                         ({"site": "nowhere", "article": "calm", "mode": "open"}, 404)):
        assert hanako.form("/review/articles/mode", {"site": "test", **form}).status_code == status, form
    assert jiro.form("/review/articles/mode", {"site": "test", "article": "calm", "mode": "closed"}).status_code == 403
    assert jiro.get("/review/articles?site=test").status_code == 403
    assert "まだコメントのある記事はありません。" in jiro.get("/review/articles").text
    assert login(aapp, "taro").client.get("/review/articles").status_code == 200


def test_the_page_needs_a_login(aapp):
    answer = aapp.test_client().get("/review/articles")
    assert answer.status_code == 302 and "/login" in answer.headers["Location"]
    assert aapp.test_client().post("/review/articles/mode", data={"article": "x", "mode": "open"}).status_code == 302


@pytest.mark.slow
def test_without_the_breaker_registered_articles_and_peoples_modes_are_shown(make_app, comment, login):
    app = make_app(RATE_LIMITS="", THRESHOLDS=HOLD)
    api = app.test_client()
    assert api.put("/api/v1/articles/news-1", json={"title": "選挙の記事"}, headers=AUTH).status_code == 200
    hanako = login(app, "hanako")
    page = hanako.get("/review/articles").text
    assert 'id="breaker-off"' in page and "選挙の記事" in page
    assert hanako.form("/review/articles/mode", {"site": "test", "article": "news-1", "mode": "closed"}
                       ).status_code == 302
    closed = api.post("/api/v1/comments", json=comment(CLEAN, article_id="news-1"), headers=AUTH).json
    assert (closed["decision"], closed["reason"]) == ("reject", "article_closed")
    assert 'class="article-row mode-closed"' in hanako.get("/review/articles").text
    assert 'id="breaker-off"' not in login(make_app(ARTICLE_BREAKER=json.dumps(BREAKER)), "jiro").get(
        "/review/articles").text


def test_an_article_known_only_from_its_comments_is_shown_by_their_article_title(aapp, comment, login):
    """audit-s21 F5: a site that never PUTs its articles sends each comment's article_title; the page and the API
    show the first one (escaped), a later comment's other title does not replace it, and a PUT title does."""
    api = aapp.test_client()
    for title in (XSS + " 参院選の特集", "別の見出し"):
        body = comment(CLEAN, article_id="senkyo-9", article_title=title)
        assert api.post("/api/v1/comments", json=body, headers=AUTH).status_code == 200
    assert api.get("/api/v1/articles/senkyo-9", headers=AUTH).json["title"] == XSS + " 参院選の特集"
    html = login(aapp, "hanako").get("/review/articles").text
    assert '<bdi class="article-title" dir="auto">&lt;script&gt;alert' in html and "参院選の特集" in html
    assert "別の見出し" not in html and "<script>alert" not in html
    assert api.put("/api/v1/articles/senkyo-9", json={"title": "参院選 開票速報"}, headers=AUTH).status_code == 200
    assert api.get("/api/v1/articles/senkyo-9", headers=AUTH).json["title"] == "参院選 開票速報"
    body = comment(CLEAN, article_id="senkyo-9", article_title="三つめ")
    assert api.post("/api/v1/comments", json=body, headers=AUTH).status_code == 200
    assert api.get("/api/v1/articles/senkyo-9", headers=AUTH).json["title"] == "参院選 開票速報"
