"""Harm categories in every answer: POST and GET carry them, each has its own thresholds, and `abuse` is their
maximum and joins `labels` whenever one of them does."""

import hashlib
import hmac
import json
import time

import jsonschema_rs
import pytest

from moderation.integrations import outbox_worker
from moderation.integrations.outbox import event_body
from moderation.scoring.policy import Policy
from moderation.scoring.scorer import CATEGORIES, HEADS, combine
from moderation.store.review_queue import ReviewQueue
from tests.support.app import API_KEY
from tests.support.receiver import SECRET, Receiver

AUTH = {"Authorization": f"Bearer {API_KEY}"}
CORAL_SECRET = "coral-signing-secret-0123"

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
            outbox_worker.run_worker(held, once=True)
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
    rejected, approved = receiver.accepted[2]["data"], receiver.accepted[4]["data"]  # a person's: no labels (README)
    assert rejected["labels"] == [] and rejected["reason"] == "threat"
    assert approved["labels"] == [] and approved["reason"] is None
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


TEXT = "上のコメントの奴、覚悟しとけよ"
THREAT_HELD = {**NONE, "threat": {"review": 0.0, "reject": 1.01}}
THREAT_REJECTED = {**NONE, "threat": {"review": 0.0, "reject": 0.0}}


def _coral(client, text):
    raw = json.dumps({"action": "NEW", "comment": {"body": text, "parentID": None}, "author": {"id": "u-1"},
                      "story": {"id": "s-1", "url": "https://news.example/a/1"}, "site": {"id": "site-1"},
                      "tenantID": "t-1", "tenantDomain": "comments.news.example"}).encode()
    signature = "sha256=" + hmac.new(CORAL_SECRET.encode(), raw, hashlib.sha256).hexdigest()
    return client.post("/api/v1/coral/moderate", data=raw,
                       headers={"Content-Type": "application/json", "X-Coral-Signature": signature})


def _akismet(client, text):
    return client.post("/1.1/comment-check", data={"api_key": API_KEY, "blog": "https://news.example/",
                                                   "user_ip": "203.0.113.7", "comment_content": text})


@pytest.mark.parametrize(("thresholds", "decision", "akismet_tip", "coral_status"), [
    (THREAT_HELD, "review", None, "PREMOD"), (THREAT_REJECTED, "reject", "discard", "REJECTED")])
def test_every_way_in_gives_the_same_categories_and_the_same_routing(make_app, comment, thresholds, decision,
                                                                      akismet_tip, coral_status):
    """POST, GET, batch, comments:check, Akismet and Coral: one text, the same probabilities, model version and
    decision when only a harm category (threat) is over its thresholds."""
    client = make_app(THRESHOLDS=thresholds, CORAL_SECRETS=json.dumps({"test": CORAL_SECRET}),
                      RATE_LIMITS="").test_client()
    posted = client.post("/api/v1/comments", json=comment(TEXT, id="one"), headers=AUTH).get_json()
    assert (posted["decision"], posted["labels"]) == (decision, ["abuse", "threat"])
    got = client.get("/api/v1/comments/one", headers=AUTH).get_json()
    [batched] = client.post("/api/v1/comments:batch", json={"comments": [comment(TEXT, id="two")]},
                            headers=AUTH).get_json()["results"]
    checked = client.post("/api/v1/comments:check", json=comment(TEXT, id="three"), headers=AUTH).get_json()
    for answer in (got, batched, checked):
        assert answer["categories"] == posted["categories"] and answer["model_version"] == posted["model_version"]
        assert (answer["decision"], answer["labels"]) == (decision, ["abuse", "threat"])
    akismet = _akismet(client, TEXT)
    assert akismet.data == b"true" and akismet.headers.get("X-akismet-pro-tip") == akismet_tip
    coral = _coral(client, TEXT)
    assert coral.status_code == 200
    assert coral.get_json() == {"actions": [{"actionType": "FLAG", "reason": "COMMENT_DETECTED_TOXIC"}],
                                "status": coral_status}
    for response in (akismet, coral):
        assert json.loads(response.headers["X-Moderation-Categories"]) == posted["categories"]
        assert response.headers["X-Moderation-Model-Version"] == posted["model_version"]


def test_akismet_and_coral_follow_the_sites_saved_category_thresholds(make_app):
    """An admin's per-site threshold (the thresholds page) routes Akismet's and Coral's answers too, not only
    the API's: before it they publish the text, after it they hold it."""
    app = make_app(THRESHOLDS=NONE, CORAL_SECRETS=json.dumps({"test": CORAL_SECRET}), RATE_LIMITS="")
    client = app.test_client()
    assert _akismet(client, TEXT).data == b"false" and _coral(client, TEXT).status_code == 204
    manager = app.extensions["moderation.models"]
    manager.registry.set_thresholds({"sites": {"test": {"threat": {"review": 0.0, "reject": 1.01}}}}, "taro")
    assert manager.refresh()
    assert _akismet(client, TEXT).data == b"true"
    held = _coral(client, TEXT)
    assert held.status_code == 200 and held.get_json()["status"] == "PREMOD"


def test_combine_names_every_category_in_order_and_abuse_is_the_largest_harm():
    """scorer._combined spells the heads out one by one: a category added to labels.py must be added there too."""
    probs = [0.01 * (i + 1) for i in range(len(HEADS))]
    scores, categories = combine(probs)
    assert tuple(categories) == CATEGORIES
    assert list(categories.values()) == probs[1:]
    assert scores == {"spam": probs[0], "abuse": max(probs[1:])}
    assert combine([1.5, -0.2, *[0.5] * (len(HEADS) - 2)])[0] == {"spam": 1.0, "abuse": 0.5}  # clipped to [0, 1]
