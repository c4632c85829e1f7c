"""Issue 14 points 1-3 through the test client: leases follow attention, bulk undo, reasons per category."""

import time

import pytest

from moderation.pages.cards import card, primary_reason
from moderation.store.review_queue import ReviewQueue
from moderation.store.training_labels import LabelStore
from tests.support.moderators import Moderator


@pytest.fixture
def rapp(make_app, thresholds):
    return make_app(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="")


@pytest.fixture
def people(rapp, accounts):
    return Moderator(rapp, "hanako"), Moderator(rapp, "jiro"), Moderator(rapp, "taro")


THREAT = "上のコメントの奴、住所特定して殺しに行く"


def harm_record(comment_id, *, categories=None, labels=None, scores=None, text=THREAT):
    """A queued record as the model with harm categories stores it (issue 12): scores, categories, labels."""
    return {"id": comment_id, "article_id": "art-1", "text": text, "text_sha256": comment_id,
            "author_id": "reader-1", "author_name": "読者", "received_at": int(time.time() * 1000),
            "decision": "review", "status": "pending", "scores": scores or {"spam": 0.05, "abuse": 0.81},
            "categories": categories if categories is not None else {"threat": 0.81, "hate": 0.02, "harassment": 0.3},
            "labels": labels if labels is not None else ["abuse", "threat"],
            "explanation": [{"label": "threat", "start": 15, "end": 20, "weight": 1.2},
                            {"label": "threat", "feature": "threat_volitional", "weight": 0.8},
                            {"label": "harassment", "start": 0, "end": 7, "weight": 0.3}],
            "model_version": "t", "risk": 0.81}


def put(rdb, prefix, record):
    ReviewQueue(rdb, "test", prefix=prefix).submit(record, queued=True)
    return record["id"]


# -- 3. the primary reason and score words ---------------------------------------------------------------

def test_primary_reason_follows_the_top_label_or_category():
    assert primary_reason(harm_record("a")) == "threat"
    assert primary_reason(harm_record("b", categories={}, labels=["abuse"], scores={"spam": 0.1, "abuse": 0.6})) \
        == "abuse"
    assert primary_reason(harm_record("c", categories={}, labels=["spam"], scores={"spam": 0.9, "abuse": 0.2})) \
        == "spam"
    assert primary_reason(harm_record("d", categories={"hate": 0.7}, labels=["spam", "abuse", "hate"],
                                      scores={"spam": 0.6, "abuse": 0.7})) == "hate"


def test_card_shows_categories_with_words_from_their_thresholds_and_evidence():
    limits = {"threat": {"review": 0.4, "reject": 0.9}, "abuse": {"review": 0.3, "reject": 0.95}}
    shown = card(harm_record("a"), {}, limits)
    assert shown["primary_reason"] == "threat"
    [threat] = shown["categories"]  # only the flagged category is listed
    assert threat["label"] == "threat" and threat["level"] == "review" and threat["value"] == 0.81
    assert threat["evidence"] == ["殺しに行く", {"feature": "threat_volitional"}]  # a signal named, not quoted
    assert {s["label"]: s["level"] for s in shown["scores"]} == {"abuse": "review", "spam": "low"}
    assert card(harm_record("b"), {}, {"threat": {"review": 0.4, "reject": 0.8}})["categories"][0]["level"] == "reject"


def test_a_card_names_no_harm_the_model_did_not_see_and_quotes_no_bare_punctuation():
    """The s28 trial's cards: a clean comment held by its author's standing read 性的嫌がらせ 基準未満 0.00, a spam
    card 差別・ヘイト 基準未満 0.03, and お前なんか死ねばいい、... gave 「、」 as evidence beside 「死ねばいい」."""
    clean = harm_record("c", categories={"threat": 0.001, "sexual": 0.002, "hate": 0.0}, labels=[],
                        scores={"spam": 0.01, "abuse": 0.002})
    assert card(clean, {})["categories"] == []
    spam = harm_record("s", categories={"hate": 0.03, "harassment": 0.01}, labels=["spam"],
                       scores={"spam": 0.9, "abuse": 0.03})
    assert card(spam, {})["categories"] == [] and card(spam, {})["primary_reason"] == "spam"
    reported = harm_record("r", categories={"harassment": 0.31, "hate": 0.02}, labels=[],
                           scores={"spam": 0.01, "abuse": 0.31})
    assert [c["label"] for c in card(reported, {})["categories"]] == ["harassment"]  # the model saw some: named
    text = "お前なんか死ねばいい、みんなそう思ってる"
    told = {**harm_record("p", text=text, categories={"self_harm": 0.905, "harassment": 0.9},
                          labels=["abuse", "harassment", "self_harm"]),
            "explanation": [{"label": "self_harm", "start": 5, "end": 10, "weight": 2.0},
                            {"label": "self_harm", "start": 0, "end": 2, "weight": 1.0},
                            {"label": "self_harm", "start": 10, "end": 11, "weight": 0.5},
                            {"label": "self_harm", "start": 11, "end": 14, "weight": 0.4}]}
    [self_harm, _] = card(told, {})["categories"]
    assert self_harm["evidence"] == ["死ねばいい", "お前", "みんな"]


