"""Harm categories in every answer: POST and GET carry them, each has its own thresholds, and `abuse` is their
maximum and joins `labels` whenever one of them does."""

import json
import time

import jsonschema_rs

from moderation.integrations import outbox
from moderation.integrations.outbox import event_body
from moderation.scoring.policy import Policy
from moderation.scoring.scorer import CATEGORIES
from moderation.store.review_queue import ReviewQueue
from tests.support.app import API_KEY
from tests.support.receiver import SECRET, Receiver

AUTH = {"Authorization": f"Bearer {API_KEY}"}

NONE = {label: {"review": 1.01, "reject": 1.01} for label in ("spam", "abuse", *CATEGORIES)}


def test_every_answer_names_the_categories(make_app, auth, comment):
    client = make_app(THRESHOLDS=NONE).test_client()
    body = client.post("/api/v1/comments", json=comment(id="cat-1"), headers=auth).get_json()
    assert set(body["categories"]) == set(CATEGORIES)
    assert all(0.0 <= p <= 1.0 for p in body["categories"].values())
    assert body["scores"]["abuse"] == max(body["categories"].values())
    got = client.get("/api/v1/comments/cat-1", headers=auth).get_json()
    assert got["categories"] == body["categories"]


def test_a_category_over_its_review_threshold_holds_the_comment(make_app, auth, comment):
    client = make_app(THRESHOLDS={**NONE, "threat": {"review": 0.0, "reject": 1.01}}).test_client()
    body = client.post("/api/v1/comments", json=comment(id="cat-2"), headers=auth).get_json()
    assert (body["decision"], body["labels"]) == ("review", ["abuse", "threat"])


def test_category_thresholds_decide_review_and_reject():
    cats = dict.fromkeys(CATEGORIES, 0.01)
    policy = Policy({"spam": {"review": 0.5, "reject": 0.99}, "abuse": {"review": 0.9, "reject": 0.99},
                     "threat": {"review": 0.3, "reject": 0.95}})
    assert policy.decide({"spam": 0.1, "abuse": 0.4, **cats, "threat": 0.4})[:2] == ("review", ["abuse", "threat"])
    assert policy.decide({"spam": 0.1, "abuse": 0.96, **cats, "threat": 0.96})[0] == "reject"
    assert policy.decide({"spam": 0.1, "abuse": 0.2, **cats, "threat": 0.2})[:2] == ("allow", [])
    assert policy.decide({"spam": 0.1, "abuse": 0.2})[:2] == ("allow", [])  # an answer without categories still works


def test_every_comment_event_carries_the_category_probabilities_and_model_version(make_app, comment, rdb, prefix):
    """Issue 12: queued, rejected automatically, decided, reopened and removed: each event a real HTTP receiver
    gets names the categories with their probabilities and the model version, beside every field it had."""
    hooks = {"WEBHOOKS": {"test": {"url": "", "secret": SECRET}}, "DEMO": True}
    with Receiver() as receiver:
        hooks["WEBHOOKS"]["test"]["url"] = receiver.url
        held = make_app(THRESHOLDS={**NONE, "threat": {"review": 0.0, "reject": 1.01}}, **hooks)
        rejecting = make_app(THRESHOLDS={**NONE, "threat": {"review": 0.0, "reject": 0.0}}, **hooks)
        publishing = make_app(THRESHOLDS=NONE, **hooks)
        answers = {}
        for name, app in (("held", held), ("rejected", rejecting), ("published", publishing)):
            body = comment(f"{name}: 明日の会見の続報を待っています。", id=f"hook-{name}")
            answers[body["id"]] = app.test_client().post("/api/v1/comments", json=body, headers=AUTH).get_json()
        assert [a["decision"] for a in answers.values()] == ["review", "reject", "allow"]
        queue = ReviewQueue(rdb, "test", prefix=prefix)
        queue.decide("hook-held", "reject", "hanako", "threat", category=True)
        queue.reopen("hook-held", "taro")
        queue.decide("hook-held", "approve", "hanako")
        assert queue.remove("hook-published", "taro", "rights_request", now_ms=int(time.time() * 1000),
                            data={"request_id": "r-1"})
        webhooks = held.test_client().get("/api/v1/openapi.json").get_json()["webhooks"]
        deadline = time.monotonic() + 15
        while len(receiver.accepted) < 6 and time.monotonic() < deadline:
            outbox.run_worker(held, once=True)
        events = [(e["type"], e["data"]["comment_id"]) for e in receiver.accepted]
    assert events == [("comment.queued", "hook-held"), ("comment.rejected_automatically", "hook-rejected"),
                      ("comment.rejected", "hook-held"), ("comment.reopened", "hook-held"),
                      ("comment.approved", "hook-held"), ("comment.rejected", "hook-published")]
    for event in receiver.accepted:
        documented = webhooks[event["type"]]["post"]["requestBody"]["content"]["application/json"]["schema"]
        jsonschema_rs.validator_for(documented).validate(event)  # as the OpenAPI document says
        data, answer = event["data"], answers[event["data"]["comment_id"]]
        assert {"comment_id", "status", "by", "reason", "labels"} <= data.keys()  # nothing removed or renamed
        assert data["categories"] == answer["categories"] and set(data["categories"]) == set(CATEGORIES)
        assert data["model_version"] == answer["model_version"] and data["model_version"]
    queued, auto = receiver.accepted[0]["data"], receiver.accepted[1]["data"]
    assert queued["labels"] == ["abuse", "threat"] and auto["labels"] == ["abuse", "threat"]
    assert receiver.accepted[5]["data"]["request_id"] == "r-1"  # a removal's own data is still there


def test_an_event_stored_before_the_upgrade_still_has_the_new_fields_empty():
    """Entries written by the previous version (no categories in the stream) still make a valid event."""
    fields = {"type": "comment.approved", "id": "c-1", "status": "published", "by": "hanako", "reason": "",
              "at": "1700000000000"}
    data = event_body("test", "1700000000000-0", fields)["data"]
    assert data["categories"] == {} and data["model_version"] is None and data["comment_id"] == "c-1"
    standing = event_body("test", "1-0", {"type": "author.standing_changed", "status": "warned",
                                          "data": json.dumps({"author_id": "a-1"})})["data"]
    assert "categories" not in standing  # only a comment's events carry them
