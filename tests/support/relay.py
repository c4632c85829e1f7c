"""TCP relays in front of a real Redis: one that loses an answer (the command runs, its client never hears back), one
that cuts a request in two, one that closes the connection part way through a request, one that partitions a replica
from its master."""

import socket
import threading
import time
from contextlib import contextmanager

from tests.support.receiver import SECRET, Receiver


class LostAnswer:
    """Relays every connection to the server on `port` byte for byte, except that the first command whose request
    holds every one of `needles` runs on the server and its answer is read and thrown away, and the client's
    connection is closed: what a client meets when a master is killed, or its timeout fires, between the two.
    `dropped` counts it as the request goes to the server, so it is 1 before the client can hear of the loss (its
    own timeout included, after which redis-py retries on a new connection)."""

    def __init__(self, port, *needles):
        self.upstream, self.needles = port, needles
        self._listener = socket.create_server(("127.0.0.1", 0))  # its own port at once: nothing can take it first
        self.port = self._listener.getsockname()[1]
        self.dropped = 0
        self._armed = True
        self._lock = threading.Lock()
        self._closed = False
        self._links = []

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def _accept(self):
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(("127.0.0.1", self.upstream))
            except OSError:  # the server is down (killed by the test): this client meets a closed connection
                client.close()
                continue
            link = _Link(client, server)
            self._links.append(link)
            threading.Thread(target=self._requests, args=(client, server, link), daemon=True).start()
            threading.Thread(target=self._answers, args=(server, client, link), daemon=True).start()

    def _requests(self, client, server, link):
        while data := _recv(client):
            with self._lock:
                if self._armed and all(needle in data for needle in self.needles):
                    self._armed = False
                    link.drop.set()  # before the server can answer
                    self.dropped += 1
            if not _send(server, data):
                break
        link.end()

    def _answers(self, server, client, link):
        while data := _recv(server):
            if link.drop.is_set() or not _send(client, data):  # the lost answer: the command ran, the client's
                break                                           # connection dies instead
        link.end()

    def stop(self):
        self._closed = True
        self._listener.close()


class PausedRequest(LostAnswer):
    """The same relay, answering every command, except that once armed the first request carrying more than
    `after` commands named `command` is cut before the next one: the commands before it go at once, the rest
    `pause` s later (a batch's pipeline that reaches the server in two turns of its event loop, far apart); with
    `between`, that callable runs after the pause, before the rest goes (what another client does in between)."""

    def __init__(self, port, command, after, pause, between=None):
        super().__init__(port)
        self.command, self.after, self.pause, self.between = command, after, pause, between
        self._armed, self._seen = False, 0

    def arm(self):
        with self._lock:
            self._armed, self._seen = True, 0

    def _requests(self, client, server, link):
        while data := _recv(client):
            with self._lock:
                cut = self._cut(data) if self._armed else -1
            if cut >= 0:
                if not _send(server, data[:cut]):
                    break
                time.sleep(self.pause)
                if self.between is not None:
                    self.between()
                data = data[cut:]
            if not _send(server, data):
                break
        link.end()

    def _cut(self, data):
        """Where the (after + 1)-th command starts in this request's bytes (its `*<n>` header), else -1."""
        at = -1
        for _ in range(self.after - self._seen + 1):
            at = data.find(b"\r\n" + self.command + b"\r\n", at + 1)
            if at < 0:
                self._seen += data.count(b"\r\n" + self.command + b"\r\n")
                return -1
        self._armed = False
        return data.rfind(b"*", 0, at)


class CutRequest(PausedRequest):
    """PausedRequest's cut, except that the rest of the request never goes: once the commands before the cut are
    answered and their answers relayed, the client's connection is closed (a master killed, or a network cut, between
    two commands of one exchange: the client holds the first answers and never hears of the rest)."""

    def __init__(self, port, command, after):
        super().__init__(port, command, after, 0)
        self.relayed = 0  # answer bytes relayed to clients

    def _requests(self, client, server, link):
        while data := _recv(client):
            with self._lock:
                cut = self._cut(data) if self._armed else -1
            if cut >= 0:
                relayed = self.relayed
                if _send(server, data[:cut]):
                    deadline = time.monotonic() + 5
                    while self.relayed == relayed and time.monotonic() < deadline:
                        time.sleep(0.005)
                    time.sleep(0.05)  # the rest of an answer longer than one read
                self.dropped += 1
                break
            if not _send(server, data):
                break
        link.end()

    def _answers(self, server, client, link):
        while data := _recv(server):
            if not _send(client, data):
                break
            self.relayed += len(data)
        link.end()


class Partition(LostAnswer):
    """The same relay, both ways, until cut(): from then on nothing passes either way (read and dropped, the
    connections stay open), as a network partition between a master and a replica that connects through it."""

    def __init__(self, port):
        super().__init__(port)
        self._armed, self.severed, self.deaf = False, False, False

    def cut(self):
        self.severed = True

    def stop(self):
        """Also ends the connections it holds open: a master stopped with its replica's link open but cut waits out
        its shutdown-timeout (10 s) for the lagging replica (test_replica_waits' teardown took 10.1 s)."""
        super().stop()
        for link in self._links:
            for sock in link.socks:  # their threads then read the end and close them (_Link.end)
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut_acknowledgements(self):
        """Only the replica's way: the master's stream still reaches the replica, its REPLCONF ACKs never reach the
        master (a WAIT counts no replica although the replica has the write)."""
        self.deaf = True

    def _requests(self, client, server, link):
        self._pass(client, server, link, lambda: self.severed or self.deaf)

    def _answers(self, server, client, link):
        self._pass(server, client, link, lambda: self.severed)

    def _pass(self, source, target, link, severed):
        while data := _recv(source):
            if not severed() and not _send(target, data):
                break
        link.end()


class _Link:
    """One client's connection and its own to the server, relayed by two threads (one each way). The first thread to
    end shuts both down, which ends the other; the last closes them. Closing at once freed their fds while the other
    thread could still be about to read or write them (CPython reads a socket's fd after releasing the GIL), and the
    next connection accepted, redis-py's retry of the lost answer, takes the lowest free fd."""

    def __init__(self, client, server):
        self.socks, self.drop = (client, server), threading.Event()
        self._running, self._lock = 2, threading.Lock()

    def end(self):
        for sock in self.socks:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        with self._lock:
            self._running -= 1
            last = self._running == 0
        if last:
            for sock in self.socks:
                sock.close()


def _recv(sock):
    try:
        return sock.recv(65536)
    except OSError:
        return b""


def _send(sock, data):
    """False when the other end has gone (the link then ends)."""
    try:
        sock.sendall(data)
        return True
    except OSError:
        return False


@contextmanager
def outbox_losing_an_answer(port, prefix, *needles):
    """(relay, receiver, outbox): site "news"'s Outbox on the service's own client (whose retries are what is
    tested) through a LostAnswer relay to the server on `port`, delivering to a real receiver."""
    from moderation.integrations.outbox import Outbox
    from moderation.store.client import make_client

    relay = LostAnswer(port, *needles).start()
    try:
        with Receiver() as receiver:
            yield relay, receiver, Outbox(make_client(relay.url, 1.0), "news", receiver.url, SECRET, prefix=prefix,
                                          allow_private_targets=True, timeout=2.0)
    finally:
        relay.stop()
