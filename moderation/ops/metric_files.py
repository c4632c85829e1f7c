"""The per-request series' children, written straight into this worker's own file under gunicorn.

prometheus_client's multiprocess value runs about eight Python calls and an os.getpid() system call for every
write (a request makes four), and in the middle of a request, its caches cold, that was 33 of the 57 µs the
metrics hook cost. A worker's requests, latency and decisions series go instead into a file of its own in
PROMETHEUS_MULTIPROC_DIR (``counter_moderation_<pid>.db``, ``histogram_moderation_<pid>.db``) in
prometheus_client's own format, which its MultiProcessCollector sums with every other file at scrape time:
a write is one slice of the memory map under this module's lock. Without PROMETHEUS_MULTIPROC_DIR (one process:
the tests, `flask run`) the children are prometheus_client's own.
"""

import bisect
import os
import struct
import threading

from prometheus_client.mmap_dict import MmapedDict, mmap_key
from prometheus_client.utils import floatToGoString

_TWO_DOUBLES = struct.Struct(b"dd").pack_into  # a sample written in place: its value and a timestamp
# (0.0: none), as prometheus_client writes it (its pack and a slice assignment made a bytes object a write)
_LOCK = threading.Lock()
_FILES = {}  # (pid, "counter" | "histogram") -> MmapedDict of this process


def _file(kind):
    key = (os.getpid(), kind)
    found = _FILES.get(key)
    if found is None:
        found = _FILES[key] = MmapedDict(os.path.join(os.environ["PROMETHEUS_MULTIPROC_DIR"],
                                                      f"{kind}_moderation_{key[0]}.db"))
    return found


def _slot(file, metric_name, name, labels, help_text):
    """[position, value] of one sample in `file`, created at zero (or read back after a restart of the worker)."""
    key = mmap_key(metric_name, name, list(labels), list(labels.values()), help_text)
    value, _ = file.read_value(key)  # adds the key when it is new (the map may grow: file._m is read per write)
    return [file._positions[key], value]


class CounterChild:
    """counter.labels(...).inc() of a prometheus_client Counter, written into this worker's file."""

    def __init__(self, counter, labelvalues):
        with _LOCK:
            self.file = _file("counter")
            self.slot = _slot(self.file, counter._name, counter._name + "_total",
                              dict(zip(counter._labelnames, labelvalues, strict=True)), counter._documentation)

    def inc(self, amount=1):
        slot = self.slot
        with _LOCK:
            slot[1] += amount
            _TWO_DOUBLES(self.file._m, slot[0], slot[1], 0.0)


class HistogramChild:
    """histogram.labels(...).observe(amount): the sum and the first bucket whose bound holds the amount."""

    def __init__(self, histogram, labelvalues):
        labels = dict(zip(histogram._labelnames, labelvalues, strict=True))
        name, help_text = histogram._name, histogram._documentation
        self.bounds = list(histogram._upper_bounds)  # the buckets' upper bounds, +Inf last
        with _LOCK:
            self.file = _file("histogram")
            self.sum = _slot(self.file, name, name + "_sum", labels, help_text)
            self.buckets = [_slot(self.file, name, name + "_bucket", {**labels, "le": floatToGoString(bound)},
                                  help_text) for bound in self.bounds]

    def observe(self, amount):
        total, bucket = self.sum, self.buckets[bisect.bisect_left(self.bounds, amount)]
        with _LOCK:
            memory = self.file._m
            total[1] += amount
            _TWO_DOUBLES(memory, total[0], total[1], 0.0)
            bucket[1] += 1
            _TWO_DOUBLES(memory, bucket[0], bucket[1], 0.0)


def add_one(children, latency=None, amount=None):
    """inc() of each of `children` (one may come twice: counted twice) and latency.observe(amount) unless `amount` is
    None: this worker's own under one taking of the lock (a comment's three or four counters, one at a time, cost 3.4
    µs more of its CPU), prometheus_client's one by one."""
    if type(children[0]) is not CounterChild:  # no PROMETHEUS_MULTIPROC_DIR: prometheus_client's children
        if amount is not None:
            latency.observe(amount)
        for child in children:
            child.inc()
        return
    if amount is not None:
        total, bucket = latency.sum, latency.buckets[bisect.bisect_left(latency.bounds, amount)]
    with _LOCK:
        if amount is not None:
            memory = latency.file._m
            total[1] += amount
            _TWO_DOUBLES(memory, total[0], total[1], 0.0)
            bucket[1] += 1
            _TWO_DOUBLES(memory, bucket[0], bucket[1], 0.0)
        for child in children:
            slot = child.slot
            slot[1] += 1
            _TWO_DOUBLES(child.file._m, slot[0], slot[1], 0.0)


def child(metric, *labelvalues):
    """metric.labels(*labelvalues), in this worker's own file when the metrics are multiprocess (str labels)."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return metric.labels(*labelvalues)
    kind = HistogramChild if metric._type == "histogram" else CounterChild
    return kind(metric, labelvalues)