def test_rejecting_for_a_category_labels_the_category_and_abuse(people, rdb, prefix):
    hanako, _, _ = people
    put(rdb, prefix, harm_record("t-1"))
    [shown] = hanako.claim()
    assert shown["primary_reason"] == "threat"
    hanako.decide("t-1", "reject", "threat")
    rows = list(LabelStore(rdb, "test", prefix).export())
    assert [(r["task"], r["value"], r["by"]) for r in rows] == [("threat", 1, "hanako"), ("abuse", 1, "hanako")]
    assert rows[0]["score"] == 0.81 and rows[1]["score"] == 0.81
    bad = hanako.post("/review/api/decide", {"id": "t-1", "action": "reject", "reason": "murder"})
    assert bad.status_code == 400 and bad.json["error"]["field"] == "reason"


def test_approving_labels_each_flagged_category_zero(people, rdb, prefix):
    hanako, _, _ = people
    put(rdb, prefix, harm_record("ok-1"))
    hanako.claim()
    hanako.decide("ok-1", "approve")
    rows = list(LabelStore(rdb, "test", prefix).export())
    assert [(r["task"], r["value"], r["score"]) for r in rows] == [("abuse", 0, 0.81), ("threat", 0, 0.81)]


def test_abuse_reason_records_abuse_only(people, rdb, prefix):
    hanako, _, _ = people
    put(rdb, prefix, harm_record("ab-1", categories={}, labels=["abuse"], scores={"spam": 0.1, "abuse": 0.6}))
    assert hanako.claim()[0]["primary_reason"] == "abuse"
    hanako.decide("ab-1", "reject", "abuse")
    assert [(r["task"], r["value"]) for r in LabelStore(rdb, "test", prefix).export()] == [("abuse", 1)]


# -- 1. leases follow attention ---------------------------------------------------------------------------

def test_release_like_a_beacon_gives_every_claim_back_and_needs_csrf(people, rdb, prefix):
    hanako, jiro, _ = people
    ids = {put(rdb, prefix, harm_record(f"l-{i}")) for i in range(3)}
    assert {c["id"] for c in hanako.claim()} == ids
    assert jiro.claim() == []
    refused = hanako.client.post("/review/api/release", data={"site": "test", "reason": "pagehide"})
    assert refused.status_code == 400 and refused.json["error"]["code"] == "csrf_failed"
    sent = hanako.form("/review/api/release", {"site": "test", "reason": "pagehide"})  # what sendBeacon posts
    assert sent.status_code == 200 and sent.json == {"released": 3}
    assert {c["id"] for c in jiro.claim()} == ids
    audit = ReviewQueue(rdb, "test", prefix=prefix).audit(20, moderator="hanako")
    assert [e["reason"] for e in audit if e["action"] == "released"] == ["pagehide"] * 3


def test_logout_releases_the_claims(people, rdb, prefix):
    hanako, jiro, _ = people
    put(rdb, prefix, harm_record("lo-1"))
    assert [c["id"] for c in hanako.claim()] == ["lo-1"]
    assert hanako.form("/logout").status_code == 302
    assert [c["id"] for c in jiro.claim()] == ["lo-1"]


def test_stats_say_when_others_claims_return(people, rdb, prefix):
    hanako, jiro, _ = people
    put(rdb, prefix, harm_record("s-1"))
    assert jiro.get("/review/api/stats?site=test").json["next_return_seconds"] is None
    hanako.claim()
    stats = jiro.get("/review/api/stats?site=test").json
    assert stats["claimed"] == 1 and 290 <= stats["next_return_seconds"] <= 300


