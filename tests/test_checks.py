"""POST /api/v1/comments:check against a real Redis and the real tiny model: the decision submit would give, a
nudge worded for the commenter, nothing stored (Redis compared before and after), its own rate limit, metrics."""

import json
from datetime import UTC, datetime

import pytest
from prometheus_client import REGISTRY

from moderation.labels import CATEGORIES, LABELS
from moderation.nudges import MESSAGES
from tests.support.app import METRICS_TOKEN
from tests.support.monitor import round_trips
from tests.support.windows import fresh_window

CHECK = "/api/v1/comments:check"
ABUSIVE = "お前は本当にバカだ。黙れ、このクズ。"  # the tiny model: harassment 1.0 (card review 0.4), threat 0.59 (0.5)
SPAM = "副業で月収100万円！今すぐLINE追加してね"
CLEAN = "今日の記事、とても参考になりました。"
NEVER = {"review": 1.01, "reject": 1.01}
NO_LIMITS = {"RATE_LIMITS": "", "CHECK_RATE_LIMITS": ""}


def only(category, review=0.0, reject=1.01):
    """Thresholds under which only `category` crosses (the others never)."""
    out = {name: dict(NEVER) for name in (*LABELS, *CATEGORIES)}
    out[category] = {"review": review, "reject": reject}
    return json.dumps(out)


def _sample(name, **labels):
    return REGISTRY.get_sample_value(name, labels) or 0


def test_check_answers_what_submit_decides_with_a_nudge_for_a_harm(make_app, auth, comment):
    # only harassment crosses: the tiny corpus's n-gram お前は本当にバカだ also lifts its threat head over 0.5
    client = make_app(**NO_LIMITS, THRESHOLDS=only("harassment", 0.4, 0.97)).test_client()
    body = comment(ABUSIVE)
    checked = client.post(CHECK, json=body, headers=auth)
    assert checked.status_code == 200, checked.text
    answer = checked.get_json()
    submitted = client.post("/api/v1/comments", json=body, headers=auth).get_json()
    for name in ("decision", "scores", "categories", "labels", "model_version", "explanation"):
        assert answer[name] == submitted[name], name
    assert answer["decision"] == "reject" and "harassment" in answer["labels"]  # harassment 1.0 over 0.97
    nudge = answer["nudge"]
    assert nudge["category"] == "harassment"
    assert nudge["message"] == MESSAGES["harassment"]
    assert nudge["message"]["ja"] == "この表現は、特定の人を傷つける可能性があります。投稿前に見直してみませんか？"
    # the evidence spans, snapped to words, are the text's own characters
    assert nudge["spans"] and all(ABUSIVE[s["start"]:s["end"]] == s["text"] for s in nudge["spans"])
    assert all(any(word in s["text"] for s in nudge["spans"]) for word in ("バカ", "黙れ"))
    assert [s["start"] for s in nudge["spans"]] == sorted(s["start"] for s in nudge["spans"])
    assert len(answer["check_token"]) == 64


def test_no_nudge_for_a_clean_comment_nor_for_spam_alone(make_app, auth, comment):
    client = make_app(**NO_LIMITS).test_client()
    clean = client.post(CHECK, json=comment(CLEAN), headers=auth).get_json()
    assert clean["decision"] == "allow" and clean["nudge"] is None
    spam = client.post(CHECK, json=comment(SPAM), headers=auth).get_json()
    assert spam["decision"] == "reject" and spam["labels"] == ["spam"] and spam["nudge"] is None  # spam 0.999
    hour = datetime.now(UTC).hour  # quiet hours from an hour ago to two hours ahead (00:00-23:59 is off at 23:59)
    held_at_night = make_app(**NO_LIMITS, QUIET_HOURS={"start": f"{(hour - 1) % 24:02d}:00",
                                                       "end": f"{(hour + 2) % 24:02d}:00", "tz": "UTC",
                                                       "mode": "hold"}).test_client()
    # quiet hours hold everything, but a clean comment is not held for a harm: no nudge
    night = held_at_night.post(CHECK, json=comment(CLEAN), headers=auth).get_json()
    assert night["decision"] == "review" and night["nudge"] is None


