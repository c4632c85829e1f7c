"""Training labels stay per site and bounded: feedback is limited, de-duplicated by text hash, kept out of training
until a moderator confirms it (or at an admin's weight with a daily cap), and the labels stream is trimmed."""

import json
import os

import pytest
import redis

from model.retrain import read_labels
from moderation import PROJECT_ROOT
from moderation.cli.labels import training_sites
from moderation.store.training_labels import LabelStore
from tests.support.app import API_KEY, OTHER_KEY
from tests.support.windows import fresh_window

BLOG = "https://news.example/"
ENTRY_BYTES = 400  # what one label entry, its text-hash bookkeeping or one rate-limit counter may cost at most
CALL_BYTES = 100  # one write's answer, kept a minute for its resends (append_only.CALL_MS): 80 B measured


def used(rdb):
    """Memory the data holds: used_memory less what passes through (writes held for the append-only file while
    a slow fsync runs, clients' buffers), which a loaded machine inflated past the bound (1.41 MB once)."""
    info = rdb.info("memory")
    return info["used_memory"] - info["mem_aof_buffer"] - info["mem_clients_normal"]


def long_text(n, size=2000):
    return (f"{n:05d} 副業で月収100万円、詳しくはプロフへ " * size)[:size]


def moderator_rows(app, rdb, prefix, comment):
    """Site `test` gets two decided comments; its export is what the test compares before and after."""
    client = app.test_client()
    for cid in ("a-1", "a-2"):
        client.post("/api/v1/comments", json=comment(id=cid, text=f"本文 {cid}"),
                    headers={"Authorization": f"Bearer {API_KEY}"})
    from moderation.store.review_queue import ReviewQueue

    queue = ReviewQueue(rdb, "test", prefix=prefix)
    queue.decide("a-1", "approve", "hanako")
    queue.decide("a-2", "reject", "hanako", "spam")


@pytest.mark.slow
def test_one_sites_feedback_changes_neither_another_sites_training_rows_nor_memory_beyond_the_bound(
        make_app, own_redis, prefix, comment, thresholds):
    limit = 100
    app = make_app(redis_url=own_redis.url, THRESHOLDS=thresholds.flag_all, FEEDBACK_WEIGHT=0.5,
                   RATE_LIMITS={"key": "100000/60", "author": "20/60", "ip": "100000/60", "feedback": f"{limit}/3600"})
    rdb = redis.Redis.from_url(own_redis.url, decode_responses=True)
    moderator_rows(app, rdb, prefix, comment)
    site_a = LabelStore(rdb, "test", prefix)
    before_a = list(site_a.export()), list(site_a.export(feedback_weight=0.5, daily_cap=10_000))
    assert [r["id"] for r in before_a[0]] == ["a-1", "a-1", "a-2"]
    client, other = app.test_client(), {"Authorization": f"Bearer {OTHER_KEY}"}
    for n in range(20):  # site B's comments the reports are about, stored before measuring
        client.post("/api/v1/comments", json=comment(id=f"b-{n}", text=long_text(n)), headers=other)
    start = used(rdb)
    fresh_window(3600, need=120)  # 1,000 submissions against an hourly limit: not across the hour
    answers = [client.post(f"/1.1/submit-{'spam' if n % 2 else 'ham'}",
                           data={"api_key": OTHER_KEY, "blog": BLOG, "user_ip": "203.0.113.9",
                                 "comment_content": long_text(n + 100), "guid": f"g-{n}"}).status_code
               for n in range(1000)]
    reports = [client.post(f"/api/v1/comments/b-{n % 20}/reports", headers=other,
                           json={"reason": ("spam", "abuse")[n % 2], "reporter_id": f"reporter-{n}"}).status_code
               for n in range(1000)]
    grown = used(rdb) - start
    assert answers.count(200) == limit and answers.count(429) == 1000 - limit
    assert reports.count(202) == 1000
    text_bytes = len(long_text(0).encode())
    # documented bound: per accepted submission one entry and its text; per (comment text, reason) one entry and
    # the text once; per reporter one rate-limit counter
    # ... and, for a minute, each accepted write's answer (a submission's, a report's), so a resend is not written twice
    bound = (limit * (text_bytes + ENTRY_BYTES) + 20 * (text_bytes + 2 * ENTRY_BYTES) + 1000 * ENTRY_BYTES
             + (limit + 1000) * CALL_BYTES)
    print(f"feedback from one site: grew {grown} B, bound {bound} B")
    assert grown < bound, (grown, bound)
    assert (list(site_a.export()), list(site_a.export(feedback_weight=0.5, daily_cap=10_000))) == before_a
    site_b = LabelStore(rdb, "other", prefix)
    assert list(site_b.export()) == []  # nothing a moderator confirmed
    assert site_b.size()["entries"] == limit + 20 and site_b.size()["texts"] == limit + 20


