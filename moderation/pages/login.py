"""Moderator login for the review pages: sessions kept in Redis, CSRF tokens, throttled failed logins.

The signed session cookie (HttpOnly, SameSite=Lax, Secure when configured) carries only a random session
id, the CSRF token and the language; the session itself lives in Redis (store/sessions.py) so logout
really ends it. Login attempts are counted before the password check, per client address and per account
from that address (store/login_throttle.py; the address comes through MODERATION_TRUSTED_PROXIES); past the
limit that address answers 429 until the window ends, while the account's owner elsewhere still gets in.
Failures are logged, never the password. An account with TOTP enabled (`moderator totp enable NAME`) is asked
for its authenticator code after the right password; the code attempt is throttled like a password.
"""

import functools
import hmac
import logging
import secrets
import time

from flask import abort, current_app, g, redirect, render_template, request, session, url_for

from moderation import settings
from moderation.api.validation import split_url
from moderation.errors import BadCsrf, Forbidden, Unauthorized
from moderation.ops.proxies import limit_key
from moderation.pages import i18n
from moderation.pages.setup import page_blueprint
from moderation.store.login_throttle import get_throttle
from moderation.store.moderators import get_moderators
from moderation.store.sessions import get_sessions

bp = page_blueprint("sessions", __name__)
log = logging.getLogger(__name__)



# -- CSRF ---------------------------------------------------------------------------------------------------

def csrf_token():
    """This browser session's CSRF token (created on first use)."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def csrf_valid():
    sent = request.headers.get("X-CSRF-Token") or request.form.get("csrf_token") or ""
    known = session.get("csrf") or ""
    return bool(known) and hmac.compare_digest(sent.encode(), known.encode())


def require_csrf(*, json_errors):
    """Call at the top of a state-changing view: 400 unless the request carries the session's token."""
    if not csrf_valid():
        if json_errors:
            raise BadCsrf("missing or invalid CSRF token", "X-CSRF-Token")
        abort(400)


# -- sessions -----------------------------------------------------------------------------------------------

def current_moderator():
    """The logged-in moderator's account, or None (one removed or disabled since login, or whose password changed
    since, counts as logged out: a login that read the old password just as a reset ended the account's sessions
    started its own after them). A session from before stamps were kept (846278a) has none and counts as logged out
    too: nothing is grandfathered, an upgrade costs each moderator one login."""
    if "moderator" in g:
        return g.moderator
    g.moderator = None
    sid = session.get("sid")
    if sid:
        name, stamp = get_sessions().holder(sid)
        account = get_moderators().get(name, stamp=True) if name else None
        current = account.pop("stamp") if account else None
        if account and not account["disabled"] and stamp and stamp == current:
            g.moderator = account
    return g.moderator


def session_ended():
    """This request's session was ended since it was checked (a logout in another tab, a reset, a removal): asked
    after a write that must not outlive it, one HGET."""
    sid = session.get("sid")
    return not sid or get_sessions().name(sid) is None


def _start_session(account):
    sid = secrets.token_urlsafe(32)
    get_sessions().start(sid, account["name"], request.remote_addr, settings.get().session_hours * 3600,
                         account["stamp"])
    lang = session.get("lang")
    session.clear()  # a fresh cookie: no fixation of an earlier session or token
    session["sid"] = sid
    session["csrf"] = secrets.token_urlsafe(32)
    if lang:
        session["lang"] = lang


def _end_session():
    sid = session.get("sid")
    if sid:
        get_sessions().end(sid)
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang


def page_login_required(view):
    """Pages: redirect to /login (then back) without a session."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if current_moderator() is None:
            return redirect(url_for("sessions.login", next=_return_path()))
        return view(*args, **kwargs)

    return wrapped


def _return_path():
    """Where a login goes back to: the page asked for, or for a form sent after the session ended (a POST) the page it
    was sent from (its same-origin Referer), else the queue: a form's own URL answers a GET with 405, as a request's
    decision form's did."""
    if request.method in ("GET", "HEAD"):
        return request.full_path.rstrip("?")
    parts = split_url(request.referrer or "")
    if parts is None or parts.netloc != request.host:
        return url_for("review.queue_page")
    return parts.path + (f"?{parts.query}" if parts.query else "")


