"""Read deadlines: a connection still sending its body when the request's time is up is shut for reading.

A socket timeout restarts with every byte received, so a client trickling one byte a second kept a worker
for as long as it liked. One watchdog thread per process shuts the read side of a socket whose deadline
passed; the blocked read then ends at once and the request is answered 408 (the write side stays open).
"""

import os
import socket
import threading
import time

TICK = 0.1  # seconds between the watchdog's looks: a deadline is enforced within this much


class Watchdog:
    """Deadlines of the sockets being read in this process; started lazily, again after a fork."""

    def __init__(self):
        self._due = {}
        self._lock = threading.Lock()
        self._started = False  # in this process: a forked child starts its own thread (no os.getpid() per body)
        os.register_at_fork(after_in_child=self._forked)

    def add(self, sock, deadline):
        """Shut `sock` for reading if it is still watched at `deadline` (time.monotonic()); discard() ends it.
        Two plain calls, not a context manager: this runs on every request body (about 1 µs instead of 2)."""
        if not self._started:
            self._start()
        with self._lock:
            self._due[sock] = deadline

    def discard(self, sock):
        with self._lock:
            self._due.pop(sock, None)

    def _forked(self):
        self._lock = threading.Lock()  # the parent's may have been held by another thread at the fork
        self._due = {}  # a forked worker does not inherit the master's thread
        self._started = False

    def _start(self):
        with self._lock:
            if not self._started:
                threading.Thread(target=self._run, name="read-deadlines", daemon=True).start()
                self._started = True

    def _run(self):
        while True:
            time.sleep(TICK)
            now = time.monotonic()
            with self._lock:
                late = [sock for sock, due in self._due.items() if due <= now]
                for sock in late:
                    del self._due[sock]
            for sock in late:
                try:
                    sock.shutdown(socket.SHUT_RD)
                except OSError:
                    pass  # already closed


watchdog = Watchdog()
