"""The per-request series of an answered request (requests, latency, key uses, decisions, nudges; ops/metrics.py
names them), counted in the worker that answered it."""

import os
import time

from moderation.ops import batches, metric_files
from moderation.ops.metrics import DECISIONS, KEY_USES, LATENCY, MODEL, REQUESTS, count_decisions, count_nudges, series
from moderation.scoring.manager import find_manager

_PID = [os.getpid()]  # this process's id, kept by an at-fork hook: no getpid() system call per request
os.register_at_fork(after_in_child=lambda: _PID.__setitem__(0, os.getpid()))

# Methods counted by name; any other (a client can send any token) is counted as "other", so a scanner
# cannot grow the series without bound.
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


class RequestCounter:
    """One answered request's series; the Flask hook below and the comment fast path (api/fast_path.py) call it. In a
    worker (PROMETHEUS_MULTIPROC_DIR) they are written to its own memory-mapped files (ops/metric_files.py) a batch
    at a time (ops/batches.py: up to 50 ms late; a scrape writes its worker's first): one at a time, in the middle
    of a request, they cost a comment 11.7 µs of worker CPU (session 35); in one process at once."""

    def __init__(self, app):
        self.app = app
        self.shown, self.children, self.decided, self.made_in, self.manager, self.gauged = {}, {}, {}, None, None, None
        self.batch, self.feeders = None, []  # feeders: batches that hand this one their requests (api/answered.py)

    def model_gauge(self, pid):
        """1 for the version this worker serves, 0 for the one before: called when the manager's Serving changes."""
        scorer = getattr(find_manager(self.app), "active", None)
        last = self.shown.get(pid)
        if scorer is None or (last is not None and last[0] is scorer):
            return
        if last is not None and last[1] != scorer.version:
            MODEL.labels(last[1]).set(0)
        MODEL.labels(scorer.version).set(1)
        self.shown[pid] = (scorer, scorer.version)

    def count(self, state, route, method, status):
        """`state` is g's dict: its request_started (ops/logs.py), and what the API left for the decision series (read
        when the batch is written: nothing changes them once the request is answered)."""
        answered = (state, route, method, status, time.perf_counter())
        if self.deferred():
            self.batch.add(answered)
        else:
            self.write((answered,))
        self.gauge()

    def deferred(self):
        """Whether this process writes its series a batch at a time (a worker's own files), its state made for it."""
        if _PID[0] != self.made_in:  # a forked process writes its own files: its own children, its own gauge
            self.children.clear()
            self.decided.clear()
            self.made_in, self.manager, self.gauged = _PID[0], find_manager(self.app), None
            self.batch = (batches.Batch(self.write, name="metrics") if os.environ.get("PROMETHEUS_MULTIPROC_DIR")
                          else None)
        return self.batch is not None

    def gauge(self):
        """The model gauge, when the manager's Serving changed (the model or policies) since the last request."""
        if self.manager is not None and self.manager.serving is not self.gauged:
            self.gauged = self.manager.serving
            self.model_gauge(self.made_in)

    def flush(self):
        """This worker's requests' series written now (a scrape's, before it reads the files)."""
        if self.made_in == _PID[0]:
            for batch in (*self.feeders, self.batch):
                if batch is not None:
                    batch.flush()

    def write(self, answered):
        """Each answered request's counters (one added each: a label twice, twice) and its latency: `answered` holds
        (g's dict, route, method, status, time.perf_counter() at the answer, ...) a request; a comment's request, key
        and decision counters found by one lookup each."""
        pid, children, counts, observed = _PID[0], self.children, {}, []
        for item in answered:
            state, route, method, status = item[0], item[1] or "<unmatched>", item[2], item[3]
            method = method if method in _METHODS else "other"
            key = state.get("key_id")  # set by api_keys.bearer_site or the Akismet endpoints
            site = None if key is None else state["site"]
            found = children.get((route, method, status, site, key))  # (the counters it adds one to, its latency)
            if found is None:
                counters = (series(REQUESTS, route, method, str(status), pid=pid),
                            *(() if key is None else (series(KEY_USES, site, key, pid=pid),)))
                found = children[(route, method, status, site, key)] = (counters, series(LATENCY, route, method,
                                                                                         pid=pid))
            counters, latency = found
            if status == 200:
                decisions = state.get("decisions")
                if decisions and len(decisions) == 1:  # one comment's: its labels' counters
                    decision, labels = decisions[0]
                    labels = (decision, *(labels or ("none",)))
                    if (decided := self.decided.get(labels)) is None:
                        decided = self.decided[labels] = tuple(series(DECISIONS, label, decision, pid=pid)
                                                               for label in labels[1:])
                    counters += decided
                elif decisions:
                    count_decisions(decisions, pid)
                if "checked" in state or "nudged" in state:
                    count_nudges(state.get("checked"), state.get("nudged"))
            for child in counters:
                counts[child] = counts.get(child, 0) + 1
            if (started := state.get("request_started")) is not None:
                observed.append((latency, item[4] - started))
        metric_files.add(counts, observed)
