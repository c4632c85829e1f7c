"""Prometheus metrics at /metrics, for a bearer token (MODERATION_METRICS_TOKEN; empty: /metrics is off).

Per-request series (requests, latency, decisions, model version per worker) are counted in the process
that served the request; under gunicorn, prometheus_client's multiprocess mode adds them up over the
workers (gunicorn.conf.py sets PROMETHEUS_MULTIPROC_DIR before anything imports prometheus_client and
clears a dead worker's files). Queue series are read from Redis at scrape time, so every worker answers
the same figures:

  moderation_http_requests_total{route,method,status}          counter
  moderation_http_request_duration_seconds{route,method}       histogram
  moderation_decisions_total{label,action}                     counter: decisions the scoring API answered
                                                               (label "none" for an allowed comment)
  moderation_comment_checks_total{result}                       comments:check answers: "nudge" or "none"
  moderation_nudged_comments_total{outcome}                    comments posted after a nudge: unchanged, revised
  moderation_model_info{version}                               1 per version a live worker serves
  moderation_model_load_failures_total{version}                pinned versions a worker could not load (SHA-256
                                                               mismatch, missing file): it kept the model it had
  moderation_api_key_requests_total{site,key_id}               requests a site's key opened, by the key's id
                                                               (api/api_keys.py): the old key's stops growing
                                                               once the site has switched to its new one
  moderation_reloads_total{result}                             gunicorn HUPs (by hand, or MODERATION_API_KEYS_FILE
                                                               changed): "applied", or "failed" (the running app
                                                               keeps serving; gunicorn logs why), counted by the master
  moderation_queue_depth{site,label}                           open (undecided) items per label
  moderation_queue_open{site}, moderation_queue_claimed{site}  open items, items under a moderator's lease
  moderation_queue_oldest_age_seconds{site}                    age of the oldest open item
  moderation_callback_backlog{site}                            events not yet delivered to the site's webhook
  moderation_callback_dead_letters{site}                       events that exhausted their retries
  moderation_request_receipts_waiting{site}                    removal requests' receipt mails not yet sent
  moderation_request_receipts_oldest_due_seconds{site}         how long the longest-due one waited (0: none due)
  moderation_request_receipts_worker_seen_seconds{site}        since a worker's receipts thread last passed over
                                                               the site (+Inf: never); alert above 300 with SMTP set
  moderation_redis_up                                          1 when Redis answered the scrape
  moderation_redis_memory_used_bytes, moderation_redis_memory_max_bytes   Redis used_memory and maxmemory
                                                               (0: no limit; alert above 80% of it)
  moderation_redis_persistence_ok                              1 when every node appends to its AOF and its
                                                               last writes to disk succeeded
  moderation_redis_aof_delayed_fsync_total                     AOF writes Redis postponed behind a slow fsync
                                                               (INFO aof_delayed_fsync; alert on any increase)
"""

import hmac
import logging
import os

from flask import Response, current_app, g, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

from moderation import settings
from moderation.errors import NotFound, Unauthorized
from moderation.ops import metric_files
from moderation.rights.receipts import backlog as receipt_backlog
from moderation.store import RedisError
from moderation.store.memory import get_memory
from moderation.store.outbox import get_outbox_store
from moderation.store.persistence import get_persistence
from moderation.store.review_queue import get_queue

log = logging.getLogger(__name__)

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12)

REQUESTS = Counter("moderation_http_requests", "HTTP requests answered, by route, method and status",
                   ["route", "method", "status"])
LATENCY = Histogram("moderation_http_request_duration_seconds", "Time to answer a request, by route",
                    ["route", "method"], buckets=LATENCY_BUCKETS)
DECISIONS = Counter("moderation_decisions", "Policy decisions on scored comments, by label and action",
                    ["label", "action"])
CHECKS = Counter("moderation_comment_checks", "comments:check answers, by whether they carried a nudge", ["result"])
NUDGED = Counter("moderation_nudged_comments", "Comments posted after a nudge: the checked text unchanged or revised",
                 ["outcome"])
KEY_USES = Counter("moderation_api_key_requests", "Requests a site's API key opened, by site and key id",
                   ["site", "key_id"])
RELOADS = Counter("moderation_reloads", "gunicorn HUPs the master applied or failed to apply", ["result"])
MODEL = Gauge("moderation_model_info", "Model version served by at least one live worker", ["version"],
              multiprocess_mode="livemax")
MODEL_LOAD_FAILURES = Counter("moderation_model_load_failures",
                              "Pinned versions a worker could not load (it kept serving the model it had)", ["version"])


_CHILDREN = {}  # (metric, label values) -> child: labels() takes a lock and builds a key each time
_CHILDREN_PID = [None]  # the process they were made in: a forked child makes its own (its own files)


def series(metric, *labelvalues, pid=None):
    """The child of `metric` for these label values (str), made once per process (metric_files.child)."""
    pid = os.getpid() if pid is None else pid
    if pid != _CHILDREN_PID[0]:
        _CHILDREN.clear()
        _CHILDREN_PID[0] = pid
    key = (metric, labelvalues)
    found = _CHILDREN.get(key)
    if found is None:
        found = _CHILDREN[key] = metric_files.child(metric, *labelvalues)
    return found


def count_decisions(answers, pid=None):
    """Count the decisions the API answered (one comment, or a batch's items), by label ("none" for an
    allowed comment) and action; the API leaves them in g.decisions, so no answer is parsed again."""
    counts = {}  # a batch's hundred answers: one write per (label, action), not one per comment
    for decision, labels in answers:
        for label in labels or ("none",):
            counts[label, decision] = counts.get((label, decision), 0) + 1
    for (label, decision), n in counts.items():
        series(DECISIONS, label, decision, pid=pid).inc(n)