@pytest.mark.parametrize("category", CATEGORIES)
@pytest.mark.slow
def test_each_harm_has_its_own_wording(make_app, auth, comment, category):
    client = make_app(**NO_LIMITS, THRESHOLDS=only(category)).test_client()
    answer = client.post(CHECK, json=comment(CLEAN), headers=auth).get_json()
    assert answer["decision"] == "review" and category in answer["labels"]
    assert answer["nudge"]["category"] == category
    assert answer["nudge"]["message"] == MESSAGES[category]
    rejected = make_app(**NO_LIMITS, THRESHOLDS=only(category, 0.0, 0.0)).test_client()
    assert rejected.post(CHECK, json=comment(CLEAN), headers=auth).get_json()["nudge"]["category"] == category


def test_wordings_are_distinct_and_self_harm_offers_support():
    assert set(MESSAGES) == {*CATEGORIES, "abuse"}
    assert len({m["ja"] for m in MESSAGES.values()}) == len(MESSAGES)
    assert len({m["en"] for m in MESSAGES.values()}) == len(MESSAGES)
    assert "よりそいホットライン" in MESSAGES["self_harm"]["ja"] and "いのちの電話" in MESSAGES["self_harm"]["ja"]
    for message in MESSAGES.values():  # calm and not accusing: no blame words, a question or an offer of help
        assert not any(word in message["ja"] for word in ("違反", "禁止", "削除します", "あなたは"))
        assert message["ja"].endswith(("？", "。"))


def _snapshot(redis):
    """Every key with its exact serialized value and memory, the key count, the server's write count
    (rdb_changes_since_last_save: one per write command) and used_memory."""
    keys = sorted(redis.keys("*"))
    info = redis.info()
    return {"values": {key: redis.dump(key) for key in keys}, "dbsize": redis.dbsize(),
            "key_memory": sum(redis.memory_usage(key, samples=0) for key in keys),
            "writes": info["rdb_changes_since_last_save"], "used_memory": info["used_memory"]}


# The used_memory of a server also holds its clients' query and reply buffers, which the test's own INFO, KEYS
# and DUMP grow and shrink by some KiB; the data's memory (MEMORY USAGE of every key) is compared exactly.
CLIENT_BUFFERS = 64 * 1024


def _steady(redis):
    """The snapshot once the test's own connection has grown its buffers (its first replies move used_memory)."""
    for _ in range(3):
        _snapshot(redis)
    return _snapshot(redis)


def test_check_stores_nothing_but_its_own_rate_limit_counter(make_app, own_redis, auth, comment):
    """A comment that submit would store and reject: checking it five times writes nothing but the check's own
    counter (five writes, all INCRBY of that key), so keys, values and their memory are unchanged."""
    redis = own_redis.client()
    client = make_app(own_redis.url, RATE_LIMITS="",
                      CHECK_RATE_LIMITS=json.dumps({"author": "1000/31536000"})).test_client()
    fresh_window(31536000)  # one counter: its window (365 days from the epoch) must not turn between the checks
    body = comment(ABUSIVE)
    assert client.post(CHECK, json=body, headers=auth).status_code == 200  # the counter exists from here on
    counters = [key for key in redis.keys("*") if ":rl:check:" in key]
    assert len(counters) == 1 and redis.get(counters[0]) == "1"
    before = _steady(redis)
    for _ in range(5):
        assert client.post(CHECK, json=body, headers=auth).get_json()["nudge"] is not None
    after = _snapshot(redis)
    assert after["dbsize"] == before["dbsize"] and set(after["values"]) == set(before["values"])
    changed = {key for key in after["values"] if after["values"][key] != before["values"][key]}
    assert changed == set(counters) and redis.get(counters[0]) == "6"  # exactly the limiter's count
    assert after["writes"] - before["writes"] == 5
    assert after["key_memory"] == before["key_memory"]
    assert abs(after["used_memory"] - before["used_memory"]) <= CLIENT_BUFFERS
    print("redis before/after 5 checks:", {name: (before[name], after[name]) for name in
                                           ("dbsize", "key_memory", "writes", "used_memory")})
    assert client.get(f"/api/v1/comments/{body['id']}", headers=auth).status_code == 404
    assert client.get("/api/v1/queue", headers=auth).get_json()["open"] == 0