@pytest.mark.slow
def test_a_thousand_reports_on_one_comment_add_less_than_one_mebibyte(make_app, own_redis, prefix, comment):
    app = make_app(redis_url=own_redis.url)
    rdb = redis.Redis.from_url(own_redis.url, decode_responses=True)
    client, auth = app.test_client(), {"Authorization": f"Bearer {API_KEY}"}
    client.post("/api/v1/comments", json=comment(id="long-1", text="長い本文です。" * 1400), headers=auth)
    start = used(rdb)
    codes = [client.post("/api/v1/comments/long-1/reports", headers=auth,
                         json={"reason": "abuse", "reporter_id": f"reporter-{n}"}).status_code for n in range(1000)]
    grown = used(rdb) - start
    assert codes.count(202) == 1000
    print(f"1000 reports on one comment: grew {grown} B")
    assert grown < 1024 * 1024, grown
    assert LabelStore(rdb, "test", prefix).size()["entries"] == 1


def test_feedback_is_kept_once_per_text_and_verdict_and_trains_only_when_confirmed_or_weighted(
        make_app, rdb, prefix, thresholds):
    raw = make_app().test_client()
    for guid in ("g1", "g2", "g3"):  # a new guid is not a new example
        raw.post("/1.1/submit-spam", data={"api_key": API_KEY, "blog": BLOG, "user_ip": "1.2.3.4",
                                           "comment_content": "副業で月収100万円！", "guid": guid})
    raw.post("/1.1/submit-ham", data={"api_key": API_KEY, "blog": BLOG, "user_ip": "1.2.3.4",
                                      "comment_content": "副業で月収100万円！"})
    store = LabelStore(rdb, "test", prefix)
    assert store.size()["entries"] == 2 and store.size()["texts"] == 1
    assert list(store.export()) == []
    for n in range(5):
        store.add(f"x{n}", f"text {n}", "spam", 1, "report", at_ms=1_700_000_000_000 + n)
    weighted = list(store.export(feedback_weight=0.2, daily_cap=3))
    assert len(weighted) == 3 + 2 and {r["weight"] for r in weighted} == {0.2}  # two days' caps (see at_ms)
    store.add("x0", "text 0", "spam", 0, "moderator")  # a moderator's decision on the same comment wins
    examples = read_labels(json.dumps(r) for r in store.export(feedback_weight=0.2, daily_cap=3))
    assert {(e["text"], e["labels"]["spam"], e["source"], e.get("weight")) for e in examples if e["text"] == "text 0"} \
        == {("text 0", 0, "moderator", None)}


@pytest.mark.slow
def test_the_labels_stream_is_trimmed_and_its_texts_with_it(rdb, prefix):
    store = LabelStore(rdb, "test", prefix, retention=500)
    for n in range(3000):
        store.add(f"c{n}", f"本文 {n} " * 20, "spam", n % 2, "moderator")
    size = store.size()
    assert 500 <= size["entries"] <= 700 and size["texts"] <= size["entries"] + 100
    rows = list(store.export())
    assert rows[-1]["id"] == "c2999" and all(r["text"].startswith("本文 ") for r in rows)


def test_an_export_holds_one_model_s_sites_only():
    assert training_sites(["a"], {}) == ["a"]
    assert training_sites(["a"], {"news": ["a", "b"]}) == ["a", "b"]
    with pytest.raises(SystemExit, match="do not share a model"):
        training_sites(["a", "b"], {})
    with pytest.raises(SystemExit, match="do not share a model"):
        training_sites(["a", "c"], {"news": ["a", "b"]})


@pytest.mark.slow
def test_queue_stats_and_export_command_name_the_labels(redis_server, rdb, prefix, tmp_path, cli_forks):
    LabelStore(rdb, "test", prefix).add("x", "本文", "spam", 1, "moderator")
    LabelStore(rdb, "other", prefix).add("y", "other site", "spam", 1, "moderator")
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "MODERATION_REDIS_URL": redis_server.url,
           "MODERATION_REDIS_PREFIX": prefix, "MODERATION_API_KEYS": f"test:{API_KEY},other:{OTHER_KEY}",
           "MODERATION_INSTANCE_DIR": str(tmp_path)}

    def run(*args, check=True):
        return cli_forks.run(args, env=env, check=check)

    stats = json.loads(run("queue", "stats").stdout)
    assert stats["test"]["labels"] == {"entries": 1, "texts": 1, "retention": 100_000}
    refused = run("labels", "export", check=False)
    assert refused.returncode != 0 and "do not share a model" in refused.stderr
    assert [json.loads(line)["id"] for line in run("labels", "export", "--site", "test").stdout.splitlines()] == ["x"]
    env["MODERATION_SHARED_LABELS"] = '{"news": ["test", "other"]}'
    shared = run("labels", "export", "--site", "test").stdout.splitlines()
    assert [json.loads(line)["site"] for line in shared] == ["test", "other"]
