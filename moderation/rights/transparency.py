"""The transparency report of one site for a period of UTC days, computed from its audit streams.

Removal requests come from the requests' audit stream (every entry carries its time, right, outcome, lateness
and days to decision; only the period's entries are read, through the stream's time index), so a past period
always gives the same figures. Comments come from the review queue's
audit stream (held, rejected automatically, decided by people, reader reports), counted per UTC day: a day
that is over is read once and its counts kept (store/transparency_days.py), so a report reads the kept days
and the stream only for today; a day the trimmed stream (~1M entries) no longer holds whole, and that was not
kept before, makes the comment counts null. How many comments arrived, and so how many were published
directly, comes from the daily score histograms, kept 40 days.
"""

import csv
import io
import json
import math
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta

from moderation.errors import ValidationError
from moderation.labels import RULES
from moderation.rights import criteria
from moderation.rights.clock import DAY_MS
from moderation.rights.intake import RIGHTS
from moderation.rights.process import OUTCOMES
from moderation.store.removal_requests import get_requests
from moderation.store.review_queue import get_queue
from moderation.store.transparency_days import get_transparency_days

MAX_DAYS = 366
HISTOGRAM_DAYS = 40
SETTLED_MS = 15 * 60 * 1000  # a day is kept once it ended this long ago (the app's and Redis's clocks may differ)


def _is_day(value):
    """YYYY-MM-DD in ASCII digits: date.fromisoformat also reads ISO week dates of the same length (2026-W49-1)."""
    return len(value) == 10 and value[4] == value[7] == "-" and value.isascii() \
        and (value[:4] + value[5:7] + value[8:]).isdigit()


def parse_period(start, end, today):
    """(first day, last day) from YYYY-MM-DD strings; defaults: the current month up to today."""
    def day(value, default):
        if value in (None, ""):
            return default
        try:
            return date.fromisoformat(value) if isinstance(value, str) and _is_day(value) else None
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
        # requests naming a comment the service no longer (or never) held: received all the same, due as any other
        "received_not_held": sum(1 for e in entries if e["action"] == "received" and e.get("not_held") == "1"),
        "received_by_right": {right: received_by_right[right] for right in RIGHTS},
        "decided": len(decided),
        "decided_within_deadline": sum(1 for e in decided if e.get("late") == "0"),
        "decided_late": sum(1 for e in decided if e.get("late") == "1"),
        "median_days_to_decision": percentile(days, 50),
        "p90_days_to_decision": percentile(days, 90),
        "outcomes": {outcome: sum(by_right[r][outcome] for r in RIGHTS) for outcome in OUTCOMES},
        "outcomes_by_right": by_right,
        # the criterion each decision applied (its audit entry's detail); free text from before the codes: unclassified
        "decided_by_criterion": criteria.counts(e.get("detail") for e in decided),
        "consultations": actions["poster_consulted"],
        "poster_answers": actions["poster_answered"],
        "appeals": {"received": actions["appealed"], "decided": actions["appeal_decided"],
                    "outcomes": {outcome: appeal_outcomes[outcome] for outcome in OUTCOMES}},
        "alerts": {"due_soon": actions["due_soon"], "overdue": actions["overdue"]},
        "requester_notices": {"sent": actions["requester_notified"], "failed": actions["notice_failed"]},
        "receipts": {"sent": actions["receipt_sent"], "failed": actions["receipt_failed"]},
    }


def _labels(reason):
    try:
        labels = json.loads(reason or "[]")
    except ValueError:
        return []
    return [label for label in labels if isinstance(label, str)] if isinstance(labels, list) else []


class DayCounts:
    """What the report needs of some comment audit entries: counts per action, per label or rule held or rejected
    automatically, and people's rejections per reason; a finished day's is kept (store/transparency_days.py).
    A day kept before rules were counted (session 27) that held or rejected comments has none: `rules` is None then,
    unknown rather than 0."""

    def __init__(self, stored=None):
        stored = stored or {}
        self.actions = Counter(stored.get("actions", {}))
        self.labels = defaultdict(lambda: [0, 0], {k: list(v) for k, v in stored.get("labels", {}).items()})
        self.reasons = Counter(stored.get("reasons", {}))
        unknown = "rules" not in stored and (self.actions["queued"] or self.actions["auto_rejected"])
        self.rules = None if unknown else defaultdict(  # (a kept day that held or rejected nothing had no rule either)
            lambda: [0, 0], {k: list(v) for k, v in stored.get("rules", {}).items()})

    def add(self, entry):
        action = entry.get("action")
        if action not in COUNTED:
            return
        self.actions[action] += 1
        if action in ("queued", "auto_rejected"):
            for label in _labels(entry.get("reason")):
                self.labels[label][action == "auto_rejected"] += 1
            if entry.get("reason") in RULES and self.rules is not None:
                self.rules[entry["reason"]][action == "auto_rejected"] += 1
        elif action == "rejected":
            self.reasons[entry.get("reason") or "none"] += 1

    def merge(self, other):
        self.actions.update(other.actions)
        self.reasons.update(other.reasons)
        for mine, theirs in ((self.labels, other.labels), (self.rules, other.rules)):
            if mine is None or theirs is None:
                continue
            for name, (held, auto) in theirs.items():
                mine[name][0] += held
                mine[name][1] += auto
        if other.rules is None:
            self.rules = None
        return self

    def stored(self):
        rules = {} if self.rules is None else {"rules": dict(self.rules)}
        return {"actions": dict(self.actions), "labels": dict(self.labels), "reasons": dict(self.reasons), **rules}


