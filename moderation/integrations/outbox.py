"""The webhook outbox: `python -m moderation worker` drains each site's events stream to the site's webhook.

This module sends (signed HTTP POSTs to a checked, pinned address) and decides when to retry; the Redis
bookkeeping is store/outbox.py's (consumer group ``outbox``, at-least-once: an entry is acknowledged only
once it was delivered or handed to the retry schedule in the same MULTI). Attempts back off exponentially
(base * 2^n, capped) for at least WEBHOOK_RETRY_FOR seconds (24 h by default), then the event goes to the
dead-letter list. Entries a crashed worker left unacknowledged are taken over with XAUTOCLAIM.

The event id ``<site>:<stream entry id>`` is stable across retries: receivers de-duplicate on it.
"""

import http.client
import json
import logging
import os
import random
import socket
import ssl
import threading
import time
from urllib.parse import urlsplit

from moderation import settings
from moderation.integrations.webhooks import (
    SIGNATURE_HEADER,
    WebhookConfigError,
    allow_private,
    check_url,
    sign,
)
from moderation.store import RedisClusterError, RedisError, connection
from moderation.store.keys import DEFAULT_PREFIX
from moderation.store.outbox import GROUP, OutboxStore, get_outbox_store
from moderation.times import iso

log = logging.getLogger(__name__)

__all__ = ["GROUP", "Outbox", "event_body", "outboxes", "post_json", "run_worker", "stats", "webhook_stats"]

