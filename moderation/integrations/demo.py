"""The reader's side, for `make run` (MODERATION_DEMO=1): an article page and a tiny news-site backend.

The blueprint plays a separate site. Its backend scores each posted comment through the public API with
the demo site's API key (in-process, through the WSGI app, exactly the request a site would send), keeps
the comment in its own store, and shows it published, or to its author only as 「審査中」. The outbox
worker calls back ``POST /demo/webhook`` with signed events; the backend verifies the signature,
de-duplicates on the event id and updates the comment, and the page polls ``GET /demo/comments``, so a
moderator's decision appears without a reload.

Demo state lives in store/demo_comments.py (the key table is in store/keys.py).
"""

import atexit
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import subprocess
import sys
import time
import uuid
from pathlib import Path

from flask import Blueprint, current_app, jsonify, redirect, render_template, request, url_for
from werkzeug.test import Client

from moderation import settings
from moderation.integrations.webhooks import SIGNATURE_HEADER, verify
from moderation.store import RedisError
from moderation.store.demo_comments import get_demo_comments

bp = Blueprint("demo", __name__, url_prefix="/demo")
log = logging.getLogger(__name__)

ARTICLE_ID = "minato-library-2026"
ARTICLE_TITLE = "港の赤れんが倉庫、市民の図書館に　来春開館へ"  # sent with each comment: the cards name the article
AUTHOR_COOKIE = "demo_author"
NAME_LIMIT, TEXT_LIMIT = 64, 2000
EVENT_STATUS = {"comment.approved": "published", "comment.rejected": "rejected",
                "comment.rejected_automatically": "rejected", "comment.reopened": "pending",
                "comment.queued": "pending"}


def _site():
    return settings.get().demo_site


def _store():
    return get_demo_comments(_site())


def _api_key():
    return settings.get().api_keys.key_of(_site())


def _author_token():
    token = request.cookies.get(AUTHOR_COOKIE, "")
    return token if 16 <= len(token) <= 64 and token.replace("-", "").replace("_", "").isalnum() else ""


def _author_hash(token):
    return hashlib.sha256(token.encode()).hexdigest() if token else ""


def _csrf(token):
    return hmac.new(current_app.secret_key.encode(), f"demo-csrf:{token}".encode(), hashlib.sha256).hexdigest()


def _visible(author_hash):
    """The comments this reader may see: published ones, and their own pending or rejected ones."""
    out = []
    for item in _store().all():
        if item.get("placeholder"):  # an event for a comment this page never stored (posted via the API)
            continue
        mine = bool(author_hash) and hmac.compare_digest(item.get("author", ""), author_hash)
        if item["status"] == "published" or mine:
            out.append({"id": item["id"], "name": item["name"], "text": item["text"], "status": item["status"],
                        "at": item["at"], "mine": mine})
    out.sort(key=lambda c: c["at"])
    return out


def _with_cookie(response, token):
    if request.cookies.get(AUTHOR_COOKIE) != token:
        response.set_cookie(AUTHOR_COOKIE, token, max_age=180 * 86400, httponly=True, samesite="Lax",
                            secure=settings.get().session_cookie_secure)
    return response


@bp.get("/")
def article():
    token = _author_token() or secrets.token_urlsafe(24)
    try:
        comments = _visible(_author_hash(token))
    except RedisError:
        comments = []
    page = render_template("demo/article.html", comments=comments, csrf=_csrf(token), error=request.args.get("e"),
                           title=ARTICLE_TITLE)
    response = current_app.make_response(page)
    response.headers["Cache-Control"] = "no-store"
    return _with_cookie(response, token)


@bp.get("/comments")
def comments():
    try:
        visible = _visible(_author_hash(_author_token()))
    except RedisError:
        return jsonify({"error": "unavailable"}), 503
    response = jsonify({"comments": visible})
    response.headers["Cache-Control"] = "no-store"
    return response


def _fail(message, status, wants_json):
    if wants_json:
        return jsonify({"error": message}), status
    return redirect(url_for("demo.article", e=message, _anchor="comments"), code=303)


def _form(wants_json):
    """((author token, name, text, API key), None) for a posted form, or (None, the failure answer)."""
    token = _author_token()
    # as bytes: compare_digest raises TypeError for a str with a character outside ASCII (csrf=é was a 500)
    if not token or not hmac.compare_digest(request.form.get("csrf", "").encode(), _csrf(token).encode()):
        return None, _fail("ページを再読み込みしてからもう一度お試しください。", 400, wants_json)
    name = " ".join(request.form.get("name", "").split())[:NAME_LIMIT] or "匿名"
    text = request.form.get("text", "").strip()
    if not text:
        return None, _fail("コメントを入力してください。", 400, wants_json)
    if len(text) > TEXT_LIMIT:
        return None, _fail(f"コメントは{TEXT_LIMIT}文字以内でお願いします。", 400, wants_json)
    key = _api_key()
    if key is None:
        return None, _fail("デモサイトのAPIキーが設定されていません。", 503, wants_json)
    return (token, name, text, key), None


def _api(path, key, token, name, body):
    """The site's backend calls the moderation API like any site would (here through the WSGI app)."""
    return Client(current_app._get_current_object()).post(
        path, headers={"Authorization": f"Bearer {key}"},
        json={"article_id": ARTICLE_ID, "article_title": ARTICLE_TITLE, "lang": "ja",
              "author": {"id": _author_hash(token)[:32], "name": name},
              "ip": request.remote_addr if _is_ip(request.remote_addr) else None,
              "url": request.url_root + "demo/" if _PLAIN_ROOT.match(request.url_root) else None, **body})


