"""The audit stream's reads: a time range in batches, how far back it is complete, filtered newest first."""

from redis.exceptions import ResponseError


class AuditTrail:
    """ReviewQueue's audit reads (the SUBMIT, CLAIM and DECIDE scripts write the entries)."""

    audit_entries_read = 0  # audit entries this object read (audit_batches)

    def audit_between(self, start_ms, end_ms, batch=5000):
        """Audit entries whose stream ids (server time, ms) fall in [start_ms, end_ms), oldest first."""
        return [{"entry": entry_id, **fields} for entries in self.audit_batches(start_ms, end_ms, batch)
                for entry_id, fields in entries]

    def audit_batches(self, start_ms, end_ms, batch=5000):
        """The (id, fields) audit entries of [start_ms, end_ms) in batches, oldest first, counted in
        `audit_entries_read` (the transparency report's test checks a summarised day is not read again)."""
        cursor = str(int(start_ms))
        while True:
            # "(<ms>" would still take <ms>-0..<ms>-(max-1): the end of a day is the last id before <ms>-0
            entries = self.redis.xrange(self.key("audit"), min=cursor, max=f"({int(end_ms)}-0", count=batch)
            self.audit_entries_read += len(entries)
            if entries:
                yield entries
            if len(entries) < batch:
                return
            cursor = f"({entries[-1][0]}"

    def audit_complete_from(self):
        """The earliest time (ms) from which the audit stream still holds every entry it was given: 0 when it
        never lost one, else just past what trimming (MAXLEN ~ 1M) or a deletion removed."""
        try:
            info = self.redis.xinfo_stream(self.key("audit"))
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

    def audit(self, count=100, *, before="+", moderator="", author_id="", article_id="", comment_id=""):
        """Newest-first audit entries matching the filters (scans at most 50 times `count` entries)."""
        wanted = {"by": moderator, "author_id": author_id, "article_id": article_id, "id": comment_id}
        wanted = {k: v for k, v in wanted.items() if v}
        out, cursor, scanned = [], before, 0
        while len(out) < count and scanned < count * 50:
            batch = self.redis.xrevrange(self.key("audit"), max=cursor, count=max(count, 200))
            if cursor != "+" and batch and batch[0][0] == cursor:
                batch = batch[1:]
            if not batch:
                break
            for entry_id, fields in batch:
                scanned += 1
                if all(fields.get(k) == v for k, v in wanted.items()):
                    out.append({"entry": entry_id, **fields, "at": int(fields.get("at", 0))})
                    if len(out) == count:
                        break
            cursor = batch[-1][0]
        return out


def _stream_ms(entry_id):
    return int(str(entry_id).partition("-")[0])

