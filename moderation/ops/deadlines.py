"""Read deadlines: a connection still sending its body when the request's time is up is shut for reading.

A socket timeout restarts with every byte received, so a client trickling one byte a second kept a worker
for as long as it liked. One watchdog thread per process shuts the read side of a socket whose deadline
passed; the blocked read then ends at once and the request is answered 408 (the write side stays open).
"""

import os
import socket
import threading
import time
from contextlib import contextmanager

TICK = 0.1  # seconds between the watchdog's looks: a deadline is enforced within this much


class Watchdog:
    """Deadlines of the sockets being read in this process; started lazily, again after a fork."""

    def __init__(self):
        self._due = {}
        self._lock = threading.Lock()
        self._pid = None

    @contextmanager
    def watch(self, sock, deadline):
        """Shut `sock` for reading if the block is still running at `deadline` (time.monotonic())."""
        if sock is None:
            yield
            return
        if self._pid != os.getpid():
            self._start()
        with self._lock:
            self._due[sock] = deadline
        try:
            yield
        finally:
            with self._lock:
                self._due.pop(sock, None)

    def _start(self):
        with self._lock:
            if self._pid == os.getpid():
                return
            self._due = {}  # a forked worker does not inherit the master's thread
            threading.Thread(target=self._run, name="read-deadlines", daemon=True).start()
            self._pid = os.getpid()

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
