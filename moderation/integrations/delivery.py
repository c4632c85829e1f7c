"""One webhook POST: to the checked address it resolved to (no DNS rebinding), within one deadline for all of it."""

import http.client
import socket
import ssl
import threading
import time
from urllib.parse import urlsplit

from moderation.integrations.webhooks import (
    check_url,
)

USER_AGENT = "moderation-webhooks/1"


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """HTTP to an address checked beforehand; the Host header still names the webhook's host."""

    def __init__(self, host, port, *, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to an address checked beforehand, with certificate and SNI for the webhook's host name."""

    def __init__(self, host, port, *, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


class _Deadline:
    """Shuts a delivery's socket down when its total time is up: a socket timeout restarts with every byte,
    so a receiver trickling its answer would otherwise hold the worker (and every other site) for hours."""

    def __init__(self, connection, seconds):
        self.connection, self.expired = connection, False
        self.timer = threading.Timer(seconds, self._expire)
        self.timer.daemon = True

    def _expire(self):
        self.expired = True
        sock = self.connection.sock
        if sock is not None:
            try:  # the plain socket's shutdown (under TLS too): a blocked read returns at once
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            except OSError:
                pass


def post_json(url, body, headers, *, timeout, allow_private_targets=False):
    """POST to a checked, pinned address (no proxies, no redirects followed); returns the HTTP status.
    Connecting, sending and reading the answer (status, headers, at most 64 KiB of body) take `timeout`
    seconds in total, the host's DNS lookup included, else TimeoutError."""
    started = time.monotonic()
    address = check_url(url, allow_private_targets=allow_private_targets, timeout=timeout)
    left = timeout - (time.monotonic() - started)
    if left <= 0:
        raise TimeoutError(f"no complete answer within {timeout:g} s")
    parts = urlsplit(url)
    https = parts.scheme == "https"
    connection_class = _PinnedHTTPSConnection if https else _PinnedHTTPConnection
    connection = connection_class(parts.hostname, parts.port or (443 if https else 80), address=address,
                                  timeout=left)
    deadline = _Deadline(connection, left)
    deadline.timer.start()
    try:
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read(65536)
        status = response.status
    except (OSError, http.client.HTTPException) as exc:
        if deadline.expired:
            raise TimeoutError(f"no complete answer within {timeout:g} s") from exc
        raise
    finally:
        deadline.timer.cancel()
        connection.close()
    if deadline.expired:  # the shut socket read as the end of the answer: it came too slowly
        raise TimeoutError(f"no complete answer within {timeout:g} s")
    return status