# The page's address from the Host the browser sent, when it is a plain host[:port]: the API refuses a URL urllib
# cannot split ("Host: ["), and every post then failed as if the service were down
_PLAIN_ROOT = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?/\Z")
_REFUSED = "使えない文字が含まれているため投稿できません。内容を確かめてください。"


def _api_failure(answer, wants_json, busy):
    """The reader's answer when the API did not take the comment: what it refused (a NUL or other character the
    form lets through) is a 400 saying so, not the 503 'try again later' a refusal got before; 429 and 5xx stay."""
    if 400 <= answer.status_code < 500 and answer.status_code != 429:
        return _fail(_REFUSED, 400, wants_json)
    return busy


@bp.post("/check")
def check_comment():
    """Before posting: the nudge for the reader (never the scores), and the token to post the comment with."""
    form, failure = _form(True)
    if failure is not None:
        return failure
    token, name, text, key = form
    answer = _api("/api/v1/comments:check", key, token, name, {"text": text})
    if answer.status_code != 200:  # the page then posts without a nudge: the check never blocks a comment
        log.warning("demo: comments:check answered %s", answer.status_code)
        return _api_failure(answer, True, (jsonify({"error": "unavailable"}), 503))
    return jsonify({"nudge": answer.json["nudge"], "check_token": answer.json["check_token"]})


@bp.post("/comments")
def post_comment():
    wants_json = request.accept_mimetypes.best == "application/json"
    form, failure = _form(wants_json)
    if failure is not None:
        return failure
    token, name, text, key = form
    comment_id = f"demo-{uuid.uuid4().hex[:16]}"
    nudged = request.form.get("check_token", "")  # the token of the text the reader was nudged on
    after_nudge = {"nudged": True, "check_token": nudged} if re.fullmatch(r"[0-9a-f]{64}", nudged) else {}
    answer = _api("/api/v1/comments", key, token, name, {"id": comment_id, "text": text, **after_nudge})
    if answer.status_code != 200:
        log.warning("demo: scoring API answered %s", answer.status_code)
        return _api_failure(answer, wants_json,
                            _fail("ただいま投稿できません。しばらくしてからもう一度お試しください。", 503, wants_json))
    status = answer.json["status"]
    item = {"id": comment_id, "name": name, "text": text, "status": status, "author": _author_hash(token),
            "at": int(time.time() * 1000), "event": ""}
    try:
        _store_new(item)
    except RedisError:
        return _fail("ただいま投稿できません。しばらくしてからもう一度お試しください。", 503, wants_json)
    if wants_json:
        return jsonify({"comment": {k: item[k] for k in ("id", "name", "text", "status", "at")} | {"mine": True}})
    return redirect(url_for("demo.article", _anchor="comments"), code=303)


def _is_ip(value):
    import ipaddress

    try:
        ipaddress.ip_address(value or "")
        return True
    except ValueError:
        return False


def _store_new(item):
    """Store a freshly posted comment; an event that arrived before it (fast worker) is applied on top."""

    def posted(early):
        return item | ({"status": early["status"], "event": early.get("event", "")} if early else {})

    item.update(_store().update(item["id"], posted))


def _entry_order(event_id):
    stamp = event_id.rsplit(":", 1)[-1]
    ms, _, seq = stamp.partition("-")
    return (int(ms), int(seq or 0)) if ms.isdigit() and (seq or "0").isdigit() else (0, 0)


@bp.post("/webhook")
def webhook():
    """The demo site's callback endpoint: signature checked, duplicates ignored, the comment updated."""
    hook = current_app.extensions.get("moderation.webhooks", {}).get(_site())
    raw = request.get_data(cache=False)
    if hook is None or not verify(hook["secret"], raw, request.headers.get(SIGNATURE_HEADER)):
        return jsonify({"error": "invalid signature"}), 401
    try:
        event = json.loads(raw)
        event_id, kind = event["id"], event["type"]
        status = EVENT_STATUS.get(kind)
        comment_id = event["data"]["comment_id"] if status else None  # the site's other events carry no comment
    except (ValueError, KeyError, TypeError):
        return jsonify({"error": "malformed event"}), 400
    store = _store()
    if not store.first_sighting(event_id):
        return jsonify({"duplicate": True}), 200
    if status:
        def applied(item):
            item = item or {"id": comment_id, "name": "", "text": "", "author": "", "at": 0, "event": "",
                            "placeholder": True}
            # Retries can deliver an older event after a newer one: apply each comment's events in stream order.
            if _entry_order(event_id) > _entry_order(item.get("event") or "0-0"):
                return item | {"status": status, "event": event_id}
            return None

        store.update(comment_id, applied)
    return "", 204


def start_worker(app, host, port):
    """For `serve` with the demo on: point the demo site's webhook at this server and run the outbox worker
    beside it (a separate process, so delivery never blocks scoring). Returns the process or None."""
    hooks = app.extensions.setdefault("moderation.webhooks", {})
    site = settings.of(app).demo_site
    if site not in hooks:
        secret_file = Path(settings.of(app).instance_dir) / "demo-webhook-secret"
        if not secret_file.exists():
            secret_file.write_text(secrets.token_urlsafe(32))
            secret_file.chmod(0o600)
        target = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host  # noqa: S104 - mapping, not binding
        hooks[site] = {"url": f"http://{target}:{port}/demo/webhook", "secret": secret_file.read_text().strip()}
    env = dict(os.environ, MODERATION_WEBHOOKS=json.dumps(hooks), MODERATION_DEMO="1",
               MODERATION_INSTANCE_DIR=settings.of(app).instance_dir)
    process = subprocess.Popen([sys.executable, "-m", "moderation", "worker"], env=env, stdin=subprocess.DEVNULL)
    atexit.register(_stop_process, process)
    print(f"demo article page: http://{host}:{port}/demo/ (webhook worker pid {process.pid})", flush=True)
    return process


def _stop_process(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