def test_admin_sees_who_holds_what_and_releases_it(people, rdb, prefix):
    hanako, jiro, taro = people
    put(rdb, prefix, harm_record("h-1", text="<b>held</b> comment"))
    hanako.claim()
    refused = jiro.get("/review/leases")  # the moderators' localised page, as every admin page answers, not JSON
    assert (refused.status_code, refused.mimetype) == (403, "text/html") and "エラー 403" in refused.text
    refused = jiro.form("/review/leases/release", {"site": "test", "id": "h-1"})
    assert (refused.status_code, refused.mimetype) == (403, "text/html")
    page = taro.get("/review/leases").text
    assert "hanako" in page and "&lt;b&gt;held&lt;/b&gt; comment" in page and "JST" in page
    assert taro.form("/review/leases/release", {"site": "test", "id": "h-1"}, csrf=False).status_code == 400
    done = taro.form("/review/leases/release", {"site": "test", "id": "h-1"})
    assert done.status_code == 302
    assert "担当中のコメントはありません" in taro.get("/review/leases").text
    assert [c["id"] for c in jiro.claim()] == ["h-1"]
    entry = ReviewQueue(rdb, "test", prefix=prefix).audit(1, moderator="taro")[0]
    assert entry["action"] == "released" and entry["reason"] == "admin"


# -- 2. bulk decisions undo as a whole -------------------------------------------------------------------

def test_bulk_undo_brings_every_item_back(people, rdb, prefix):
    hanako, jiro, _ = people
    ids = [put(rdb, prefix, harm_record(f"b-{i}")) for i in range(3)]
    hanako.claim()
    done = hanako.post("/review/api/decide-bulk", {"ids": ids, "action": "approve"})
    assert all(r["ok"] for r in done.json["results"])
    assert jiro.post("/review/api/undo-bulk", {"ids": ids}).json["failed"][0]["status"] == 409  # not jiro's
    back = hanako.post("/review/api/undo-bulk", {"ids": ids})
    assert back.status_code == 200 and sorted(c["id"] for c in back.json["cards"]) == ids
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    assert all(queue.get(i)["status"] == "pending" for i in ids)
    assert hanako.post("/review/api/undo-bulk", {"ids": []}).status_code == 400


@pytest.mark.parametrize(("path", "body", "field"), [
    ("/review/api/claim", {"site": ["test"]}, "site"), ("/review/api/claim", {"site": 7}, "site"),
    ("/review/api/claim", {"n": "5"}, "n"), ("/review/api/claim", {"n": 0}, "n"),
    ("/review/api/claim", {"n": True}, "n"),
    ("/review/api/claim", {"order": "oldest"}, "order"), ("/review/api/claim", {"label": ["spam"]}, "label"),
    ("/review/api/claim", {"article": {"id": "a"}}, "article"),
    ("/review/api/decide", {"site": {"name": "test"}, "id": "h-1", "action": "approve"}, "site"),
    ("/review/api/undo", {"site": True, "id": "h-1"}, "site"),
])
def test_the_review_pages_json_refuses_a_wrong_type_or_value_naming_it(people, rdb, prefix, path, body, field):
    """A site that is not a string read as the moderator's first site (a decision could land on another site's comment
    of the same id), and a claim's n, order, label or article it did not know as the defaults: all 200 before."""
    hanako = people[0]
    put(rdb, prefix, harm_record("h-1"))
    answer = hanako.client.post(path, json=body, headers={"X-CSRF-Token": hanako.csrf})
    assert answer.status_code == 400 and answer.json["error"]["field"] == field, answer.text
    assert ReviewQueue(rdb, "test", prefix=prefix).get("h-1")["queue_state"] == "ready"


@pytest.mark.parametrize(("path", "raw", "field"), [
    ("/review/api/decide", b'{"id": "h-\\ud800", "action": "approve"}', "id"),
    ("/review/api/author-standing", b'{"author_id": "u-\\udc00", "standing": "warned"}', "author_id"),
    ("/review/api/claim", b'{"article": "\\ud83d"}', "article"),
])
def test_a_lone_surrogate_in_the_review_pages_json_is_a_400_naming_its_field(people, path, raw, field):
    """The review API read its body with get_json(silent=True), which turned such a body into 'a JSON object is
    required' naming the body; the API's own reader names the field."""
    hanako = people[0]
    answer = hanako.client.post(path, data=raw, headers={"X-CSRF-Token": hanako.csrf,
                                                         "Content-Type": "application/json"})
    assert answer.status_code == 400 and answer.json["error"]["field"] == field, answer.text
