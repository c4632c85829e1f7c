"""ReviewQueue: comment records and the moderators' queue for one site, every change one Lua script."""

import functools
import json
import time
from typing import NamedTuple

from flask import current_app
from redis.exceptions import NoScriptError, ResponseError

from moderation.errors import AlreadyDecided, ClaimedByOther, Conflict, NotFound
from moderation.store import RedisError
from moderation.store import review_queue_scripts as scripts
from moderation.store.articles import Articles
from moderation.store.author_standing import AuthorStanding
from moderation.store.client import describe, evalsha, evalsha_many, run_on_master, run_one
from moderation.store.keys import KeySpace
from moderation.store.records import JSON_FIELDS, decode, encode, encode_bytes, risk_rank, score_bucket
from moderation.store.training_labels import RETENTION

STATUS = {"allow": "published", "review": "pending", "reject": "rejected"}
_JSON_FIELDS = frozenset(JSON_FIELDS)


@functools.lru_cache(maxsize=4)
def _day(day_index):
    """YYYYMMDD of a UTC day (days since the epoch): the day's histogram key, worked out once a day, not per comment."""
    return time.strftime("%Y%m%d", time.gmtime(day_index * 86_400))


class Limited(NamedTuple):
    """SUBMIT's answer when a rate-limit counter went over: which one (1-based) and ms left in its window."""

    position: int
    left_ms: int


