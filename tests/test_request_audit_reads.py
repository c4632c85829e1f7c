"""The transparency report reads only its period's removal-request audit entries (through the audit's time
index), not every entry since the site's first request; entries written before the index get indexed once."""

import random
from datetime import date, timedelta

import pytest

from moderation.rights.transparency import requests_section
from moderation.store.removal_requests import get_requests
from tests.test_transparency import get_report, midnight

DAY_MS = 86_400_000
RIGHTS = ("reputation", "privacy", "portrait", "copyright", "other")


def write_a_year_of_requests(app, first, days, per_day, seed=5):
    """`per_day` requests a day through the store's own scripts: received, investigated, decided (some late),
    the requester told; four audit entries each, at their own times on that day."""
    rng = random.Random(seed)
    with app.app_context():
        store = get_requests("test")
        for n in range(days):
            start = int(midnight(first + timedelta(days=n)) * 1000)
            for k in range(per_day):
                at = start + rng.randrange(DAY_MS - 4000)
                request_id = f"R-{(first + timedelta(days=n)):%Y%m%d}-{k:08d}"
                store.create({"id": request_id, "right": rng.choice(RIGHTS), "status": "received",
                              "received_at": at, "due_at": at + rng.choice([1000, 7 * DAY_MS])}, {"id": request_id})
                store.step(request_id, "investigating", "hanako", now_ms=at + 1000)
                store.decide(request_id, rng.choice(["removed", "not_removed"]), "hanako", now_ms=at + 2000,
                             criterion="c", reason="r", removed=[], event={"id": request_id})
                store.noted(request_id, "requester_notified", "email", now_ms=at + 3000)


def reads(app):
    with app.app_context():
        return get_requests("test").audit_entries_read


def expected(app, first, last):
    """The old way: every entry of the stream, filtered by time."""
    start, end = int(midnight(first) * 1000), int(midnight(last) * 1000) + DAY_MS
    with app.app_context():
        return requests_section([e for e in get_requests("test").audit_entries() if start <= e["at"] < end])


@pytest.mark.slow
def test_a_months_report_reads_that_months_request_audit_only(app, client, rdb, prefix):
    """A year of a busy site's requests (6 a day, 8,760 audit entries): a 30-day report reads that month's
    720 entries, a twelfth of the stream, and gives what reading all of it gives. An index emptied (as before
    this change) is rebuilt by the next report, once."""
    first = date(2025, 1, 1)
    write_a_year_of_requests(app, first, days=365, per_day=6)
    total = rdb.xlen(f"{prefix}{{test}}:rq:audit")
    assert total == 365 * 6 * 4
    june, june_end = date(2025, 6, 1), date(2025, 6, 30)

    before = reads(app)
    report = get_report(client, june, june_end).json["requests"]
    read = reads(app) - before
    assert read == 30 * 6 * 4  # the month's entries, each once
    assert read / total < 1 / 12 + 0.001
    assert report == expected(app, june, june_end) and report["received"] == 180 and report["decided"] == 180
    assert 0 < report["decided_late"] < 180

    rdb.delete(f"{prefix}{{test}}:rq:audit:at")  # the stream as it was before the index existed
    before = reads(app)
    assert get_report(client, june, june_end).json["requests"] == report
    assert reads(app) - before == total + 720  # indexed once (the whole stream), then the month
    before = reads(app)
    assert get_report(client, june, june_end).json["requests"] == report
    assert reads(app) - before == 720


@pytest.mark.slow
def test_a_requests_page_reads_its_own_trail_not_the_sites_audit(app, client, rdb, prefix):
    """1,000 requests (4,000 audit entries): one request's history reads its own 4 entries through its trail,
    the steps the old full scan found, in order. A request filed before trails existed (its trail deleted, then
    one new step) is found by one scan of the audit up to its first trailed entry, then read through its trail."""
    first = date(2025, 3, 1)
    write_a_year_of_requests(app, first, days=50, per_day=20)
    total = rdb.xlen(f"{prefix}{{test}}:rq:audit")
    assert total == 50 * 20 * 4
    with app.app_context():
        store = get_requests("test")
        scanned = {}
        for entry in store.audit_entries():
            scanned.setdefault(entry["id"], []).append(entry)
        request_id = "R-20250410-00000007"
        before = store.audit_entries_read
        steps = store.history(request_id)
        assert store.audit_entries_read - before == 4
        assert steps == scanned[request_id]
        assert [s["action"] for s in steps] == ["received", "investigating", "decided", "requester_notified"]

        old = "R-20250301-00000003"
        rdb.delete(store.trail_key(old))  # as the scripts before trails left it...
        store.noted(old, "notice_failed", "email", now_ms=scanned[old][-1]["at"] + 1)  # ...then a step since
        before = store.audit_entries_read
        steps = store.history(old)
        assert [s["action"] for s in steps] == [e["action"] for e in scanned[old]] + ["notice_failed"]
        assert steps[:4] == scanned[old]
        assert store.audit_entries_read - before == 1 + total  # its new step, then the audit up to it, once
        assert rdb.llen(store.trail_key(old)) == 5
        before = store.audit_entries_read
        assert store.history(old) == steps
        assert store.audit_entries_read - before == 5