def api_login_required(view):
    """JSON endpoints behind the page: 401 without a session, 400 for a POST without the CSRF token."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if current_moderator() is None:
            raise Unauthorized("log in first", "session")
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            require_csrf(json_errors=True)
        return view(*args, **kwargs)

    return wrapped


def require_admin():
    if (current_moderator() or {}).get("role") != "admin":
        raise Forbidden("only an admin may do this", "role")


def _safe_next(target):
    """Only a path on this site (no scheme, no host, no '//' or '\\' tricks) may follow the login."""
    target = target or ""
    parts = split_url(target)
    if parts is None:  # "http://[", "//[": urllib cannot split it, so it is no path of ours either
        return url_for("review.queue_page")
    odd = any(ord(c) < 33 or c in "\\\x7f" for c in target)  # controls, spaces, backslashes
    if odd or not target.startswith("/") or target.startswith("//") or parts.scheme or parts.netloc:
        return url_for("review.queue_page")
    return target




# -- views --------------------------------------------------------------------------------------------------

@bp.route("/login", methods=["GET", "POST"])
def login():
    next_url = _safe_next(request.values.get("next"))
    if request.method == "GET":
        if current_moderator() is not None:
            return redirect(next_url)
        notice = i18n.translate("login.logged_out") if request.args.get("bye") else None
        return render_template("login.html", next_url=next_url, notice=notice, csrf=csrf_token())
    require_csrf(json_errors=False)
    pending = session.get("totp_pending") if request.form.get("step") == "code" else None
    if request.form.get("step") == "code" and not _pending_valid(pending):
        return _page(next_url, 401, error=i18n.translate("login.code_expired"))
    name = pending["name"] if pending else (request.form.get("username") or "").strip()
    address = limit_key(request.remote_addr)
    throttle = get_throttle()
    wait, account_n, ip_n = throttle.attempt(name, address, code=bool(pending))  # counted before the check
    if wait:
        log.warning("login refused for account %r from %s: throttled for %d s", name[:64], request.remote_addr, wait)
        error = (i18n.translate("login.throttled_seconds", seconds=wait) if wait < 60  # the backoff's short delays
                 else i18n.translate("login.throttled", minutes=-(-wait // 60)))
        response = current_app.make_response(
            (render_template("login.html", next_url=next_url, error=error, csrf=csrf_token(), username=name), 429))
        response.headers["Retry-After"] = str(wait)
        return response
    if pending:
        return _second_factor(name, pending.get("stamp"), address, next_url, throttle)
    account = get_moderators().authenticate(name, request.form.get("password") or "")
    if account is None:
        log.warning("login failed for account %r from %s (%d recent failures on the account from the address, "
                    "%d from the address)", name[:64], request.remote_addr, account_n, ip_n)
        error = i18n.translate("login.failed")
        return render_template("login.html", next_url=next_url, error=error, csrf=csrf_token(), username=name), 401
    throttle.succeeded(name, address)
    if account["totp"]:  # the password was right; the code comes next, within TOTP_SECONDS
        session["totp_pending"] = {"name": account["name"], "at": int(time.time()), "stamp": account["stamp"]}
        return _page(next_url, 200, totp=True)
    _start_session(account)
    log.info("moderator %r logged in from %s", account["name"], request.remote_addr)
    return redirect(next_url)


TOTP_SECONDS = 300  # between the right password and the code


def _pending_valid(pending):
    return isinstance(pending, dict) and 0 <= time.time() - pending.get("at", 0) <= TOTP_SECONDS


def _page(next_url, status, **fields):
    return render_template("login.html", next_url=next_url, csrf=csrf_token(), **fields), status


def _second_factor(name, stamp, address, next_url, throttle):
    """The code of an account whose password was right (and is still its password: `stamp`): a wrong one counts
    as a failed login."""
    moderators = get_moderators()
    account = moderators.get(name, stamp=True)
    if account is None or account["disabled"] or stamp != account["stamp"] \
            or not moderators.verify_totp(name, request.form.get("code")):
        log.warning("login code refused for account %r from %s", name[:64], request.remote_addr)
        return _page(next_url, 401, totp=True, error=i18n.translate("login.code_failed"))
    throttle.succeeded(name, address, code=True)
    _start_session(account)  # clears the pending step with the rest of the old cookie
    log.info("moderator %r logged in from %s with a TOTP code", account["name"], request.remote_addr)
    return redirect(next_url)


@bp.post("/logout")
def logout():
    require_csrf(json_errors=False)
    account = current_moderator()
    _end_session()  # first: a claim in flight that still finds the session landed before the release below
    if account is not None:
        from moderation.pages.leases import release_everywhere  # leases imports this module

        release_everywhere(account["name"])
    return redirect(url_for("sessions.login", bye=1))

