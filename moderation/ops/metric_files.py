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


def add(counts, observed):
    """child.inc(n) for each {child: n} of `counts` and latency.observe(amount) for each (latency, amount) of
    `observed` (a batch of requests' series): this worker's own under one taking of the lock, each slot written once."""
    own = [(child, n) for child, n in counts.items() if type(child) is CounterChild]
    for child, n in counts.items():
        if type(child) is not CounterChild:  # no PROMETHEUS_MULTIPROC_DIR (or prometheus_client's own series)
            child.inc(n)
    histograms = {}
    for latency, amount in observed:
        if type(latency) is not HistogramChild:
            latency.observe(amount)
            continue
        added = histograms.get(latency)
        if added is None:
            added = histograms[latency] = [[], {}]
        added[0].append(amount)
        bucket = bisect.bisect_left(latency.bounds, amount)
        added[1][bucket] = added[1].get(bucket, 0) + 1
    with _LOCK:
        for latency, (amounts, buckets) in histograms.items():
            memory, total = latency.file._m, latency.sum
            for amount in amounts:  # one at a time, as observe() adds them: the same sum to the last bit
                total[1] += amount
            _TWO_DOUBLES(memory, total[0], total[1], 0.0)
            for index, n in buckets.items():
                slot = latency.buckets[index]
                slot[1] += n
                _TWO_DOUBLES(memory, slot[0], slot[1], 0.0)
        for child, n in own:
            slot = child.slot
            slot[1] += n
            _TWO_DOUBLES(child.file._m, slot[0], slot[1], 0.0)


def child(metric, *labelvalues):
    """metric.labels(*labelvalues), in this worker's own file when the metrics are multiprocess (str labels)."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return metric.labels(*labelvalues)
    kind = HistogramChild if metric._type == "histogram" else CounterChild
    return kind(metric, labelvalues)
