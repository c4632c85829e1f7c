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
  moderation_model_info{version}                               1 per version a live worker serves
  moderation_queue_depth{site,label}                           open (undecided) items per label
  moderation_queue_open{site}, moderation_queue_claimed{site}  open items, items under a moderator's lease
  moderation_queue_oldest_age_seconds{site}                    age of the oldest open item
  moderation_callback_backlog{site}                            events not yet delivered to the site's webhook
  moderation_callback_dead_letters{site}                       events that exhausted their retries
  moderation_redis_up                                          1 when Redis answered the scrape
"""

import hmac
import logging
import os
import time

from flask import Response, current_app, g, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily

from moderation import settings
from moderation.store import RedisError
from moderation.store.outbox import get_outbox_store
from moderation.store.review_queue import get_queue

log = logging.getLogger(__name__)

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12)

REQUESTS = Counter("moderation_http_requests", "HTTP requests answered, by route, method and status",
                   ["route", "method", "status"])
LATENCY = Histogram("moderation_http_request_duration_seconds", "Time to answer a request, by route",
                    ["route", "method"], buckets=LATENCY_BUCKETS)
DECISIONS = Counter("moderation_decisions", "Policy decisions on scored comments, by label and action",
                    ["label", "action"])
MODEL = Gauge("moderation_model_info", "Model version served by at least one live worker", ["version"],
              multiprocess_mode="livemax")


# The API's answers that carry a decision: one comment, or a batch of them.
_DECISION_ROUTES = {("POST", "/api/v1/comments"): False, ("POST", "/api/v1/comments:batch"): True}


def count_decisions(response, batch):
    """Count the decisions an API answer carries, by label ("none" for an allowed comment) and action."""
    body = response.get_json(silent=True) or {}
    for item in body.get("results", []) if batch else (body,):
        decision = item.get("decision")
        if decision:
            for label in item.get("labels") or ("none",):
                DECISIONS.labels(label, decision).inc()


def _model_version(app):
    manager = app.extensions.get("moderation.models")
    return getattr(getattr(manager, "active", None), "version", None)


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
        up = GaugeMetricFamily("moderation_redis_up", "1 when Redis answered this scrape")
        ok = 1
        with self.app.app_context():
            try:
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
            except RedisError as error:
                log.warning("metrics: redis unavailable during scrape: %s", error.__class__.__name__)
                ok = 0
        up.add_metric([], ok)
        yield from (depth, open_, claimed, oldest, backlog, dead, up) if ok else (up,)


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
    if not token:
        return Response("metrics are off: set MODERATION_METRICS_TOKEN\n", status=404, mimetype="text/plain")
    if not _authorized(token):
        return Response("a bearer token is required\n", status=401, mimetype="text/plain",
                        headers={"WWW-Authenticate": 'Bearer realm="metrics"'})
    return Response(generate_latest(scrape_registry(current_app._get_current_object())),
                    mimetype=CONTENT_TYPE_LATEST)


def init_app(app):
    """/metrics, the request counters and histograms, decisions counted from the API's answers."""
    app.add_url_rule("/metrics", "metrics", metrics_view, methods=["GET"])
    reported = {}

    def start_timer():
        g.metrics_started = time.perf_counter()
        version, pid = _model_version(app), os.getpid()
        if version and reported.get(pid) != version:  # once per worker, and again when its model changes
            if pid in reported:
                MODEL.labels(reported[pid]).set(0)
            MODEL.labels(version).set(1)
            reported[pid] = version

    def observe(response):
        started = g.get("metrics_started")
        rule = request.url_rule
        route = rule.rule if rule else "<unmatched>"
        REQUESTS.labels(route, request.method, str(response.status_code)).inc()
        batch = _DECISION_ROUTES.get((request.method, route))
        if batch is not None and response.status_code == 200:
            count_decisions(response, batch)
        if started is not None:
            LATENCY.labels(route, request.method).observe(time.perf_counter() - started)
        return response

    app.before_request_funcs.setdefault(None, []).insert(0, start_timer)
    app.after_request(observe)
