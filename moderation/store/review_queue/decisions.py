"""Decisions on queued comments: decide once, undo, reopen, a reader's report, a rights removal."""

import json

from moderation.errors import AlreadyDecided, ClaimedByOther, Conflict, NotFound
from moderation.store.records import risk_rank
from moderation.store.training_labels import RETENTION


class Decisions:
    """ReviewQueue's decisions: each one script, audited, never an overwrite of another decision."""

    def decide(self, comment_id, action, moderator, reason="", *, category=False, message=""):
        """Approve or reject once; a second decision is a conflict, never an overwrite.

        A reject reason becomes a label of that name; `category` says it is a harm category (also abuse)."""
        outcome = {"approve": "approved", "reject": "rejected"}.get(action)
        if outcome is None:
            raise Conflict(f"unknown action {action!r}", "action", code="invalid_action", status=400)
        for _ in range(5):  # the claim changed hands between our read and the script: read again
            record = self.get(comment_id) or {}
            holder = record.get("claimed_by") or ""
            result = self._decide([
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
        result = self._reopen([
            self.record_key(comment_id), self.key("ready"), self.key("claims"), self.key("open"), self.key("audit"),
            self.key("stats"), self.author_key(record.get("author_id")), self.held_key(moderator), self.key("events"),
            self.key("labels"),
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

    def report(self, comment_id, reason, reporter="", min_reports=1, *, key=None):
        """Record a reader's report; returns "queued" when it sent a published comment to review. A reporter's
        report counts once per comment, and so does an anonymous one sent again under the same idempotency `key`:
        again (a retry) it is answered as the first was."""
        record = self.get(comment_id)
        if record is None:
            raise NotFound("no such comment", "id")
        result = self._report(
            keys=[self.record_key(comment_id), self.key("ready"), self.key("open"),
                  self.key("audit"), self.key("stats"), self.key("labels"), self.key("reported"), *self.label_keys(),
                  self.key("reporters", comment_id)],
            args=[comment_id, reason, reporter or "", min_reports, risk_rank(record["risk"], record["received_at"]),
                  RETENTION, self.record_ttl, f"r:{reporter}" if reporter else f"k:{key}" if key else ""],
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

    def keep(self, comment_ids):
        """Keep these comments' records at least RECORD_TTL_DAYS from now (a rights request names them: they must be
        there to remove when it is decided); a record without an expiry keeps none."""
        if comment_ids:
            self._keep(keys=[self.record_key(c) for c in comment_ids], args=[self.record_ttl * 1000])
