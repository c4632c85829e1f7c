"""Removal requests against real Redis, a real webhook receiver (the outbox worker) and a real SMTP server."""

import email
import email.policy
import time
from datetime import UTC, datetime

import pytest

from moderation.rights import process
from moderation.store.removal_requests import get_requests
from moderation.store.review_queue import get_queue
from tests.support.app import API_KEY, OTHER_KEY
from tests.support.servers import free_port
from tests.test_outbox import SECRET, Receiver, wait_for
from tests.test_outbox import worker as worker

DAY = 86400


class FakeClock:
    """Seconds since the epoch that move only when a test says so: days pass without sleeping."""

    def __init__(self, start):
        self.now = float(start)

    def __call__(self):
        return self.now

    def advance(self, days=0.0):
        self.now += days * DAY


class Mailbox:
    """A real SMTP server (aiosmtpd) on a free loopback port; keeps every message it accepts."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        self.messages = []
        mailbox = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                mailbox.messages.append((envelope.mail_from, list(envelope.rcpt_tos),
                                         email.message_from_bytes(envelope.content, policy=email.policy.default)))
                return "250 OK"

        port = free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=port)
        self.url = f"smtp://127.0.0.1:{port}"

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


@pytest.fixture
def mailbox():
    with Mailbox() as box:
        yield box


@pytest.fixture
def clock():
    return FakeClock(datetime(2026, 11, 2, 1, 0, tzinfo=UTC).timestamp())


def with_clock(app, clock):
    app.extensions["moderation.clock"] = clock
    return app


def post_comment(client, comment, text="この記事の筆者は詐欺師だ。住所も晒してやる。", **fields):
    body = comment(text, **fields)
    answer = client.post("/api/v1/comments", json=body, headers={"Authorization": f"Bearer {API_KEY}"})
    assert answer.status_code == 200, answer.text
    return body["id"]


def request_body(comment_ids, **over):
    body = {"requester": {"name": "山田 花子", "email": "hanako@example.jp", "relation": "self"},
            "comments": comment_ids, "right": "reputation",
            "explanation": "私の実名を挙げて詐欺師と書かれています。事実ではありません。"}
    body.update(over)
    return body


def file(client, body, key=API_KEY):
    return client.post("/api/v1/requests", json=body, headers={"Authorization": f"Bearer {key}"})


def test_a_request_is_received_with_its_due_date_and_readable(app, client, comment, clock):
    with_clock(app, clock)
    comment_id = post_comment(client, comment)
    answer = file(client, request_body([comment_id]))
    assert answer.status_code == 201, answer.text
    receipt = answer.json
    assert set(receipt) == {"id", "status", "received_at", "due_at"}
    assert receipt["status"] == "received" and receipt["id"].startswith("R-20261102-")
    assert receipt["received_at"] == "2026-11-02T01:00:00.000Z"
    assert receipt["due_at"] == "2026-11-09T01:00:00.000Z"  # 7 days (MODERATION_REQUEST_DEADLINE_DAYS)
    state = client.get(f"/api/v1/requests/{receipt['id']}", headers={"Authorization": f"Bearer {API_KEY}"})
    assert state.status_code == 200
    assert state.json["comments"] == [comment_id] and state.json["right"] == "reputation"
    assert "requester_email" not in state.text and "hanako@example.jp" not in state.text
    other = client.get(f"/api/v1/requests/{receipt['id']}", headers={"Authorization": f"Bearer {OTHER_KEY}"})
    assert other.status_code == 404  # another site's key sees nothing


def test_a_comment_url_of_the_site_resolves_to_its_id(app, client, comment):
    first, second, third = (post_comment(client, comment) for _ in range(3))
    urls = [f"https://news.example.jp/articles/1?comment={first}", f"https://news.example.jp/a/1#comment-{second}",
            f"https://news.example.jp/comments/{third}"]
    answer = file(client, request_body(urls))
    assert answer.status_code == 201, answer.text
    with app.app_context():
        assert get_requests("test").get(answer.json["id"])["comments"] == [first, second, third]


@pytest.mark.parametrize(("change", "field"), [
    ({"requester": None}, "requester"),
    ({"requester": "山田"}, "requester"),
    ({"requester": {"name": "", "email": "a@example.jp", "relation": "self"}}, "requester.name"),
    ({"requester": {"name": "山田", "email": "not-an-address", "relation": "self"}}, "requester.email"),
    ({"requester": {"name": "山田", "email": "a@b", "relation": "self"}}, "requester.email"),
    ({"requester": {"name": "山田", "email": "a@example.jp", "relation": "friend"}}, "requester.relation"),
    ({"right": "honour"}, "right"),
    ({"right": None}, "right"),
    ({"explanation": ""}, "explanation"),
    ({"explanation": "x" * 4001}, "explanation"),
    ({"explanation": 7}, "explanation"),
    ({"comments": []}, "comments"),
    ({"comments": "c-1"}, "comments"),
    ({"comments": ["javascript:alert(1)"]}, "comments[0]"),  # a comment not held is kept as given only when it is
    ({"comments": ["https://"]}, "comments[0]"),  # an http(s) URL with a host or an id (tests/test_request_not_held.py)
    ({"comments": ["c-1", "名前を書かれたコメント"]}, "comments[1]"),
    ({"comments": ["https://news.example.jp/a 1"]}, "comments[0]"),
    ({"comments": [5]}, "comments[0]"),
])
@pytest.mark.slow
def test_every_invalid_field_is_a_4xx_naming_it(client, comment, change, field):
    body = request_body([post_comment(client, comment)], **change)
    answer = file(client, body)
    assert 400 <= answer.status_code < 500, answer.text
    assert answer.json["error"]["field"] == field
    assert answer.json["error"]["code"] and answer.json["error"]["message"]


def test_api_needs_the_key_and_json(client, comment):
    assert client.post("/api/v1/requests", json=request_body(["x"])).status_code == 401
    answer = client.post("/api/v1/requests", data="x", headers={"Authorization": f"Bearer {API_KEY}"})
    assert answer.status_code == 415 and answer.json["error"]["field"] == "Content-Type"
    missing = client.get("/api/v1/requests/R-nothing", headers={"Authorization": f"Bearer {API_KEY}"})
    assert missing.status_code == 404 and missing.json["error"]["field"] == "id"


def test_a_request_filed_again_with_its_idempotency_key_gets_its_first_receipt(app, client, comment, clock):
    """A site retrying a request after a 503 or a lost answer sends it again with the same Idempotency-Key: the
    requester keeps one receipt and the moderators see one request (before: a second receipt and request)."""
    with_clock(app, clock)
    body = request_body([post_comment(client, comment)])

    def filed(key, payload=body):
        return client.post("/api/v1/requests", json=payload,
                           headers={"Authorization": f"Bearer {API_KEY}", "Idempotency-Key": key})

    first = filed("form-4711")
    clock.advance(0.001)  # a retry comes later: a new request would be received at another time
    again = filed("form-4711")
    assert first.status_code == again.status_code == 201, again.text
    assert again.json == first.json, "filed twice under one Idempotency-Key, the requester got two receipts"
    other = filed("form-4712")
    assert other.status_code == 201 and other.json["id"] != first.json["id"]
    with app.app_context():
        assert sorted(r["id"] for r in get_requests("test").open_requests()) == sorted([first.json["id"],
                                                                                       other.json["id"]])
    reused = filed("form-4711", {**body, "right": "privacy"})
    assert reused.status_code == 409 and reused.json["error"]["field"] == "Idempotency-Key", reused.text
    for bad in ("has space", "x" * 256, "かな"):
        answer = client.post("/api/v1/requests", json=body, headers={"Authorization": f"Bearer {API_KEY}",
                                                                     "Idempotency-Key": bad})
        assert answer.status_code == 400 and answer.json["error"]["field"] == "Idempotency-Key", (bad, answer.text)


def test_a_step_an_answer_or_an_appeal_sent_again_is_answered_as_done(app, client, comment, clock):
    """A retry after a 503 (MIN_REPLICAS) or a lost answer: the same moderator's step and the poster's same answer
    or appeal again are answered as done and recorded once (before: 409 for a step, an answer or an appeal that
    had been made); another answer or appeal is still a conflict."""
    with_clock(app, clock)
    auth = {"Authorization": f"Bearer {API_KEY}"}
    request_id = file(client, request_body([post_comment(client, comment)])).json["id"]
    with app.app_context():
        for _ in range(2):
            process.advance("test", request_id, "investigating", "hanako")
        process.advance("test", request_id, "poster_consulted", "hanako")
    answers = [client.post(f"/api/v1/requests/{request_id}/answers", json={"statement": "事実を書きました。"},
                           headers=auth).status_code for _ in range(2)]
    other = client.post(f"/api/v1/requests/{request_id}/answers", json={"statement": "別の答え"}, headers=auth)
    with app.app_context():
        process.decide("test", request_id, "not_removed", "hanako", criterion="not_infringing", reason="削除しません。")
    appeals = [client.post(f"/api/v1/requests/{request_id}/appeals", json={"statement": "納得できません。"},
                           headers=auth).status_code for _ in range(2)]
    with app.app_context():
        actions = [entry["action"] for entry in get_requests("test").history(request_id)]
    assert [answers, appeals, other.status_code] == [[202, 202], [202, 202], 409], (answers, appeals, other.text)
    assert actions == ["received", "investigating", "poster_consulted", "poster_answered", "decided",
                       "requester_notified", "appealed"]


def test_a_decision_made_again_by_its_moderator_is_answered_as_made(app, client, comment, clock):
    """The moderator's retry after a 503 (MIN_REPLICAS) or a lost answer: the same decision again is answered with
    the first one's (late, days), one decision and one notice in the audit (before: 409 already decided); another
    outcome is still a conflict."""
    from moderation.errors import Conflict

    with_clock(app, clock)
    request_id = file(client, request_body([post_comment(client, comment)])).json["id"]
    clock.advance(days=2)
    with app.app_context():
        first = process.decide("test", request_id, "removed", "hanako", criterion="privacy", reason="削除しました。")
        clock.advance(days=1)
        again = process.decide("test", request_id, "removed", "hanako", criterion="privacy", reason="削除しました。")
        with pytest.raises(Conflict):
            process.decide("test", request_id, "not_removed", "hanako", criterion="not_infringing",
                           reason="削除しません。")
        actions = [entry["action"] for entry in get_requests("test").history(request_id)]
    assert again == first == (False, 2.0)
    assert actions == ["received", "decided", "requester_notified"]


def hooked_app(make_app, receiver, clock, **extra):
    """An app on the fake clock whose site "test" has the receiver as its webhook."""
    return with_clock(make_app(WEBHOOKS={"test": {"url": receiver.url, "secret": SECRET}},
                               WEBHOOK_ALLOW_PRIVATE=True, **extra), clock)


def request_audit(app, request_id):
    with app.app_context():
        return [(e["action"], e["at"]) for e in get_requests("test").history(request_id)]


def test_scripted_request_consulted_and_removed_on_day_three(make_app, worker, mailbox, comment, clock, rdb,
                                                             prefix):
    """Received, poster consulted, decided `removed` on day 3: the comment is hidden with reason rights_request,
    the site hears every step through the outbox worker, the requester gets the mail, the audit has each step."""
    with Receiver() as receiver:
        app = hooked_app(make_app, receiver, clock, SMTP_URL=mailbox.url, SMTP_FROM="moderation@news.example.jp",
                         THRESHOLDS={"spam": {"review": 1.01, "reject": 1.01},
                                     "abuse": {"review": 1.01, "reject": 1.01}})
        client = app.test_client()
        comment_id = post_comment(client, comment, author={"id": "poster-9", "name": "投稿者"})
        assert client.get(f"/api/v1/comments/{comment_id}", headers={"Authorization": f"Bearer {API_KEY}"}
                          ).json["status"] == "published"
        request_id = file(client, request_body([comment_id])).json["id"]
        with app.app_context():
            clock.advance(days=1)
            process.advance("test", request_id, "investigating", "hanako")
            process.advance("test", request_id, "poster_consulted", "hanako")
            consulted = get_requests("test").get(request_id)
            assert consulted["due_at"] - consulted["received_at"] == 14 * DAY * 1000  # 7 + 7 days of waiting
            clock.advance(days=2)  # day 3
            late, days = process.decide("test", request_id, "removed", "hanako",
                                        criterion="defamation", criterion_detail="事実の摘示による社会的評価の低下",
                                        reason="ご指摘のコメントは、特定の個人を根拠なく詐欺師と断定しており、削除しました。")
            assert (late, days) == (False, 3.0)
            stored = get_queue("test").get(comment_id)
        assert stored["status"] == "rejected" and stored["reason"] == "rights_request"
        assert stored["decided_at"] == int(clock.now * 1000)
        seen = client.get(f"/api/v1/comments/{comment_id}", headers={"Authorization": f"Bearer {API_KEY}"}).json
        assert seen["status"] == "rejected" and seen["moderation"]["reason"] == "rights_request"

        worker(app)
        wanted = {"request.received", "request.poster_consulted", "comment.rejected", "request.decided"}
        assert wait_for(lambda: wanted <= {e["type"] for e in receiver.accepted}, timeout=15), receiver.accepted
        events = {e["type"]: e["data"] for e in receiver.accepted}
        assert events["request.poster_consulted"]["comment_ids"] == [comment_id]
        assert events["request.poster_consulted"]["author_ids"] == ["poster-9"]
        assert events["request.poster_consulted"]["answer_by"] == "2026-11-10T01:00:00.000Z"
        assert "requester" not in events["request.poster_consulted"]  # the poster never learns who asked
        removal = events["comment.rejected"]
        assert removal["comment_id"] == comment_id and removal["reason"] == "rights_request"
        assert removal["request_id"] == request_id and removal["criterion"] == "defamation"
        assert events["request.decided"]["outcome"] == "removed" and events["request.decided"]["notice"] == "smtp"
        assert "requester" not in events["request.decided"]  # mailed by the service, not passed to the site
        assert receiver.bad_signatures == 0

    # the worker writes receipt_sent after the mail server accepted the receipt (after its QUIT): wait for the audit,
    # not the mailbox, or a loaded machine reads the audit in between
    assert wait_for(lambda: "receipt_sent" in [a for a, _ in request_audit(app, request_id)], timeout=15), \
        mailbox.messages
    # the decision's notice, sent as it was made, and the receipt the worker mailed once it ran (on day 3)
    assert len(mailbox.messages) == 2, mailbox.messages
    [receipt] = [m for m in mailbox.messages if "を受け付けました" in m[2]["Subject"]]
    [(sender, recipients, message)] = [m for m in mailbox.messages if m is not receipt]
    assert receipt[1] == ["hanako@example.jp"] and request_id in receipt[2].get_content()
    assert sender == "moderation@news.example.jp" and recipients == ["hanako@example.jp"]
    assert request_id in message["Subject"]
    text = message.get_content()
    assert "削除しました" in text and "根拠なく詐欺師と断定" in text
    assert "適用した基準: 名誉毀損(事実の摘示による社会的評価の低下)" in text
    assert "Criterion: defamation (事実の摘示による社会的評価の低下)." in text  # a code named in either language

    steps = request_audit(app, request_id)
    assert [a for a, _ in steps] == ["received", "investigating", "poster_consulted", "decided", "requester_notified",
                                     "receipt_sent"]  # the worker ran after the decision (the fake clock's day 3)
    start = datetime(2026, 11, 2, 1, 0, tzinfo=UTC).timestamp() * 1000
    assert [round((at - start) / DAY / 1000, 3) for _, at in steps] == [0, 1, 1, 3, 3, 3]
    comment_audit = rdb.xrange(f"{prefix}{{test}}:audit")
    assert [(e["action"], e["reason"], e["by"]) for _, e in comment_audit if e["id"] == comment_id] == [
        ("rejected", "rights_request", "hanako")]


def test_without_smtp_the_decision_reaches_the_site_by_webhook(app, client, comment, clock, rdb, prefix):
    with_clock(app, clock)
    comment_id = post_comment(client, comment)
    request_id = file(client, request_body([comment_id])).json["id"]
    with app.app_context():
        process.decide("test", request_id, "not_removed", "jiro", criterion="public_interest",
                       reason="記事への論評の範囲内と判断しました。")
        assert get_queue("test").get(comment_id)["status"] != "rejected"
    decided = [e for _, e in rdb.xrange(f"{prefix}{{test}}:events") if e["type"] == "request.decided"]
    from moderation.integrations.outbox import event_body

    data = event_body("test", "1-0", decided[0])["data"]
    assert data["notice"] == "webhook" and data["requester"] == {"name": "山田 花子", "email": "hanako@example.jp"}
    assert data["outcome"] == "not_removed" and data["removed_comment_ids"] == []
    assert [a for a, _ in request_audit(app, request_id)][-1] == "requester_notified"


def test_a_pending_comment_leaves_the_queue_when_removed(app, client, comment, clock):
    app = with_clock(app, clock)
    with app.app_context():
        queue = get_queue("test")
    held = comment("死ね", author={"id": "poster-2"})
    assert client.post("/api/v1/comments", json=held, headers={"Authorization": f"Bearer {API_KEY}"}
                       ).json["decision"] in ("review", "reject")
    record = queue.get(held["id"])
    if record["status"] != "pending":
        pytest.skip("the tiny model rejected it outright")
    request_id = file(client, request_body([held["id"]])).json["id"]
    with app.app_context():
        process.decide("test", request_id, "removed", "hanako", criterion="privacy", reason="削除しました。")
    assert queue.stats()["open"] == 0
    assert queue.get(held["id"])["queue_state"] == "decided"
    assert queue.author_history("poster-2")["rejected"] == 1


def test_partial_removal_removes_only_the_chosen_comments(app, client, comment, clock):
    with_clock(app, clock)
    first, second = post_comment(client, comment), post_comment(client, comment)
    request_id = file(client, request_body([first, second], right="privacy")).json["id"]
    with app.app_context():
        with pytest.raises(Exception, match="some, not all"):
            process.decide("test", request_id, "partially_removed", "hanako", criterion="privacy", reason="一部",
                           selected=[first, second])
        process.decide("test", request_id, "partially_removed", "hanako", criterion="privacy",
                       reason="住所を含むコメントのみ削除しました。", selected=[second])
        queue = get_queue("test")
        assert queue.get(first)["status"] != "rejected" and queue.get(second)["status"] == "rejected"
        assert get_requests("test").get(request_id)["removed"] == [second]


def test_an_appeal_reopens_the_request_for_another_moderator(app, client, comment, clock):
    with_clock(app, clock)
    comment_id = post_comment(client, comment)
    request_id = file(client, request_body([comment_id])).json["id"]
    headers = {"Authorization": f"Bearer {API_KEY}"}
    early = client.post(f"/api/v1/requests/{request_id}/appeals", json={"statement": "異議"}, headers=headers)
    assert early.status_code == 409 and early.json["error"]["code"] == "not_decided"
    with app.app_context():
        process.decide("test", request_id, "removed", "hanako", criterion="privacy", reason="削除しました。")
    empty = client.post(f"/api/v1/requests/{request_id}/appeals", json={"statement": ""}, headers=headers)
    assert empty.status_code == 400 and empty.json["error"]["field"] == "statement"
    clock.advance(days=1)
    answer = client.post(f"/api/v1/requests/{request_id}/appeals",
                         json={"statement": "事実を書いただけです。取材記事に基づいています。"}, headers=headers)
    assert answer.status_code == 202 and answer.json["status"] == "appealed"
    again = client.post(f"/api/v1/requests/{request_id}/appeals", json={"statement": "再度"}, headers=headers)
    assert again.status_code == 409 and again.json["error"]["code"] == "appealed_already"
    with app.app_context():
        with pytest.raises(Exception, match="another moderator"):
            process.decide("test", request_id, "not_removed", "hanako", criterion="public_interest", reason="復元")
        clock.advance(days=2)
        process.decide("test", request_id, "removed", "jiro", criterion="privacy",
                       reason="再検討の結果、削除を維持します。")
        record = get_requests("test").get(request_id)
    assert record["appeal_outcome"] == "removed" and record["appeal_decided_by"] == "jiro"
    actions = [a for a, _ in request_audit(app, request_id)]
    assert actions == ["received", "decided", "requester_notified", "appealed", "appeal_decided", "requester_notified"]


def test_a_request_near_its_deadline_raises_due_soon_then_overdue_once(make_app, worker, comment, clock):
    with Receiver() as receiver:
        app = hooked_app(make_app, receiver, clock)
        client = app.test_client()
        request_id = file(client, request_body([post_comment(client, comment)])).json["id"]
        with app.app_context():
            clock.advance(days=4)
            assert process.check_deadlines("test") == []
            clock.advance(days=1.5)  # 1.5 days left
            assert [r["id"] for r in process.check_deadlines("test")] == [request_id]
            clock.advance(days=2)  # overdue
            assert [r["id"] for r in process.check_deadlines("test")] == [request_id]
            process.check_deadlines("test")  # raised once only
        worker(app)
        wanted = {"request.received", "request.due_soon", "request.overdue"}
        assert wait_for(lambda: wanted <= {e["type"] for e in receiver.accepted}, timeout=15), receiver.accepted
        time.sleep(0.3)
        assert sorted(e["type"] for e in receiver.accepted if e["type"].startswith("request.")) == sorted(wanted)
        due_soon = next(e["data"] for e in receiver.accepted if e["type"] == "request.due_soon")
        assert due_soon["request_id"] == request_id and due_soon["days_left"] == 1.5
    assert [a for a, _ in request_audit(app, request_id)] == ["received", "due_soon", "overdue"]


def test_the_worker_raises_the_deadline_alert_by_itself(make_app, worker, comment, clock):
    with Receiver() as receiver:
        app = hooked_app(make_app, receiver, clock)
        client = app.test_client()
        request_id = file(client, request_body([post_comment(client, comment)])).json["id"]
        clock.advance(days=6)
        worker(app)
        assert wait_for(lambda: "request.due_soon" in {e["type"] for e in receiver.accepted}, timeout=15)
    assert [a for a, _ in request_audit(app, request_id)] == ["received", "due_soon"]


def test_the_consulted_poster_answers_through_the_site(app, client, comment, clock):
    with_clock(app, clock)
    request_id = file(client, request_body([post_comment(client, comment)])).json["id"]
    headers = {"Authorization": f"Bearer {API_KEY}"}
    path = f"/api/v1/requests/{request_id}/answers"
    early = client.post(path, json={"statement": "事実です。"}, headers=headers)
    assert early.status_code == 409 and early.json["error"]["code"] == "not_consulted"
    with app.app_context():
        process.advance("test", request_id, "poster_consulted", "hanako")
    assert client.post(path, json={"statement": 5}, headers=headers).json["error"]["field"] == "statement"
    clock.advance(days=2)
    answer = client.post(path, json={"statement": "取材メモに基づく事実です。"}, headers=headers)
    assert answer.status_code == 202 and answer.json["poster_answered_at"] == "2026-11-04T01:00:00.000Z"
    again = client.post(path, json={"statement": "追記"}, headers=headers)
    assert again.status_code == 409 and again.json["error"]["code"] == "answered_already"
    with app.app_context():
        assert get_requests("test").get(request_id)["poster_answer"] == "取材メモに基づく事実です。"
    assert [a for a, _ in request_audit(app, request_id)] == ["received", "poster_consulted", "poster_answered"]


@pytest.mark.parametrize("request_id", ["audit", "due", "R-1", "r-20261102-abcdefgh"])
@pytest.mark.slow
def test_an_id_that_is_not_a_receipt_number_is_404_not_a_500(request_id, make_app, auth):
    """"audit" and "due" share the rq: namespace with the request index keys (a WRONGTYPE 500 before)."""
    client = make_app().test_client()
    assert client.get(f"/api/v1/requests/{request_id}", headers=auth).status_code == 404
    response = client.post(f"/api/v1/requests/{request_id}/appeals", json={"reason": "x" * 20}, headers=auth)
    assert response.status_code in (400, 404), response.text
    assert response.get_json()["error"]["code"] in ("not_found", "invalid_field")


def test_every_request_event_matches_its_openapi_schema(app, client, comment, clock, rdb, prefix):
    import jsonschema_rs

    from moderation.integrations.outbox import event_body

    with_clock(app, clock)
    comment_id = post_comment(client, comment, author={"id": "poster-3"})
    request_id = file(client, request_body([comment_id])).json["id"]
    with app.app_context():
        process.advance("test", request_id, "investigating", "hanako")
        process.advance("test", request_id, "poster_consulted", "hanako")
        clock.advance(days=12.5)  # 1.5 days left of 7 + 7
        process.check_deadlines("test")
        clock.advance(days=2)
        process.check_deadlines("test")
        process.decide("test", request_id, "removed", "hanako", criterion="privacy", reason="削除しました。")
    headers = {"Authorization": f"Bearer {API_KEY}"}
    assert client.post(f"/api/v1/requests/{request_id}/appeals", json={"statement": "異議があります。"},
                       headers=headers).status_code == 202
    webhooks = client.get("/api/v1/openapi.json").json["webhooks"]
    sent = [event_body("test", entry_id, fields) for entry_id, fields in rdb.xrange(f"{prefix}{{test}}:events")
            if fields["type"].startswith("request.")]  # the bodies the outbox worker POSTs
    assert [e["type"] for e in sent] == ["request.received", "request.poster_consulted", "request.due_soon",
                                         "request.overdue", "request.decided", "request.appealed"]
    for event in sent:
        schema = webhooks[event["type"]]["post"]["requestBody"]["content"]["application/json"]["schema"]
        jsonschema_rs.validator_for(schema).validate(event)
        assert set(event["data"]) <= set(schema["properties"]["data"]["properties"]), event["type"]  # all named
    received = sent[0]["data"]
    assert received["due_at"] == "2026-11-09T01:00:00.000Z" and received["comment_ids"] == [comment_id]
    assert sent[4]["data"]["requester"]["email"] == "hanako@example.jp"  # no SMTP: the site mails the requester
