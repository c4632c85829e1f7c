"""RemovalRequests: rights holders' removal requests of one site, their deadlines and their audit trail.

Keys (site S, all under the hash tag {S}): ``rq:<id>`` HASH the request, ``rq:due`` ZSET open requests by due
time (ms), ``rq:audit`` STREAM every step (never trimmed), ``rq:audit:at`` ZSET its entry ids by the step's
time (ms; a report reads only its period's entries), ``rq:<id>:trail`` LIST the entry ids of one request's
steps, oldest first (its page reads only its own entries), ``rq:idem:<sha256>`` STRING the id (and fingerprint)
of the request filed under a caller's idempotency key (a day), and the site's ``events`` stream for webhooks.
"""

import hashlib
import json
import re

from moderation.errors import Conflict, NotFound
from moderation.store import removal_request_scripts as scripts
from moderation.store.append_only import AppendOnly
from moderation.store.keys import KeySpace
from moderation.store.master_pipeline import NO_REPLICAS

# Receipt numbers (R-<UTC date>-<8 letters and digits>): only these name a record, so an id such as "audit" or
# "due" can never reach the index keys that share the rq: namespace.
ID_RE = re.compile(r"^R-[0-9]{8}-[A-Z0-9]{8}\Z")
_JSON_FIELDS = ("comments", "removed", "not_held", "removed_not_held", "restored_not_held")
# How long a decision that began holds its request against another one (its comments change meanwhile)
DECIDING_MS = 60_000
# How long a request filed with an Idempotency-Key answers a retry under the same key with its first receipt.
IDEMPOTENCY_SECONDS = 86_400
_INT_FIELDS = ("received_at", "due_at", "consult_until", "consulted_at", "decided_at", "appealed_at",
               "appeal_due_at", "notice_at", "poster_answered_at", "alert_due_soon", "alert_overdue", "receipt_at",
               "receipt_tries")