def _ascii_lower(text):
    """Lower-case ASCII letters only, as Lua's string.lower does, so the page's filter and the script's agree."""
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class ReviewQueue:
    """The review queue of one site: atomic submit, claim with a lease, decide once, audit every step."""

    audit_entries_read = 0  # audit entries this object read (audit_batches)

    def __init__(self, redis, site, *, prefix="mod:", lease_seconds=300, record_ttl_days=90, published_ttl_days=30,
                 min_replicas=0, wait_ms=1000, breaker=None, standing=None, now_ms=None):
        self.redis = redis
        self.articles = Articles(redis, site, prefix, breaker)
        self.standing = AuthorStanding(redis, site, prefix, standing)
        self.now_ms = now_ms or (lambda: int(time.time() * 1000))
        self.min_replicas, self.wait_ms = int(min_replicas), int(wait_ms)
        self.site = site
        self.keys = KeySpace(prefix)
        self._base = self.keys.site(site)  # the site's key prefix, its name checked once here
        # SUBMIT's keys that do not depend on the comment, in its KEYS order (built per comment, they were a
        # tenth of the client's packing)
        self._submit_fixed = [self.key(*parts) for parts in (("ready",), ("ready", "age"), ("open",), ("audit",),
                                                               ("stats",))]
        self._events, self._recent = self.key("events"), self.key("recent")
        self.lease_ms = int(lease_seconds * 1000)
        self.record_ttl = int(record_ttl_days * 86400)
        self.published_ttl = int(published_ttl_days * 86400)
        self._submit = redis.register_script(scripts.submit_script(self.submit_constants()))
        self._claim = redis.register_script(scripts.CLAIM)
        self._release = redis.register_script(scripts.RELEASE)
        self._release_held = redis.register_script(scripts.RELEASE_HELD)
        self._decide = redis.register_script(scripts.DECIDE)
        self._reopen = redis.register_script(scripts.REOPEN)
        self._report = redis.register_script(scripts.REPORT)
        self._remove = redis.register_script(scripts.REMOVE)

    def key(self, *parts):
        return ":".join([self._base, *parts]) if parts else self._base

    def label_keys(self):
        """The labels stream's texts and their last use (training_labels.LabelStore owns their layout)."""
        return [self.key("labels", "texts"), self.key("labels", "seen")]

    def record_key(self, comment_id):
        return f"{self._base}:c:{comment_id}"

    def author_key(self, author_id):
        """The author's history; without an author id a placeholder of the same slot that is never written."""
        return f"{self._base}:author:{author_id or ''}"

    def held_key(self, moderator):
        """A moderator's claims; for nobody a placeholder of the same slot that is never written."""
        return self.key("held", moderator or "")

    def _write(self, script, keys, args):
        """A write script; with MODERATION_REDIS_MIN_REPLICAS, acknowledged only once replicas have it too."""
        if self.min_replicas:
            return run_one(self.redis, keys[0], lambda pipe: script(keys=keys, args=args, client=pipe),
                           replicas=self.min_replicas, timeout_ms=self.wait_ms)
        return script(keys=keys, args=args)

    def authored_key(self, author_id):
        """An author's latest comment ids; without an author id a placeholder of the same slot, never written."""
        return f"{self._base}:authored:{author_id or ''}"

    # -- writes -----------------------------------------------------------------------------------------

    def _submit_call(self, record, queued, charge):
        """SUBMIT's keys and arguments for one comment (the site's settings are in its script). Every argument is text:
        hiredis packs a str in half the time of an int or a float, into the same bytes; the record's JSON stays
        the bytes orjson wrote."""
        fields = {name: encode(value) if name in _JSON_FIELDS else str(value)
                  for name, value in record.items() if value is not None}
        received = record["received_at"]
        day = _day(received // 86_400_000)
        buckets = [f"{label}:{score_bucket(p)}" for label, p in sorted(record["scores"].items())]
        author_id = record.get("author_id")
        keys = [self.record_key(record["id"]), *self._submit_fixed, self.author_key(author_id), self._events,
                f"{self._base}:hist:{day}", self.authored_key(author_id), self._recent,
                *self.articles.submit_keys(record["article_id"]), *self.standing.submit_keys(author_id)]
        args = [record["id"], "1" if queued else "0", str(risk_rank(record["risk"], received)), str(received),
                record["decision"], fields["labels"], encode_bytes(fields), encode(buckets), "1" if author_id else "0",
                str(self.now_ms()), record["article_id"],
                self.standing.strike_points(record["decision"], record["labels"])]
        if charge is not None:
            keys += charge.keys
            args += charge.args
        return keys, args

    def submit_constants(self):
        """The site's settings as Lua constants of its own SUBMIT script (record ttls, breaker, standing): as
        arguments they were 15 of a comment's 33, each parsed and converted again at every comment."""
        return (f"local TTL_PUBLISHED, TTL_RECORD = {self.published_ttl}, {self.record_ttl}\n"
                + self.articles.submit_constants() + self.standing.submit_constants())

    @staticmethod
    def _answer(result, record):
        """(created, stored sha256) or Limited; a created record gets the decision the script settled on (an
        article's or an author's rule may have overridden the model's), its reason and the article's mode."""
        if isinstance(result, Exception):
            return result
        if result[0] == -1:
            return Limited(int(result[1]), int(result[2]))
        if result[0] == 1 and len(result) > 2:
            decision, reason = result[2], result[3] or None
            if reason:
                record.update(decision=decision, decision_reason=reason, status=STATUS[decision])
            record["article_mode"] = result[4]
            if result[5]:
                record["author_standing"] = result[5]
        return bool(result[0]), result[1]

    def submit(self, record, *, queued, charge=None):
        """Count the comment's rate limits (a rate_limits.Charge), then store it, and queue it when flagged, in
        one step; returns (created, stored sha256), or Limited when a counter went over its limit. The record
        dict is updated with the decision the script settled on (see _answer)."""
        keys, args = self._submit_call(record, queued, charge)
        if record["decision"] != "allow" and self.min_replicas:
            return self._answer(self._write(self._submit, keys, args), record)
        answer = self._answer(evalsha(self.redis, self._submit, keys, args), record)  # without a replica wait
        if self.min_replicas and record["decision"] != "allow" and not isinstance(answer, Exception | Limited):
            # held or rejected by the article's or author's rule: acknowledged only once replicas have it (WAIT on
            # any connection to the master covers every earlier write in its replication stream)
            run_one(self.redis, keys[0], lambda pipe: pipe.exists(keys[0]), replicas=self.min_replicas,
                    timeout_ms=self.wait_ms)
        return answer

    def submit_many(self, items):
        """submit() for many (record, queued, charge) in one round trip; an exception in place of a failed one.

        One round trip to the site's master (every key of a site is in one slot): straight off the process's held
        connection on a plain client (client.evalsha_many), else a pipeline (with min_replicas, one WAIT after the
        batch). A script the server does not know yet is loaded by the pipeline; one it forgets in between is sent
        again one comment at a time.
        """
        if not items:
            return []
        calls = [self._submit_call(record, queued, charge) for record, queued, charge in items]

        def queue(pipe):
            for keys, args in calls:
                self._submit(keys=keys, args=args, client=pipe)

        results = None if self.min_replicas else evalsha_many(self.redis, self._submit, calls)
        if results is None:
            results = run_on_master(self.redis, calls[0][0][0], queue, replicas=self.min_replicas,
                                    timeout_ms=self.wait_ms)
        return [self._one(*item) if isinstance(result, NoScriptError) else self._answer(result, item[0])
                for item, result in zip(items, results, strict=True)]

    def _one(self, record, queued, charge):
        try:
            return self.submit(record, queued=queued, charge=charge)
        except RedisError as error:
            return error

    def claim(self, moderator, n=10, *, order="risk", label="", article_id="", scan=2000):
        """Lease up to n items to a moderator (their live claims first); expired leases return first.

        Reads what to claim first (expired leases and their holders, the moderator's claims, candidates that
        match the filters within `scan` of the index), then one script re-checks and claims them with every key
        declared; another moderator taking the same candidates meanwhile costs one more round.
        """
        index = self.key("ready") if order == "risk" else self.key("ready", "age")
        for _ in range(4):
            pipe = self.redis.pipeline(transaction=False)
            pipe.zrangebyscore(self.key("claims"), "-inf", int(time.time() * 1000), start=0, num=100)
            pipe.zrange(self.held_key(moderator), 0, n - 1)
            expired, held = pipe.execute()
            holders = [holder or "" for holder in self._field(expired, "claimed_by")]
            candidates = self._candidates(index, 2 * (n - len(held)), label, article_id, scan) if len(held) < n else []
            ids = self._claim(
                keys=[self.key("ready"), self.key("ready", "age"), self.key("claims"), self.key("audit"),
                      self.held_key(moderator), *map(self.record_key, held), *map(self.record_key, expired),
                      *map(self.held_key, holders), *map(self.record_key, candidates)],
                args=[moderator, n, self.lease_ms, label or "", article_id or "", len(held), len(expired),
                      len(candidates), *held, *expired, *holders, *candidates],
            )
            if len(ids) >= n or (not expired and len(ids) >= len(held) + len(candidates)):
                break  # enough, or nothing came back to the queue and no one raced us for the candidates
        return [c for c in (self.get(i) for i in ids) if c is not None]

    def _field(self, ids, name):
        pipe = self.redis.pipeline(transaction=False)
        for comment_id in ids:
            pipe.hget(self.record_key(comment_id), name)
        return pipe.execute() if ids else []

    def _candidates(self, index, want, label, article_id, scan, page=200):
        """Up to `want` ids from the head of the index whose labels and article match, looking at most `scan`.

        The article filter is an article id prefix or part of the title (case-insensitive for ASCII, as the
        claim script checks it again)."""
        if not label and not article_id:
            return self.redis.zrange(index, 0, min(want, scan) - 1)
        out = []
        for start in range(0, scan, page):
            ids = self.redis.zrange(index, start, min(start + page, scan) - 1)
            pipe = self.redis.pipeline(transaction=False)
            for comment_id in ids:
                pipe.hmget(self.record_key(comment_id), "labels", "article_id", "article_title")
            for comment_id, (labels, article, title) in zip(ids, pipe.execute() if ids else [], strict=True):
                if (not label or f'"{label}"' in (labels or "")) and (
                        not article_id or (article or "").startswith(article_id)
                        or _ascii_lower(article_id) in _ascii_lower(title or "")):
                    out.append(comment_id)
                    if len(out) >= want:
                        return out
            if len(ids) < page:
                break
        return out

    def release(self, comment_id, moderator, *, force=False, reason=""):
        """Skip: give a claimed item back to the queue (force: an admin releasing someone else's claim)."""
        for _ in range(5):  # the claim changed hands between our read and the script: read again
            holder = (self.redis.hget(self.record_key(comment_id), "claimed_by") or "") if force else moderator
            result = self._release(
                keys=[self.record_key(comment_id), self.key("ready"), self.key("ready", "age"), self.key("claims"),
                      self.key("audit"), self.held_key(holder)],
                args=[comment_id, moderator, "1" if force else "0", reason, holder],
            )
            if result != "retry":
                break
        if result == "not_found":
            raise NotFound("no such comment", "id")
        if result == "not_held":
            raise Conflict("this comment is not claimed by you", "id", code="not_claimed")

    def release_held(self, moderator, reason="away"):
        """Every claim a moderator holds goes back to the queue (tab closed, idle, logged out); returns how many."""
        ids = self.redis.zrange(self.held_key(moderator), 0, -1)
        if not ids:
            return 0
        return int(self._release_held(
            keys=[self.held_key(moderator), self.key("ready"), self.key("ready", "age"), self.key("claims"),
                  self.key("audit"), *map(self.record_key, ids)],
            args=[moderator, reason, *ids],
        ))

    def decide(self, comment_id, action, moderator, reason="", *, category=False, message=""):
        """Approve or reject once; a second decision is a conflict, never an overwrite.

        A reject reason becomes a label of that name; `category` says it is a harm category (also abuse)."""
        outcome = {"approve": "approved", "reject": "rejected"}.get(action)
        if outcome is None:
            raise Conflict(f"unknown action {action!r}", "action", code="invalid_action", status=400)
        for _ in range(5):  # the claim changed hands between our read and the script: read again
            record = self.get(comment_id) or {}
            holder = record.get("claimed_by") or ""
            result = self._write(self._decide, [
                self.record_key(comment_id), self.key("ready"), self.key("ready", "age"), self.key("claims"),
                self.key("open"), self.key("audit"), self.key("stats"), self.author_key(record.get("author_id")),
                self.key("events"), self.key("labels"), self.held_key(holder), *self.label_keys(),
                *self.standing.submit_keys(record.get("author_id")),
            ], [comment_id, outcome, moderator, reason or "", self.record_ttl, holder,
                "1" if record.get("author_id") else "0", "1" if category else "0", message or "", RETENTION,
                *self.standing.submit_args(self.standing.weight([reason] if reason else [])), self.now_ms()])
            if result[0] != "retry":
                break
        status = result[0]
        if status == "already_decided" and result[1:3] == [moderator, outcome]:
            return self.get(comment_id)  # our own decision, answered again after a retried write
        if status == "not_found":
            raise NotFound("no such comment", "id")
        if status == "already_decided":
            raise AlreadyDecided(f"already {result[2]} by {result[1]}", "id", by=result[1], outcome=result[2])
        if status == "claimed_by_other":
            raise ClaimedByOther(f"claimed by {result[1]}", "id", by=result[1])
        if status == "not_queued":
            raise Conflict("this comment is not in the review queue", "id", code="not_queued")
        return self.get(comment_id)

    def undo(self, comment_id, moderator, window_seconds=10):
        """Take back one's own decision within the window; the item returns claimed by the same moderator."""
        return self._back_to_queue(comment_id, moderator, "undo", window_seconds, "")

    def reopen(self, comment_id, admin, reason=""):
        """An admin puts a decided comment back on the queue."""
        return self._back_to_queue(comment_id, admin, "reopen", 0, reason)

    def _back_to_queue(self, comment_id, moderator, mode, window_seconds, reason):
        record = self.get(comment_id) or {}
        result = self._write(self._reopen, [
            self.record_key(comment_id), self.key("ready"), self.key("ready", "age"), self.key("claims"),
            self.key("open"), self.key("audit"), self.key("stats"), self.author_key(record.get("author_id")),
            self.held_key(moderator), self.key("events"), self.key("labels"),
            self.standing.strikes_key(record.get("author_id")), self.standing.standing_key(record.get("author_id")),
        ], [comment_id, moderator, mode, int(window_seconds * 1000), self.lease_ms, reason or "",
            "1" if record.get("author_id") else "0", RETENTION])
        if result == "not_found":
            raise NotFound("no such comment", "id")
        if result == "not_decided":
            raise Conflict("this comment has not been decided", "id", code="not_decided")
        if result == "too_late":
            raise Conflict("only your own decision, within the undo window", "id", code="undo_expired")
        return self.get(comment_id)

    def report(self, comment_id, reason, reporter="", min_reports=1):
        """Record a reader's report; returns "queued" when it sent a published comment to review."""
        record = self.get(comment_id)
        if record is None:
            raise NotFound("no such comment", "id")
        result = self._report(
            keys=[self.record_key(comment_id), self.key("ready"), self.key("ready", "age"), self.key("open"),
                  self.key("audit"), self.key("stats"), self.key("labels"), self.key("reported"), *self.label_keys()],
            args=[comment_id, reason, reporter or "", min_reports, risk_rank(record["risk"], record["received_at"]),
                  RETENTION],
        )
        if result == "not_found":
            raise NotFound("no such comment", "id")
        return result

    def remove(self, comment_id, moderator, reason, *, now_ms, rank=0, data=None):
        """Reject a published or pending comment at once (a rights request); False when already rejected."""
        for _ in range(5):  # a claim taken or released between the read and the script: read again
            record = self.get(comment_id)
            if record is None:
                raise NotFound("no such comment", "id")
            claimer, author_id = record.get("claimed_by") or "", record.get("author_id") or ""
            result = self._remove(
                keys=[self.record_key(comment_id), self.key("ready"), self.key("ready", "age"), self.key("claims"),
                      self.key("open"), self.key("audit"), self.key("stats"), self.key("author", author_id),
                      self.key("events"), self.key("held", claimer)],
                args=[comment_id, moderator, reason, int(now_ms), self.record_ttl, claimer,
                      "1" if author_id else "0", json.dumps(data or {}, ensure_ascii=False), rank],
            )
            if result[0] != "claim_changed":
                break
        if result[0] == "not_found":
            raise NotFound("no such comment", "id")
        return result[0] == "ok"

    # -- reads ------------------------------------------------------------------------------------------

    def get(self, comment_id):
        """The comment's record as a dict, or None."""
        raw = self.redis.hgetall(self.record_key(comment_id))
        if not raw:
            return None
        return decode(raw)

    def audit_between(self, start_ms, end_ms, batch=5000):
        """Audit entries whose stream ids (server time, ms) fall in [start_ms, end_ms), oldest first."""
        return [{"entry": entry_id, **fields} for entries in self.audit_batches(start_ms, end_ms, batch)
                for entry_id, fields in entries]

    def audit_batches(self, start_ms, end_ms, batch=5000):
        """The (id, fields) audit entries of [start_ms, end_ms) in batches, oldest first, counted in
        `audit_entries_read` (the transparency report's test checks a summarised day is not read again)."""
        cursor = str(int(start_ms))
        while True:
            entries = self.redis.xrange(self.key("audit"), min=cursor, max=f"({int(end_ms)}", count=batch)
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

    def received_on(self, days):
        """Comments received on each UTC day (YYYYMMDD), from the day's score histogram (kept 40 days)."""
        pipe = self.redis.pipeline(transaction=False)
        for day in days:
            pipe.hgetall(self.key("hist", day))
        counts = []
        for histogram in pipe.execute():
            labels = sorted({field.partition(":")[0] for field in histogram})
            first = labels[0] if labels else None
            counts.append(sum(int(n) for field, n in histogram.items() if field.partition(":")[0] == first))
        return counts

    def author_history(self, author_id):
        raw = self.redis.hgetall(self.author_key(author_id)) if author_id else {}
        return {name: int(raw.get(name, 0)) for name in ("submitted", "approved", "rejected")}

    def stats(self):
        """Open items per label, pending and claimed counts, age of the oldest open item and totals."""
        pipe = self.redis.pipeline(transaction=False)
        pipe.hgetall(self.key("stats"))
        pipe.zcard(self.key("open"))
        pipe.zcard(self.key("ready"))
        pipe.zcard(self.key("claims"))
        pipe.zrange(self.key("open"), 0, 0, withscores=True)
        pipe.zrange(self.key("claims"), 0, 0, withscores=True)
        counters, open_count, ready, claimed, oldest, first_lease = pipe.execute()
        sec, usec = self.redis.time()  # not in the pipeline: a Cluster sends TIME to any node, keyless
        now_ms = sec * 1000 + usec // 1000
        return {
            "open": open_count,
            "ready": ready,
            "claimed": claimed,
            "by_label": {k.split(":", 1)[1]: int(v) for k, v in counters.items() if k.startswith("open:")},
            "oldest_age_seconds": round((now_ms - oldest[0][1]) / 1000, 1) if oldest else 0,
            "next_return_seconds": max(0, round((first_lease[0][1] - now_ms) / 1000)) if first_lease else None,
            "counters": {k: int(v) for k, v in counters.items() if not k.startswith("open:")},
        }

    def server(self):
        """Which node holds this site's slot, and its server name and version."""
        return describe(self.redis, self.key("stats"))

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

    def leases(self, limit=200):
        """Who holds what: [{id, by, until (ms), text (first 120 characters)}], soonest expiry first."""
        held = self.redis.zrange(self.key("claims"), 0, limit - 1, withscores=True)
        pipe = self.redis.pipeline(transaction=False)
        for comment_id, _ in held:
            pipe.hmget(self.record_key(comment_id), "claimed_by", "text")
        return [{"id": comment_id, "by": by or "", "until": int(until), "text": (text or "")[:120]}
                for (comment_id, until), (by, text) in zip(held, pipe.execute(), strict=True)]

    _SUMMARY = ("id", "text", "status", "outcome", "reason", "decided_by", "author_id", "author_name", "article_id",
                "article_title", "received_at", "reports", "last_report", "queue_state", "decision", "decision_reason")

    def summaries(self, ids):
        """Short views of many comments in one round trip (text cut to 300 characters); missing ones left out."""
        ids = list(ids)
        pipe = self.redis.pipeline(transaction=False)
        for comment_id in ids:
            pipe.hmget(self.record_key(comment_id), *self._SUMMARY)
        out = []
        for values in pipe.execute():
            if values[0] is None:
                continue
            row = dict(zip(self._SUMMARY, values, strict=True))
            row["text"] = (row["text"] or "")[:300]
            row["received_at"] = int(row["received_at"] or 0)
            row["reports"] = int(row["reports"] or 0)
            out.append(row)
        return out

    def authored(self, author_id, count=20):
        """An author's latest comments, newest first."""
        if not author_id:
            return []
        return self.summaries(self.redis.lrange(self.authored_key(author_id), 0, count - 1))

    def reported(self, count=100):
        """Comments readers reported, latest report first."""
        return self.summaries(self.redis.zrevrange(self.key("reported"), 0, count - 1))

    def search(self, query, limit=50, window=5000, chunk=500):
        """A comment id, an author id, or a text fragment in the latest `window` comments (one pass, linear)."""
        query = (query or "").strip()
        if not query:
            return []
        found = self.summaries([query]) + self.authored(query, limit)
        seen = {row["id"] for row in found}
        folded = query.casefold()
        for start in range(0, window, chunk):
            ids = self.redis.lrange(self.key("recent"), start, start + chunk - 1)
            pipe = self.redis.pipeline(transaction=False)
            for comment_id in ids:
                pipe.hget(self.record_key(comment_id), "text")
            hits = [i for i, text in zip(ids, pipe.execute(), strict=True)
                    if text and i not in seen and folded in text.casefold()]
            found += self.summaries(hits[:limit - len(found)])
            if len(found) >= limit or len(ids) < chunk:
                break
        return found[:limit]

    def states(self, ids):
        """{id: {"state", "text" (first 120 characters)}} for many comments in one round trip."""
        ids = sorted(ids)
        pipe = self.redis.pipeline(transaction=False)
        for comment_id in ids:
            pipe.hmget(self.record_key(comment_id), "queue_state", "text")
        return {i: {"state": s or "", "text": (t or "")[:120]} for i, (s, t) in zip(ids, pipe.execute(), strict=True)}

    def peek(self, comment_id):
        """The text (first 120 characters), article and author of a record, without reading the rest."""
        text, article, author = self.redis.hmget(self.record_key(comment_id), "text", "article_id", "author_id")
        return {"text": (text or "")[:120], "article_id": article or "", "author_id": author or ""}


def _stream_ms(entry_id):
    return int(str(entry_id).partition("-")[0])


def get_queue(site):
    """The ReviewQueue of a site, built once per app from its configuration (then one dictionary lookup: this
    runs twice for every comment)."""
    queues = current_app.extensions.get("moderation.queues")
    queue = queues.get(site) if queues is not None else None
    return queue if queue is not None else _build_queue(site)


def _build_queue(site):
    from moderation import settings
    from moderation.store.client import get_redis
    from moderation.times import app_now_ms

    queues = current_app.extensions.setdefault("moderation.queues", {})
    if site not in queues:
        config = settings.get()
        queues[site] = ReviewQueue(
            get_redis(), site, prefix=config.redis_prefix, lease_seconds=config.lease_seconds,
            record_ttl_days=config.record_ttl_days, published_ttl_days=config.published_ttl_days,
            min_replicas=config.redis_min_replicas, wait_ms=int(config.redis_timeout * 500),
            breaker=config.article_breaker, standing=config.author_standing, now_ms=app_now_ms,
        )
    return queues[site]
