"""`make run`'s request handler on werkzeug's development server: it answers as gunicorn does in production (its
refusals as the API's JSON, a malformed chunked body as the app's `bad_chunk`) and logs no request line of its own."""

import io

from gunicorn.http.errors import ChunkMissingTerminator, InvalidChunkSize, NoMoreData
from werkzeug.serving import DechunkedInput, WSGIRequestHandler

SIZE_LINE_BYTES = 8190  # gunicorn's limit on a chunk-size line (its limit_request_field_size)
MAX_TRAILERS = 100  # http.server's limit on header lines, the trailers' too


class Dechunker(io.RawIOBase):
    """A chunked body read as gunicorn's ChunkedReader reads it: werkzeug's DechunkedInput raised one OSError for a
    malformed size line, a missing CRLF and a sender gone alike, which the app took for a cut body (400
    `incomplete_body`) where production says `bad_chunk`. Here a malformed chunk raises gunicorn's ParseException
    and a body that ends within a size line or a chunk its NoMoreData, which the app maps as it does under gunicorn;
    either closes the connection (what follows in it is not a request)."""

    def __init__(self, rfile, handler):
        self._rfile, self._handler = rfile, handler
        self._left, self._done = 0, False

    def readable(self):
        return True

    def _fail(self, error):
        self._handler.close_connection = True
        raise error

    def _size(self):
        line = self._rfile.readline(SIZE_LINE_BYTES + 2)
        if not line.endswith(b"\r\n"):
            self._fail(InvalidChunkSize(line[:40]) if len(line) > SIZE_LINE_BYTES else NoMoreData(line[:40]))
        digits = line[:-2].split(b";", 1)[0].rstrip(b" \t")
        if not digits or any(byte not in b"0123456789abcdefABCDEF" for byte in digits):
            self._fail(InvalidChunkSize(digits[:40]))
        return int(digits, 16)

    def _trailers(self):
        """After the last chunk: trailer lines, if any, up to the empty line (its absence is gunicorn's error too)."""
        for _ in range(MAX_TRAILERS + 1):
            line = self._rfile.readline(SIZE_LINE_BYTES + 2)
            if line == b"\r\n":
                return
            if not line.endswith(b"\r\n"):
                break
        self._fail(ChunkMissingTerminator(b""))

    def readinto(self, buffer):
        read = 0
        while not self._done and read < len(buffer):
            if self._left == 0:
                self._left = self._size()
                if self._left == 0:
                    self._trailers()
                    self._done = True
                    break
            wanted = min(len(buffer) - read, self._left)
            data = self._rfile.read(wanted)
            if len(data) < wanted:
                self._fail(NoMoreData(data[-40:]))
            buffer[read:read + wanted] = data
            read += wanted
            self._left -= wanted
            if self._left == 0 and (end := self._rfile.read(2)) != b"\r\n":
                self._fail(ChunkMissingTerminator(end))
        return read


class DevRequestHandler(WSGIRequestHandler):
    """werkzeug's development server (`make run`) without its own request line, which logged the query string
    (a moderator's search, a token in a link) at INFO with ANSI colours; the app's access line is the one."""

    def log_request(self, code="-", size="-"):
        pass

    def make_environ(self):
        environ = super().make_environ()
        if isinstance(environ["wsgi.input"], DechunkedInput):
            environ["wsgi.input"] = Dechunker(self.rfile, self)
        return environ

    def send_error(self, code, message=None, explain=None):
        """What the server refuses itself (an unparsable request line, an over-long line, too many headers, HTTP/2.0)
        as the API's JSON error with a status line, not http.server's HTML page quoting the request line (sent with
        no status line at all when the request line had fewer than three words)."""
        from moderation.ops.http_errors import DEV_ANSWERS, error_body

        phrase, body = error_body(code, self.responses.get(code, ("Error",))[0], DEV_ANSWERS)
        self.log_error("code %d, %s", code, phrase)  # http.server's message quotes the request line: not logged
        if self.request_version == "HTTP/0.9":  # what it assumes until a request line parses: headers are not sent
            self.request_version = "HTTP/1.0"
        self.close_connection = True
        self.send_response(code, phrase)
        self.send_header("Connection", "close")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
