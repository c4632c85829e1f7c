"""ReviewQueue: comment records and the moderators' queue for one site, every change one Lua script.

The class is composed of its parts' modules here: submissions (SUBMIT), claims, decisions, the audit
trail's reads and the other reads; the Lua lives in the *_lua modules beside them.
"""

import time

from flask import current_app

from moderation.settings import extensions
from moderation.store.append_only import AppendOnly
from moderation.store.articles import Articles
from moderation.store.author_standing import AuthorStanding
from moderation.store.function_library import Library
from moderation.store.keys import KeySpace
from moderation.store.master_pipeline import Replicas
from moderation.store.records import DOC_FIELDS, decode
from moderation.store.review_queue import claim_lua, decide_lua, report_lua, submit_lua
from moderation.store.review_queue.audit_trail import AuditTrail
from moderation.store.review_queue.claims import Claims
from moderation.store.review_queue.decisions import Decisions
from moderation.store.review_queue.reads import QueueReads
from moderation.store.review_queue.submissions import Submissions


class ReviewQueue(Submissions, Claims, Decisions, AuditTrail, QueueReads):
    """The review queue of one site: atomic submit, claim with a lease, decide once, audit every step."""

    def __init__(self, redis, site, *, prefix="mod:", lease_seconds=300, record_ttl_days=90, published_ttl_days=30,
                 min_replicas=0, wait_ms=1000, breaker=None, standing=None, now_ms=None, record_doc=True):
        self.redis = redis
        # the fields SUBMIT writes into the record's `doc`; none while an earlier release, which reads only fields of
        # their own, still serves (MODERATION_RECORD_DOC=0 during a rolling upgrade)
        self.doc_fields = DOC_FIELDS if record_doc else frozenset()
        # a submit's audit entry in its event (one XADD; AuditTrail reads both streams); in the audit stream, where an
        # earlier release reads it, while one serves (the same setting)
        self.audit_in_events = bool(record_doc)
        # the day's score histogram: one field a comment, its labels' buckets joined ("abuse:12|spam:3": one HINCRBY
        # and no JSON to decode, 4% of an allowed SUBMIT's Valkey instructions, 3-4% of a held one's, session 39); one
        # field a label, as an earlier release reads them, while one serves (the same setting: reads.received_on and
        # score_history read both)
        self.hist_joined = bool(record_doc)
        # a comment never queued has no queue_state (SUBMIT writes 2 arguments fewer: 1% of an allowed comment's Valkey
        # instructions, session 43; the scripts tell a record is there by its status); an empty one, which releases
        # before session 43 read as the record being there, while one serves (the same setting)
        self.state_when_queued = bool(record_doc)
        self.min_replicas, self.wait_ms = int(min_replicas), int(wait_ms)
        replicas = Replicas(self.min_replicas, self.wait_ms)
        self.articles = Articles(redis, site, prefix, breaker, replicas)
        self.standing = AuthorStanding(redis, site, prefix, standing, replicas)
        self.now_ms = now_ms or (lambda: int(time.time() * 1000))
        self.site = site
        self._modes = {}  # article id -> its mode in this process's last SUBMIT reply for it, while not open
        self.keys = KeySpace(prefix)
        self._base = self.keys.site(site)  # the site's key prefix, its name checked once here
        self._events, self._recent = self.key("events"), self.key("recent")
        self.lease_ms = int(lease_seconds * 1000)
        self.record_ttl = int(record_ttl_days * 86400)
        self.published_ttl = int(published_ttl_days * 86400)
        # SUBMIT and SUBMIT_MANY: functions of the site's library (its settings' constants in its chunk), loaded once a
        # server, not a script's chunk run again at every comment
        library = Library(redis, *submit_lua.submit_library(self.submit_constants()))
        self._submit, self._submit_many = library.functions["submit"], library.functions["many"]
        self.append_only = AppendOnly(redis, replicas)
        # answered once in the append-only file and, with min_replicas, on replicas (SUBMIT reports its pending
        # fsync by itself); a lost claim would let another moderator take the card its holder is reading
        self._claim = self.append_only.script(claim_lua.CLAIM)
        self._release = self.append_only.script(claim_lua.RELEASE)
        self._release_held = self.append_only.script(claim_lua.RELEASE_HELD)
        self._decide = self.append_only.script(decide_lua.DECIDE)
        self._reopen = self.append_only.script(decide_lua.REOPEN)
        self._report = self.append_only.script(report_lua.REPORT)
        self._remove = self.append_only.script(report_lua.REMOVE)
        # no wait of its own: the request's CREATE (or APPEAL) that follows on the same server is confirmed, and its
        # confirmation covers every earlier write (a 503 here would come before the request is stored, or not at all)
        self._keep = redis.register_script(report_lua.KEEP)

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

    def authored_key(self, author_id):
        """An author's latest comment ids; without an author id a placeholder of the same slot, never written."""
        return f"{self._base}:authored:{author_id or ''}"

    def get(self, comment_id):
        """The comment's record as a dict, or None."""
        raw = self.redis.hgetall(self.record_key(comment_id))
        if not raw:
            return None
        return decode(raw)


def get_queue(site):
    """The ReviewQueue of a site, built once per app from its configuration (then one dictionary lookup, once
    for every comment)."""
    queues = extensions().get("moderation.queues")
    queue = queues.get(site) if queues is not None else None
    return queue if queue is not None else _build_queue(site)


def _build_queue(site):
    from moderation import settings
    from moderation.store.client import get_redis
    from moderation.times import clock_ms

    queues = current_app.extensions.setdefault("moderation.queues", {})
    if site not in queues:
        config = settings.get()
        queues[site] = ReviewQueue(
            get_redis(), site, prefix=config.redis_prefix, lease_seconds=config.lease_seconds,
            record_ttl_days=config.record_ttl_days, published_ttl_days=config.published_ttl_days,
            min_replicas=config.redis_min_replicas, wait_ms=int(config.redis_timeout * 500),
            breaker=config.article_breaker, standing=config.author_standing, now_ms=clock_ms(current_app.extensions),
            record_doc=config.record_doc,
        )
    return queues[site]
