"""Author standing against a real Redis: strikes from rejections, levels, suspension, decay, a person's standing."""

import json

import pytest

from moderation import create_app
from moderation.settings import SettingsError
from moderation.store.review_queue import get_queue
from tests.support.app import API_KEY, app_config
from tests.support.flagging import ABUSIVE, CLEAN, HOLD, REJECT, SPAM
from tests.test_articles import deliver
from tests.test_outbox import SECRET, Receiver
from tests.test_requests import FakeClock

AUTH = {"Authorization": f"Bearer {API_KEY}"}
STANDING = {"warned": 2, "premoderated": 4, "suspended": 6, "suspend_days": 1, "decay_days": 7,
            "weights": {"abuse": 1, "spam": 3, "threat": 3}}
DAY = 86400


@pytest.fixture
def clock():
    return FakeClock(1_800_000_000)


def standing_app(make_app, clock, **extra):
    config = {"AUTHOR_STANDING": json.dumps(STANDING), "RATE_LIMITS": "", "THRESHOLDS": REJECT}
    app = make_app(**{**config, **extra})
    app.extensions["moderation.clock"] = clock
    return app


def post(client, comment, text, author="troll"):
    answer = client.post("/api/v1/comments", headers=AUTH, json=comment(text, author={"id": author, "name": "名無し"}))
    assert answer.status_code == 200, answer.text
    body = answer.get_json()
    return body["decision"], body["reason"], body["author_standing"]


def test_an_author_moves_through_the_levels_and_a_suspension_reaches_the_site(make_app, clock, comment):
    with Receiver() as receiver:
        app = standing_app(make_app, clock, WEBHOOKS={"test": {"url": receiver.url, "secret": SECRET}}, DEMO=True)
        client = app.test_client()
        assert post(client, comment, CLEAN) == ("allow", None, "good")
        assert post(client, comment, ABUSIVE) == ("reject", None, "good")  # 1 point
        assert post(client, comment, ABUSIVE) == ("reject", None, "warned")  # 2 points
        assert post(client, comment, CLEAN) == ("allow", None, "warned")  # a warning holds nothing
        post(client, comment, ABUSIVE)
        assert post(client, comment, ABUSIVE) == ("reject", None, "premoderated")  # 4 points
        assert post(client, comment, CLEAN) == ("review", "author_premoderated", "premoderated")
        assert post(client, comment, SPAM) == ("reject", None, "suspended")  # spam weighs 3: 7 points
        assert post(client, comment, CLEAN) == ("reject", "author_suspended", "suspended")
        assert post(client, comment, CLEAN, author="neighbour") == ("allow", None, "good")
        batch = client.post("/api/v1/comments:batch", headers=AUTH, json={"comments": [
            comment(CLEAN, author={"id": "troll"}), comment(CLEAN, author={"id": "neighbour"})]}).json["results"]
        assert [(r["decision"], r["reason"], r["author_standing"]) for r in batch] == [
            ("reject", "author_suspended", "suspended"), ("allow", None, "good")]

        author = client.get("/api/v1/authors/troll", headers=AUTH).json
        assert (author["standing"], author["points"], len(author["strikes"])) == ("suspended", 7, 5)
        assert author["until"] == "2027-01-16T08:00:00.000Z"  # one day after the spam, from the app's clock
        assert author["counts"]["submitted"] == 10 and author["recent"][0]["decision_reason"] == "author_suspended"
        assert {s["points"] for s in author["strikes"]} == {1, 3}

        events = deliver(app, receiver, 11)
        changes = [(e["data"]["previous"], e["data"]["standing"]) for e in events
                   if e["type"] == "author.standing_changed"]
        assert changes == [("good", "warned"), ("warned", "premoderated"), ("premoderated", "suspended")]
        suspended = [e for e in events if e["type"] == "comment.rejected_automatically"
                     and e["data"].get("reason") == "author_suspended"]
        assert len(suspended) == 2

        clock.now += DAY + 1  # the suspension ends; 7 points still hold every comment
        assert client.get("/api/v1/authors/troll", headers=AUTH).json["standing"] == "premoderated"
        assert post(client, comment, CLEAN) == ("review", "author_premoderated", "premoderated")
        clock.now += 7 * DAY  # every strike has decayed
        assert post(client, comment, CLEAN) == ("allow", None, "good")
        assert client.get("/api/v1/authors/troll", headers=AUTH).json["points"] == 0
    audit = [e for e in get_queue_of(app).audit(500, author_id="troll") if e["action"] == "author_standing"]
    assert [(e["from"], e["to"]) for e in reversed(audit)] == [
        ("good", "warned"), ("warned", "premoderated"), ("premoderated", "suspended"), ("suspended", "premoderated"),
        ("premoderated", "good")]


