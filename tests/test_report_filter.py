"""The `reported` filter finds every published comment readers' reports sent to review, found trying the product
as a moderator does (session 26): a report's reason spam or abuse labelled the comment with that reason alone, so
`label: reported` (the moderation API, the review page's 読者の通報) found only the comments reported as `other`,
and a comment readers reported as abuse, the common case, was missing from it and from GET /api/v1/queue's count."""

import pytest

from moderation.store.moderator_tokens import ModeratorTokens
from tests.support.app import API_KEY

SITE = {"Authorization": f"Bearer {API_KEY}"}


@pytest.mark.parametrize(("reason", "labels"), [("other", {"reported"}), ("abuse", {"abuse", "reported"}),
                                                ("spam", {"spam", "reported"})])
def test_a_published_comment_reported_for_any_reason_is_claimed_under_reported(
        make_app, thresholds, comment, accounts, rdb, prefix, reason, labels):
    app = make_app(THRESHOLDS=thresholds.flag_none, RATE_LIMITS="")
    api = app.test_client()
    token = ModeratorTokens(rdb, prefix).issue("hanako", note="desk tool")[1]
    body = comment("記事と関係のない話ですね")
    assert api.post("/api/v1/comments", json=body, headers=SITE).json["status"] == "published"
    for reporter in ("r-1", "r-2"):  # a second report adds no label twice
        answer = api.post(f"/api/v1/comments/{body['id']}/reports", json={"reason": reason, "reporter_id": reporter},
                          headers=SITE)
        assert answer.status_code == 202, answer.text
    assert api.get("/api/v1/queue", headers=SITE).json["by_label"] == dict.fromkeys(labels, 1)
    moderator = {"Authorization": f"Bearer {token}"}
    answer = api.post("/api/v1/moderation/queue:claim", json={"label": "reported"}, headers=moderator)
    assert answer.status_code == 200, answer.text
    [item] = answer.json["items"]
    assert item["comment_id"] == body["id"] and set(item["labels"]) == labels
    decided = api.post("/api/v1/moderation/decisions", json={"comment_id": body["id"], "outcome": "approve"},
                       headers=moderator)
    assert decided.status_code == 200, decided.text
    assert api.get("/api/v1/queue", headers=SITE).json["by_label"] == dict.fromkeys(labels, 0)
