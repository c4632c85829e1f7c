"""The webhook outbox: `python -m moderation worker` drains each site's events stream to the site's webhook.

This module signs each event and decides when to retry (delivery.py POSTs it to a checked, pinned address);
the Redis bookkeeping is store/outbox.py's (consumer group ``outbox``, at-least-once: an entry is acknowledged
only once it was delivered or handed to the retry schedule in the same MULTI). Attempts back off exponentially
(base * 2^n, capped) for at least WEBHOOK_RETRY_FOR seconds (24 h by default), then the event goes to the
dead-letter list. Entries a crashed worker left unacknowledged are taken over with XAUTOCLAIM.

The event id ``<site>:<stream entry id>`` is stable across retries: receivers de-duplicate on it. One POST is
delivery.py's; the worker's loop over the sites is outbox_worker.py's.
"""

import http.client
import json
import logging
import os
import random
import socket
import time
from urllib.parse import urlsplit

from moderation import settings
from moderation.integrations.delivery import USER_AGENT, post_json
from moderation.integrations.webhooks import (
    SIGNATURE_HEADER,
    WebhookConfigError,
    sign,
)
from moderation.store.keys import DEFAULT_PREFIX
from moderation.store.outbox import GROUP, OutboxStore, get_outbox_store
from moderation.times import iso

log = logging.getLogger(__name__)

# A delivering worker records that it is at work at most this often; `queue stats` (another process, which may not
# have the webhook in its own settings, as with `make run`'s demo) counts it as delivering for LIVE_SECONDS after.
BEAT_SECONDS = 15.0
LIVE_SECONDS = 60.0

__all__ = ["GROUP", "Outbox", "event_body", "init_app", "stats", "webhook_stats"]


def event_body(site, entry_id, fields):
    """The JSON event a site receives for one stream entry."""
    reason, labels = fields.get("reason") or None, []
    if fields.get("type") in ("comment.queued", "comment.rejected_automatically") and reason:
        try:
            labels, reason = json.loads(reason), None
        except ValueError:
            pass
    at = fields.get("at") or entry_id.split("-")[0]
    data = {"comment_id": fields.get("id"), "status": fields.get("status"), "by": fields.get("by") or None,
            "reason": reason, "labels": labels}
    if (fields.get("type") or "").startswith(("request.", "article.", "author.")):  # the payload is in `data`
        data = {"status": fields.get("status"), "by": fields.get("by") or None}
    else:  # a comment's: its harm category probabilities and the model that gave them (empty for old entries)
        data["categories"] = json.loads(fields["categories"]) if fields.get("categories") else {}
        data["model_version"] = fields.get("model_version") or None
    if fields.get("data"):
        data.update(json.loads(fields["data"]))
    if fields.get("message"):  # the moderator's optional message to the commenter, for the site to show them
        data["message"] = fields["message"]
    return {"id": f"{site}:{entry_id}", "type": fields.get("type"), "site": site, "created_at": iso(at),
            "data": data}


