"""A real webhook endpoint for tests: checks each signature, de-duplicates on the event id, misbehaves as told."""

import json
import socket
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from moderation.integrations import webhooks
from tests.support.servers import SHUTDOWN_POLL

SECRET = "whsec-test-0123456789"


class Receiver:
    """A webhook endpoint that misbehaves as told (500, dropped connection, hang, redirect), then accepts."""

    def __init__(self, script=(), secret=SECRET, fail_attempts=0):
        self.script = list(script)  # one of "500", "close", "hang", "redirect" per failing attempt, then "ok"
        self.secret = secret
        self.fail_attempts = fail_attempts  # 500 to each event's first n attempts: every event is retried n times
        self.attempts, self.accepted, self.seen, self.bad_signatures = [], [], set(), 0
        self.accepted_at = {}  # event id -> time.time() of its first 2xx
        self.deliveries = Counter()  # 2xx answers per event id, duplicates included
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with receiver.lock:
                    receiver.attempts.append({**dict(self.headers), "received_at": time.time()})
                    action = receiver.script.pop(0) if receiver.script else "ok"
                    if 0 < int(self.headers.get("X-Moderation-Attempt") or 0) <= receiver.fail_attempts:
                        action = "500"
                if action == "500":
                    self.send_response(500)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if action == "close":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if action == "hang":
                    time.sleep(3)
                    return
                if action == "redirect":  # to an address that accepts: a delivery must not follow it
                    self.send_response(307)
                    self.send_header("Location", receiver.url + "/moved")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if not webhooks.verify(receiver.secret, body, self.headers.get(webhooks.SIGNATURE_HEADER)):
                    receiver.bad_signatures += 1
                    self.send_response(401)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                event = json.loads(body)
                with receiver.lock:
                    receiver.deliveries[event["id"]] += 1
                    if event["id"] not in receiver.seen:  # de-duplication on the stable event id
                        receiver.seen.add(event["id"])
                        receiver.accepted.append(event)
                        receiver.accepted_at[event["id"]] = time.time()
                self.send_response(204)
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/moderation"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": SHUTDOWN_POLL},
                                       daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def wait_for(condition, timeout=10.0, step=0.02):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


class Trickler:
    """A receiver that reads the request, then sends its answer one byte every `gap` seconds (from `start` on:
    the status line, a header or the body), as a slow or hostile site might; counts the requests it got."""

    ANSWER = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 64\r\n\r\n" + b"x" * 64

    def __init__(self, start=0, gap=0.1):
        self.start, self.gap, self.requests, self.stop = start, gap, 0, threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/hooks/moderation"
        self.thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self):
        while not self.stop.is_set():
            try:
                sock, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(sock,), daemon=True).start()

    def _answer(self, sock):
        with sock:
            try:
                head = b""
                while b"\r\n\r\n" not in head:
                    head += sock.recv(65536)
                length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
                body = head.split(b"\r\n\r\n", 1)[1]
                while len(body) < length:
                    body += sock.recv(65536)
                self.requests += 1
                sock.sendall(self.ANSWER[:self.start])
                for byte in self.ANSWER[self.start:]:
                    if self.stop.wait(self.gap):
                        return
                    sock.sendall(bytes([byte]))
            except (OSError, IndexError, ValueError):
                return  # the client gave up: what a deadline is for

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.listener.close()