def test_check_without_a_limit_writes_nothing_at_all(make_app, own_redis, auth, comment):
    redis = own_redis.client()
    client = make_app(own_redis.url, **NO_LIMITS).test_client()
    client.post(CHECK, json=comment(ABUSIVE), headers=auth)
    before = _steady(redis)
    for _ in range(5):
        assert client.post(CHECK, json=comment(ABUSIVE), headers=auth).status_code == 200
    after = _snapshot(redis)
    assert after["writes"] == before["writes"] and after["dbsize"] == before["dbsize"] == 0
    assert abs(after["used_memory"] - before["used_memory"]) <= CLIENT_BUFFERS


def test_check_reads_in_one_round_trip(make_app, rdb, auth, comment):
    """README, the nudge: the article's mode and the author's standing are read in one round trip; its own rate
    limit, when set, is one script call before it."""
    for extra, expected in ((NO_LIMITS, 1), ({}, 2)):
        client = make_app(**extra).test_client()
        client.post(CHECK, json=comment(ABUSIVE), headers=auth)  # this app's scripts loaded
        answer, sent = round_trips(rdb, lambda c=client: c.post(CHECK, json=comment(ABUSIVE), headers=auth))
        assert answer.status_code == 200 and len(sent) == expected, (extra, sent)
        assert sent[:-1] == ["EVALSHA"] * (expected - 1), sent


def test_check_has_its_own_rate_limit(make_app, auth, comment):
    client = make_app(RATE_LIMITS=json.dumps({"author": "2/3600"}),
                      CHECK_RATE_LIMITS=json.dumps({"author": "3/3600"})).test_client()
    fresh_window()
    for _ in range(3):
        assert client.post(CHECK, json=comment(author={"id": "a-9"}), headers=auth).status_code == 200
    over = client.post(CHECK, json=comment(author={"id": "a-9"}), headers=auth)
    assert over.status_code == 429 and over.get_json()["error"]["field"] == "author.id"
    assert int(over.headers["Retry-After"]) >= 1
    # the author's comment limit is untouched by the checks
    for _ in range(2):
        assert client.post("/api/v1/comments", json=comment(author={"id": "a-9"}), headers=auth).status_code == 200
    assert client.post("/api/v1/comments", json=comment(author={"id": "a-9"}), headers=auth).status_code == 429


@pytest.mark.parametrize(("change", "field"), [
    ({"text": ""}, "text"), ({"text": None}, "text"), ({"article_id": None}, "article_id"),
    ({"article_category": "Politics!"}, "article_category"), ({"nudged": "yes"}, "nudged"),
    ({"check_token": "abc"}, "check_token"), ({"author": "x"}, "author"), ({"ip": "1.2.3"}, "ip"),
])
@pytest.mark.slow
def test_invalid_check_names_the_field(make_app, auth, comment, change, field):
    client = make_app(**NO_LIMITS).test_client()
    body = {key: value for key, value in {**comment(), **change}.items() if value is not None}
    answer = client.post(CHECK, json=body, headers=auth)
    assert answer.status_code == 400 and answer.get_json()["error"]["field"] == field


def test_check_needs_a_key_and_json_but_no_id(make_app, auth, comment):
    client = make_app(**NO_LIMITS).test_client()
    assert client.post(CHECK, json=comment()).status_code == 401
    assert client.post(CHECK, data="x", headers={**auth, "Content-Type": "text/plain"}).status_code == 415
    body = comment()
    del body["id"]
    answer = client.post(CHECK, json=body, headers=auth)
    assert answer.status_code == 200 and answer.get_json()["id"] is None


