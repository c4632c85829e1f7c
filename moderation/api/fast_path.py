"""POST /api/v1/comments, the request a site sends most, answered without Flask's request machinery: the route's
own calls (api/comments.py) and the request hooks' (ops/logs.py, ops/metrics.py, pages/security.py), in the same
order, inside an app context. Flask's request object, routing, hook dispatch and response object cost about 0.2 ms
of a worker's CPU a comment, a fifth of it.

Whatever it cannot answer in full goes to the Flask app unchanged: no key or a wrong one, another content type, a
cookie, a chunked, unsized or oversized body (all unread), a body that is not a valid comment (read, and handed on
in a fresh stream of the same length). A refusal once the comment is counted against its limits (429, 409, 503,
500), or a body that did not arrive, is rendered by the error boundary's own functions (errors.py).
tests/test_fast_path.py holds every answer to the Flask route's: status, body, headers, access line, metrics.
"""

import io
import logging

from flask import appcontext_popped, appcontext_pushed, appcontext_tearing_down, g
from flask.globals import _cv_app

from moderation import settings
from moderation.api.api_keys import bearer_site
from moderation.api.bodies import declared_length, read_length
from moderation.api.comments import answer_comment, comment_of
from moderation.api.validation import json_object
from moderation.errors import ApiError, api_error_answer, store_unavailable, unexpected_answer
from moderation.ops.answered import AnsweredRequests
from moderation.ops.logs import REQUEST_ID_HEADER
from moderation.pages.security import SessionCookies, add_headers
from moderation.store import RedisClusterError, RedisError

log = logging.getLogger(__name__)

ENDPOINT = "api.submit_comment"
# The app's request hooks as this path runs them (before: in order; after: as registered, Flask runs them last
# first). Any other hook, on the app or the API's blueprint, turns the path off: the route then answers everything.
BEFORE = [("moderation.ops.logs", "init_app.<locals>.start_request"),
          ("moderation.scoring.manager", "ModelManager.maybe_refresh")]
AFTER = [("moderation.pages.security", "init_app.<locals>.security_headers"),
         ("moderation.ops.logs", "init_app.<locals>.finish_request"),
         ("moderation.ops.metrics", "init_app.<locals>.observe")]


def _names(funcs):
    return [(getattr(func, "__module__", None), getattr(func, "__qualname__", None)) for func in funcs or ()]


def why_off(app):
    """Why the path cannot stand in for the route in this app (None: it can)."""
    rules = list(app.url_map.iter_rules(ENDPOINT)) if ENDPOINT in app.view_functions else []
    if len(rules) != 1:
        return f"{ENDPOINT} has {len(rules)} rules"
    try:
        matched = app.url_map.bind("localhost").match(rules[0].rule, "POST")
    except Exception as error:  # a redirect or 405 from routing: the route is not plain
        matched = error
    if matched != (ENDPOINT, {}):
        return f"POST {rules[0].rule} routes to {matched!r}"
    if app.config["SERVER_NAME"] or app.config.get("TRUSTED_HOSTS") or app.url_map.host_matching:
        return "the app checks the Host header"
    if _names(app.before_request_funcs.get(None)) != BEFORE or _names(app.after_request_funcs.get(None)) != AFTER:
        return "the app's request hooks are not the ones this path runs"
    hooks = (app.before_request_funcs.get("api"), app.after_request_funcs.get("api"),
             app.url_value_preprocessors.get(None), app.url_value_preprocessors.get("api"),
             *app.teardown_request_funcs.values())
    if any(hooks):
        return "a hook this path does not run"
    if type(app.session_interface) is not SessionCookies or "moderation.models" not in app.extensions:
        return "another session interface, or no model"
    return None


