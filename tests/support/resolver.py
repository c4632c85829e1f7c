"""A DNS server that never answers, and a process that has it as its only nameserver (a resolver that is down or
filtered: glibc's getaddrinfo waits for it, uninterruptibly)."""

import os
import random
import shutil
import socket
import subprocess
import threading

TIMEOUT, ATTEMPTS = 30, 3  # glibc's longest wait for one try (RES_OPTIONS timeout:30), and the tries of a lookup
HOLD = TIMEOUT * ATTEMPTS  # seconds one lookup waits for the silent server before giving up (measured: 60.1 s at 2)


def available():
    """Mount namespaces (root and unshare) let a child process see its own /etc/resolv.conf."""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "--mount", "true"], capture_output=True).returncode == 0


class SilentResolver:
    """Takes every query on port 53 of a loopback address and answers none; `queries` are the names asked."""

    def __init__(self, folder):
        self.conf = folder / "resolv.conf"
        self.queries = []
        self.sock = None

    def __enter__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        for _ in range(20):  # a free address of 127/8 (other test runs on this machine may hold one)
            self.address = f"127.53.{random.randrange(256)}.{random.randrange(1, 255)}"
            try:
                self.sock.bind((self.address, 53))
                break
            except OSError:
                continue
        self.conf.write_text(f"nameserver {self.address}\noptions timeout:{TIMEOUT} attempts:{ATTEMPTS}\n")
        threading.Thread(target=self._listen, daemon=True).start()
        return self

    def _listen(self):
        while True:
            try:
                query = self.sock.recv(4096)
            except OSError:
                return
            labels, at = [], 12  # the question's name: length-prefixed labels after the 12-byte header
            while at < len(query) and query[at]:
                labels.append(query[at + 1:at + 1 + query[at]].decode(errors="replace"))
                at += 1 + query[at]
            self.queries.append(".".join(labels))

    def __exit__(self, *exc):
        self.sock.close()

    def command(self, argv):
        """`argv` run in a private mount namespace whose /etc/resolv.conf names only this server."""
        return ["unshare", "--mount", "sh", "-c", 'mount --bind "$0" /etc/resolv.conf && exec "$@"', str(self.conf),
                *argv]