def _json(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _check(result, field, **conflicts):
    """A script's answer: "ok", "not_found" (404) or one of the named conflicts (409 with that code)."""
    if result == "not_found":
        raise NotFound("no such request", "id")
    if result != "ok":
        raise Conflict(conflicts[result], field, code=result)


class RemovalRequests:
    """Create, move through the steps, decide once (again after an appeal) and read removal requests."""

    audit_entries_read = 0  # audit entries this object read (the report's test checks only its period is read)

    def __init__(self, redis, site, *, prefix="mod:", replicas=NO_REPLICAS):
        self.redis = redis
        self.site = site
        self.keys = KeySpace(prefix)
        written = AppendOnly(redis, replicas)  # a step is answered once in the append-only file (and replicas)
        self._create = written.script(scripts.CREATE)
        self._step = written.script(scripts.STEP)
        self._decide = written.script(scripts.DECIDE)
        self._begin = redis.register_script(scripts.BEGIN)  # a hold: lost in a crash, it only ends sooner
        self._appeal = written.script(scripts.APPEAL)
        self._alert = written.script(scripts.ALERT)
        self._notice = written.script(scripts.NOTICE)
        self._answer = written.script(scripts.ANSWER)
        self._prepend = redis.register_script(scripts.PREPEND)

    def key(self, *parts):
        return self.keys.site(self.site, *parts)

    def record_key(self, request_id):
        if not ID_RE.match(request_id or ""):
            raise NotFound("no removal request with this id", "id")
        return self.key("rq", request_id)

    def trail_key(self, request_id):
        return self.record_key(request_id) + ":trail"

    def _keys(self, request_id):
        return [self.record_key(request_id), self.key("rq", "due"), self.key("rq", "audit"), self.key("events"),
                *self._index_keys(request_id)]

    def _index_keys(self, request_id):
        """The audit's time index and the request's trail: the last two KEYS of every script that audits."""
        return [self.key("rq", "audit", "at"), self.trail_key(request_id)]

    def _audit_keys(self, request_id):
        return [self.key("rq", "audit"), *self._index_keys(request_id)]

    # -- writes -----------------------------------------------------------------------------------------

    def create(self, record, event, *, idempotency=None, receipt=False):
        """Store a new request with its due date, audit entry and request.received event in one step; its id.

        With `idempotency` (the caller's key, the request's fingerprint) a request filed again under the same key
        stores nothing and answers the first one's id (the requester keeps one receipt); the same key with other
        fields is a conflict. With `receipt` the request joins the receipts the worker mails (store/receipts.py)."""
        fields = {name: _json(value) if name in _JSON_FIELDS else str(value) for name, value in record.items()
                  if value is not None}
        key, fingerprint = idempotency or ("", "")
        created = self._create(keys=[*self._keys(record["id"])[:4], self.idempotency_key(key),
                                     self.key("rq", "receipts"), *self._index_keys(record["id"])],
                               args=[record["id"], _json(fields), record["due_at"], record["received_at"],
                                     _json(event), fingerprint, IDEMPOTENCY_SECONDS, "1" if receipt else "0"])
        if isinstance(created, str):
            first, stored = created.split(" ", 1)
            if stored != fingerprint:
                raise Conflict("Idempotency-Key was used for another request", "Idempotency-Key",
                               code="idempotency_key_reused")
            return first
        if not created:
            raise Conflict("a request with this id exists", "id")
        return record["id"]

    def idempotency_key(self, key):
        """Where the id filed under a caller's idempotency key is kept (by its SHA-256: any printable text)."""
        return self.key("rq", "idem", hashlib.sha256(key.encode()).hexdigest() if key else "")

    def step(self, request_id, step, moderator, *, now_ms, due_at=None, consult_until=None, event=None):
        """Move an open request to `investigating` or `poster_consulted` (the latter once, with its wait)."""
        result = self._step(keys=self._keys(request_id),
                            args=[request_id, step, moderator, int(now_ms), due_at or "", consult_until or "",
                                  _json(event) if event is not None else ""])
        _check(result, "step", decided="the request is decided", bad_step=f"cannot move to {step} now",
               consulted_already="the poster was consulted already")

    def begin_decision(self, request_id, outcome, moderator, removed, *, now_ms):
        """Hold the request for this decision while its comments change (DECIDING_MS); another decision meanwhile is
        a conflict, and so is one that begins after a decision was recorded."""
        result = self._begin(keys=[self.record_key(request_id)],
                             args=[_json([moderator, outcome, sorted(removed)]), int(now_ms), DECIDING_MS])
        if result[0] == "not_found":
            raise NotFound("no such request", "id")
        if result[0] == "decided":
            raise Conflict("the request was decided meanwhile", "id", code="already_decided")
        if result[0] == "deciding":
            raise Conflict(f"{json.loads(result[1])[0]} is deciding this request", "id", code="being_decided")

    def decide(self, request_id, outcome, moderator, *, now_ms, criterion, reason, removed, event,
               removed_not_held=(), restored_not_held=(), criterion_detail=""):
        """Record the decision; after an appeal only another moderator may decide. Returns (late, days)."""
        result = self._decide(keys=self._keys(request_id),
                              args=[request_id, outcome, moderator, int(now_ms), criterion, reason, _json(removed),
                                    _json(event), _json(list(removed_not_held)), _json(list(restored_not_held)),
                                    criterion_detail])
        if result[0] == "not_found":
            raise NotFound("no such request", "id")
        if result[0] == "decided" and result[1:3] == [moderator, outcome]:  # this decision again: a retry
            return result[3] == "1", float(result[4])
        if result[0] == "decided":
            raise Conflict(f"already decided by {result[1]}", "id", code="already_decided")
        if result[0] == "same_moderator":
            raise Conflict("an appeal is decided by another moderator than the first decision", "moderator",
                           code="second_moderator_required")
        return result[1] == "1", float(result[2])

    def appeal(self, request_id, statement, *, now_ms, due_at, event):
        """The poster's objection reopens a decided request (once)."""
        result = self._appeal(keys=self._keys(request_id),
                              args=[request_id, int(now_ms), int(due_at), statement, _json(event)])
        _check(result, "id", not_decided="the request is not decided yet",
               appealed_already="this decision was appealed already")

    def answer(self, request_id, statement, *, now_ms):
        """The consulted poster's answer, recorded once."""
        result = self._answer(keys=[self.record_key(request_id), *self._audit_keys(request_id)],
                              args=[request_id, int(now_ms), statement])
        _check(result, "id", not_consulted="the poster has not been consulted on this request",
               answered_already="the poster has answered already")

    def alert(self, request_id, kind, *, now_ms, event):
        """Raise the due_soon or overdue alert once; True when raised by this call."""
        return bool(self._alert(keys=[self.record_key(request_id), self.key("rq", "audit"), self.key("events"),
                                      *self._index_keys(request_id)],
                                args=[request_id, kind, int(now_ms), _json(event)]))

    def noted(self, request_id, action, channel, *, now_ms, detail=""):
        """Record that the requester's notice went out (requester_notified) or could not (notice_failed)."""
        self._notice(keys=[self.record_key(request_id), *self._audit_keys(request_id)],
                     args=[request_id, action, channel, int(now_ms), detail[:300]])

    # -- reads ------------------------------------------------------------------------------------------

    def get(self, request_id):
        if not ID_RE.match(request_id or ""):
            return None
        raw = self.redis.hgetall(self.record_key(request_id))
        return self._parse(raw) if raw else None

    @staticmethod
    def _parse(raw):
        for name in _JSON_FIELDS:
            if raw.get(name):
                raw[name] = json.loads(raw[name])
        for name in _INT_FIELDS:
            if raw.get(name):
                raw[name] = int(raw[name])
        return raw

    def open_requests(self, limit=500):
        """Open requests (not decided, or reopened by an appeal), soonest due first."""
        ids = self.redis.zrange(self.key("rq", "due"), 0, limit - 1)
        pipe = self.redis.pipeline(transaction=False)
        for request_id in ids:
            pipe.hgetall(self.record_key(request_id))
        return [self._parse(raw) for raw in pipe.execute() if raw]

    def counts(self, soon_ms):
        """(open requests, those due at or before `soon_ms`) in one round trip: the moderators' navigation badge."""
        pipe = self.redis.pipeline(transaction=False)
        pipe.zcard(self.key("rq", "due"))
        pipe.zcount(self.key("rq", "due"), "-inf", int(soon_ms))
        return tuple(pipe.execute())

    def due_before(self, until_ms, limit=500):
        """Ids of open requests due at or before `until_ms`."""
        return self.redis.zrangebyscore(self.key("rq", "due"), "-inf", int(until_ms), start=0, num=limit)

    def history(self, request_id):
        """The audit entries of one request, oldest first, read through its trail. A request filed before trails
        existed has a trail missing its first steps (or none): those are found once by scanning the audit up to
        the trail's first entry, and put in front of the trail for the next read."""
        ids = self.redis.lrange(self.trail_key(request_id), 0, -1)
        entries = self._read(ids)
        if entries and entries[0]["action"] == "received":  # every request's first step: the trail is whole
            return entries
        older = [e for e in self.audit_entries(until=f"({ids[0]}" if ids else "+") if e["id"] == request_id]
        if older:
            self._prepend(keys=[self.trail_key(request_id)], args=[ids[0] if ids else "", *(e["entry"] for e in older)])
        return older + entries  # the scan stopped before the trail's first entry: no entry twice

    def _read(self, entry_ids, batch=1000):
        """These audit entries, in this order (one pipelined XRANGE each)."""
        out = []
        for at in range(0, len(entry_ids), batch):
            pipe = self.redis.pipeline(transaction=False)
            for entry_id in entry_ids[at:at + batch]:
                pipe.xrange(self.key("rq", "audit"), min=entry_id, max=entry_id)
            found = [entry for entries in pipe.execute() for entry in entries]
            self.audit_entries_read += len(found)
            out += [_entry(entry_id, fields) for entry_id, fields in found]
        return out

    def audit_entries(self, scan=1_000_000, batch=1000, until="+"):
        """Every audit entry of the site (up to the entry id `until`), oldest first (read in batches)."""
        out, cursor = [], "-"
        while len(out) < scan:
            entries = self.redis.xrange(self.key("rq", "audit"), min=cursor, max=until, count=batch)
            if cursor != "-" and entries and entries[0][0] == cursor:
                entries = entries[1:]
            if not entries:
                break
            self.audit_entries_read += len(entries)
            out += [_entry(entry_id, fields) for entry_id, fields in entries]
            cursor = entries[-1][0]
        return out

    def audit_between(self, start_ms, end_ms, batch=1000):
        """The audit entries whose time `at` is in [start_ms, end_ms), oldest first: found in the time index and
        read one by one, so a report reads its period's entries, not every request's since the first."""
        self._index_older_entries()
        return self._read(self.redis.zrangebyscore(self.key("rq", "audit", "at"), int(start_ms), f"({int(end_ms)}"),
                          batch)

    def _index_older_entries(self):
        """Entries written before the time index existed get indexed once (the stream is never trimmed, so it
        holds more entries than the index only until then)."""
        pipe = self.redis.pipeline(transaction=False)
        pipe.xlen(self.key("rq", "audit"))
        pipe.zcard(self.key("rq", "audit", "at"))
        streamed, indexed = pipe.execute()
        if streamed > indexed:
            for entry in self.audit_entries():
                self.redis.zadd(self.key("rq", "audit", "at"), {entry["entry"]: entry["at"]})


def _entry(entry_id, fields):
    return {"entry": entry_id, **fields, "at": int(fields.get("at") or 0)}


def get_requests(site):
    """The RemovalRequests of a site, built once per app."""
    from flask import current_app

    from moderation.store import connection, replica_wait

    stores = current_app.extensions.setdefault("moderation.removal_requests", {})
    if site not in stores:
        redis, prefix = connection()
        stores[site] = RemovalRequests(redis, site, prefix=prefix, replicas=replica_wait())
    return stores[site]
