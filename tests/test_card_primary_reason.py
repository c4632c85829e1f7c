"""A card with no label flagged (held by an article's or author's rule, or sent by readers' reports) offers the
readers' report reason or "other" as its one-key reject, never the largest of near-zero probabilities: a reject
reason is also a training label, so `s` on a clean comment once labelled it hate (and abuse)."""

from moderation.pages.cards import primary_reason
from moderation.store.training_labels import LabelStore
from tests.test_review_desk import harm_record

CLEAN = {"threat": 0.0004, "hate": 0.000968, "harassment": 0.000707, "sexual": 0.0001, "self_harm": 0.0,
         "personal_info": 0.0, "defamation": 0.0}


def test_no_label_flagged_offers_the_report_reason_or_other():
    held = harm_record("a", categories=CLEAN, labels=[], scores={"spam": 0.0002, "abuse": 0.000968})
    assert primary_reason(held) == "other"  # make run: 素敵な図書館になりそうですね。 held by the article's mode
    assert primary_reason({**held, "last_report": "spam"}) == "spam"
    assert primary_reason({**held, "labels": ["reported"], "last_report": "other"}) == "other"
    assert primary_reason({**held, "last_report": "<b>"}) == "other"
    assert primary_reason(harm_record("b")) == "threat"  # a flagged label still decides


def test_rejecting_a_clean_reported_comment_with_its_one_key_reason_writes_no_harm_label(make_app, thresholds, login,
                                                                                          auth, comment, rdb, prefix):
    app = make_app(THRESHOLDS=thresholds.flag_none, RATE_LIMITS="")
    api, hanako = app.test_client(), login(app, "hanako")
    body = comment("素敵な図書館になりそうですね。")
    assert api.post("/api/v1/comments", json=body, headers=auth).json["decision"] == "allow"
    response = api.post(f"/api/v1/comments/{body['id']}/reports", json={"reason": "other", "reporter_id": "r-1"},
                        headers=auth)
    assert response.status_code == 202 and response.json["queued_for_review"]
    [shown] = hanako.claim()
    assert shown["primary_reason"] == "other"
    hanako.decide(body["id"], "reject", shown["primary_reason"])
    labelled = [(row["task"], row["value"], row["source"]) for row in LabelStore(rdb, "test", prefix).export()]
    assert not [row for row in labelled if row[2] == "moderator"], labelled
