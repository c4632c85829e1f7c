"""The site-facing API against a real Redis and a real (tiny) model: every endpoint and every bad input."""

import json
import re
import time

import pytest

from moderation import PROJECT_ROOT
from tests.support.app import API_KEY, OTHER_KEY
from tests.support.windows import fresh_window


def post(client, auth, body, path="/api/v1/comments"):
    return client.post(path, json=body, headers=auth)


def test_clean_comment_is_published(make_app, auth, comment, thresholds):
    client = make_app(THRESHOLDS=thresholds.flag_none).test_client()
    response = post(client, auth, comment())
    assert response.status_code == 200
    body = response.get_json()
    assert (body["decision"], body["status"], body["labels"]) == ("allow", "published", [])
    assert set(body["scores"]) == {"spam", "abuse"}
    assert all(0.0 <= p <= 1.0 for p in body["scores"].values())
    assert body["model_version"] and isinstance(body["explanation"], list)


@pytest.mark.slow
def test_flagged_comment_is_queued(make_app, auth, comment, rdb, prefix, thresholds, queue):
    client = make_app(THRESHOLDS=thresholds.flag_all).test_client()
    body = post(client, auth, comment(id="q-1")).get_json()
    assert (body["decision"], body["status"], body["labels"]) == ("review", "pending", ["spam", "abuse"])
    assert rdb.zscore(f"{prefix}{{test}}:ready", "q-1") is not None
    stats = client.get("/api/v1/queue", headers=auth).get_json()
    assert stats["open"] == 1 and stats["by_label"] == {"spam": 1, "abuse": 1}
    time.sleep(1.2)  # README: open items per label, claimed items, age of the oldest, counters
    for n in (2, 3):
        post(client, auth, comment(id=f"q-{n}"))
    assert len(queue.claim("hanako", 1)) == 1
    received = int(queue.get("q-1")["received_at"])

    def age():  # of q-1 on Redis's clock, the one the stats read
        sec, usec = rdb.time()
        return (sec * 1000 + usec // 1000 - received) / 1000

    before = age()  # the stats (rounded to 0.1 s) are read between these two: a stall under load widens it, no more
    stats = client.get("/api/v1/queue", headers=auth).get_json()
    after = age()
    assert (stats["open"], stats["claimed"], stats["counters"]["submitted:review"]) == (3, 1, 3)
    assert before > 1.2 and before - 0.05 <= stats["oldest_age_seconds"] <= after + 0.05, (before, stats, after)


def test_only_comments_not_allowed_are_explained(make_app, auth, comment, thresholds):
    """The explanation's spans are worked out for held and rejected comments only (issue 13: the hot path)."""
    spam = "副業で月収100万円！今すぐＬＩＮＥ追加してね ID:abc1234"
    allowed = post(make_app(THRESHOLDS=thresholds.flag_none).test_client(), auth, comment(id="e-1", text=spam))
    held = post(make_app(THRESHOLDS=thresholds.flag_all).test_client(), auth, comment(id="e-2", text=spam))
    assert allowed.get_json()["decision"] == "allow" and allowed.get_json()["explanation"] == []
    assert held.get_json()["decision"] == "review"
    assert any(item["label"] == "spam" and item["text"] in spam for item in held.get_json()["explanation"]
               if "start" in item)


def test_reject_only_above_reject_threshold(make_app, auth, comment, rdb, prefix, thresholds):
    client = make_app(THRESHOLDS=thresholds.reject_all).test_client()
    body = post(client, auth, comment(id="r-1")).get_json()
    assert (body["decision"], body["status"]) == ("reject", "rejected")
    assert rdb.zcard(f"{prefix}{{test}}:ready") == 0


def test_shipped_default_thresholds_reject_only_at_high_confidence(app):
    policy = app.extensions["moderation.models"].policy
    for label in ("spam", "abuse"):
        assert policy.thresholds[label]["reject"] >= 0.95 > policy.thresholds[label]["review"]


def test_same_id_is_idempotent_and_other_text_conflicts(make_app, auth, comment, rdb, prefix, thresholds):
    client = make_app(THRESHOLDS=thresholds.flag_all).test_client()
    body = comment(id="dup-1")
    first = post(client, auth, body)
    second = post(client, auth, body)
    assert first.get_json() == second.get_json()
    assert rdb.zcard(f"{prefix}{{test}}:ready") == 1
    changed = post(client, auth, {**body, "text": "別の本文です"})
    assert changed.status_code == 409
    assert changed.get_json()["error"]["field"] == "text"


def test_ids_are_per_site(make_app, auth, comment, thresholds):
    client = make_app(THRESHOLDS=thresholds.flag_all).test_client()
    body = comment(id="shared-id")
    assert post(client, auth, body).status_code == 200
    other = {"Authorization": f"Bearer {OTHER_KEY}"}
    assert post(client, other, {**body, "text": "別サイトの別の本文"}).status_code == 200
    assert client.get("/api/v1/comments/shared-id", headers=other).get_json()["status"] == "pending"


def test_get_comment_reports_the_moderation(make_app, auth, comment, queue, thresholds):
    client = make_app(THRESHOLDS=thresholds.flag_all).test_client()
    post(client, auth, comment(id="g-1"))
    pending = client.get("/api/v1/comments/g-1", headers=auth).get_json()
    assert pending["status"] == "pending" and pending["moderation"]["outcome"] == "pending"
    queue.claim("hanako", 1)
    queue.decide("g-1", "reject", "hanako", "spam")
    decided = client.get("/api/v1/comments/g-1", headers=auth).get_json()
    assert decided["status"] == "rejected"
    assert decided["moderation"]["outcome"] == "rejected"
    assert decided["moderation"]["moderator"] == "hanako" and decided["moderation"]["reason"] == "spam"
    assert decided["moderation"]["decided_at"].endswith("Z")
    missing = client.get("/api/v1/comments/nope", headers=auth)
    assert missing.status_code == 404 and missing.get_json()["error"]["field"] == "id"


def test_batch_returns_one_result_or_error_per_item(make_app, auth, comment, thresholds):
    client = make_app(THRESHOLDS=thresholds.flag_none).test_client()
    items = [comment(), {"id": 5, "article_id": "a", "text": "x"}, comment(text="   ")]
    response = post(client, auth, {"comments": items}, "/api/v1/comments:batch")
    assert response.status_code == 200
    results = response.get_json()["results"]
    assert [r["index"] for r in results] == [0, 1, 2]
    assert results[0]["decision"] == "allow"
    assert results[1]["error"]["field"] == "id" and results[1]["status"] == 400
    assert results[2]["error"]["field"] == "text"
    too_many = post(client, auth, {"comments": [comment() for _ in range(101)]}, "/api/v1/comments:batch")
    assert too_many.status_code == 400 and too_many.get_json()["error"]["field"] == "comments"


def test_batch_of_100_matches_single_answers(make_app, auth, comment):
    client = make_app().test_client()
    items = [comment(text=f"コメント{i}: 記事の内容について意見があります。",  # one author each: batch items
                     author={"id": f"reader-{i}", "name": "読者"}) for i in range(100)]  # count per author too
    results = post(client, auth, {"comments": items}, "/api/v1/comments:batch").get_json()["results"]
    assert len(results) == 100
    again = post(client, auth, items[7]).get_json()
    assert again["scores"] == results[7]["scores"]


def test_a_batch_of_100_long_japanese_comments_fits_its_own_body_limit(make_app, auth, comment, thresholds):
    """100 comments of 10,000 Japanese characters (the text limit) as json.dumps / requests.post(json=...) send
    them (\\u-escaped, 6 bytes a character: 6.0 MB) pass BATCH_MAX_CONTENT_LENGTH; one byte over it is a 413
    naming the body, and
    the single-comment endpoint keeps its 64 KiB."""
    client = make_app(THRESHOLDS=thresholds.flag_none).test_client()
    text = ("記事の内容についての意見です。" * 700)[:10_000]  # the text limit
    items = [comment(id=f"long-{i}", text=text, author={"id": f"reader-{i}"}) for i in range(100)]
    body = json.dumps({"comments": items}).encode()
    assert len(body) > 6_000_000
    response = _raw(client, auth, body, path="/api/v1/comments:batch")
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert [r["id"] for r in response.get_json()["results"]] == [f"long-{i}" for i in range(100)]
    limit = 100 * 64 * 1024
    over = b" " * (limit + 1 - len(body)) + body
    response = _raw(client, auth, over, path="/api/v1/comments:batch")
    assert response.status_code == 413
    assert response.get_json()["error"]["field"] == "body" and str(limit) in response.get_json()["error"]["message"]
    at_most = _raw(client, auth, json.dumps(items[0]).encode() + b" " * 65536)
    assert at_most.status_code == 413 and "65536" in at_most.get_json()["error"]["message"]


@pytest.mark.parametrize("header", [None, "Bearer wrong-key-000000", "Basic dGVzdA==", "Bearer "])
def test_api_key_required(client, comment, header):
    headers = {"Authorization": header} if header else {}
    response = client.post("/api/v1/comments", json=comment(), headers=headers)
    assert response.status_code == 401
    assert response.get_json()["error"]["field"] == "Authorization"
    assert response.headers["WWW-Authenticate"] == "Bearer"


def _raw(client, auth, data, content_type="application/json", path="/api/v1/comments"):
    return client.post(path, data=data, headers={**auth, "Content-Type": content_type})


GOOD = {"id": "b-1", "article_id": "a-1", "text": "こんにちは"}
BAD_INPUT = [
    # (case, raw body or dict, content type, status, field)
    ("not json", b"{not json", "application/json", 400, "body"),
    ("wrong content type", json.dumps(GOOD).encode(), "text/plain", 415, "Content-Type"),
    ("form encoded", b"id=1&text=x", "application/x-www-form-urlencoded", 415, "Content-Type"),
    ("body over 64 KiB", json.dumps({**GOOD, "text": "あ" * 30000}).encode(), "application/json", 413, "body"),
    ("invalid utf-8", b'{"id": "b-1", "article_id": "a", "text": "\xff\xfe"}', "application/json", 400, "body"),
    ("array body", b"[1, 2]", "application/json", 400, "body"),
    ("deeply nested", b"[" * 5000 + b"]" * 5000, "application/json", 400, "body"),
    ("nested author", {**GOOD, "author": {"id": [[[[[[[[[[[[[[[[[["x"]]]]]]]]]]]]]]]]]]}}, None, 400, "body"),
    ("NaN constant", b'{"id": "b", "article_id": "a", "text": NaN}', "application/json", 400, "body"),
    ("missing id", {k: v for k, v in GOOD.items() if k != "id"}, None, 400, "id"),
    ("number id", {**GOOD, "id": 12345}, None, 400, "id"),
    ("empty id", {**GOOD, "id": ""}, None, 400, "id"),
    ("id too long", {**GOOD, "id": "x" * 129}, None, 400, "id"),
    ("id with control char", {**GOOD, "id": "a\nb"}, None, 400, "id"),
    ("missing article", {k: v for k, v in GOOD.items() if k != "article_id"}, None, 400, "article_id"),
    ("missing text", {k: v for k, v in GOOD.items() if k != "text"}, None, 400, "text"),
    ("null text", {**GOOD, "text": None}, None, 400, "text"),
    ("number text", {**GOOD, "text": 42}, None, 400, "text"),
    ("empty text", {**GOOD, "text": ""}, None, 400, "text"),
    ("whitespace text", {**GOOD, "text": " \n\t　"}, None, 400, "text"),
    ("text over limit", {**GOOD, "text": "a" * 10_001}, None, 400, "text"),
    ("NUL in text", {**GOOD, "text": "abc\x00def"}, None, 400, "text"),
    ("lone surrogate", b'{"id": "b-1", "article_id": "a", "text": "x\\ud800y"}', "application/json", 400, "text"),
    ("author not object", {**GOOD, "author": "bob"}, None, 400, "author"),
    ("author id number", {**GOOD, "author": {"id": 7}}, None, 400, "author.id"),
    ("bad ip", {**GOOD, "ip": "999.1.1.1"}, None, 400, "ip"),
    ("bad url", {**GOOD, "url": "javascript:alert(1)"}, None, 400, "url"),
    ("bad created_at", {**GOOD, "created_at": "yesterday"}, None, 400, "created_at"),
    ("created_at without zone", {**GOOD, "created_at": "2026-11-26T10:00:00"}, None, 400, "created_at"),
    ("bad lang", {**GOOD, "lang": "日本語"}, None, 400, "lang"),
]


@pytest.mark.parametrize(("case", "body", "content_type", "status", "field"), BAD_INPUT, ids=[c[0] for c in BAD_INPUT])
@pytest.mark.slow
def test_bad_input_is_a_clear_4xx_and_nothing_is_queued(make_app, auth, rdb, prefix, case, body, content_type,
                                                          status, field, thresholds):
    client = make_app(THRESHOLDS=thresholds.flag_all).test_client()
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    response = _raw(client, auth, data, content_type or "application/json")
    assert response.status_code == status, response.get_data(as_text=True)
    error = response.get_json()["error"]
    assert error["field"] == field and error["code"] and error["message"]
    assert "Traceback" not in response.get_data(as_text=True)
    assert rdb.zcard(f"{prefix}{{test}}:ready") == 0


_NEXT = time.gmtime().tm_year + 1  # until must be in the future and within 10 years
NOT_RFC_3339 = [f"{_NEXT}-W01-1T00:00:00Z", f"{_NEXT}0105T000000Z", f"{_NEXT}-01-05T00:00:00 +09:00",
                f"{_NEXT}-01-05T00:00:00+09:00:30", f"{_NEXT}-01-05T00:00Z", f"{_NEXT}-01-05T00:00:00Z\n",
                f"{_NEXT}-01-05t00:00:00z", "".join(chr(ord(c) + 0xFEE0) for c in str(_NEXT)) + "-01-05T00:00:00Z"]
RFC_3339 = [f"{_NEXT}-01-05T00:00:00Z", f"{_NEXT}-01-05T09:00:00+09:00", f"{_NEXT}-01-05T00:00:00.123456789-05:30"]


def test_date_times_are_rfc_3339_or_a_400_naming_the_field(client, auth):
    """created_at, published_at and until say RFC 3339 with a zone; fromisoformat alone took ISO 8601's week dates,
    its basic format, a space before the offset, seconds in it and no seconds (200, and published_at was echoed back
    to the site as sent)."""
    routes = [("POST", "/api/v1/comments", "created_at", {"article_id": "a-1", "text": "こんにちは"}),
              ("PUT", "/api/v1/articles/a-dates", "published_at", {}),
              ("PUT", "/api/v1/authors/u-dates", "until", {"standing": "suspended"})]
    for n, (method, path, field, body) in enumerate(routes):
        for i, value in enumerate(NOT_RFC_3339 + RFC_3339):
            sent = {**body, field: value, **({"id": f"dt-{n}-{i}"} if field == "created_at" else {})}
            answer = client.open(path, method=method, json=sent, headers=auth)
            if value in RFC_3339:
                assert answer.status_code == 200, (field, value, answer.text)
            else:
                assert answer.status_code == 400 and answer.json["error"]["field"] == field, (field, value, answer.text)


def test_a_final_newline_is_no_part_of_a_slug_tag_or_id(client, auth, accounts):
    """Python's $ matches before a final newline: article_category "politics\\n" passed as a slug and then missed the
    politics category's policy; lang, an article's category and a moderator's name too."""
    from moderation.store.moderators import AccountError

    for field, value in (("article_category", "politics\n"), ("lang", "ja\n")):
        answer = client.post("/api/v1/comments", json={**GOOD, "id": f"nl-{field}", field: value}, headers=auth)
        assert answer.status_code == 400 and answer.json["error"]["field"] == field, answer.text
    answer = client.put("/api/v1/articles/nl-art", json={"category": "politics\n"}, headers=auth)
    assert answer.status_code == 400 and answer.json["error"]["field"] == "category", answer.text
    with pytest.raises(AccountError):
        accounts.add("yuki\n", "yuki-password-1", "moderator")


@pytest.mark.parametrize(("field", "body"), [
    ("article_id", {"article_id": "a\tb"}), ("article_id", {"article_id": "a\nb"}),
    ("author.id", {"author": {"id": "u\nx", "name": "読者"}}),
])
def test_an_article_or_author_id_the_sites_routes_refuse_is_refused_on_a_comment_too(client, auth, field, body):
    """GET/PUT /api/v1/articles/<id> and /authors/<id> refuse control characters: a comment naming such an id was
    stored (200), and the site could then never close that article nor suspend that author through the API."""
    answer = client.post("/api/v1/comments", json={**GOOD, "id": f"ctl-{field}", **body}, headers=auth)
    assert answer.status_code == 400 and answer.json["error"]["field"] == field, answer.text
    checked = client.post("/api/v1/comments:check", json={**GOOD, **body}, headers=auth)
    assert checked.status_code == 400 and checked.json["error"]["field"] == field, checked.text


def test_unknown_fields_are_ignored_and_optional_fields_kept(make_app, auth, comment, thresholds):
    client = make_app(THRESHOLDS=thresholds.flag_all).test_client()
    body = comment(id="opt-1", extra={"anything": [1, 2]}, ip="2001:db8::1", user_agent="UA",
                   url="https://news.example.jp/a/1", created_at="2026-11-26T10:00:00+09:00", lang="ja")
    assert post(client, auth, body).status_code == 200
    stored = client.get("/api/v1/comments/opt-1", headers=auth).get_json()
    assert stored["article_id"] == "article-1"


def test_text_is_nfc_normalised_before_the_length_check(make_app, auth, comment, thresholds):
    client = make_app(THRESHOLDS=thresholds.flag_none).test_client()
    decomposed = "か\u3099" * 6000  # 12,000 code points, 6,000 after NFC (が); 36 KB as UTF-8
    data = json.dumps(comment(text=decomposed), ensure_ascii=False).encode()
    assert _raw(client, auth, data).status_code == 200


def test_health_and_readiness(client, app, redis_server, rdb, prefix, auth):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    assert client.get("/readyz").get_json() == {"status": "ready"}  # the detail is for a key (tests/test_readyz.py)
    ready = client.get("/readyz", headers=auth)
    assert ready.status_code == 200
    assert ready.get_json()["model_version"] == app.extensions["moderation.models"].active.version
    info = rdb.info("server")  # README: /readyz names the node and the server version
    version = info.get("valkey_version") or info["redis_version"]
    assert ready.get_json()["redis_node"] == redis_server.url.split("//")[1].split("/")[0]
    assert ready.get_json()["redis_server"] == f"{info.get('server_name') or 'redis'} {version}"
    assert 9_000 < rdb.pttl(f"{prefix}{{test}}:probe") <= 10_000  # its write check expires after 10 s


def test_an_authors_page_lists_their_20_latest_comments_newest_first(make_app, auth, comment):
    client = make_app(RATE_LIMITS="").test_client()
    ids = [post(client, auth, comment(author={"id": "u-many"})).get_json()["id"] for _ in range(23)]
    author = client.get("/api/v1/authors/u-many", headers=auth).get_json()
    assert author["counts"]["submitted"] == 23
    assert [row["id"] for row in author["recent"]] == ids[::-1][:20]


def test_unknown_route_and_method_are_json_under_api(client, auth):
    assert client.get("/api/v1/nothing", headers=auth).get_json()["error"]["code"] == "not_found"
    response = client.delete("/api/v1/comments", headers=auth)
    assert response.status_code == 405 and "error" in response.get_json()


@pytest.mark.slow  # a real HTTP server (werkzeug, threaded)
def test_the_readmes_send_a_comment_snippet_posts_and_retries_as_it_says(live_server, thresholds):
    """README, Send a comment: its Python `moderate()` run as written over real HTTP (httpx for requests, as its
    comment allows): without an author it is answered (a null author id and name are taken), the same id again is
    the stored answer, with an author it carries the standing, and past the author's limit it raises RetryLater with
    the 429's Retry-After seconds (no test ran it before the audit of session 36)."""
    limits = json.dumps({"key": "6000/60", "author": "2/3600", "ip": "60/60", "feedback": "300/3600"})
    base, _ = live_server(THRESHOLDS=thresholds.flag_none, RATE_LIMITS=limits)
    readme = (PROJECT_ROOT / "README.md").read_text()
    [snippet] = [block for block in re.findall(r"```python\n(.*?)```", readme, re.S) if "def moderate(" in block]
    assert snippet.startswith("import requests") and snippet.count("https://moderation.example.com") == 1
    code = snippet.replace("import requests", "import httpx as requests", 1)

    class RetryLater(Exception):
        pass

    namespace = {"KEY": API_KEY, "RetryLater": RetryLater}
    exec(compile(code.replace("https://moderation.example.com", base), "README.md", "exec"), namespace)  # noqa: S102
    moderate = namespace["moderate"]
    fresh_window()  # the author's 2 an hour counted in one window (CI's run of s44 crossed a minute's turn with 2/60)
    anonymous = moderate("s-1", "a-1", "開館が楽しみです。")
    assert (anonymous["decision"], anonymous["status"], anonymous["id"]) == ("allow", "published", "s-1"), anonymous
    assert moderate("s-1", "a-1", "開館が楽しみです。") == anonymous
    assert moderate("s-2", "a-1", "開館が楽しみです。", "u-7", "佐藤")["author_standing"] == "good"
    moderate("s-3", "a-1", "開館が楽しみです。", "u-7", "佐藤")
    with pytest.raises(RetryLater) as over:
        moderate("s-4", "a-1", "開館が楽しみです。", "u-7", "佐藤")
    assert 0 < over.value.args[0] <= 3600