@pytest.mark.slow  # ~2.2 s: a fresh app's first requests
def test_a_rejection_whose_check_decayed_the_strikes_counts_from_the_decayed_standing(make_app, clock, comment):
    """SUBMIT's strike starts from the standing its check (the same script) left, not from the one read before it:
    the decay's move is written once, and the strike does not move the author again."""
    app = standing_app(make_app, clock)
    client = app.test_client()
    post(client, comment, ABUSIVE)
    assert post(client, comment, ABUSIVE) == ("reject", None, "warned")  # 2 points
    clock.now += 7 * DAY + 1  # both decayed: this comment's check takes them off, then its own strike counts
    assert post(client, comment, ABUSIVE) == ("reject", None, "good")  # 1 point
    assert client.get("/api/v1/authors/troll", headers=AUTH).json["points"] == 1
    audit = [e for e in get_queue_of(app).audit(50, author_id="troll") if e["action"] == "author_standing"]
    assert [(e["from"], e["to"]) for e in reversed(audit)] == [("good", "warned"), ("warned", "good")]
    assert audit[0]["reason"] == "decay"


@pytest.mark.slow  # ~2 s: a fresh app's first requests
def test_a_strike_counts_no_decayed_strike_when_the_standing_does_not_say_one_decayed(make_app, clock, comment, rdb,
                                                                                     prefix):
    """A strike reads the author's strikes and takes off the decayed ones whether or not the standing's next_decay
    says one is due: here its hash is gone (as its expiry, a day after the strikes' decay, takes it) while the
    decayed strikes are still there."""
    app = standing_app(make_app, clock)
    client = app.test_client()
    post(client, comment, ABUSIVE)
    assert post(client, comment, ABUSIVE) == ("reject", None, "warned")  # 2 points
    strikes = f"{prefix}{{test}}:strikes:troll"
    assert rdb.zcard(strikes) == 2
    clock.now += 8 * DAY + 1
    assert rdb.delete(f"{prefix}{{test}}:standing:troll") == 1
    assert post(client, comment, ABUSIVE) == ("reject", None, "good")  # its own point only
    assert rdb.zcard(strikes) == 1 and client.get("/api/v1/authors/troll", headers=AUTH).json["points"] == 1


def get_queue_of(app):
    with app.app_context():
        return get_queue("test")


def held_app(make_app, clock, comment, count):
    """An app that holds every comment, and the ids of `count` abusive comments of author rude in its queue."""
    app = standing_app(make_app, clock, THRESHOLDS=HOLD)
    client = app.test_client()
    ids = []
    for _ in range(count):
        body = comment(ABUSIVE, author={"id": "rude"})
        assert client.post("/api/v1/comments", headers=AUTH, json=body).json["decision"] == "review"
        ids.append(body["id"])
    return app, client, ids


def test_a_moderators_rejection_is_a_strike_of_its_category_and_an_undo_takes_it_back(make_app, clock, comment):
    app, client, ids = held_app(make_app, clock, comment, 2)
    with app.app_context():
        queue = get_queue("test")
        queue.decide(ids[0], "reject", "hanako", "threat", category=True)  # threats weigh 3: warned
        assert queue.standing.get("rude", now_ms=int(clock.now * 1000))["standing"] == "warned"
        queue.decide(ids[1], "reject", "hanako", "abuse")  # 4 points: premoderated
        assert queue.standing.get("rude", now_ms=int(clock.now * 1000))["standing"] == "premoderated"
        queue.undo(ids[1], "hanako")
        assert queue.standing.get("rude", now_ms=int(clock.now * 1000))["standing"] == "warned"
    assert post(client, comment, CLEAN, author="rude") == ("allow", None, "warned")


def standing_points(queue, clock, author="rude"):
    got = queue.standing.get(author, now_ms=int(clock.now * 1000))
    return got["standing"], got["points"]