def count_nudges(checked, nudged):
    """A comments:check answer, and comments posted after a nudge (the API leaves both in g's attributes)."""
    if checked:
        CHECKS.labels(checked).inc()
    for outcome in nudged or ():
        if outcome:
            NUDGED.labels(outcome).inc()


class QueueCollector:
    """Queue depth, oldest age and callback backlog of every site, read from Redis when scraped."""

    def __init__(self, app):
        self.app = app

    def collect(self):
        depth = GaugeMetricFamily("moderation_queue_depth", "Open review items by label", labels=["site", "label"])
        open_ = GaugeMetricFamily("moderation_queue_open", "Open (undecided) review items", labels=["site"])
        claimed = GaugeMetricFamily("moderation_queue_claimed", "Review items under a lease", labels=["site"])
        oldest = GaugeMetricFamily("moderation_queue_oldest_age_seconds", "Age of the oldest open item",
                                   labels=["site"])
        backlog = GaugeMetricFamily("moderation_callback_backlog", "Status-change events not yet delivered",
                                    labels=["site"])
        dead = GaugeMetricFamily("moderation_callback_dead_letters", "Events that exhausted their retries",
                                 labels=["site"])
        receipts = GaugeMetricFamily("moderation_request_receipts_waiting",
                                     "Removal requests' receipt mails not yet sent", labels=["site"])
        receipts_due = GaugeMetricFamily("moderation_request_receipts_oldest_due_seconds",
                                         "How long the longest-due receipt mail has waited for a worker (0: none due)",
                                         labels=["site"])
        receipts_seen = GaugeMetricFamily("moderation_request_receipts_worker_seen_seconds",
                                          "Seconds since a worker's receipts thread last passed over the site (+Inf: "
                                          "never)", labels=["site"])
        up = GaugeMetricFamily("moderation_redis_up", "1 when Redis answered this scrape")
        used = GaugeMetricFamily("moderation_redis_memory_used_bytes", "Redis used_memory (the fullest node)")
        limit = GaugeMetricFamily("moderation_redis_memory_max_bytes", "Redis maxmemory (0: no limit)")
        kept = GaugeMetricFamily("moderation_redis_persistence_ok",
                                 "1 when every node appends to its AOF and its last writes to disk succeeded")
        delayed = CounterMetricFamily("moderation_redis_aof_delayed_fsync",
                                      "AOF writes Redis postponed behind a slow fsync (INFO aof_delayed_fsync)")
        ok = 1
        with self.app.app_context():
            try:
                memory = get_memory().read()
                used.add_metric([], memory["used_bytes"])
                limit.add_metric([], memory["max_bytes"])
                persistence = get_persistence().read()
                kept.add_metric([], int(persistence["aof_enabled"] and persistence["write_ok"]))
                delayed.add_metric([], persistence["delayed_fsyncs"])
                for site in settings.of(self.app).api_keys.sites:
                    queue = get_queue(site)
                    stats = queue.stats()
                    for label, count in sorted(stats["by_label"].items()):
                        depth.add_metric([site, label], count)
                    open_.add_metric([site], stats["open"])
                    claimed.add_metric([site], stats["claimed"])
                    oldest.add_metric([site], stats["oldest_age_seconds"])
                    outbox = get_outbox_store(site)
                    backlog.add_metric([site], outbox.backlog())
                    dead.add_metric([site], outbox.dead_letters())
                    waiting = receipt_backlog(site)
                    receipts.add_metric([site], waiting["waiting"])
                    receipts_due.add_metric([site], waiting["oldest_due_seconds"])
                    seen = waiting["worker_seen_seconds"]
                    receipts_seen.add_metric([site], float("inf") if seen is None else seen)
            except RedisError as error:
                log.warning("metrics: redis unavailable during scrape: %s", error.__class__.__name__)
                ok = 0
        up.add_metric([], ok)
        families = (depth, open_, claimed, oldest, backlog, dead, receipts, receipts_due, receipts_seen, used, limit,
                    kept, delayed)
        yield from (*families, up) if ok else (up,)


class _ProcessCollector:
    """The per-request series of this process (single-process mode)."""

    def collect(self):
        from prometheus_client import REGISTRY

        return REGISTRY.collect()


def scrape_registry(app):
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(_ProcessCollector())
    registry.register(QueueCollector(app))
    return registry


def _authorized(token):
    header = request.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


def metrics_view():
    token = settings.get().metrics_token
    if not token:  # the API's JSON errors, as every machine endpoint's
        raise NotFound("metrics are off: set MODERATION_METRICS_TOKEN")
    if not _authorized(token):
        raise Unauthorized("a bearer token is required: Authorization: Bearer <MODERATION_METRICS_TOKEN>",
                           "Authorization", headers={"WWW-Authenticate": 'Bearer realm="metrics"'})
    app = current_app._get_current_object()
    app.extensions["moderation.request_counter"].flush()
    return Response(generate_latest(scrape_registry(app)),
                    mimetype=CONTENT_TYPE_LATEST)


def init_app(app):
    """/metrics, the request counters and histograms, decisions counted from what the API answered."""
    from moderation.ops.request_counter import RequestCounter  # which imports this module's series

    app.add_url_rule("/metrics", "metrics", metrics_view, methods=["GET"])
    counter = app.extensions["moderation.request_counter"] = RequestCounter(app)

    def observe(response):
        req = request._get_current_object()
        rule = req.url_rule
        counter.count(g._get_current_object().__dict__, rule.rule if rule else None, req.method, response.status_code)
        return response

    app.after_request(observe)