USER_AGENT = "moderation-webhooks/1"
# Seconds between the worker's checks of the removal requests' deadlines (due_soon and overdue alerts).
DEADLINE_CHECK_SECONDS = 60.0


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


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """HTTP to an address checked beforehand; the Host header still names the webhook's host."""

    def __init__(self, host, port, *, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to an address checked beforehand, with certificate and SNI for the webhook's host name."""

    def __init__(self, host, port, *, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


class _Deadline:
    """Shuts a delivery's socket down when its total time is up: a socket timeout restarts with every byte,
    so a receiver trickling its answer would otherwise hold the worker (and every other site) for hours."""

    def __init__(self, connection, seconds):
        self.connection, self.expired = connection, False
        self.timer = threading.Timer(seconds, self._expire)
        self.timer.daemon = True

    def _expire(self):
        self.expired = True
        sock = self.connection.sock
        if sock is not None:
            try:  # the plain socket's shutdown (under TLS too): a blocked read returns at once
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            except OSError:
                pass


def post_json(url, body, headers, *, timeout, allow_private_targets=False):
    """POST to a checked, pinned address (no proxies, no redirects followed); returns the HTTP status.
    Connecting, sending and reading the answer (status, headers, at most 64 KiB of body) take `timeout`
    seconds in total, the host's DNS lookup included, else TimeoutError."""
    started = time.monotonic()
    address = check_url(url, allow_private_targets=allow_private_targets, timeout=timeout)
    left = timeout - (time.monotonic() - started)
    if left <= 0:
        raise TimeoutError(f"no complete answer within {timeout:g} s")
    parts = urlsplit(url)
    https = parts.scheme == "https"
    connection_class = _PinnedHTTPSConnection if https else _PinnedHTTPConnection
    connection = connection_class(parts.hostname, parts.port or (443 if https else 80), address=address,
                                  timeout=left)
    deadline = _Deadline(connection, left)
    deadline.timer.start()
    try:
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read(65536)
        status = response.status
    except (OSError, http.client.HTTPException) as exc:
        if deadline.expired:
            raise TimeoutError(f"no complete answer within {timeout:g} s") from exc
        raise
    finally:
        deadline.timer.cancel()
        connection.close()
    if deadline.expired:  # the shut socket read as the end of the answer: it came too slowly
        raise TimeoutError(f"no complete answer within {timeout:g} s")
    return status


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
        self.resume = False  # set after a Redis error: the next pass re-reads what this consumer left pending
        self._next_claim = 0.0

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
        if now_ms - job["first_attempt_at"] >= self.retry_for * 1000:
            self.store.failed(job, error, now_ms, entry_id=entry_id)
            log.error("webhook %s: event %s dead-lettered after %d attempts: %s", self.site, job["entry"],
                      job["attempts"], error)
            return
        retry_at = now_ms + int(self._delay(job["attempts"]) * 1000)
        self.store.failed(job, error, now_ms, retry_at_ms=retry_at, entry_id=entry_id)
        log.warning("webhook %s: event %s attempt %d failed: %s", self.site, job["entry"], job["attempts"], error)

    # -- the three sources of work ------------------------------------------------------------------------

    def _handle_entries(self, entries):
        done = 0
        for entry_id, fields in entries:
            if fields is None:  # trimmed from the stream while pending: nothing left to send
                self.store.ack(entry_id)
                continue
            event = event_body(self.site, entry_id, fields)
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
        for event_id, raw in self.store.take_due(int(time.time() * 1000), lease_ms, limit):
            if not raw:
                self.store.forget(event_id)
                continue
            job = json.loads(raw)
            job["attempts"] += 1
            error = self.deliver(job["event"], job["attempts"])
            now_ms = int(time.time() * 1000)
            if error is None:
                self.store.delivered(now_ms, event_id=event_id)
            else:
                self._failed(job, error, now_ms)
            done += 1
        return done

    def run_once(self, block_ms=None):
        """One pass: abandoned entries (now and then), due retries, then new events. Returns work done."""
        done = 0
        if self.resume:  # a Redis error cut the last pass short: what we read then is still ours, unacknowledged
            done += self._handle_entries(self.store.read_own_pending(self.consumer, 1000))
            self.resume = False
        if time.monotonic() >= self._next_claim:
            self._next_claim = time.monotonic() + max(self.claim_idle_ms / 2000, 1.0)
            done += self.process_abandoned()
        done += self.process_retries()
        done += self.process_new(block_ms=block_ms)
        return done


def report(store, configured=None):
    """Deliveries and failures of one site's webhook, for `queue stats` and the admin page."""
    raw = store.stats()
    counters = raw["counters"]
    return {
        "configured": configured, "delivered": int(counters.get("delivered", 0)),
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


def outboxes(app, redis=None, sites=None):
    """One Outbox per site with a webhook; a URL refused by the SSRF guard is logged (and fails to deliver).
    Without `redis`, the app's client (called inside its app context)."""
    config = settings.of(app)
    if redis is None:
        redis = connection()[0]
    hooks = app.extensions["moderation.webhooks"]
    private_ok = allow_private(config)
    out = []
    for site, hook in sorted(hooks.items()):
        if sites and site not in sites:
            continue
        try:
            check_url(hook["url"], allow_private_targets=private_ok, timeout=config.webhook_timeout)
        except (WebhookConfigError, TimeoutError) as exc:
            log.error("webhook for site %s refused: %s", site, exc)
        out.append(Outbox(
            redis, site, hook["url"], hook["secret"], prefix=config.redis_prefix,
            allow_private_targets=private_ok, timeout=config.webhook_timeout, retry_base=config.webhook_retry_base,
            retry_max_delay=config.webhook_retry_max_delay, retry_for=config.webhook_retry_for,
        ))
    return out


def _one_pass(box, stop):
    try:
        return box.run_once()
    except (RedisError, RedisClusterError) as exc:  # failing over: retried after a pause
        log.warning("outbox worker: redis error for site %s: %s", box.site, exc)
        box.resume = True
        stop.wait(1.0)
        return 0


def _drain(box, stop, poll_interval):
    """One site's deliveries, in a thread of its own: a slow or dead receiver delays only its own site's
    events (each delivery waits up to WEBHOOK_TIMEOUT, and one site can have thousands queued)."""
    while not stop.is_set():
        if not _one_pass(box, stop):
            stop.wait(poll_interval)


def _each_minute(app, boxes):
    check_deadlines(app, [box.site for box in boxes])  # removal requests' due_soon / overdue become events
    keep_report_days(app, settings.of(app).api_keys.sites)


def run_worker(app, *, sites=None, once=False, stop=None, poll_interval=0.5):
    """Drain every configured site, each in its own thread, until `stop` is set (or one pass of each site in
    turn with `once`); Redis errors are retried."""
    stop = stop or threading.Event()
    with app.app_context():
        boxes = outboxes(app, sites=sites)
    if not boxes:
        log.warning("no webhooks configured (MODERATION_WEBHOOKS): the worker has nothing to deliver")
    for box in boxes:
        log.info("outbox worker: site %s -> %s", box.site, urlsplit(box.url).netloc)
    if once:
        _each_minute(app, boxes)
        for box in boxes:
            _one_pass(box, stop)
        return
    threads = [threading.Thread(target=_drain, args=(box, stop, poll_interval), name=f"outbox-{box.site}",
                                daemon=True) for box in boxes]
    for thread in threads:
        thread.start()
    try:
        while not stop.is_set():
            _each_minute(app, boxes)
            stop.wait(DEADLINE_CHECK_SECONDS)
    finally:  # Ctrl-C or stop: each site finishes the delivery in hand (at most WEBHOOK_TIMEOUT)
        stop.set()
        for thread in threads:
            thread.join()


def check_deadlines(app, sites):
    """Raise the removal requests' deadline alerts of these sites (each once); a Redis error waits a round."""
    from moderation.rights.process import check_deadlines as check_site

    with app.app_context():
        for site in sites:
            try:
                check_site(site)
            except (RedisError, RedisClusterError) as exc:
                log.warning("outbox worker: removal request deadlines of site %s not checked: %s", site, exc)


def keep_report_days(app, sites):
    """Count the transparency report's finished days not kept yet (a month per site per round), so a public
    report seldom reads the audit stream for a past day itself; a Redis error waits a round."""
    from moderation.rights.transparency import keep_finished_days

    with app.app_context():
        for site in sites:
            try:
                keep_finished_days(site, int(time.time() * 1000))
            except (RedisError, RedisClusterError) as exc:
                log.warning("outbox worker: transparency days of site %s not counted: %s", site, exc)


def init_app(app):
    """The webhooks this process delivers to: MODERATION_WEBHOOKS (parsed at start-up), plus the demo's own."""
    app.extensions["moderation.webhooks"] = dict(settings.of(app).webhooks)
