"""gunicorn's own error answers (a request it could not parse, so the app never saw it) in the API's JSON shape,
and those of `make run`'s development server (DEV_ANSWERS, ops/dev_server.py DevRequestHandler).

A deployment without the compose proxy (gunicorn published, or behind a TCP load balancer) met gunicorn's HTML page
for a malformed request line, header, chunk or an over-long URL: `<html>...<h1><p>Bad Request</p></h1>...`, where
every other error of the API is `{"error": {"code", "message", "field"}}`. The codes and fields are those of the
proxy's own errors (deploy/nginx/moderation.conf.template), so a client reads one shape whichever answered. The
message is fixed per status: the request's bytes are never echoed. gunicorn.conf.py installs it in the master,
before the workers fork (install()); gunicorn's handle_error looks util.write_error up at each error.
"""

import json

from gunicorn import util

# status -> (reason phrase, code, message, field); what gunicorn's handle_error answers (gunicorn 27)
_ANSWERS = {
    400: ("Bad Request", "bad_request",
          "the request is not valid HTTP/1.1 (request line, Host, headers or chunked body)", None),
    403: ("Forbidden", "forbidden", "the request is refused", None),
    414: ("URI Too Long", "url_too_long", "the URL is larger than 8190 bytes", "url"),
    417: ("Expectation Failed", "expectation_failed", "only 100-continue is understood", "Expect"),
    431: ("Request Header Fields Too Large", "header_too_large",
          "a request header is larger than 16384 bytes, or there are too many", "headers"),
    500: ("Internal Server Error", "internal_error", "the service could not answer; retry in a few seconds", None),
    501: ("Not Implemented", "not_implemented", "only a chunked or Content-Length body is read", "Transfer-Encoding"),
    505: ("HTTP Version Not Supported", "http_version_not_supported", "only HTTP/1.0 and HTTP/1.1 are served", None),
}
# What `make run`'s development server (Python's http.server under werkzeug) refuses itself, at its own limits
DEV_ANSWERS = {
    **_ANSWERS,
    414: ("URI Too Long", "url_too_long", "the request line is larger than 65536 bytes", "url"),
    431: ("Request Header Fields Too Large", "header_too_large",
          "a request header line is larger than 65536 bytes, or there are more than 100", "headers"),
}


def error_body(status_int, reason, answers=_ANSWERS):
    """(reason phrase, JSON body) of the API's error for a status the server answered itself."""
    known = answers.get(status_int)
    if known is None:
        known = (reason, "bad_request" if 400 <= status_int < 500 else "internal_error", reason, None)
    phrase, code, message, field = known
    return phrase, json.dumps({"error": {"code": code, "message": message, "field": field}}).encode() + b"\n"


def error_bytes(status_int, reason):
    """The whole answer gunicorn's write_error would send for `status_int`, as the API's JSON error."""
    phrase, body = error_body(status_int, reason)
    head = (f"HTTP/1.1 {status_int} {phrase}\r\nConnection: close\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nX-Content-Type-Options: nosniff\r\n\r\n").encode("latin-1")
    return head + body


def write_error(sock, status_int, reason, mesg):
    """gunicorn.util.write_error's place: the same status, the API's JSON body (mesg quotes the request: left out)."""
    util.write_nonblock(sock, error_bytes(status_int, reason))


def install():
    util.write_error = write_error
