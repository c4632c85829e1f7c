"""The transparency report: its totals against the audit streams over a generated month, late decisions, CSV."""

import csv
import io
import json
import random
import re
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta

import pytest
import redis

from moderation.rights import process
from tests.support.app import API_KEY, OTHER_KEY
from tests.support.moderators import Moderator
from tests.support.windows import fresh_window
from tests.test_requests import FakeClock, file, post_comment, request_body, with_clock

RIGHTS = ("reputation", "privacy", "portrait", "copyright", "other")
RULES = ("article_closed", "article_premoderated", "author_premoderated", "author_suspended")
OUTCOMES = ("removed", "not_removed", "partially_removed")
# the tiny model's 死ね scores about 0.9 and its other insults 0.96-0.97: rejecting from 0.95 keeps some held
SOME = {"spam": {"review": 0.3, "reject": 0.95}, "abuse": {"review": 0.3, "reject": 0.95}}


def get_report(client, first, last, accept="application/json"):
    return client.get(f"/api/v1/transparency?from={first}&to={last}",
                      headers={"Authorization": f"Bearer {API_KEY}", "Accept": accept})


def midnight(day):
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()


def test_report_totals_equal_the_audit_streams_over_a_generated_month(make_app, comment, accounts, rdb, prefix):
    """Thirty days of requests on a fake clock (received, consulted, decided on time or late, appealed) and
    today's comments (held, rejected, published, reported, decided): every total the JSON report gives equals
    what the audit streams hold for the period, counted here independently. The period ends tomorrow: the
    comments are posted on the wall clock, and a run started at 23:59:55 UTC posts some of them after midnight."""
    rng = random.Random(18)
    app = make_app(THRESHOLDS=SOME, RATE_LIMITS="")
    client = app.test_client()
    today = datetime.now(UTC).date()
    first, last = today - timedelta(days=29), today
    end = last + timedelta(days=1)  # the report's last day
    clock = with_clock(app, FakeClock(midnight(first) + 3600)).extensions["moderation.clock"]
    texts = ["記事をありがとうございました。", "死ね", "今すぐ登録で高収入!詳しくはこちら http://spam.example",
             "この議員は無能だ", "バカじゃないの", "とても参考になりました。"]
    comment_ids = [post_comment(client, comment, rng.choice(texts), author={"id": f"a{n % 5}"}) for n in range(60)]
    hanako = Moderator(app, "hanako")
    for card in hanako.claim(n=10)[:6]:
        action = rng.choice(["approve", "reject"])
        hanako.decide(card["id"], action, "abuse" if action == "reject" else "")  # an approval takes no reason
    for comment_id in comment_ids[:8]:
        client.post(f"/api/v1/comments/{comment_id}/reports", json={"reason": "abuse"},
                    headers={"Authorization": f"Bearer {API_KEY}"})
    created = []
    with app.app_context():
        for day in range(30):
            clock.now = midnight(first + timedelta(days=day)) + rng.randint(0, 80000)
            for _ in range(rng.randint(0, 2)):
                picks = rng.sample(comment_ids, 2)
                answer = file(client, request_body(picks, right=rng.choice(RIGHTS)))
                assert answer.status_code == 201
                created.append((answer.json["id"], picks, clock.now))
        for request_id, picks, received in created:
            clock.now = received
            if rng.random() < 0.3:
                clock.advance(days=rng.random())
                process.advance("test", request_id, "poster_consulted", "hanako")
            if rng.random() < 0.8:
                clock.now = received + rng.uniform(0.2, 12) * 86400  # some late, some beyond the period
                outcome = rng.choice(OUTCOMES)
                process.decide("test", request_id, outcome, "hanako", reason="理由",
                               criterion="not_infringing" if outcome == "not_removed" else "defamation",
                               selected=picks[:1])
                if rng.random() < 0.3:
                    clock.advance(days=1)
                    process.appeal("test", request_id, "異議があります。")
                    if rng.random() < 0.5:
                        clock.advance(days=2)
                        process.decide("test", request_id, "removed", "jiro", criterion="privacy", reason="維持")
        clock.now = midnight(last) + 86399
        process.check_deadlines("test")

    answer = get_report(client, first, end)
    assert answer.status_code == 200, answer.text
    report = answer.json
    assert set(report) >= {"requests", "comments", "site", "from", "to"}

    start, stop = midnight(first) * 1000, (midnight(end) + 86400) * 1000
    audit = [e for _, e in rdb.xrange(f"{prefix}{{test}}:rq:audit") if start <= int(e["at"]) < stop]
    actions = Counter(e["action"] for e in audit)
    decided = [e for e in audit if e["action"] == "decided"]
    requests = report["requests"]
    assert requests["received"] == actions["received"] > 10
    assert requests["decided"] == actions["decided"] > 5
    assert requests["decided_within_deadline"] == sum(e["late"] == "0" for e in decided)
    assert requests["decided_late"] == sum(e["late"] == "1" for e in decided) > 0
    assert requests["decided_within_deadline"] + requests["decided_late"] == requests["decided"]
    assert requests["consultations"] == actions["poster_consulted"]
    assert requests["appeals"]["received"] == actions["appealed"]
    assert requests["appeals"]["decided"] == actions["appeal_decided"]
    assert requests["alerts"] == {"due_soon": actions["due_soon"], "overdue": actions["overdue"]}
    for right in RIGHTS:
        for outcome in OUTCOMES:
            assert requests["outcomes_by_right"][right][outcome] == sum(
                e["right"] == right and e["outcome"] == outcome for e in decided)
    days = sorted(float(e["days"]) for e in decided)
    assert requests["median_days_to_decision"] == days[(len(days) + 1) // 2 - 1]
    assert requests["p90_days_to_decision"] == days[-(-9 * len(days) // 10) - 1]

    entries = [e for entry_id, e in trail(rdb, prefix) if start <= int(entry_id.split("-")[0]) < stop]
    counted = Counter(e["action"] for e in entries)
    comments = report["comments"]
    assert comments["received"] == 60
    assert comments["held"] == counted["queued"] > 0
    assert comments["rejected_automatically"] == counted["auto_rejected"]
    assert comments["allowed"] == 60 - counted["queued"] - counted["auto_rejected"]
    assert comments["approved_by_people"] == counted["approved"]
    assert comments["rejected_by_people"] == counted["rejected"]
    assert comments["reader_reports"] == counted["reported"]
    assert comments["rejected_by_reason"].get("rights_request", 0) == sum(
        e["action"] == "rejected" and e["reason"] == "rights_request" for e in entries) > 0
    held_labels = Counter(label for e in entries if e["action"] == "queued" for label in json.loads(e["reason"]))
    assert {label: n["held"] for label, n in comments["by_label"].items() if n["held"]} == dict(held_labels)

    rows = list(csv.reader(io.StringIO(get_report(client, first, end, "text/csv").text)))
    assert rows[0] == ["site", "from", "to", "metric", "value"]
    values = {row[3]: row[4] for row in rows[1:]}
    assert values["requests.received"] == str(requests["received"])
    assert values["requests.decided_late"] == str(requests["decided_late"])
    assert values["comments.held"] == str(comments["held"])

    again = get_report(client, first, end).json
    assert again == report  # the same period gives the same report
    before = get_report(client, first - timedelta(days=31), first - timedelta(days=1)).json
    assert before["requests"]["received"] == 0 and before["comments"]["held"] == 0


def test_an_overdue_request_raises_the_alert_and_counts_as_decided_late(app, client, comment, accounts):
    clock = FakeClock(datetime(2026, 10, 5, 3, 0, tzinfo=UTC).timestamp())
    with_clock(app, clock)
    request_id = file(client, request_body([post_comment(client, comment)])).json["id"]
    clock.advance(days=8)
    page = Moderator(app, "hanako").get("/review/requests").text
    assert 'id="deadline-banner"' in page and 'class="overdue"' in page
    with app.app_context():
        late, days = process.decide("test", request_id, "removed", "hanako", criterion="privacy", reason="遅れました。")
    assert late and days == 8.0
    body = get_report(client, "2026-10-01", "2026-10-31").json
    assert body["comments"]["received"] is None and body["comments"]["allowed"] is None  # histograms: 40 days
    report = body["requests"]
    assert report["received"] == 1 and report["decided"] == 1
    assert report["decided_within_deadline"] == 0 and report["decided_late"] == 1
    assert report["alerts"] == {"due_soon": 1, "overdue": 1}
    assert report["median_days_to_decision"] == 8.0
    html = client.get("/transparency?site=test&from=2026-10-01&to=2026-10-31")
    assert html.status_code == 200 and '<html lang="ja">' in html.text and "透明性レポート" in html.text
    assert '<td class="num" id="decided-late">1</td>' in html.text
    assert html.headers["Content-Security-Policy"]


@pytest.mark.parametrize(("query", "field"), [
    ("from=2026-13-01&to=2026-12-31", "from"), ("from=yesterday", "from"), ("from=2026-11-01&to=x", "to"),
    ("from=2026-11-02&to=2026-11-01", "to"), ("from=0911-06-01&to=0911-06-01", "from"),
    ("from=2024-01-01&to=2026-01-01", "to"), ("from=2026-W45-1&to=2026-11-30", "from"),
    ("from=2026-11-01&to=2026-W48-7", "to"),
])
def test_a_bad_period_is_a_400_naming_the_field(client, query, field):
    answer = client.get(f"/api/v1/transparency?{query}", headers={"Authorization": f"Bearer {API_KEY}"})
    assert answer.status_code == 400 and answer.json["error"]["field"] == field


def test_the_report_needs_the_sites_key_and_is_per_site(app, client, comment):
    assert client.get("/api/v1/transparency").status_code == 401
    file(client, request_body([post_comment(client, comment)]))
    today = datetime.now(UTC).date().isoformat()  # the report's days are UTC days, not the machine's zone's
    other = client.get(f"/api/v1/transparency?from={today}&to={today}",
                       headers={"Authorization": f"Bearer {OTHER_KEY}"}).json
    assert other["site"] == "other" and other["requests"]["received"] == 0


def old_comments_section(entries, received):
    """The report's comment counts as main computed them before day summaries (c78749f), the oracle here."""
    def labels(reason):
        try:
            value = json.loads(reason or "[]")
        except ValueError:
            return []
        return [label for label in value if isinstance(label, str)] if isinstance(value, list) else []

    actions = Counter(e["action"] for e in entries)
    by_label = defaultdict(lambda: {"held": 0, "rejected_automatically": 0})
    for e in entries:
        if e["action"] in ("queued", "auto_rejected"):
            kind = "held" if e["action"] == "queued" else "rejected_automatically"
            for label in labels(e.get("reason")):
                by_label[label][kind] += 1
    by_rule = defaultdict(lambda: {"held": 0, "rejected_automatically": 0})  # s27: an article's or author's rule
    for e in entries:
        if e["action"] in ("queued", "auto_rejected") and e.get("reason") in RULES:
            by_rule[e["reason"]]["held" if e["action"] == "queued" else "rejected_automatically"] += 1
    reasons = Counter(e.get("reason") or "none" for e in entries if e["action"] == "rejected")
    held, auto = actions["queued"], actions["auto_rejected"]
    return {"received": received, "allowed": None if received is None else max(received - held - auto, 0),
            "held": held, "rejected_automatically": auto, "approved_by_people": actions["approved"],
            "rejected_by_people": actions["rejected"], "undone": actions["undone"], "reopened": actions["reopened"],
            "by_label": dict(sorted(by_label.items())), "by_rule": dict(sorted(by_rule.items())),
            "rejected_by_reason": dict(sorted(reasons.items())), "reader_reports": actions["reported"]}


def write_past_audit(rdb, prefix, first, days, per_day, seed=8):
    """Audit entries on past UTC days, as the review queue writes them (stream ids in the day's ms)."""
    rng = random.Random(seed)
    actions = ["queued", "auto_rejected", "approved", "rejected", "undone", "reopened", "reported", "claimed",
               "released", "lease_expired"]
    label_sets = ['["abuse"]', '["spam"]', '["abuse","threat"]', '["abuse","hate"]', "[]", "not json", *RULES]
    for n in range(days):
        start = int(midnight(first + timedelta(days=n)) * 1000)
        for at in sorted(rng.sample(range(86_400_000), per_day)):
            action = rng.choice(actions)
            reason = rng.choice(label_sets) if action in ("queued", "auto_rejected") else rng.choice(
                ["spam", "abuse", "rights_request", "", "threat"])
            rdb.xadd(f"{prefix}{{test}}:audit", {"id": f"c-{n}-{at}", "action": action, "from": "", "to": "",
                                                 "by": "hanako", "reason": reason, "at": start + at},
                     id=f"{start + at}-0")


def trail(rdb, prefix):
    """The audit trail's (id, entry) by raw reads: the audit stream's entries and the submits' events (their audit
    entries since session 36)."""
    from moderation.store.review_queue.audit_trail import audit_entry

    events = [(entry_id, audit_entry(e)) for entry_id, e in rdb.xrange(f"{prefix}{{test}}:events")]
    return rdb.xrange(f"{prefix}{{test}}:audit") + [(entry_id, e) for entry_id, e in events if e]


def audit_of(rdb, prefix, first, last):
    start, end = int(midnight(first) * 1000), int((midnight(last) + 86400) * 1000)
    return [e for entry_id, e in trail(rdb, prefix) if start <= int(entry_id.split("-")[0]) < end]


def entries_read(app):
    from moderation.store.review_queue import get_queue

    with app.app_context():
        return get_queue("test").audit_entries_read


def test_day_counts_equal_the_full_read_and_a_second_report_reads_no_kept_day(app, client, rdb, prefix):
    first = date(2026, 1, 1)
    write_past_audit(rdb, prefix, first, days=20, per_day=150)
    last = first + timedelta(days=19)
    before = entries_read(app)
    report = get_report(client, first, last).json["comments"]
    assert entries_read(app) - before == 20 * 150  # every day read once...
    assert report == old_comments_section(audit_of(rdb, prefix, first, last), None)
    assert report["held"] > 0 and report["by_label"]["abuse"]["rejected_automatically"] > 0
    before = entries_read(app)
    again = get_report(client, first, last).json["comments"]
    inner = get_report(client, first + timedelta(days=4), first + timedelta(days=9)).json["comments"]
    assert entries_read(app) - before == 0  # ...then kept: the next reports read no entry
    assert again == report
    assert inner == old_comments_section(audit_of(rdb, prefix, first + timedelta(days=4),
                                                  first + timedelta(days=9)), None)
    wider = get_report(client, first - timedelta(days=3), last).json["comments"]
    assert wider == report  # three empty days before, read once (nothing there), then kept too


def test_an_entry_in_the_millisecond_of_midnight_counts_on_one_day_only(app, client, rdb, prefix):
    """A day is [midnight, next midnight): XRANGE's exclusive end "(<ms>" still takes the entries of that
    millisecond (it excludes <ms>-<max seq> only), so each was counted on both days (the month test's held 14
    against 13 queued when a comment was queued at 00:00:00.000)."""
    first = date(2026, 3, 1)
    for n in range(4):
        at = int(midnight(first + timedelta(days=n)) * 1000)
        for stream_id in (f"{at - 1}-0", f"{at}-0", f"{at}-1", f"{at + 1}-0"):
            rdb.xadd(f"{prefix}{{test}}:audit", {"id": f"m-{stream_id}", "action": "queued", "from": "", "to": "",
                                                 "by": "", "reason": '["spam"]', "at": stream_id.split("-")[0]},
                     id=stream_id)
    last = first + timedelta(days=2)
    whole = get_report(client, first, last).json["comments"]
    assert whole["held"] == len(audit_of(rdb, prefix, first, last)) == 12  # before: 18, 2 counted twice a day
    days = [get_report(client, first + timedelta(days=n), first + timedelta(days=n)).json["comments"]["held"]
            for n in range(3)]
    assert days == [4, 4, 4]  # its 00:00:00.000 (2), 00:00:00.001 and 23:59:59.999


def test_a_trimmed_audit_gives_null_counts_never_smaller_ones(app, client, rdb, prefix):
    first = date(2026, 2, 1)
    write_past_audit(rdb, prefix, first, days=10, per_day=100)
    kept = get_report(client, first, first + timedelta(days=1)).json["comments"]  # days 1-2 read and kept
    cut = int((midnight(first + timedelta(days=4)) + 43_200) * 1000)  # noon of day 5, as MAXLEN ~ would cut
    assert rdb.xtrim(f"{prefix}{{test}}:audit", minid=f"{cut}-0") > 0
    whole = get_report(client, first, first + timedelta(days=9))
    assert whole.status_code == 200
    comments = whole.json["comments"]
    assert comments["held"] is None and comments["rejected_by_people"] is None and comments["by_label"] is None
    assert comments["reader_reports"] is None and comments["allowed"] is None
    assert get_report(client, first + timedelta(days=4), first + timedelta(days=9)).json["comments"]["held"] is None
    after = get_report(client, first + timedelta(days=5), first + timedelta(days=9)).json["comments"]
    assert after == old_comments_section(audit_of(rdb, prefix, first + timedelta(days=5),
                                                  first + timedelta(days=9)), None)
    assert get_report(client, first, first + timedelta(days=1)).json["comments"] == kept  # kept before the trim
    rows = list(csv.reader(io.StringIO(get_report(client, first, first + timedelta(days=9), "text/csv").text)))
    assert ["test", "2026-02-01", "2026-02-10", "comments.held", ""] in rows  # unknown, not 0
    page = client.get("/transparency?site=test&from=2026-02-01&to=2026-02-10")
    assert page.status_code == 200 and "None" not in page.text


def test_comments_held_or_rejected_by_a_rule_are_counted_by_rule(make_app, comment, auth, thresholds):
    """s27 trial: the seed article's breaker closed it and 10 comments were rejected as article_closed; the report
    said 自動で非公開 20 and explained 10 of them, by label. An article's or an author's rule is counted too."""
    app = make_app(THRESHOLDS=thresholds.flag_none, RATE_LIMITS="", AUTHOR_STANDING={"enabled": True})
    client = app.test_client()
    for article, mode in (("a-closed", "closed"), ("a-pre", "premoderated")):
        assert client.put(f"/api/v1/articles/{article}", json={"mode": mode}, headers=auth).status_code == 200
    assert client.put("/api/v1/authors/pest", json={"standing": "suspended"}, headers=auth).status_code == 200
    for fields, reason in (({"article_id": "a-closed"}, "article_closed"), ({"article_id": "a-pre"},
                           "article_premoderated"), ({"author": {"id": "pest", "name": "p"}}, "author_suspended")):
        answer = client.post("/api/v1/comments", json=comment("今日の記事は参考になりました。", **fields), headers=auth)
        assert answer.json["reason"] == reason, answer.json
    today = datetime.now(UTC).date()
    comments = get_report(client, today, today).json["comments"]
    assert comments["by_rule"] == {"article_closed": {"held": 0, "rejected_automatically": 1},
                                   "article_premoderated": {"held": 1, "rejected_automatically": 0},
                                   "author_suspended": {"held": 0, "rejected_automatically": 1}}, comments
    page = client.get(f"/transparency?site=test&from={today}&to={today}").text
    rules = page.split('id="report-rules"')[1].split("</table>")[0]
    assert all(words in rules for words in ("記事の受付停止", "記事の事前承認", "投稿者の投稿停止")), rules
    assert "_" not in re.sub(r"<[^>]+>", "", rules)  # words, never codes
    rows = list(csv.reader(io.StringIO(get_report(client, today, today, "text/csv").text)))
    assert [row[3:] for row in rows if row[3].startswith("comments.by_rule.article_closed")] == [
        ["comments.by_rule.article_closed.held", "0"], ["comments.by_rule.article_closed.rejected_automatically", "1"]]


def test_the_public_report_shows_the_decisions_taken_back_beside_the_decisions(make_app, comment, auth, accounts,
                                                                             thresholds):
    """s28 trial: a moderator rejected a comment for hate and undid it (u) at once; the public page said 担当者が非公開
    2 and 差別・ヘイト 1 while one comment was out, and never showed the JSON's undone and reopened that explain it."""
    app = make_app(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="")
    client = app.test_client()
    ids = []
    for text in ("今日の記事は参考になりました。", "また読みに来ます。"):
        body = comment(text)
        assert client.post("/api/v1/comments", json=body, headers=auth).json["decision"] == "review"
        ids.append(body["id"])
    hanako, taro = Moderator(app, "hanako"), Moderator(app, "taro")
    hanako.claim()
    hanako.decide(ids[0], "reject", "hate")
    assert hanako.post("/review/api/undo", {"id": ids[0]}).status_code == 200
    hanako.decide(ids[1], "approve")
    assert taro.post("/review/api/reopen", {"id": ids[1], "reason": "再確認"}).status_code == 200
    today = datetime.now(UTC).date()
    comments = get_report(client, today, today).json["comments"]
    assert (comments["rejected_by_people"], comments["approved_by_people"]) == (1, 1)
    assert (comments["undone"], comments["reopened"]) == (1, 1)
    page = client.get(f"/transparency?site=test&from={today}&to={today}").text
    row = r'<tr id="report-{}"><th scope="row">{}</th><td class="num">1</td></tr>'
    assert re.search(row.format("undone", re.escape("担当者が取り消した判断(審査に戻る)")), page), page
    assert re.search(row.format("reopened", "管理者が審査に戻した判断"), page)
    assert "取り消された判断や審査に戻された判断も含みます" in page
    english = client.get(f"/transparency?site=test&from={today}&to={today}&lang=en").text
    assert "Decisions moderators took back (back to review)" in english


def test_days_kept_before_rules_were_counted_give_null_by_rule_never_zero():
    """A day kept before session 27 that held or rejected comments has no rule counts: a report over it says unknown,
    not 0. One that held and rejected nothing had none to count (the trial's month: quiet kept days hid the table)."""
    from moderation.rights.transparency import DayCounts, comments_section

    old = DayCounts({"actions": {"auto_rejected": 3}, "labels": {}, "reasons": {}})
    assert comments_section(DayCounts().merge(old), None)["by_rule"] is None
    assert comments_section(DayCounts().merge(DayCounts()), None)["by_rule"] == {}
    quiet = DayCounts({"actions": {"approved": 2, "reported": 1}, "labels": {}, "reasons": {"spam": 1}})
    today = DayCounts()
    today.add({"action": "auto_rejected", "reason": "article_closed"})
    assert comments_section(today.merge(quiet), None)["by_rule"] == {
        "article_closed": {"held": 0, "rejected_automatically": 1}}


def test_the_public_report_is_limited_per_address(make_app):
    client = make_app(TRANSPARENCY_RATE_LIMIT="2/3600").test_client()
    fresh_window()
    pages = [client.get("/transparency?site=test&from=2026-03-01&to=2026-03-31") for _ in range(3)]
    assert [p.status_code for p in pages] == [200, 200, 429]
    assert int(pages[2].headers["Retry-After"]) >= 1 and "<html" in pages[2].text
    other = client.get("/transparency?site=test", environ_base={"REMOTE_ADDR": "192.0.2.7"})
    assert other.status_code == 200  # another address has its own allowance


def test_the_worker_counts_finished_days_before_anyone_asks(app, client, rdb, prefix):
    from moderation.integrations import outbox_worker

    first = datetime.now(UTC).date() - timedelta(days=12)
    write_past_audit(rdb, prefix, first, days=10, per_day=50)
    outbox_worker.run_worker(app, once=True)  # its minute round: deadlines, then the report's finished days
    before = entries_read(app)
    report = get_report(client, first, first + timedelta(days=9)).json["comments"]
    assert entries_read(app) - before == 0
    assert report == old_comments_section(audit_of(rdb, prefix, first, first + timedelta(days=9)), 0)


def test_the_worker_keeps_a_quiet_month_without_reading_each_day(make_app, private_redis, prefix):
    """keep_finished_days (the outbox worker's minute chore) keeps the days before the trail's first entry as empty
    counts from one read of each stream, not six calls a day (a fresh site: 186 a pass, 5.8-9% of the fast suite's
    time); the days from that entry on are read one by one as before, and the report over the kept month is what
    the audit holds."""
    from moderation.rights.transparency import SETTLED_MS, keep_finished_days
    from tests.support.monitor import round_trips

    rdb = redis.Redis.from_url(private_redis.url, decode_responses=True)
    app = make_app(redis_url=private_redis.url)
    now = int(datetime.now(UTC).timestamp() * 1000)
    last = datetime.fromtimestamp((now - SETTLED_MS) / 1000, UTC).date() - timedelta(days=1)
    busy = last - timedelta(days=6)  # entries on three days, a week before the last finished day
    write_past_audit(rdb, prefix, busy, days=3, per_day=20)
    with app.app_context():
        kept, sent = round_trips(private_redis.client(), lambda: keep_finished_days("test", now))
    assert kept == 31
    assert sent.count("XRANGE") == 2 + 2 * ((last - busy).days + 1)  # 16, not 62: one per stream a day read
    assert len(rdb.hkeys(f"{prefix}{{test}}:tr:days")) == 31
    first = last - timedelta(days=30)
    report = get_report(app.test_client(), first, last).json["comments"]
    audited = old_comments_section(audit_of(rdb, prefix, first, last), None)
    for part in ("received", "allowed"):  # read from the score histograms (none here), not the audit
        report.pop(part), audited.pop(part)
    assert report == audited and report["held"] > 0