class CommentFastPath:
    """WSGI middleware around the Flask app; `enabled` False hands every request on (the parity test's switch)."""

    def __init__(self, app, wsgi_app):
        self.app, self.wsgi_app = app, wsgi_app
        self.enabled = True
        self.route = None  # the route's path, set at the first request (every hook is registered by then); "": off
        self.answered = 0  # requests answered here (the parity test checks that it did answer them)

    def _setup(self):
        reason = why_off(self.app)
        if reason:
            log.warning("comment fast path off: %s", reason)
        self.route = "" if reason else next(self.app.url_map.iter_rules(ENDPOINT)).rule
        if self.route:
            extensions = self.app.extensions
            self.requests_kept = AnsweredRequests(extensions["moderation.request_counter"],
                                             extensions["moderation.request_log"])
        probe = self.app.response_class(b"", mimetype=self.app.json.mimetype)  # werkzeug's status and type
        self.status, self.content_type = probe.status, probe.headers["Content-Type"]
        return self.route

    def __call__(self, environ, start_response):
        route = self.route if self.route is not None else self._setup()
        if (not route or environ.get("PATH_INFO") != route or environ.get("REQUEST_METHOD") != "POST"
                or not self.enabled or environ.get("CONTENT_TYPE") != "application/json"
                or "HTTP_COOKIE" in environ):
            return self.wsgi_app(environ, start_response)
        length = declared_length(environ, self.app.config["MAX_CONTENT_LENGTH"])
        if not length:  # chunked, unsized, oversized or empty: werkzeug's stream and the route
            return self.wsgi_app(environ, start_response)
        context, quiet = self.app.app_context(), self._quiet()
        if quiet:  # nothing listens to the context's push and pop: only its context variable is set
            token = _cv_app.set(context)
        else:
            context.push()
        try:
            answer = self._answer(environ, route, length)
        finally:
            if quiet:
                _cv_app.reset(token)
            else:
                context.pop()
        if answer is None:
            return self.wsgi_app(environ, start_response)
        self.answered += 1
        if isinstance(answer, tuple):
            start_response(self.status, answer[0])
            return [answer[1]]
        return answer(environ, start_response)

    def _quiet(self):
        """True when pushing and popping an app context would do nothing but set its context variable: no teardown
        function and no receiver of Flask's three app context signals (their sends were ~4 µs of a comment)."""
        return not (self.app.teardown_appcontext_funcs or appcontext_pushed.receivers
                    or appcontext_tearing_down.receivers or appcontext_popped.receivers)

    def _answer(self, environ, route, length):
        """(headers, body) of an answer, a refusal's response, or None to hand the request on. Any error is
        answered as the route's error handlers answer it (errors.py), by the same functions."""
        state = g._get_current_object()
        try:
            answer = self._comment(state, environ, route, length)
        except ApiError as error:
            response = api_error_answer(error)
        except (RedisError, RedisClusterError) as error:
            response = api_error_answer(store_unavailable("POST", route, error))
        except Exception:  # the boundary's 500, leaking nothing
            response = unexpected_answer("POST", route)
        else:
            if answer is not None:
                self._after(state, environ, route, 200, answer[0])
            return answer
        self._after(state, environ, route, response.status_code, response.headers._list)
        return response

    def _comment(self, state, environ, route, length):
        """The route's calls in its order; None where the route must answer instead (it reads the body again)."""
        app = self.app
        app.extensions["moderation.request_log"].begin(state, environ)
        app.extensions["moderation.models"].maybe_refresh()
        try:
            state.site = bearer_site(environ)
        except ApiError:
            return None
        raw = read_length(environ, length, settings.get().body_timeout)  # a short or late body: answered here
        try:
            comment = comment_of(json_object(raw))
        except ApiError:
            environ["wsgi.input"] = io.BytesIO(raw)  # the route reads it again and names what is wrong
            return None
        answer, early = answer_comment(state, state.site, comment, self._meanwhile)
        return early or self._answer_items(answer)

    def _meanwhile(self, answer):
        """What the worker does while Redis runs SUBMIT (comment_records.handle): this answer, made in case SUBMIT
        changes nothing it shows (None: the reply will), and the earlier requests' kept series and lines when half a
        batch is due."""
        items = None if answer is None else self._answer_items(answer)
        self.requests_kept.write_while_waiting()  # none are kept when they cannot wait (not ready()): nothing to do
        return items

    def _answer_items(self, answer):
        """(headers, body) of a 200's answer."""
        body = self.app.json.answer_bytes(answer)
        return [("Content-Type", self.content_type), ("Content-Length", str(len(body)))], body

    def _after(self, state, environ, route, status, items):
        """The after-request hooks as Flask runs them (last registered first): metrics, id and access line, headers;
        in a worker the first two kept as one item for their batch (ops/answered.py)."""
        values, answered = state.__dict__, self.requests_kept
        if answered.ready():
            request_id = answered.add(values, route, "POST", status, environ.get("REMOTE_ADDR"))
        else:
            extensions = self.app.extensions
            extensions["moderation.request_counter"].count(values, route, "POST", status)
            request_id = extensions["moderation.request_log"].finish(values, "POST", route, route, status,
                                                                     environ.get("REMOTE_ADDR"))
        items.append((REQUEST_ID_HEADER, request_id))
        add_headers(items)


def init_app(app):
    """Around the Flask app; the proxy middleware (ops/proxies.py) goes around this, so REMOTE_ADDR is the client's."""
    app.wsgi_app = CommentFastPath(app, app.wsgi_app)
    app.extensions["moderation.comment_fast_path"] = app.wsgi_app
