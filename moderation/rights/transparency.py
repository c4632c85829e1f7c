"""The transparency report of one site for a period of UTC days, computed from its audit streams.

Removal requests come from the requests' audit stream (every entry carries its time, right, outcome, lateness
and days to decision), so a past period always gives the same figures. Comments come from the review queue's
audit stream (held, rejected automatically, decided by people, reader reports); how many comments arrived,
and so how many were published directly, comes from the daily score histograms, kept 40 days.
"""

import csv
import io
import json
import math
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta

from moderation.errors import ValidationError
from moderation.rights.clock import DAY_MS
from moderation.rights.intake import RIGHTS
from moderation.rights.process import OUTCOMES
from moderation.store.removal_requests import get_requests
from moderation.store.review_queue import get_queue

MAX_DAYS = 366
HISTOGRAM_DAYS = 40


def parse_period(start, end, today):
    """(first day, last day) from YYYY-MM-DD strings; defaults: the current month up to today."""
    def day(value, default):
        if value in (None, ""):
            return default
        try:
            return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
        except ValueError:
            return None

    first = day(start, today.replace(day=1))
    if first is None or first.year < 2000:
        raise ValidationError("from must be a date YYYY-MM-DD from 2000 on", "from")
    last = day(end, today)
    if last is None:
        raise ValidationError("to must be a date YYYY-MM-DD", "to")
    if last < first:
        raise ValidationError("to must not be before from", "to")
    if (last - first).days >= MAX_DAYS:
        raise ValidationError(f"a period covers at most {MAX_DAYS} days", "to")
    return first, last


def _ms(day):
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() * 1000)


def percentile(values, q):
    """Nearest-rank percentile (q in 0-100) of a list of numbers, or None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def requests_section(entries):
    """Counts over the requests' audit entries of the period."""
    actions = Counter(e["action"] for e in entries)
    decided = [e for e in entries if e["action"] == "decided"]
    days = [float(e["days"]) for e in decided if e.get("days")]
    by_right = {right: dict.fromkeys(OUTCOMES, 0) for right in RIGHTS}
    for e in decided:
        if e.get("right") in by_right and e.get("outcome") in OUTCOMES:
            by_right[e["right"]][e["outcome"]] += 1
    received_by_right = Counter(e.get("right") for e in entries if e["action"] == "received")
    appeal_outcomes = Counter(e.get("outcome") for e in entries if e["action"] == "appeal_decided")
    return {
        "received": actions["received"],
        "received_by_right": {right: received_by_right[right] for right in RIGHTS},
        "decided": len(decided),
        "decided_within_deadline": sum(1 for e in decided if e.get("late") == "0"),
        "decided_late": sum(1 for e in decided if e.get("late") == "1"),
        "median_days_to_decision": percentile(days, 50),
        "p90_days_to_decision": percentile(days, 90),
        "outcomes": {outcome: sum(by_right[r][outcome] for r in RIGHTS) for outcome in OUTCOMES},
        "outcomes_by_right": by_right,
        "consultations": actions["poster_consulted"],
        "poster_answers": actions["poster_answered"],
        "appeals": {"received": actions["appealed"], "decided": actions["appeal_decided"],
                    "outcomes": {outcome: appeal_outcomes[outcome] for outcome in OUTCOMES}},
        "alerts": {"due_soon": actions["due_soon"], "overdue": actions["overdue"]},
        "requester_notices": {"sent": actions["requester_notified"], "failed": actions["notice_failed"]},
    }


def _labels(reason):
    try:
        labels = json.loads(reason or "[]")
    except ValueError:
        return []
    return [label for label in labels if isinstance(label, str)] if isinstance(labels, list) else []


def comments_section(entries, received):
    """Counts over the review queue's audit entries of the period, plus the comments received (or None)."""
    actions = Counter(e["action"] for e in entries)
    by_label = defaultdict(lambda: {"held": 0, "rejected_automatically": 0})
    for e in entries:
        if e["action"] in ("queued", "auto_rejected"):
            kind = "held" if e["action"] == "queued" else "rejected_automatically"
            for label in _labels(e.get("reason")):
                by_label[label][kind] += 1
    reasons = Counter(e.get("reason") or "none" for e in entries if e["action"] == "rejected")
    held, auto = actions["queued"], actions["auto_rejected"]
    return {
        "received": received,
        "allowed": None if received is None else max(received - held - auto, 0),
        "held": held,
        "rejected_automatically": auto,
        "approved_by_people": actions["approved"],
        "rejected_by_people": actions["rejected"],
        "undone": actions["undone"],
        "reopened": actions["reopened"],
        "by_label": dict(sorted(by_label.items())),
        "rejected_by_reason": dict(sorted(reasons.items())),
        "reader_reports": actions["reported"],
    }


def report(site, first, last):
    """The report of `site` for the UTC days first..last (inclusive)."""
    start, end = _ms(first), _ms(last) + DAY_MS
    requests = [e for e in get_requests(site).audit_entries() if start <= e["at"] < end]
    queue = get_queue(site)
    today = datetime.now(UTC).date()  # the histograms expire in Redis's time, whatever the app's clock says
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    received = None
    if (today - first).days < HISTOGRAM_DAYS:
        received = sum(queue.received_on([d.strftime("%Y%m%d") for d in days]))
    return {
        "site": site, "from": first.isoformat(), "to": last.isoformat(), "timezone": "UTC",
        "requests": requests_section(requests),
        "comments": comments_section(queue.audit_between(start, end), received),
    }


def flatten(value, prefix=""):
    """(path, value) rows of a nested report, paths joined with dots."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from flatten(item, f"{prefix}.{key}" if prefix else key)
    else:
        yield prefix, value


def to_csv(body):
    """The report as CSV: site, from, to, metric, value (one row per number)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["site", "from", "to", "metric", "value"])
    for section in ("requests", "comments"):
        for path, value in flatten(body[section], section):
            writer.writerow([body["site"], body["from"], body["to"], path, "" if value is None else value])
    return out.getvalue()
