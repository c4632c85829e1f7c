"""A comment named in a removal request is kept while the request is open: a published comment's record (30 days by
default) once expired between filing and decision, and the decision failed with 404 (no such comment)."""

import time

import pytest

from moderation.rights import process
from moderation.store.removal_requests import get_requests
from moderation.store.review_queue import get_queue
from tests.test_requests import clock as clock
from tests.test_requests import file, post_comment, request_body, with_clock

DAY_MS = 86_400_000
TWO_SECONDS = 2 / 86400  # PUBLISHED_TTL_DAYS: a published comment's record lives 2 s


@pytest.fixture
def short_lived(make_app):
    return make_app(PUBLISHED_TTL_DAYS=str(TWO_SECONDS), RATE_LIMITS="")


def record_ttl_ms(rdb, prefix, comment_id):
    return rdb.pttl(f"{prefix}{{test}}:c:{comment_id}")


@pytest.mark.slow  # waits 2.5 s for the published record's own expiry
def test_a_published_comment_named_in_a_request_is_still_there_to_remove_after_its_ttl(short_lived, comment, clock,
                                                                                         rdb, prefix):
    app, client = with_clock(short_lived, clock), short_lived.test_client()
    named, other = post_comment(client, comment, "記事を読みました。"), post_comment(client, comment, "同感です。")
    with app.app_context():
        assert get_queue("test").get(named)["status"] == "published"
    assert 0 < record_ttl_ms(rdb, prefix, named) <= 2000
    answer = file(client, request_body([named]))
    assert answer.status_code == 201, answer.text
    assert record_ttl_ms(rdb, prefix, named) >= 89 * DAY_MS  # kept as a decided comment is: RECORD_TTL_DAYS
    time.sleep(2.5)
    assert record_ttl_ms(rdb, prefix, other) == -2  # the unnamed one expired as published comments do
    with app.app_context():
        process.decide("test", answer.json["id"], "removed", "hanako", criterion="defamation",
                       reason="事実の摘示による名誉毀損と判断し削除しました。")
        assert get_queue("test").get(named)["status"] == "rejected"
        assert get_requests("test").get(answer.json["id"])["removed"] == [named]
    rejected = [e for _, e in rdb.xrange(f"{prefix}{{test}}:events") if e["type"] == "comment.rejected"]
    assert [e["id"] for e in rejected] == [named]


def test_a_held_comment_named_in_a_request_stays_without_an_expiry(make_app, comment, clock, rdb, prefix, thresholds):
    app = make_app(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="")
    client = with_clock(app, clock).test_client()
    held = post_comment(client, comment, "記事を読みました。")
    with app.app_context():
        assert get_queue("test").get(held)["status"] == "pending"
    assert record_ttl_ms(rdb, prefix, held) == -1
    assert file(client, request_body([held])).status_code == 201
    assert record_ttl_ms(rdb, prefix, held) == -1  # a pending record never expires; filing gives it no expiry


def test_a_decision_stands_for_a_comment_the_service_no_longer_stores(make_app, comment, clock, rdb, prefix, login):
    """A record gone anyway (an appeal decided after RECORD_TTL_DAYS, an operator's cleanup): the decision is made,
    the comments still stored are removed, and request.decided names every removed id for the site to take down."""
    app = make_app(RATE_LIMITS="")
    client = with_clock(app, clock).test_client()
    gone, kept = post_comment(client, comment, "記事を読みました。"), post_comment(client, comment, "同感です。")
    request_id = file(client, request_body([gone, kept])).json["id"]
    rdb.delete(f"{prefix}{{test}}:c:{gone}")  # the state an expired record leaves
    page = login(app, "hanako").get(f"/review/requests/{request_id}?site=test")
    assert page.status_code == 200 and gone in page.text and kept in page.text
    assert page.text.count('class="notice notice-warn comment-missing"') == 1  # the gone one says so, not the kept
    assert "本文が残っていません。サイト上で確認してください。" in page.text
    with app.app_context():
        process.decide("test", request_id, "removed", "hanako", criterion="privacy", reason="削除しました。")
        assert get_queue("test").get(kept)["status"] == "rejected"
        assert get_requests("test").get(request_id)["status"] == "decided"
    decided = [e for _, e in rdb.xrange(f"{prefix}{{test}}:events") if e["type"] == "request.decided"]
    from moderation.integrations.outbox import event_body

    assert event_body("test", "1-0", decided[0])["data"]["removed_comment_ids"] == [gone, kept]


def test_the_worker_raises_a_sites_deadline_alerts_without_a_webhook(make_app, comment, clock):
    """A site with no webhook still has its removal requests' due_soon and overdue alerts recorded by the worker
    (before: only the sites with a webhook were checked, so such a site's alerts waited for a moderator to open
    /review/requests, and its transparency report's alert counts with them)."""
    from moderation.integrations.outbox_worker import run_worker

    app = with_clock(make_app(RATE_LIMITS=""), clock)
    client = app.test_client()
    request_id = file(client, request_body([post_comment(client, comment, "記事を読みました。")])).json["id"]
    clock.advance(days=6)
    run_worker(app, once=True)
    clock.advance(days=2)
    run_worker(app, once=True)
    with app.app_context():
        assert [e["action"] for e in get_requests("test").history(request_id)] == ["received", "due_soon", "overdue"]
