"""Reads a request body within a deadline, so a slow or stalled sender never holds a worker."""

import time

from gunicorn.http.errors import NoMoreData, ParseException
from werkzeug.exceptions import ClientDisconnected

from moderation.errors import ApiError, ValidationError
from moderation.ops.deadlines import watchdog


def read_body(request, timeout):
    """The body, or 408 when it does not arrive within `timeout` seconds (a slow or stalled sender would
    otherwise hold a worker); 413 comes from MAX_CONTENT_LENGTH before anything is buffered."""
    environ = request.environ
    length = declared_length(environ, request.max_content_length)
    if length is not None:
        return read_length(environ, length, timeout)
    sock = environ.get("gunicorn.socket")
    previous = sock.gettimeout() if sock is not None else None
    deadline = time.monotonic() + timeout
    chunks = []
    stream = request.stream
    try:
        if sock is not None:
            sock.settimeout(timeout)
            watchdog.add(sock, deadline)  # the socket timeout restarts with every byte: a total deadline
        while chunk := stream.read(16384):
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise TimeoutError
    except ParseException as exc:  # gunicorn's chunked reader: a bad size line, a chunk without its CRLF
        raise ValidationError("the chunked body is not valid chunked encoding", "body", code="bad_chunk") from exc
    except (TimeoutError, ClientDisconnected, NoMoreData) as exc:  # NoMoreData: gunicorn's, the sender gone mid-chunk
        if not isinstance(exc, TimeoutError) and time.monotonic() < deadline:
            raise ValidationError("the body ended before its Content-Length", "body", code="incomplete_body") from exc
        raise ApiError(f"the request body did not arrive within {timeout:g} s", "body", code="body_timeout",
                       status=408) from exc
    finally:
        if sock is not None:
            watchdog.discard(sock)
            sock.settimeout(previous)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def declared_length(environ, limit):
    """The Content-Length when it is a plain number within `limit` and the body is not chunked, else None (werkzeug's
    stream then reads it, refuses it with 413, or answers what it answers for a chunked or unsized body)."""
    value = environ.get("CONTENT_LENGTH")
    if not value or not value.isascii() or not value.isdigit() or "HTTP_TRANSFER_ENCODING" in environ:
        return None
    length = int(value)
    return length if limit is None or length <= limit else None


def read_length(environ, length, timeout):
    """read_body() of a declared length straight from the server's input (a comment's usual body: about 25 µs less
    than werkzeug's wrapped stream and two socket-mode system calls). The deadline is the watchdog's, which shuts a
    late socket for reading; a short read then is 408 past the deadline, else the client's incomplete body."""
    if length == 0:
        return b""
    stream, sock = environ["wsgi.input"], environ.get("gunicorn.socket")
    deadline = time.monotonic() + timeout
    if sock is not None:
        watchdog.add(sock, deadline)
    try:
        data = stream.read(length)
        while len(data) < length and (more := stream.read(length - len(data))):  # a server that reads less a call
            data += more
    finally:
        if sock is not None:
            watchdog.discard(sock)
    if len(data) < length:
        if time.monotonic() < deadline:
            raise ValidationError("the body ended before its Content-Length", "body", code="incomplete_body")
        raise ApiError(f"the request body did not arrive within {timeout:g} s", "body", code="body_timeout",
                       status=408)
    return data
