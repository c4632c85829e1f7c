"""A worker's answered comments (the fast path's, api/fast_path.py): each one's series and access line kept as ONE
item and written a batch at a time (ops/batches.py), both up to 50 ms after the answer, as each alone would be.

Counted and logged one after the other, each into its own batch, they still cost a comment ~15 µs of worker CPU at
the request (session 36, per-request pairs: two calls, a dictionary and a tuple made, two locks taken); one item
kept here costs a few, and the batch makes the series and the lines together, its caches warm. Only where both would
wait for a batch anyway (a worker's own metric files, the line going straight to the JSON stderr handler:
ops/logs._direct_handler); elsewhere the fast path counts and logs as the Flask hooks do. A log line of the process
writes these first (ops/logs.StderrHandler), and a scrape does too (ops/request_counter.flush).
"""

import logging
import time

from moderation.ops import logs
from moderation.ops.batches import Batch


class AnsweredRequests:
    """ready() and add() for each answered request; written through the request counter and the access lines."""

    def __init__(self, counter, requests):
        self.counter, self.requests = counter, requests
        self.batch = Batch(self.write, name="answered")
        logs.FLUSH_FIRST.add(self.batch)
        counter.feeders.append(self.batch)

    def ready(self):
        """Whether this request's series and line can wait for the batch, asked each request (the logging set-up may
        change; a forked worker makes its counter's state its own)."""
        return (self.counter.deferred() and self.requests.with_access_log
                and logs.access_log.isEnabledFor(logging.INFO) and logs._direct_handler() is not None)

    def add(self, state, route, method, status, remote):
        """Keep one answered request (`state`: g's dict, read when the batch is written); its request id."""
        request_id = state.get("request_id") or logs.new_request_id()
        self.batch.add((state, route, method, status, time.perf_counter(), remote, time.time(), request_id))
        self.counter.gauge()
        return request_id

    def write_while_waiting(self):
        """The kept items written now when half a batch or more is kept: called while the worker waits for SUBMIT's
        reply (api/fast_path.py), so the write a later request would pay in its own time (~4 µs an item) fills that
        wait (~100-170 µs) instead. Half, not all: 16 items fit a wait at ~4.2 µs an item (32: ~4.0 µs, ~130 µs)."""
        self.batch.flush_from(self.batch.size // 2)

    def write(self, items):
        self.series(items)
        self.lines(items)

    def series(self, items):
        self.counter.write(items)  # it reads (state, route, method, status, answered at) of each

    def lines(self, items):
        lines = [(now, logs.request_fields(state, request_id, method, route, route, status, ended, remote))
                 for state, route, method, status, ended, remote, now, request_id in items]
        handler = logs._direct_handler()
        if handler is None:  # the logging set-up changed meanwhile: through logging, as write_access would
            for _now, fields in lines:
                logs.access_log.info("request", extra=fields)
        else:
            logs.ACCESS_LINES.write_now(handler, lines)
