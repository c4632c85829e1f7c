"""The audit trail's reads: a time range in batches, how far back it is complete, filtered newest first.

The trail is the audit stream and, since session 36, the submits' events in the events stream: a queued or
automatically rejected comment's event is its audit entry too (it carries article_id and author_id: one XADD a
comment instead of two). Events without article_id (any other, and submits' written before, whose entries are in the
audit stream) are not entries of the trail.
"""

import heapq
import json

from redis.exceptions import ResponseError

# a submit's event type -> its audit entry's action and queue state
_SUBMITTED = {"comment.queued": ("queued", "ready"), "comment.rejected_automatically": ("auto_rejected", "rejected")}


def audit_entry(fields):
    """A submit's event as the audit entry SUBMIT wrote before (its reason: the rule's in `data`, else the labels);
    None for an event that is no audit entry."""
    kind = _SUBMITTED.get(fields.get("type"))
    if kind is None or "article_id" not in fields:
        return None
    reason = json.loads(fields["data"]).get("reason") if fields.get("data") else None
    return {"id": fields.get("id", ""), "action": kind[0], "from": "", "to": kind[1], "by": fields.get("by", ""),
            "reason": reason or fields.get("reason", ""), "at": fields.get("at", ""),
            "article_id": fields["article_id"], "author_id": fields.get("author_id", "")}


def _order(entry_id, rank):
    """Where an entry sits in the trail: its millisecond, then its stream (an arrival, in the events stream, before
    the audit stream's entries of that millisecond: each stream numbers its own ids, so a comment claimed in the
    millisecond it arrived may hold a smaller sequence number than its arrival), then its sequence number."""
    ms, _, seq = str(entry_id).partition("-")
    return int(ms), rank, int(seq or 0)


class AuditTrail:
    """ReviewQueue's audit reads (the SUBMIT, CLAIM and DECIDE scripts write the entries)."""

    audit_entries_read = 0  # stream entries this object read for the trail (audit_batches)

    def _trail(self):
        """The trail's streams, each with what turns one of its entries into an audit entry (or None) and its rank
        within a millisecond (_order)."""
        return ((self.key("audit"), None, 1), (self.key("events"), audit_entry, 0))

    def audit_between(self, start_ms, end_ms, batch=5000):
        """Audit entries whose stream ids (server time, ms) fall in [start_ms, end_ms), oldest first."""
        found = [(_order(entry_id, rank), entry_id, fields) for key, convert, rank in self._trail()
                 for entries in self._batches(key, convert, start_ms, end_ms, batch) for entry_id, fields in entries]
        return [{"entry": entry_id, **fields} for _, entry_id, fields in sorted(found, key=lambda e: e[0])]

    def audit_batches(self, start_ms, end_ms, batch=5000):
        """The (id, fields) audit entries of [start_ms, end_ms) in batches, each stream's oldest first, its entries
        read counted in `audit_entries_read` (the transparency report's test checks a summarised day is not read
        again)."""
        for key, convert, _ in self._trail():
            yield from self._batches(key, convert, start_ms, end_ms, batch)

    def _batches(self, key, convert, start_ms, end_ms, batch):
        """One stream's part of audit_batches."""
        cursor = str(int(start_ms))
        while True:
            # "(<ms>" would still take <ms>-0..<ms>-(max-1): the end of a day is the last id before <ms>-0
            entries = self.redis.xrange(key, min=cursor, max=f"({int(end_ms)}-0", count=batch)
            self.audit_entries_read += len(entries)
            found = entries if convert is None else [
                (entry_id, entry) for entry_id, entry in ((i, convert(f)) for i, f in entries) if entry]
            if found:
                yield found
            if len(entries) < batch:
                break
            cursor = f"({entries[-1][0]}"

    def first_audit_ms(self, since_ms):
        """The time (ms) of the trail's first entry at or after `since_ms` (None: none), one call a stream: the days
        before it hold nothing (the outbox worker keeps a quiet site's month without a read per day)."""
        firsts = [self.redis.xrange(key, min=str(int(since_ms)), max="+", count=1) for key, _, _ in self._trail()]
        return min((_stream_ms(entries[0][0]) for entries in firsts if entries), default=None)

    def audit_complete_from(self):
        """The earliest time (ms) from which the trail's streams still hold every entry they were given: 0 when
        they never lost one, else just past what trimming (MAXLEN ~ 1M) or a deletion removed."""
        return max(self._complete_from(key) for key, _, _ in self._trail())

    def _complete_from(self, key):
        try:
            info = self.redis.xinfo_stream(key)
        except ResponseError:  # no stream: nothing was ever written, so nothing is missing
            return 0
        complete = 0
        if str(info.get("max-deleted-entry-id") or "0-0") != "0-0":  # XDEL'd: every id up to it may be gone
            complete = _stream_ms(info["max-deleted-entry-id"]) + 1
        if info.get("entries-added") != info.get("length"):  # trimmed at the head (or Redis < 7: not counted)
            first = info.get("first-entry")
            if first:  # ids before the first entry may be gone: a day is whole from a ms that starts after it
                ms, seq = _stream_ms(first[0]), int(str(first[0]).partition("-")[2] or 0)
                complete = max(complete, ms + (1 if seq else 0))
            else:  # trimmed empty: everything up to the last id is gone
                complete = max(complete, _stream_ms(info["last-generated-id"]) + 1)
        return complete

    def _newest_first(self, key, convert, rank, before, page):
        """(order, id, audit entry or None: an event that is none) of one stream, newest first from the millisecond
        before `before`'s."""
        cursor = "+" if before == "+" else f"({_stream_ms(before)}-0"
        while True:
            batch = self.redis.xrevrange(key, max=cursor, count=page)
            for entry_id, fields in batch:
                yield _order(entry_id, rank), entry_id, fields if convert is None else convert(fields)
            if len(batch) < page:
                return
            cursor = f"({batch[-1][0]}"

    def audit(self, count=100, *, before="+", moderator="", author_id="", article_id="", comment_id=""):
        """Newest-first audit entries matching the filters (scans at most about 100 times `count` entries of the two
        streams). A page never ends inside a millisecond, and `before` (a page's last entry) continues from the
        millisecond before its own: the two streams number their ids apart, so only a whole millisecond is a cursor
        that loses and repeats no entry of either."""
        wanted = {"by": moderator, "author_id": author_id, "article_id": article_id, "id": comment_id}
        wanted = {k: v for k, v in wanted.items() if v}
        page = max(count, 200)
        merged = heapq.merge(*(self._newest_first(key, convert, rank, before, page)
                               for key, convert, rank in self._trail()), key=lambda item: item[0], reverse=True)
        out, scanned, last_ms = [], 0, None
        for order, entry_id, fields in merged:
            if (scanned >= count * 100 or len(out) >= count) and order[0] != last_ms:
                break
            scanned += 1
            if fields is not None and all(fields.get(k) == v for k, v in wanted.items()):
                out.append({"entry": entry_id, **fields, "at": int(fields.get("at") or 0)})
                last_ms = order[0]
        return out


def _stream_ms(entry_id):
    return int(str(entry_id).partition("-")[0])
