"""moderation: comment moderation for news sites. create_app() builds the service; nothing runs at import."""

import secrets
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _make_private(instance_dir):
    """The instance folder holds the session key and the embedded Redis data (password hashes, session ids,
    comment text): the folder 0700, the embedded data's folders 0700 and files 0600 (its AOF included), so no
    other local user reads them. Only the folders the service owns are walked."""
    root = Path(instance_dir)
    root.mkdir(parents=True, exist_ok=True)
    root.chmod(0o700)
    data = root / "redis"
    for path in [data, *data.rglob("*")] if data.is_dir() else []:
        if path.is_symlink() or not (path.is_dir() or path.is_file()):
            continue  # sockets keep their own mode (unixsocketperm); links are not followed
        path.chmod(0o700 if path.is_dir() else 0o600)


def _secret_key(instance_dir):
    """A stable per-installation session key under the instance folder when none is configured."""
    path = Path(instance_dir) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def create_app(test_config=None, *, with_model=True):
    """Settings (defaults, then MODERATION_* environment variables, then `test_config`) parsed once; then
    every resource. A setting that cannot be parsed stops here with a message naming the variable."""
    from moderation import errors, settings
    from moderation.api import articles, authors, checks, comments, newsroom, openapi, transparency
    from moderation.api import requests as removal_requests
    from moderation.integrations import akismet, coral, outbox
    from moderation.ops import health, json_provider, key_file_watch, logs, metrics, proxies, url_rules
    from moderation.pages import (
        accounts,
        admin,
        history,
        home,
        leases,
        login,
        lookup,
        models,
        public,
        request_queue,
        review,
        security,
        thresholds,
    )
    from moderation.pages import articles as articles_page
    from moderation.scoring import manager
    from moderation.store import client

    parsed = settings.load(test_config)
    key_file_watch.check_reader(parsed)  # under gunicorn, only the master of gunicorn.conf.py reads the keys file
    parsed = parsed.replace(INSTANCE_DIR=parsed.instance_dir or str(PROJECT_ROOT / "var"),
                            MODEL_DIR=parsed.model_dir or str(PROJECT_ROOT / "model" / "artifacts"))
    _make_private(parsed.instance_dir)
    parsed = parsed.replace(SECRET_KEY=parsed.secret_key or _secret_key(parsed.instance_dir))
    app = url_rules.App(__name__)
    app.extensions["moderation.settings"] = parsed
    app.config.update({name: value for name, value in (test_config or {}).items() if name not in settings.BY_NAME})
    app.config.update(  # what Flask itself reads
        SECRET_KEY=parsed.secret_key, MAX_CONTENT_LENGTH=parsed.max_content_length,
        SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax", SESSION_COOKIE_SECURE=parsed.session_cookie_secure,
        SESSION_COOKIE_NAME="moderation_session",
    )

    json_provider.init_app(app)  # orjson: UTF-8 answers, keys sorted as before
    errors.init_app(app)
    client.init_app(app)
    _make_private(parsed.instance_dir)  # again: the files the embedded Redis has just created (AOF, log)
    if with_model:
        manager.init_app(app)
    app.register_blueprint(health.bp)
    comments.init_app(app)  # the site-facing API and its fast path for POST /api/v1/comments
    app.register_blueprint(articles.bp)  # the article registry and its circuit breaker
    app.register_blueprint(authors.bp)  # authors' standing and strikes
    app.register_blueprint(checks.bp)  # comments:check, the pre-post nudge
    app.register_blueprint(removal_requests.bp)  # removal requests: the site's API and its report
    app.register_blueprint(transparency.bp)
    app.register_blueprint(newsroom.bp)  # the moderation API for newsroom tools (moderator tokens)
    security.init_app(app)  # the moderators' pages
    home.init_app(app)  # / and the localised 404 page
    app.register_blueprint(login.bp)
    app.register_blueprint(review.bp)  # the review queue, its history, who holds what
    app.register_blueprint(history.bp)
    app.register_blueprint(leases.bp)
    app.register_blueprint(articles_page.bp)  # articles by heat, their mode (issue 17)
    app.register_blueprint(lookup.bp)  # search, the readers' reports, the author panel
    app.register_blueprint(request_queue.bp)  # removal requests: the moderators' queue, then the public pages
    app.register_blueprint(public.bp)
    app.register_blueprint(accounts.bp)  # the admins' accounts page
    admin.init_app(app)  # the admins' pages: thresholds, model registry, shadow report
    app.register_blueprint(thresholds.bp)
    app.register_blueprint(models.bp)
    outbox.init_app(app)  # site integrations: callbacks, Akismet and Coral compatibility
    app.register_blueprint(akismet.bp)
    app.register_blueprint(coral.bp)
    app.register_blueprint(openapi.bp)
    if parsed.demo:  # the demo article page and its site backend (make run), never in production
        from moderation.integrations import demo

        app.register_blueprint(demo.bp)
    logs.init_app(app)  # request ids and JSON logs, /metrics
    metrics.init_app(app)
    proxies.init_app(app)  # REMOTE_ADDR: the client's address through MODERATION_TRUSTED_PROXIES only (outermost)
    return app
