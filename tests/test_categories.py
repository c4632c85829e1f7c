"""Harm categories in every answer: POST and GET carry them, each has its own thresholds, and `abuse` is their
maximum and joins `labels` whenever one of them does."""

from moderation.scoring.policy import Policy
from moderation.scoring.scorer import CATEGORIES

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
