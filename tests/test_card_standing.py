"""The review card's author standing: shown on the card, changed by a moderator (CSRF, audited, sent to the site)."""

import json

import pytest

from moderation.store.review_queue import ReviewQueue
from tests.support.app import API_KEY

STANDING = {"warned": 2, "premoderated": 4, "suspended": 6, "suspend_days": 1, "decay_days": 7,
            "weights": {"abuse": 1, "spam": 3, "threat": 3}}
AUTH = {"Authorization": f"Bearer {API_KEY}"}
SPAM = "副業で月収100万円！今すぐLINE追加してね"


@pytest.fixture
def sapp(make_app, thresholds):
    return make_app(AUTHOR_STANDING=json.dumps(STANDING), THRESHOLDS=thresholds.flag_all, RATE_LIMITS="")


def queue_from(app, comment, author, n=1):
    api = app.test_client()
    ids = []
    for _ in range(n):
        body = comment(SPAM, author={"id": author, "name": "<b>太郎</b>"})
        answer = api.post("/api/v1/comments", json=body, headers=AUTH)
        assert answer.json["decision"] == "review", answer.text
        ids.append(body["id"])
    return api, ids


def test_the_card_shows_the_standing_a_rejection_moves_and_a_moderator_sets(sapp, comment, login, rdb, prefix):
    api, (first, second) = queue_from(sapp, comment, "u-1", 2)
    hanako = login(sapp, "hanako")
    cards = {c["id"]: c for c in hanako.claim()}
    assert cards[first]["standing"] == {"level": "good", "until": None, "points": 0}
    hanako.decide(first, "reject", "spam")  # spam weighs 3: past "warned" at 2
    [card] = hanako.claim()
    assert card["id"] == second and card["standing"]["level"] == "warned" and card["standing"]["points"] == 3

    answer = hanako.post("/review/api/author-standing", {"author_id": "u-1", "standing": "suspended", "days": 3,
                                                         "note": "荒らし"})
    assert answer.status_code == 200, answer.text
    standing = answer.json["standing"]
    assert standing["level"] == "suspended" and standing["until"] > 0
    author = api.get("/api/v1/authors/u-1", headers=AUTH).json
    assert (author["standing"], author["set_by_name"], author["note"]) == ("suspended", "hanako", "荒らし")
    audit = ReviewQueue(rdb, "test", prefix=prefix).audit(20, author_id="u-1")
    assert [(e["from"], e["to"], e["by"]) for e in audit if e["action"] == "author_standing"] == [
        ("warned", "suspended", "hanako"), ("good", "warned", "strikes")]  # newest first
    events = [json.loads(f["data"]) for _, f in rdb.xrange(f"{prefix}{{test}}:events")
              if f["type"] == "author.standing_changed"]
    assert {"author_id": "u-1", "standing": "suspended", "previous": "warned"}.items() <= events[-1].items()
    rejected = api.post("/api/v1/comments", json=comment("こんにちは", author={"id": "u-1"}), headers=AUTH).json
    assert (rejected["decision"], rejected["reason"]) == ("reject", "author_suspended")
    trusted = hanako.post("/review/api/author-standing", {"author_id": "u-1", "standing": "trusted"})
    assert trusted.json["standing"] == {"level": "trusted", "until": None, "points": 0}


def test_standing_changes_are_checked(sapp, comment, login, accounts):
    queue_from(sapp, comment, "u-2")
    hanako = login(sapp, "hanako")
    for body, field in (({"author_id": "u-2", "standing": "king"}, "standing"), ({"standing": "good"}, "author_id"),
                        ({"author_id": "u-2", "standing": "warned", "days": 3}, "days"),
                        ({"author_id": "u-2", "standing": "suspended", "days": 0}, "days"),
                        ({"author_id": "u-2", "standing": "suspended", "days": "3"}, "days"),
                        ({"author_id": "u-2", "standing": "suspended", "days": True}, "days"),
                        ({"author_id": "u-2", "standing": "good", "note": "x" * 501}, "note")):
        answer = hanako.post("/review/api/author-standing", body)
        assert answer.status_code == 400 and answer.json["error"]["field"] == field, (body, answer.text)
    no_csrf = hanako.client.post("/review/api/author-standing", json={"site": "test", "author_id": "u-2",
                                                                      "standing": "good"})
    assert no_csrf.status_code == 400 and no_csrf.json["error"]["code"] == "csrf_failed"
    accounts.set_sites("jiro", ["other"])
    jiro = login(sapp, "jiro")
    assert jiro.post("/review/api/author-standing", {"author_id": "u-2", "standing": "good"}).status_code == 403
    anonymous = sapp.test_client().post("/review/api/author-standing", json={"author_id": "u-2", "standing": "good"})
    assert anonymous.status_code == 401