def test_an_undone_rejection_ends_the_suspension_its_strike_started_and_no_other(make_app, clock, comment):
    """s28 trial: a moderator's rejection reached the suspension points, was undone within 10 s, and the author
    stayed 投稿停止 for 7 days with the strike gone (the site heard suspended, never the end)."""
    app, client, ids = held_app(make_app, clock, comment, 3)
    with app.app_context():
        queue = get_queue("test")

        queue.decide(ids[0], "reject", "hanako", "threat", category=True)
        queue.decide(ids[1], "reject", "hanako", "threat", category=True)  # 6 points: suspended
        assert standing_points(queue, clock) == ("suspended", 6)
        queue.undo(ids[1], "hanako")
        assert standing_points(queue, clock) == ("warned", 3)
        queue.decide(ids[1], "reject", "hanako", "threat", category=True)  # suspended again, by this strike
        queue.decide(ids[2], "reject", "hanako", "threat", category=True)
        queue.undo(ids[2], "hanako")  # a later strike's undo: the suspension the earlier one started stays
        assert standing_points(queue, clock) == ("suspended", 6)
    assert post(client, comment, CLEAN, author="rude") == ("reject", "author_suspended", "suspended")


def test_an_undone_strike_leaves_the_suspension_the_strikes_left_still_reach(make_app, clock, comment):
    """Second read of 589229b: threats weigh 3, the mark is 6: A, B (suspended by B), C during it, undo B: A and C still
    reach 6, so the author stays suspended until C's suspension would have ended, and no longer."""
    app, _client, ids = held_app(make_app, clock, comment, 4)
    with app.app_context():
        queue = get_queue("test")

        queue.decide(ids[0], "reject", "hanako", "threat", category=True)
        queue.decide(ids[1], "reject", "hanako", "threat", category=True)  # 6 points: suspended, by B
        clock.now += 3600
        queue.decide(ids[2], "reject", "hanako", "threat", category=True)  # C, an hour into it
        queue.undo(ids[1], "hanako")
        assert standing_points(queue, clock) == ("suspended", 6)
        clock.now += DAY - 3600 + 60  # past B's day, within C's
        assert standing_points(queue, clock) == ("suspended", 6)
        clock.now += 3600  # past C's day too
        assert standing_points(queue, clock)[0] == "premoderated"
        queue.undo(ids[2], "hanako")
        assert standing_points(queue, clock) == ("warned", 3)


def test_a_person_sets_the_standing(make_app, clock, comment):
    app = standing_app(make_app, clock)
    client = app.test_client()
    for _ in range(3):
        post(client, comment, ABUSIVE, author="regular")
    put = client.put("/api/v1/authors/regular", headers=AUTH, json={"standing": "trusted", "note": "長年の読者"})
    assert put.status_code == 200, put.text
    assert (put.json["standing"], put.json["points"], put.json["set_by"], put.json["note"]) == (
        "trusted", 0, "person", "長年の読者")
    assert post(client, comment, CLEAN, author="regular") == ("allow", None, "trusted")

    until = "2027-01-20T00:00:00Z"
    put = client.put("/api/v1/authors/regular", headers=AUTH, json={"standing": "suspended", "until": until})
    assert (put.json["standing"], put.json["until"]) == ("suspended", "2027-01-20T00:00:00.000Z")
    assert post(client, comment, CLEAN, author="regular") == ("reject", "author_suspended", "suspended")
    clock.now = 1_800_000_000 + 6 * DAY  # past `until`: back to trusted, the floor a person set before
    assert post(client, comment, CLEAN, author="regular") == ("allow", None, "trusted")

    put = client.put("/api/v1/authors/regular", headers=AUTH, json={"standing": "premoderated"})
    assert post(client, comment, CLEAN, author="regular") == ("review", "author_premoderated", "premoderated")
    clock.now += 30 * DAY  # a person's level does not decay
    assert post(client, comment, CLEAN, author="regular") == ("review", "author_premoderated", "premoderated")
    client.put("/api/v1/authors/regular", headers=AUTH, json={"standing": "good"})
    assert post(client, comment, CLEAN, author="regular") == ("allow", None, "good")


def test_a_suspension_without_until_lasts_until_a_person_changes_it(make_app, clock, comment):
    client = standing_app(make_app, clock).test_client()
    put = client.put("/api/v1/authors/someone", headers=AUTH, json={"standing": "suspended"})
    assert (put.status_code, put.json["standing"], put.json["until"]) == (200, "suspended", None), put.text
    clock.now += 5 * 366 * DAY  # no end: strikes' decay and time do not lift it
    assert post(client, comment, CLEAN, author="someone") == ("reject", "author_suspended", "suspended")
    assert client.get("/api/v1/authors/someone", headers=AUTH).json["standing"] == "suspended"
    client.put("/api/v1/authors/someone", headers=AUTH, json={"standing": "good"})
    assert post(client, comment, CLEAN, author="someone") == ("allow", None, "good")