COUNTED = ("queued", "auto_rejected", "approved", "rejected", "undone", "reopened", "reported")


def _key(day):
    return day.strftime("%Y%m%d")


def comment_counts(site, days, now):
    """The DayCounts of these UTC days, or None when the audit stream no longer holds all of them (trimmed
    at ~1M entries): a count that is not known is not given, never a smaller one. A finished day is read
    from the stream once and kept at once (a request cut off by a timeout still leaves its days counted);
    the rest (today) are read each time."""
    queue, kept = get_queue(site), get_transparency_days(site)
    stored = kept.get([_key(d) for d in days])
    total, known = DayCounts(), True
    for day in days:
        if _key(day) in stored:
            total.merge(DayCounts(stored[_key(day)]))
            continue
        counts = DayCounts()
        for entries in queue.audit_batches(_ms(day), _ms(day) + DAY_MS):
            for _entry_id, fields in entries:
                counts.add(fields)
        if _ms(day) < queue.audit_complete_from():  # checked after the read: a trim during it moves it on
            known = False
            continue
        if _ms(day) + DAY_MS <= now - SETTLED_MS:
            kept.put({_key(day): counts.stored()})
        total.merge(counts)
    return total if known else None


def keep_finished_days(site, now, days=MAX_DAYS, budget=31):
    """Count up to `budget` finished days not kept yet, newest first, of the last `days` (the outbox worker
    calls this every minute, so a report seldom reads the stream for a past day itself). Returns how many."""
    last = datetime.fromtimestamp((now - SETTLED_MS) / 1000, UTC).date() - timedelta(days=1)
    recent = [last - timedelta(days=n) for n in range(days)]
    kept, queue = get_transparency_days(site), get_queue(site)
    stored = kept.get([_key(d) for d in recent])
    complete_from = queue.audit_complete_from()  # older days are gone from the stream: nothing to keep
    todo = [d for d in recent if _key(d) not in stored and _ms(d) >= complete_from][:budget]
    empty = _empty_days(queue, todo)
    kept.put({_key(d): DayCounts().stored() for d in empty})
    for day in todo:
        if day not in empty:
            comment_counts(site, [day], now)
    return len(todo)


def _empty_days(queue, days):
    """The days that end before the trail's first entry since the oldest of them: nothing to count, kept as the
    empty count a read would give, in five calls for the month rather than six a day."""
    if not days:
        return set()
    first = queue.first_audit_ms(_ms(min(days)))
    complete_from = queue.audit_complete_from()  # checked after the read: a trim during it moves it on
    return {d for d in days if _ms(d) >= complete_from and (first is None or _ms(d) + DAY_MS <= first)}


def comments_section(counts, received):
    """The report's comment counts (None each when the audit no longer covers the period), plus the
    comments received (or None)."""
    if counts is None:
        return {"received": received, "allowed": None, **dict.fromkeys(
            ("held", "rejected_automatically", "approved_by_people", "rejected_by_people", "undone", "reopened",
             "by_label", "by_rule", "rejected_by_reason", "reader_reports"))}
    actions = counts.actions
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
        "by_label": {label: {"held": held_n, "rejected_automatically": auto_n}
                     for label, (held_n, auto_n) in sorted(counts.labels.items())},
        "by_rule": None if counts.rules is None else {rule: {"held": held_n, "rejected_automatically": auto_n}
                                                      for rule, (held_n, auto_n) in sorted(counts.rules.items())},
        "rejected_by_reason": dict(sorted(counts.reasons.items())),
        "reader_reports": actions["reported"],
    }


def report(site, first, last):
    """The report of `site` for the UTC days first..last (inclusive)."""
    start, end = _ms(first), _ms(last) + DAY_MS
    requests = get_requests(site).audit_between(start, end)
    queue = get_queue(site)
    now = datetime.now(UTC)  # the audit's ids and the histograms' expiry are Redis's time, not the app's clock
    today = now.date()
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    received = None
    if (today - first).days < HISTOGRAM_DAYS:
        received = sum(queue.received_on([d.strftime("%Y%m%d") for d in days]))
    return {
        "site": site, "from": first.isoformat(), "to": last.isoformat(), "timezone": "UTC",
        "requests": requests_section(requests),
        "comments": comments_section(comment_counts(site, days, int(now.timestamp() * 1000)), received),
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
