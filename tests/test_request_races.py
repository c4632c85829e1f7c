"""Removal requests decided by two moderators at once: the other's whole decision forced between one decision's read
and its record on the real Redis (tests/support/interleave.py)."""

import pytest

from moderation.errors import Conflict
from moderation.rights import process
from moderation.store.removal_requests import get_requests
from moderation.store.review_queue import get_queue
from tests.support.interleave import after_first_command_on
from tests.test_requests import FakeClock, file, post_comment, request_body, with_clock


def _decision(request_id, outcome, moderator):
    """One moderator's decision: "decided", or the conflict's code."""
    try:
        process.decide("test", request_id, outcome, moderator, reason="理由です。",
                       criterion="not_infringing" if outcome == "not_removed" else "privacy")
    except Conflict as error:
        return error.code
    return "decided"


@pytest.mark.parametrize("where", ["request", "comment"])
def test_two_moderators_deciding_at_once_leave_the_comments_as_the_kept_decision_says(app, client, comment, where):
    """hanako's decision read the open request (or began removing its comment), jiro decided not_removed meanwhile,
    then hanako's removed the comment and her record was refused: the comment was rejected under a not_removed
    decision (the requester told it stays). Now a decision holds the request while its comments change."""
    from datetime import UTC, datetime

    with_clock(app, FakeClock(datetime(2026, 11, 2, 1, 0, tzinfo=UTC).timestamp()))
    comment_id = post_comment(client, comment)
    request_id = file(client, request_body([comment_id])).json["id"]
    with app.app_context():
        requests, queue = get_requests("test"), get_queue("test")
        before = queue.get(comment_id)["status"]
        key = requests.record_key(request_id) if where == "request" else queue.record_key(comment_id)
        with after_first_command_on(app.extensions["moderation.redis"], key,
                                    lambda: _decision(request_id, "not_removed", "jiro")) as fired:
            ours = _decision(request_id, "removed", "hanako")
        record, stored = requests.get(request_id), queue.get(comment_id)
    assert fired[0] == "fired" and sorted([ours, fired[1]]) in (["already_decided", "decided"],
                                                                ["being_decided", "decided"])
    assert before != "rejected"
    assert (record["outcome"] == "removed") == (stored["status"] == "rejected"), (record["outcome"], stored["status"])


def test_a_decision_refused_while_another_is_under_way_says_so_on_the_page(app, client, comment, login):
    """The second moderator's page says someone else is deciding it, in the page's language, and changes nothing."""
    from datetime import UTC, datetime

    clock = FakeClock(datetime(2026, 11, 2, 1, 0, tzinfo=UTC).timestamp())
    with_clock(app, clock)
    request_id = file(client, request_body([post_comment(client, comment)])).json["id"]
    with app.app_context():
        get_requests("test").begin_decision(request_id, "removed", "hanako", [], now_ms=clock() * 1000)
    jiro = login(app, "jiro")
    answer = jiro.form(f"/review/requests/{request_id}/decide", {
        "site": "test", "outcome": "not_removed", "criterion": "not_infringing", "reason": "理由です。"},
        follow_redirects=True)
    assert "別のモデレーターがこの依頼を判断しているところです" in answer.text
    with app.app_context():
        assert get_requests("test").get(request_id)["status"] == "received"
    clock.advance(days=1 / 1440)  # a minute later the hold has lapsed (its decision never came): jiro decides
    assert "別のモデレーター" not in jiro.form(f"/review/requests/{request_id}/decide", {
        "site": "test", "outcome": "not_removed", "criterion": "not_infringing", "reason": "理由です。"},
        follow_redirects=True).text
    with app.app_context():
        assert get_requests("test").get(request_id)["outcome"] == "not_removed"
