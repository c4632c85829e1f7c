"""Issue 14 point 4: the context a decision needs (article, parent, author panel, search, reports, message)."""

import json

import pytest

from moderation.integrations.outbox import event_body
from tests.support.app import API_KEY
from tests.support.moderators import Moderator

CLEAN = json.dumps({"spam": {"review": 0.99, "reject": 1.01}, "abuse": {"review": 0.99, "reject": 1.01}})


@pytest.fixture
def rapp(make_app, thresholds):
    return make_app(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="")


@pytest.fixture
def hanako(rapp, accounts):
    return Moderator(rapp, "hanako")


@pytest.fixture
def post(rapp, auth, comment):
    api = rapp.test_client()

    def send(text="副業で月収100万円！今すぐLINE追加してね", expect=200, **fields):
        body = comment(text, **fields)
        response = api.post("/api/v1/comments", json=body, headers=auth)
        assert response.status_code == expect, response.text
        return body["id"] if expect == 200 else response.json["error"]

    send.api = api
    return send


@pytest.mark.parametrize("fields,field", [
    ({"article_url": "javascript:alert(1)"}, "article_url"),
    ({"article_url": 7}, "article_url"),
    ({"article_title": "x" * 301}, "article_title"),
    ({"article_title": "line\nbreak"}, "article_title"),
    ({"parent_id": ""}, "parent_id"),
    ({"parent_id": "a\x07b"}, "parent_id"),
])
def test_context_fields_are_checked_and_named(post, fields, field):
    error = post(expect=400, **fields)
    assert error["field"] == field and error["message"]


def test_card_shows_article_title_parent_text_and_author_name(hanako, post):
    parent = post("プーチン氏の訪朝、記事ありがとうございます。", author={"id": "p-1", "name": "佐藤"})
    child = post("上のコメントの奴、住所特定してやる", parent_id=parent, article_title="プーチン氏、平壌を訪問",
                 article_url="https://news.example/articles/putin", author={"id": "c-1", "name": "鈴木"})
    orphan = post("返信です", parent_id="not-stored-here")
    cards = {c["id"]: c for c in hanako.claim()}
    shown = cards[child]
    assert shown["article_title"] == "プーチン氏、平壌を訪問"
    assert shown["article_url"] == "https://news.example/articles/putin" and shown["author_name"] == "鈴木"
    assert shown["parent"] == {"id": parent, "known": True, "text": "プーチン氏の訪朝、記事ありがとうございます。",
                               "author_name": "佐藤", "status": "pending"}
    assert cards[orphan]["parent"] == {"id": "not-stored-here", "known": False}


def test_author_panel_lists_recent_comments_and_decisions(hanako, post):
    first = post("一つ目の宣伝です", author={"id": "spammer", "name": "業者"})
    second = post("二つ目の宣伝です", author={"id": "spammer", "name": "業者"})
    hanako.claim()
    hanako.decide(first, "reject", "spam")
    panel = hanako.get("/review/api/author?site=test&id=spammer").json
    assert panel["history"] == {"submitted": 2, "approved": 0, "rejected": 1}
    assert [(r["id"], r["outcome"], r["reason"], r["by"]) for r in panel["recent"]] == [
        (second, "", "", ""), (first, "rejected", "spam", "hanako")]
    assert hanako.get("/review/api/author?site=test&id=").status_code == 400


def test_search_by_comment_id_author_id_and_text(hanako, post):
    target = post("<b>宝くじ</b>当選のお知らせ", author={"id": "auth-9", "name": "<i>名前</i>"},
                  article_title="<script>記事</script>")
    for i in range(3):
        post(f"普通のコメント{i}", author={"id": f"other-{i}", "name": "読者"})
    by_id = hanako.get(f"/review/search?q={target}").text
    assert target in by_id and "&lt;b&gt;宝くじ&lt;/b&gt;" in by_id and "<b>宝くじ" not in by_id
    assert "&lt;script&gt;記事" in by_id and "<i>名前" not in by_id
    assert target in hanako.get("/review/search?q=auth-9").text
    by_text = hanako.get("/review/search?q=宝くじ").text
    assert target in by_text and "普通のコメント" not in by_text
    assert "見つかりませんでした" in hanako.get("/review/search?q=存在しない語").text
    assert hanako.get("/review/search?q=" + "あ" * 5000).status_code == 200  # cut, never an error


