"""gunicorn's HTTP/1 response with its head and a whole sized body in one send, and its Date formatted once a second.

gunicorn writes a response's head (status line and headers) and then its body with two sendall calls: two system
calls, two TCP segments the client reads apart. Every JSON answer of this app is one sized body (Content-Length
set, the body one bytes object), so the head goes out with it. gunicorn also formats the Date header with
email.utils for every response (~3 µs warm); the text changes once a second. The bytes on the wire are gunicorn's
own, byte for byte (tests/test_http_response.py); anything else (chunked, a HEAD or 204, a body in pieces, a file)
takes gunicorn's own path. gunicorn.conf.py installs it in the master, before the workers fork (install()).

gunicorn 27 ends each connection by reading until the client's FIN (2 s at most): a client that kept its socket
open held a sync worker that long, and every worker woke cold from the wait. close_graceful() closes at once when
the request was read in full and nothing is unread (no reset can follow); anything else takes gunicorn's linger.
"""

import socket
import time
import weakref
from email.utils import formatdate

from gunicorn import util
from gunicorn.http import wsgi
from gunicorn.http.body import LengthReader

_SECOND = [None, ""]  # the second the Date text was made for, and the text
# What gunicorn's checks of a response header depend on, remembered: a name's (a token, not Content-Length, not
# hop-by-hop: kept as it is) and a value's (its characters allowed, nothing to strip). Per name and per value, so
# an answer's changing values (its request id) cost one regular expression, its constant ones none. Bounded: a worker
# keeps the first it sees (an answer's constant headers come with the first answer); the rest are checked each time.
_PLAIN_NAMES, _PLAIN_VALUES = set(), set()
_KEPT_MAX = 256


def http_date():
    """gunicorn.util.http_date() for now: formatdate takes the whole seconds of its time, so once a second will do."""
    second = int(time.time())
    if _SECOND[0] != second:
        _SECOND[:] = [second, formatdate(second, localtime=False, usegmt=True)]
    return _SECOND[1]


class Response(wsgi.Response):
    """wsgi.Response with one send for the head and a whole sized body, and the Date text of the current second."""

    def default_headers(self):
        """gunicorn's status line, Server, Date and Connection (and Transfer-Encoding when chunked)."""
        if self.upgrade:
            connection = "upgrade"
        elif self.should_close():
            connection = "close"
        else:
            connection = "keep-alive"
        headers = [f"HTTP/{self.req.version[0]}.{self.req.version[1]} {self.status}\r\n",
                   f"Server: {self.version}\r\n", f"Date: {http_date()}\r\n", f"Connection: {connection}\r\n"]
        if self.chunked:
            headers.append("Transfer-Encoding: chunked\r\n")
        return headers

    def process_headers(self, headers):
        """gunicorn's process_headers: the same headers kept, the same errors, response_length the same; its checks
        skipped for a name and a value seen before (_PLAIN_NAMES, _PLAIN_VALUES)."""
        kept, names, values = self.headers, _PLAIN_NAMES, _PLAIN_VALUES
        for pair in headers:
            name, value = pair
            if type(name) is str and type(value) is str:
                if name in names:
                    if value in values:
                        kept.append((name, value))
                        continue
                    if wsgi.HEADER_VALUE_RE.fullmatch(value) and value.strip(" \t") == value:
                        if len(values) < _KEPT_MAX:
                            values.add(value)
                        kept.append((name, value))
                        continue
                elif name == "Content-Length" and value.isdigit() and value.isascii():
                    self.response_length = int(value)
                    kept.append((name, value))
                    continue
            size = len(kept)
            super().process_headers((pair,))
            if (len(kept) == size + 1 and kept[-1] == (name, value) and len(names) < _KEPT_MAX
                    and type(name) is str and name.lower() != "content-length" and not util.is_hoppish(name)):
                names.add(name)

    def head(self):
        """The bytes send_headers() writes."""
        lines = self.default_headers()
        lines.extend([f"{name}: {value}\r\n" for name, value in self.headers])
        return util.to_bytestring("".join(lines) + "\r\n", "latin-1")

    def send_headers(self):
        if self.headers_sent:
            return
        util.write(self.sock, self.head())
        self.headers_sent = True

    def write(self, arg):
        """The head and the body together when the body is the whole declared length, in one piece; else gunicorn's."""
        if (self.headers_sent or self.chunked or self._omits_body or type(arg) is not bytes
                or self.response_length != len(arg) or self.sent):
            return super().write(arg)
        self.sock.sendall(self.head() + arg)
        self.headers_sent = True
        self.sent = len(arg)
        return None

    def close(self):
        """gunicorn's, and the socket marked for close_graceful when its request's body was read to the end."""
        super().close()
        reader = self.req.body.reader
        if type(reader) is LengthReader and reader.length == 0:
            _READ.add(self.sock)
        else:
            _READ.discard(self.sock)


_LINGER = util.close_graceful  # gunicorn's: FIN, then read until the peer closes (2 s at most), then close
_READ = weakref.WeakSet()  # sockets whose last answered request was read in full (Response.close() adds them)
_PEEK = socket.MSG_PEEK | socket.MSG_DONTWAIT


def close_graceful(sock, *args, **kwargs):
    """gunicorn's close after an answer, without its wait when the request was read in full and nothing else came:
    a client that read its answer and kept its connection open held a sync worker for 2 s, and each worker waited
    for its client's FIN before it took the next connection. With nothing unread and nothing more to come, closing
    sends no reset (what the wait is for). A body not read in full (bytes may still be on their way), unread bytes
    (a pipelined request), the peer's FIN already in, or a socket with a timeout take gunicorn's way."""
    try:
        _READ.remove(sock)
    except KeyError:
        return _LINGER(sock, *args, **kwargs)
    if sock.gettimeout() is None:  # blocking, as both workers set it here: MSG_DONTWAIT does not wait
        try:
            sock.recv(1, _PEEK)
        except BlockingIOError:  # nothing unread, the peer still open: FIN and close now
            sock.close()
            return None
        except OSError:
            pass  # the peer's reset, a closed socket: gunicorn's way handles them
    return _LINGER(sock, *args, **kwargs)


def install():
    """gunicorn's workers build their responses with this class (wsgi.create looks the name up at each request) and
    close with close_graceful (the sync and gthread workers look util.close_graceful up at each close)."""
    wsgi.Response = Response
    util.close_graceful = close_graceful
