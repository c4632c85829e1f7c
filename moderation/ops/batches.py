"""Per-request work a worker defers and does a batch at a time, after its requests, with its caches warm.

Done one request at a time, in the middle of a request, bookkeeping that need not happen inside it costs several
times what it costs done SIZE at a time (session 35: an access line 21.5 µs a comment alone, a few µs in a batch).
A Batch keeps its items and hands them to its `write` when SIZE are kept, DELAY seconds after the first of a batch
(a daemon thread of its own), at exit (gunicorn's workers leave by sys.exit, so atexit runs), or when asked (flush).
A forked child drops its parent's items: they are the parent's to write.
"""

import atexit
import os
import threading
import time
import weakref

_ALL = weakref.WeakSet()  # every Batch of this process: flushed at exit, emptied in a forked child


class Batch:
    """Items kept for `write(items)`, called under this batch's lock (so one write at a time, in the order kept)."""

    def __init__(self, write, size=32, delay=0.05, name="batch"):
        self.write, self.size, self.delay, self.name = write, size, delay, name
        self.lock, self.wake = threading.Lock(), threading.Event()
        self.pending, self.thread = [], None
        _ALL.add(self)

    def add(self, item):
        with self.lock:
            pending = self.pending
            pending.append(item)
            if len(pending) >= self.size:
                self._write()
            elif len(pending) == 1:  # the first of a batch: written within DELAY whatever follows
                if self.thread is None:
                    self.thread = threading.Thread(target=self._wait, args=(weakref.ref(self),), name=self.name,
                                                   daemon=True)
                    self.thread.start()
                self.wake.set()

    @staticmethod
    def _wait(ref):
        wake, delay = ref().wake, ref().delay
        while True:
            wake.wait()
            wake.clear()
            time.sleep(delay)
            batch = ref()
            if batch is None:  # its owner (a test's app) is gone
                return
            batch.flush()
            del batch

    def flush(self):
        with self.lock:
            if self.pending:
                self._write()

    def flush_from(self, count):
        """flush() when `count` or more items are kept (a caller with time to spare writes them now, not later)."""
        if len(self.pending) >= count:
            with self.lock:
                if len(self.pending) >= count:
                    self._write()

    def write_all(self, items):
        """`items` written at once, after any kept (a batch made elsewhere)."""
        with self.lock:
            self.pending += items
            self._write()

    def _write(self):
        pending, self.pending = self.pending, []
        self.write(pending)

    def forget(self):
        """In a forked child: no thread came through the fork, and the items kept are the parent's."""
        self.lock, self.wake = threading.Lock(), threading.Event()
        self.pending, self.thread = [], None


def _forget_all():
    for batch in list(_ALL):
        batch.forget()


def _flush_all():
    for batch in list(_ALL):
        batch.flush()


os.register_at_fork(after_in_child=_forget_all)
atexit.register(_flush_all)