def test_reports_view_lists_what_readers_reported(make_app, accounts, auth, comment):
    app = make_app(THRESHOLDS=CLEAN, RATE_LIMITS="")
    api = app.test_client()
    body = comment("普通に見えるけど通報されたコメント")
    assert api.post("/api/v1/comments", json=body, headers=auth).json["decision"] == "allow"
    assert api.post(f"/api/v1/comments/{body['id']}/reports", json={"reason": "abuse"},
                    headers=auth).status_code == 202
    hanako = Moderator(app, "hanako")
    page = hanako.get("/review/reports").text
    assert "読者からの通報" in page and body["id"] in page and "通報されたコメント" in page and "暴言" in page
    assert "審査待ち" in page  # one report sends a published comment to review (REPORT_THRESHOLD=1)


def test_article_filter_matches_a_prefix_or_part_of_the_title(hanako, post):
    a = post(article_id="news-2026-11-29-putin", article_title="Putin visits Pyongyang")
    b = post(article_id="sports-1", article_title="大谷選手 MVP")
    assert [c["id"] for c in hanako.claim(article="news-2026")] == [a]
    assert [c["id"] for c in hanako.claim(article="pyongyang")] == [a]
    assert [c["id"] for c in hanako.claim(article="MVP")] == [b]


def test_message_to_the_commenter_travels_with_the_decision_event(hanako, post, rdb, prefix):
    comment_id = post()
    hanako.claim()
    long = hanako.post("/review/api/decide", {"id": comment_id, "action": "reject", "reason": "spam",
                                              "message": "x" * 1001})
    assert long.status_code == 400 and long.json["error"]["field"] == "message"
    done = hanako.post("/review/api/decide", {"id": comment_id, "action": "reject", "reason": "spam",
                                              "message": "宣伝の投稿はご遠慮ください。"})
    assert done.status_code == 200
    entry_id, fields = rdb.xrevrange(f"{prefix}{{test}}:events", count=1)[0]
    event = event_body("test", entry_id, fields)
    assert event["type"] == "comment.rejected" and event["data"]["message"] == "宣伝の投稿はご遠慮ください。"


@pytest.mark.parametrize("text,code", [("", "empty_text"), ("   ", "empty_text"), ("あ" * 10_001, "too_long")])
def test_text_errors_state_the_real_limit(post, text, code):
    error = post(text, expect=400)
    assert error["code"] == code and error["field"] == "text" and "1-10,000 characters" in error["message"]


def test_landing_page_links_review_demo_and_api_docs(make_app):
    client = make_app(DEMO="1").test_client()
    page = client.get("/")
    assert page.status_code == 200 and 'lang="ja"' in page.text
    for href in ('href="/review"', 'href="/demo/"', 'href="/api/v1/openapi.json"'):
        assert href in page.text, href
    assert 'href="/demo/"' not in make_app(DEMO="0").test_client().get("/").text
    assert "Review queue" in client.get("/", headers={"Accept-Language": "en"}).text


def test_unknown_paths_get_a_localised_404_and_the_api_keeps_json(make_app):
    client = make_app().test_client()
    page = client.get("/no/such/page")
    assert page.status_code == 404 and "見つかりません" in page.text and "Not Found" not in page.text
    assert "not found" in client.get("/nope", headers={"Accept-Language": "en"}).text.lower()
    api = client.get("/api/v1/nope")
    assert api.status_code == 404 and api.json["error"]["code"] == "not_found"


def test_json_answers_carry_japanese_unescaped(hanako, post):
    post("副業で月収100万円！今すぐLINE追加してね")
    raw = hanako.post("/review/api/claim", {}).data
    assert "読者".encode() in raw and b"\\u" not in raw  # the author name, as UTF-8
    error = post.api.post("/api/v1/comments", json={"id": "ja-2", "article_id": "a", "text": ""},
                          headers={"Authorization": f"Bearer {API_KEY}"})
    assert error.status_code == 400 and b"\\u" not in error.data
