"""Answers a site engineer would trip on (found walking the product in session 26, legal's list): a reason sent with an
approval was dropped in silence, an alert just past its deadline said "days_left": -0.0, a batch item that is no
object was blamed on the body, and the readers' 413 page said the request was invalid. Real Redis, a real webhook
receiver fed by the real outbox worker."""

import math

import pytest

from moderation.rights import process
from moderation.store.review_queue import get_queue
from tests.support.app import API_KEY
from tests.support.receiver import Receiver, wait_for
from tests.test_newsroom_api import SPAM, bearer
from tests.test_newsroom_api import token as token
from tests.test_outbox import worker as worker
from tests.test_request_pages import form_fields
from tests.test_requests import DAY, file, hooked_app, post_comment, request_body
from tests.test_requests import clock as clock

AUTH = {"Authorization": f"Bearer {API_KEY}"}


@pytest.fixture
def held(make_app, thresholds, comment):
    """An app that holds every comment, and a way to post one: its id."""
    app = make_app(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="")
    client = app.test_client()

    def post():
        body = comment(SPAM)
        assert client.post("/api/v1/comments", json=body, headers=AUTH).json["decision"] == "review"
        return body["id"]

    return app, post


def test_a_reason_with_an_approval_is_a_400_naming_it_on_the_page_and_the_api(held, login, token):
    """decide() dropped a reason sent with approve (and any but spam with spam): the tool believed it recorded. Now
    400 naming `reason` (code reason_not_recorded), nothing decided; no reason, "" or null still approve."""
    app, post = held
    hanako, api = login(app, "hanako"), app.test_client()
    one, two, three, four = post(), post(), post(), post()
    hanako.claim()
    for body in ({"id": one, "action": "approve", "reason": "問題なし"}, {"id": one, "action": "approve",
                                                                      "reason": "spam"},
                 {"id": one, "action": "spam", "reason": "harassment"}):
        answer = hanako.post("/review/api/decide", body)
        assert answer.status_code == 400, answer.text
        assert (answer.json["error"]["field"], answer.json["error"]["code"]) == ("reason", "reason_not_recorded")
    bulk = hanako.post("/review/api/decide-bulk", {"ids": [one, two], "action": "approve", "reason": "問題なし"})
    assert bulk.status_code == 400 and bulk.json["error"]["field"] == "reason", bulk.text
    with app.app_context():
        assert [get_queue("test").get(i).get("outcome") for i in (one, two)] == [None, None]
    for body in ({"comment_id": three, "outcome": "approve", "reason": "問題なし"},
                 {"comment_id": three, "outcome": "approve", "reason": "spam"}):
        answer = api.post("/api/v1/moderation/decisions", json=body, headers=bearer(token))
        assert answer.status_code == 400 and answer.json["error"]["field"] == "reason", answer.text
        assert answer.json["error"]["code"] == "reason_not_recorded"
    with app.app_context():
        assert get_queue("test").get(three).get("outcome") is None
    for comment_id, reason in ((three, None), (four, "")):
        answer = api.post("/api/v1/moderation/decisions", headers=bearer(token),
                          json={"comment_id": comment_id, "outcome": "approve", "reason": reason})
        assert answer.status_code == 200 and answer.json["reason"] is None, answer.text
    spam = hanako.post("/review/api/decide", {"id": one, "action": "spam", "reason": "spam"})
    assert spam.status_code == 200 and spam.json["reason"] == "spam", spam.text
    approved = hanako.post("/review/api/decide", {"id": two, "action": "approve", "reason": ""})
    assert approved.status_code == 200 and approved.json["reason"] is None, approved.text


def test_an_overdue_alert_just_past_the_deadline_says_0_days_left_not_minus_0(make_app, worker, comment, clock):
    """A minute past the deadline round(-0.0007, 2) is -0.0, which JSON carried as "days_left": -0.0."""
    with Receiver() as receiver:
        app = hooked_app(make_app, receiver, clock)
        client = app.test_client()
        request_id = file(client, request_body([post_comment(client, comment)])).json["id"]
        with app.app_context():
            clock.advance(days=7 + 60 / DAY)  # the deadline is 7 days (REQUEST_DEADLINE_DAYS): one minute past it
            assert [r["id"] for r in process.check_deadlines("test")] == [request_id]
        worker(app)
        assert wait_for(lambda: "request.overdue" in {e["type"] for e in receiver.accepted}, timeout=15)
        overdue = next(e["data"] for e in receiver.accepted if e["type"] == "request.overdue")
    assert overdue["days_left"] == 0 and math.copysign(1.0, overdue["days_left"]) == 1.0, overdue
    assert process.days_left(0, 60_000) == 0.0 and str(process.days_left(0, 60_000)) == "0.0"
    assert process.days_left(0, DAY * 1000 // 2) == -0.5 and process.days_left(DAY * 1000 * 3 // 2, 0) == 1.5


def test_a_batch_item_that_is_no_object_is_named_by_its_place_in_comments(make_app, auth, comment, thresholds):
    """It said field "body" with an index, though the body was fine; the item itself is at fault: comments[i]. An
    item's own bad field is still named item-relative ("text"), as OpenAPI documents."""
    client = make_app(THRESHOLDS=thresholds.flag_none).test_client()
    items = [comment(), 7, None, "text", [comment()], comment(text="  ")]
    answer = client.post("/api/v1/comments:batch", json={"comments": items}, headers=auth)
    assert answer.status_code == 200, answer.text
    results = answer.json["results"]
    assert [r["index"] for r in results] == list(range(6)) and results[0]["decision"] == "allow"
    for index in (1, 2, 3, 4):
        assert results[index]["status"] == 400 and results[index]["id"] is None
        assert results[index]["error"] == {"code": "wrong_type", "message": f"comments[{index}] must be a JSON object",
                                           "field": f"comments[{index}]"}
    assert results[5]["error"]["field"] == "text"
    described = client.get("/api/v1/openapi.json").json["paths"]["/api/v1/comments:batch"]["post"]
    item_error = described["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["results"]
    assert "comments[<index>]" in str(item_error)


def test_the_readers_413_page_says_too_long_in_japanese_and_english(make_app, comment):
    """The public form's 413 page showed error.400, "the request was not valid, reload the page"."""
    client = make_app(RATE_LIMITS="", REQUEST_RATE_LIMIT="").test_client()
    fields = form_fields(client, post_comment(client, comment), explanation="<b>削除</b>してください。" * 8000)
    for path, words, wrong in (("/requests/new", "送信された内容が長すぎます", "リクエストが無効です"),
                               ("/requests/new?lang=en", "What you sent is too long", "The request was not valid")):
        answer = client.post(path, data=fields)
        assert answer.status_code == 413 and answer.mimetype == "text/html", answer.text[:300]
        assert words in answer.text and wrong not in answer.text
        assert "<b>削除</b>" not in answer.text
