"""The transparency report reads only its period's removal-request audit entries (through the audit's time
index), not every entry since the site's first request; entries written before the index get indexed once."""

import random
from datetime import date, timedelta

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