def test_author_counts_are_comments_received_and_moderators_decisions(make_app, clock, comment):
    """counts.approved / counts.rejected count moderators' decisions only (README, OpenAPI): an automatic
    rejection is in `submitted`, `recent` and `strikes`, not in `rejected`."""
    client = standing_app(make_app, clock).test_client()
    post(client, comment, ABUSIVE, author="mixed")  # rejected automatically
    post(client, comment, CLEAN, author="mixed")  # published automatically
    author = client.get("/api/v1/authors/mixed", headers=AUTH).json
    assert author["counts"] == {"submitted": 2, "approved": 0, "rejected": 0}
    assert [row["decision"] for row in author["recent"]] == ["allow", "reject"] and len(author["strikes"]) == 1

    held = standing_app(make_app, clock, THRESHOLDS=HOLD)
    ids = []
    for _ in range(2):
        body = comment(ABUSIVE, author={"id": "mixed", "name": "名無し"})
        assert held.test_client().post("/api/v1/comments", headers=AUTH, json=body).json["decision"] == "review"
        ids.append(body["id"])
    with held.app_context():
        get_queue("test").decide(ids[0], "approve", "hanako", "ok")
        get_queue("test").decide(ids[1], "reject", "hanako", "abuse")
    counts = client.get("/api/v1/authors/mixed", headers=AUTH).json["counts"]
    assert counts == {"submitted": 4, "approved": 1, "rejected": 1}


@pytest.mark.parametrize(("body", "field"), [
    ({}, "standing"), ({"standing": "banned"}, "standing"), ({"standing": "good", "until": "2030-01-01T00:00:00Z"},
                                                             "until"),
    ({"standing": "suspended", "until": "2020-01-01T00:00:00Z"}, "until"),
    ({"standing": "suspended", "until": "tomorrow"}, "until"), ({"standing": "good", "note": 5}, "note"),
    ({"standing": "suspended", "until": "5400-06-01T00:00:00Z"}, "until"),  # was a 500 on the next read
])
@pytest.mark.slow
def test_invalid_standing_fields_are_named(make_app, clock, body, field):
    client = standing_app(make_app, clock).test_client()
    answer = client.put("/api/v1/authors/someone", headers=AUTH, json=body)
    assert answer.status_code == 400 and answer.json["error"]["field"] == field, answer.text


def test_an_unknown_author_is_in_good_standing(client):
    author = client.get("/api/v1/authors/nobody", headers=AUTH).json
    assert (author["standing"], author["points"], author["strikes"], author["recent"]) == ("good", 0, [], [])
    assert client.get("/api/v1/authors/nobody").status_code == 401


@pytest.mark.parametrize("spec", ['{"warned": 5, "premoderated": 2}', '{"weights": {"rudeness": 2}}',
                                  '{"suspend_days": 0}', '{"decay_days": "long"}', '[1]'])
def test_an_invalid_standing_setting_stops_start_up_naming_it(tiny_model, redis_server, prefix, tmp_path, spec):
    with pytest.raises(SettingsError, match="MODERATION_AUTHOR_STANDING"):
        create_app(app_config(tiny_model, redis_server.url, prefix, tmp_path, AUTHOR_STANDING=spec))


def test_a_trusted_author_is_reviewed_with_relaxed_thresholds(make_app, clock, comment):
    """trusted_review_scale 3: the hold threshold 0.5 becomes 1.5 for trusted authors; rejections still reject."""
    app = standing_app(make_app, clock, THRESHOLDS=HOLD,
                       AUTHOR_STANDING=json.dumps({**STANDING, "trusted_review_scale": 3}))
    client = app.test_client()
    assert client.put("/api/v1/authors/veteran", headers=AUTH, json={"standing": "trusted"}).status_code == 200
    assert post(client, comment, ABUSIVE, author="veteran") == ("allow", "author_trusted", "trusted")
    assert post(client, comment, ABUSIVE, author="newcomer") == ("review", None, "good")
    with app.app_context():
        assert get_queue("test").stats()["open"] == 1  # only the newcomer's comment waits for a moderator