def test_nudged_comments_are_counted_unchanged_or_revised(make_app, auth, comment):
    client = make_app(**NO_LIMITS, METRICS_TOKEN=METRICS_TOKEN).test_client()
    unchanged_before = _sample("moderation_nudged_comments_total", outcome="unchanged")
    revised_before = _sample("moderation_nudged_comments_total", outcome="revised")
    nudges_before = _sample("moderation_comment_checks_total", result="nudge")
    token = client.post(CHECK, json=comment(ABUSIVE), headers=auth).get_json()["check_token"]
    assert _sample("moderation_comment_checks_total", result="nudge") - nudges_before == 1
    posted = client.post("/api/v1/comments", json=comment(ABUSIVE, nudged=True, check_token=token), headers=auth)
    assert posted.status_code == 200 and posted.get_json()["decision"] == "reject"
    revised = client.post("/api/v1/comments", json=comment(CLEAN, nudged=True, check_token=token), headers=auth)
    assert revised.status_code == 200 and revised.get_json()["decision"] == "allow"
    missing = client.post("/api/v1/comments", json=comment(CLEAN, nudged=True), headers=auth)
    assert missing.status_code == 400 and missing.get_json()["error"]["field"] == "check_token"
    counters = client.get("/api/v1/queue", headers=auth).get_json()["counters"]
    assert counters["nudged:unchanged"] == 1 and counters["nudged:revised"] == 1
    assert _sample("moderation_nudged_comments_total", outcome="unchanged") - unchanged_before == 1
    assert _sample("moderation_nudged_comments_total", outcome="revised") - revised_before == 1
    scraped = client.get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}).get_data(True)
    assert 'moderation_nudged_comments_total{outcome="revised"}' in scraped
    assert 'moderation_comment_checks_total{result="nudge"}' in scraped


def test_check_is_in_the_openapi_document(app):
    spec = app.test_client().get("/api/v1/openapi.json").get_json()
    operation = spec["paths"]["/api/v1/comments:check"]["post"]
    assert "200" in operation["responses"] and "429" in operation["responses"]
    assert "nudge" in spec["components"]["schemas"]["Check"]["required"]


def test_check_meets_the_article_mode_and_author_standing_that_submit_would(make_app, own_redis, auth, comment):
    """A closed article and a suspended author: check answers submit's reject and reason, and writes nothing."""
    redis = own_redis.client()
    client = make_app(own_redis.url, **NO_LIMITS, AUTHOR_STANDING=json.dumps(
        {"warned": 2, "premoderated": 4, "suspended": 6, "suspend_days": 1, "decay_days": 7})).test_client()
    assert client.put("/api/v1/articles/shut", headers=auth, json={"mode": "closed"}).status_code == 200
    assert client.put("/api/v1/articles/slow", headers=auth, json={"mode": "premoderated"}).status_code == 200
    assert client.put("/api/v1/authors/troll", headers=auth, json={"standing": "suspended"}).status_code == 200
    cases = [("shut", "reader-1", "reject", "article_closed"), ("slow", "reader-1", "review", "article_premoderated"),
             ("open-one", "troll", "reject", "author_suspended"), ("open-one", "reader-1", "allow", None)]
    before = _steady(redis)
    answers = [client.post(CHECK, headers=auth, json=comment(CLEAN, article_id=article, author={"id": author}))
               .get_json() for article, author, _, _ in cases]
    after = _snapshot(redis)
    assert after["writes"] == before["writes"] and after["values"] == before["values"]
    for (article, author, decision, reason), answer in zip(cases, answers, strict=True):
        assert (answer["decision"], answer["reason"]) == (decision, reason), (article, author)
        assert answer["nudge"] is None  # the text is clean: nothing for the commenter to revise
        submitted = client.post("/api/v1/comments", headers=auth,
                                json=comment(CLEAN, article_id=article, author={"id": author})).get_json()
        assert (submitted["decision"], submitted["reason"], submitted["author_standing"]) == (
            decision, reason, answer["author_standing"])
    assert [a["article_mode"] for a in answers] == ["closed", "premoderated", "open", "open"]


def test_every_override_reason_is_named_once_in_labels():
    """labels.OVERRIDES (the API's enum) and labels.RULES (what the transparency report counts as held or rejected
    by a rule) are one definition: every reason apply_rules gives is an override, and it is a counted rule exactly
    when it held or rejected the comment in place of the model (a trusted author's never does)."""
    from moderation.api.checks import apply_rules
    from moderation.labels import OVERRIDES, RULES

    seen = set()
    for decision in ("allow", "review", "reject"):
        for trusted in ("", "allow", "review"):
            for mode in ("open", "premoderated", "closed"):
                for standing in (None, "good", "warned", "premoderated", "suspended", "trusted"):
                    after, reason = apply_rules(decision, trusted, mode, standing)
                    if reason is None:
                        continue
                    seen.add(reason)
                    assert reason in OVERRIDES
                    assert (reason in RULES) == (after in ("review", "reject") and reason != "author_trusted")
    assert seen == set(OVERRIDES) and len(OVERRIDES) == len(set(OVERRIDES))
