"""Decisions, reader reports and retractions become labelled examples; the export streams them."""

import json
import os

import pytest

from moderation import PROJECT_ROOT
from moderation.store.training_labels import LabelStore
from tests.support.app import API_KEY


def test_decisions_become_labels(make_app, auth, comment, queue, rdb, prefix, thresholds):
    client = make_app(THRESHOLDS=thresholds.flag_all).test_client()
    for cid in ("ok-1", "spam-1", "other-1", "undo-1"):
        client.post("/api/v1/comments", json=comment(id=cid, text=f"本文 {cid}"), headers=auth)
    queue.decide("ok-1", "approve", "hanako")
    queue.decide("spam-1", "reject", "hanako", "spam")
    queue.decide("other-1", "reject", "hanako", "other")
    queue.decide("undo-1", "reject", "taro", "abuse")
    queue.undo("undo-1", "taro")
    rows = list(LabelStore(rdb, "test", prefix).export())
    assert [(r["id"], r.get("task"), r.get("value"), r.get("retract", False)) for r in rows] == [
        ("ok-1", "spam", 0, False), ("ok-1", "abuse", 0, False), ("spam-1", "spam", 1, False),
        ("undo-1", "abuse", 1, False), ("undo-1", None, None, True)]
    assert rows[2]["text"] == "本文 spam-1" and rows[2]["source"] == "moderator" and rows[2]["by"] == "hanako"


def test_report_sends_a_published_comment_to_review(make_app, auth, comment, queue, rdb, prefix, thresholds):
    client = make_app(THRESHOLDS=thresholds.flag_none).test_client()
    client.post("/api/v1/comments", json=comment(id="pub-1"), headers=auth)
    response = client.post("/api/v1/comments/pub-1/reports", json={"reason": "abuse", "reporter_id": "r9"},
                           headers=auth)
    assert response.status_code == 202 and response.get_json()["queued_for_review"] is True
    record = queue.get("pub-1")
    assert (record["status"], record["queue_state"], record["labels"]) == ("published", "ready", ["abuse", "reported"])
    assert rdb.ttl(f"{prefix}{{test}}:c:pub-1") == -1
    again = client.post("/api/v1/comments/pub-1/reports", json={"reason": "spam"}, headers=auth)
    assert again.get_json()["queued_for_review"] is False
    store = LabelStore(rdb, "test", prefix)
    assert list(store.export()) == []  # unconfirmed feedback trains nothing by default
    assert [(r["task"], r["weight"]) for r in store.export(feedback_weight=0.3, daily_cap=10)] == [
        ("abuse", 0.3), ("spam", 0.3)]
    queue.decide("pub-1", "reject", "hanako", "abuse")
    assert queue.get("pub-1")["status"] == "rejected"
    bad = client.post("/api/v1/comments/pub-1/reports", json={"reason": "boring"}, headers=auth)
    assert bad.status_code == 400 and bad.get_json()["error"]["field"] == "reason"
    assert client.post("/api/v1/comments/nope/reports", json={"reason": "spam"}, headers=auth).status_code == 404


@pytest.mark.slow
def test_export_command_streams_json_lines_since_a_date(redis_server, prefix, rdb, tmp_path, cli_forks):
    store = LabelStore(rdb, "test", prefix)
    for n in range(2500):
        store.add(f"x{n}", f"テキスト{n}", "spam", n % 2, "moderator", at_ms=1_700_000_000_000 + n)
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "MODERATION_REDIS_URL": redis_server.url,
           "MODERATION_REDIS_PREFIX": prefix, "MODERATION_API_KEYS": f"test:{API_KEY}",
           "MODERATION_INSTANCE_DIR": str(tmp_path)}
    result = cli_forks.run(["labels", "export", "--since", "2000-01-01"], env=env, check=True)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 2500 and rows[0]["text"] == "テキスト0" and rows[-1]["id"] == "x2499"
    assert cli_forks.run(["labels", "export", "--since", "2999-01-01"], env=env, check=True).stdout == ""


def test_an_export_holds_one_page_of_the_stream_at_a_time(rdb, prefix):
    """README: `labels export ...   # memory stays flat`: the export reads the stream a page at a time as it writes
    rows out, never the whole stream (250 labels in pages of 100: the first row after one read, the rest after two)."""
    from tests.support.monitor import round_trips

    store = LabelStore(rdb, "test", prefix)
    for n in range(250):
        store.add(f"p{n}", f"テキスト{n}", "spam", n % 2, "moderator", at_ms=1_700_000_000_000 + n)
    rows = store.export(0, page=100)
    first, sent = round_trips(rdb, lambda: next(rows))
    assert first["id"] == "p0" and sent.count("XRANGE") == 1, sent
    rest, sent = round_trips(rdb, lambda: list(rows))
    assert [row["id"] for row in rest] == [f"p{n}" for n in range(1, 250)] and sent.count("XRANGE") == 2, sent
