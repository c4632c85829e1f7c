"""JSON logs, one object a line, with the request id of the request that wrote them.

Every request gets an id: the caller's `X-Request-ID` when it is a plausible id (1-128 characters of
letters, digits and `._:@/+=-`), else a fresh one; it is echoed in the response's `X-Request-ID` and
stamped on every log line written while the request runs. One access line per request at INFO:
method, route, path, status, duration, site, the id of the site's key that opened it (api/api_keys.py), remote
address. Never the body, the comment text, the query string or a header value: an `extra` field named like a
secret or a text is dropped here too.
"""

import json
import logging
import re
import sys
import time
import weakref

import orjson
from flask import g, has_app_context, request

from moderation import settings
from moderation.ops.batches import Batch
from moderation.random_ids import RandomIds
from moderation.times import iso

REQUEST_ID_HEADER = "X-Request-ID"
_REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._:@/+=-]{1,128}$")
# Names that never reach a log line, whatever a caller passes in `extra=`.
_REDACTED = frozenset({"text", "body", "comment", "authorization", "api_key", "key", "password", "secret", "token"})
_STANDARD = frozenset(vars(logging.LogRecord("x", logging.INFO, "x", 0, "x", None, None))) | {"message", "asctime"}

access_log = logging.getLogger("moderation.access")


_IDS = RandomIds(16)  # request ids drawn ahead of need


def new_request_id():
    """16 random bytes as hex, drawn 64 ids at a time: one getrandom system call per 64 requests, not one each."""
    return _IDS.take()


def request_id_from(value):
    """The caller's id when it is safe to log and echo, else a new one."""
    return value if value and _REQUEST_ID_RE.match(value) else new_request_id()


def current_request_id():
    return g.get("request_id") if has_app_context() else None  # the comment fast path has no request context


class JsonFormatter(logging.Formatter):
    """{"ts", "level", "logger", "msg", "request_id", ...extra fields, "exc"} on one line (orjson: a few µs)."""

    def format(self, record):
        out = {
            "ts": iso(record.created * 1000),
            "level": record.levelname.lower(), "logger": record.name, "msg": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None) or current_request_id()
        if request_id:
            out["request_id"] = request_id
        for name, value in record.__dict__.items():
            if name not in _STANDARD and name not in out and name.lower() not in _REDACTED:
                out[name] = value
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        try:
            return orjson.dumps(out, default=str).decode()
        except TypeError:  # what orjson refuses (a lone surrogate, a huge integer): the standard library
            return json.dumps(out, ensure_ascii=False, default=str)


class StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time (safe under test runners that swap it)."""

    def __init__(self, level=logging.NOTSET):
        logging.Handler.__init__(self, level)

    def handle(self, record):
        for batch in (*FLUSH_FIRST, ACCESS_LINES):  # lines kept for a batch go first: the process's lines in order
            if batch.pending:
                batch.flush()
        return super().handle(record)

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value):  # StreamHandler.setStream; the stream is always the current stderr
        pass


def _direct_handler():
    """The handler an access line can be written to directly: when the only one it would reach is this module's
    JSON-on-stderr handler (production), formatting it here gives the same line for a third of the cost (no
    LogRecord, no caller lookup). Anything else listening (a test's caplog, another handler, a filter): None."""
    root = logging.root
    if (access_log.handlers or access_log.filters or not access_log.propagate or access_log.disabled
            or len(root.handlers) != 1 or root.filters):
        return None
    handler = root.handlers[0]
    if type(handler) is not StderrHandler or type(handler.formatter) is not JsonFormatter or handler.filters:
        return None
    return handler if handler.level <= logging.INFO else None


FLUSH_FIRST = weakref.WeakSet()  # batches holding access lines not yet made (ops/answered.py): before any other line
_SECOND = [None, ""]  # the last second an access line was written in, and its date and time as iso() spells it


def _timestamp(now):
    """iso(now * 1000): the date and time formatted once a second, the milliseconds each line (3.7 -> 0.5 µs)."""
    micros = round(now * 1_000_000)
    second, rest = divmod(micros, 1_000_000)
    if _SECOND[0] != second:
        _SECOND[:] = [second, iso(second * 1000, timespec="seconds")[:-1]]
    return f"{_SECOND[1]}.{rest // 1000:03d}Z"


def write_access(fields):
    """One access line at INFO: kept for its batch (AccessLines) when only the JSON stderr handler would get it,
    else logged."""
    if not access_log.isEnabledFor(logging.INFO):
        return
    handler = _direct_handler()
    if handler is None:
        access_log.info("request", extra=fields)
        return
    ACCESS_LINES.add(handler, time.time(), fields)


def _line(now, fields):
    """The access line the JSON formatter would write for `fields` at `now`, as UTF-8 bytes with its newline."""
    out = {"ts": _timestamp(now), "level": "info", "logger": access_log.name, "msg": "request", **fields}
    try:
        return orjson.dumps(out, default=str) + b"\n"
    except TypeError:  # stderr's own error handler for what orjson refuses (a lone surrogate)
        return (json.dumps(out, ensure_ascii=False, default=str) + "\n").encode("utf-8", "backslashreplace")


class AccessLines(Batch):
    """A worker's access lines, formatted and written BATCH at a time, or DELAY seconds after the first of a batch
    (ops/batches.Batch: its thread, at exit, dropped in a forked child; and before any other log line of the
    process). One at a time, each in the middle of a request with its caches cold, a line cost a comment 21.5 us of
    worker CPU (7 of them the write); a batch of 32 written at once 18.8 us less (session 35, interleaved pairs in the
    comment flow). A write holds whole lines of at most PIPE_BYTES: a pipe (a container's stderr) never splits or
    interleaves a write of that size."""

    BATCH, DELAY, PIPE_BYTES = 32, 0.05, 4096

    def __init__(self):
        super().__init__(self._write_lines, size=self.BATCH, delay=self.DELAY, name="access-lines")
        self.handler = None

    def add(self, handler, now, fields):
        self.handler = handler
        super().add((now, fields))

    def write_now(self, handler, lines):
        """(now, fields) lines of a batch made elsewhere (ops/answered.py), written at once after any kept."""
        self.handler = handler
        self.write_all(lines)

    def _write_lines(self, pending):
        chunks, chunk = [], b""
        for now, fields in pending:
            line = _line(now, fields)
            if chunk and len(chunk) + len(line) > self.PIPE_BYTES:
                chunks.append(chunk)
                chunk = b""
            chunk += line
        chunks.append(chunk)
        with self.handler.lock:
            try:
                stream = sys.stderr
                stream.flush()  # whatever the text layer holds goes first
                out = getattr(stream, "buffer", None)
                for chunk in chunks:
                    if out is None:
                        stream.write(chunk.decode())
                        stream.flush()
                    else:
                        out.write(chunk)
                        out.flush()
            except (OSError, ValueError):  # stderr closed or gone: the requests are answered all the same
                pass


ACCESS_LINES = AccessLines()


def configure(level="INFO"):
    """Root logger to JSON on stderr, once; replaces a plain basicConfig handler, keeps any other."""
    root = logging.getLogger()
    if not any(isinstance(h.formatter, JsonFormatter) for h in root.handlers):
        for handler in list(root.handlers):
            if type(handler) is logging.StreamHandler:
                root.removeHandler(handler)
        handler = StderrHandler()
        handler.setFormatter(JsonFormatter())
        root.addHandler(handler)
    root.setLevel(str(level).upper())


class RequestLog:
    """A request's start (its id, its clock) and end (the id to answer, the access line); the Flask hooks below
    and the comment fast path (api/fast_path.py) call these two."""

    def __init__(self, with_access_log):
        self.with_access_log = with_access_log

    @staticmethod
    def begin(state, environ):
        state.request_id = request_id_from(environ.get("HTTP_X_REQUEST_ID"))
        state.request_started = time.perf_counter()  # also the latency metrics' start (ops/metrics.py)

    def finish(self, state, method, route, path, status, remote):
        """The request id for the X-Request-ID header, once the access line is written (`state`: g's dict)."""
        request_id = state.get("request_id") or new_request_id()
        if self.with_access_log:
            write_access(request_fields(state, request_id, method, route, path, status, time.perf_counter(), remote))
        return request_id


def request_fields(state, request_id, method, route, path, status, ended, remote):
    """An access line's fields (`ended`: time.perf_counter() when the request was answered)."""
    started = state.get("request_started")
    return {"request_id": request_id, "method": method, "route": route, "path": path[:200], "status": status,
            "duration_ms": round((ended - started) * 1000, 3) if started else None,
            "site": state.get("site"), "key_id": state.get("key_id"), "remote": remote}


def init_app(app):
    """Request ids on every request; JSON logs (unless LOG_FORMAT=text or under tests); an access line each."""
    config = settings.of(app)
    if config.log_format.lower() == "json" and not app.testing:
        configure(config.log_level)
    requests = app.extensions["moderation.request_log"] = RequestLog(config.access_log)

    def start_request():
        requests.begin(g._get_current_object(), request.environ)

    def finish_request(response):
        req = request._get_current_object()
        rule = req.url_rule
        response.headers[REQUEST_ID_HEADER] = requests.finish(
            g._get_current_object().__dict__, req.method, rule.rule if rule else None, req.path, response.status_code,
            req.remote_addr)
        return response

    # First in line, so the id exists even when a later before_request hook answers early.
    app.before_request_funcs.setdefault(None, []).insert(0, start_request)
    app.after_request(finish_request)