class Outbox:
    """One site's outbox: new events, due retries and abandoned deliveries, each step atomic in Redis."""

    def __init__(self, redis, site, url, secret, *, prefix=DEFAULT_PREFIX, allow_private_targets=False, timeout=5.0,
                 retry_base=2.0, retry_max_delay=3600.0, retry_for=86400.0, consumer=None, claim_idle=60.0):
        self.store = OutboxStore(redis, site, prefix)
        self.site, self.url, self.secret = site, url, secret
        self.allow_private_targets = allow_private_targets
        self.timeout = float(timeout)
        self.retry_base, self.retry_max_delay, self.retry_for = float(retry_base), float(retry_max_delay), \
            float(retry_for)
        self.consumer = consumer or f"{socket.gethostname()}-{os.getpid()}"
        self.claim_idle_ms = int(claim_idle * 1000)
        self._next_claim = self._next_beat = 0.0
        self._target = _host_port(url)

    def _beat(self):
        if time.monotonic() >= self._next_beat:
            self._next_beat = time.monotonic() + BEAT_SECONDS
            self.store.beat(int(time.time() * 1000), self._target)

    # -- delivery ---------------------------------------------------------------------------------------

    def deliver(self, event, attempt):
        """POST one event; returns None on a 2xx answer, else the reason it failed. Never raises."""
        body = json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode()
        headers = {
            "Content-Type": "application/json", "User-Agent": USER_AGENT,
            SIGNATURE_HEADER: sign(self.secret, body), "X-Moderation-Event": event["type"],
            "X-Moderation-Event-Id": event["id"], "X-Moderation-Attempt": str(attempt),
        }
        try:
            status = post_json(self.url, body, headers, timeout=self.timeout,
                               allow_private_targets=self.allow_private_targets)
        except WebhookConfigError as exc:
            return f"refused: {exc}"
        except (OSError, http.client.HTTPException, ValueError) as exc:
            return f"{type(exc).__name__}: {exc}"[:300]
        return None if 200 <= status < 300 else f"HTTP {status}"

    def _delay(self, attempts):
        base = min(self.retry_base * 2 ** max(attempts - 1, 0), self.retry_max_delay)
        return base * random.uniform(0.8, 1.2)  # noqa: S311 - jitter, not security

    def _failed(self, job, error, now_ms, entry_id=None):
        """Schedule the next attempt, or dead-letter the event once it has been retried long enough."""
        leased = None if entry_id else self.consumer  # a retry: this worker's lease on it ends
        if now_ms - job["first_attempt_at"] >= self.retry_for * 1000:
            self.store.failed(job, error, now_ms, entry_id=entry_id, consumer=leased)
            log.error("webhook %s: event %s dead-lettered after %d attempts: %s", self.site, job["entry"],
                      job["attempts"], error)
            return
        retry_at = now_ms + int(self._delay(job["attempts"]) * 1000)
        self.store.failed(job, error, now_ms, retry_at_ms=retry_at, entry_id=entry_id, consumer=leased)
        log.warning("webhook %s: event %s attempt %d failed: %s", self.site, job["entry"], job["attempts"], error)

    # -- the three sources of work ------------------------------------------------------------------------

    def _handle_entries(self, entries):
        done = 0
        for entry_id, fields in entries:
            if fields is None:  # trimmed from the stream while pending: nothing left to send
                self.store.ack(entry_id)
                continue
            event = event_body(self.site, entry_id, fields)
            self._beat()
            error = self.deliver(event, 1)
            now_ms = int(time.time() * 1000)
            if error is None:
                self.store.delivered(now_ms, entry_id=entry_id)
            else:
                job = {"entry": entry_id, "event": event, "attempts": 1, "first_attempt_at": now_ms}
                self._failed(job, error, now_ms, entry_id=entry_id)
            done += 1
        return done

    def process_new(self, count=50, block_ms=None):
        """Deliver events nobody has read yet."""
        return self._handle_entries(self.store.read_new(self.consumer, count, block_ms))

    def process_abandoned(self, count=50):
        """Take over entries another (crashed) worker read but never acknowledged."""
        return self._handle_entries(self.store.claim_abandoned(self.consumer, self.claim_idle_ms, count))

    def process_retries(self, limit=50):
        """Re-send events whose next attempt is due."""
        lease_ms = int((self.timeout + 30) * 1000)
        done = 0
        for event_id, raw in self.store.take_due(int(time.time() * 1000), lease_ms, limit, self.consumer):
            if not raw:
                self.store.forget(event_id)
                continue
            job = json.loads(raw)
            job["attempts"] += 1
            self._beat()
            error = self.deliver(job["event"], job["attempts"])
            now_ms = int(time.time() * 1000)
            if error is None:
                self.store.delivered(now_ms, event_id=event_id, consumer=self.consumer)
            else:
                self._failed(job, error, now_ms)
            done += 1
        return done

    def run_once(self, block_ms=None):
        """One pass: what this consumer read and never finished, abandoned entries (now and then), due retries, then
        new events. Returns work done."""
        self._beat()
        # Ours and unacknowledged: a Redis error cut a pass short, or a read's answer was lost (a timeout, a master
        # killed) and the client's retry read again: the first read's entries are ours, else XAUTOCLAIM's in 60-90 s.
        unfinished = self.store.read_own_pending(self.consumer, 1000)
        if unfinished:
            log.warning("webhook %s: %d events this worker read and never finished, sent now", self.site,
                        len(unfinished))
        done = self._handle_entries(unfinished)
        if time.monotonic() >= self._next_claim:
            self._next_claim = time.monotonic() + max(self.claim_idle_ms / 2000, 1.0)
            done += self.process_abandoned()
        done += self.process_retries()
        done += self.process_new(block_ms=block_ms)
        return done


def _host_port(url):
    """'host:port' of a webhook URL for the reports (never its userinfo, path or query)."""
    parts = urlsplit(url)
    try:
        port = parts.port or {"https": 443}.get(parts.scheme, 80)
    except ValueError:  # a malformed port: the delivery fails and says why; the report names the host
        port = "?"
    host = parts.hostname or ""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def report(store, configured=None, now_ms=None):
    """Deliveries and failures of one site's webhook, for `queue stats` and the admin page. `configured`: this
    process's settings name the site's webhook, or a worker delivering for it was at work in the last LIVE_SECONDS."""
    raw = store.stats()
    counters = raw["counters"]
    seen = int(counters["worker_seen_at"]) if counters.get("worker_seen_at") else None
    now_ms = int(time.time() * 1000) if now_ms is None else now_ms
    live = seen is not None and now_ms - seen <= LIVE_SECONDS * 1000
    return {
        "configured": bool(configured or live),
        "worker": {"seen_at": iso(seen), "target": counters.get("worker_target"), "live": live} if seen else None,
        "delivered": int(counters.get("delivered", 0)),
        "failed_attempts": int(counters.get("failed", 0)), "dead_lettered": int(counters.get("dead", 0)),
        "retrying": raw["retrying"], "dead_letter_list": raw["dead_letter_list"], "in_flight": raw["in_flight"],
        "undelivered": raw["undelivered"],
        "last_delivered_at": iso(counters["last_delivered_at"]) if counters.get("last_delivered_at") else None,
        "last_error": counters.get("last_error"),
        "last_error_at": iso(counters["last_error_at"]) if counters.get("last_error_at") else None,
    }


def stats(redis, site, *, prefix=DEFAULT_PREFIX, configured=None):
    """report() of a site's outbox on this client and prefix."""
    return report(OutboxStore(redis, site, prefix), configured)


def webhook_stats(site):
    """report() for the current app: what the admin page shows beside the queue counters."""
    from flask import current_app

    configured = site in current_app.extensions.get("moderation.webhooks", {})
    return report(get_outbox_store(site), configured)


def init_app(app):
    """The webhooks this process delivers to: MODERATION_WEBHOOKS (parsed at start-up), plus the demo's own."""
    app.extensions["moderation.webhooks"] = dict(settings.of(app).webhooks)
