"""moderation: comment moderation for news sites. create_app() builds the service; nothing runs at import."""

import secrets
from pathlib import Path

from flask import Flask

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _secret_key(instance_dir):
    """A stable per-installation session key under the instance folder when none is configured."""
    path = Path(instance_dir) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def create_app(test_config=None, *, with_model=True):
    """Defaults, then MODERATION_* environment variables, then `test_config`; then every resource."""
    from moderation import defaults, errors, settings
    from moderation.api import api_keys, comments, openapi
    from moderation.integrations import akismet, coral, outbox
    from moderation.ops import health, logs, metrics
    from moderation.pages import admin, login, review, security
    from moderation.scoring import manager
    from moderation.store import client

    app = Flask(__name__)
    app.config.from_object(defaults)
    app.config.from_prefixed_env("MODERATION")
    if test_config:
        app.config.update(test_config)
    for name in ("REDIS_URL", "REDIS_PREFIX", "API_KEYS", "MODEL_VERSION", "MODEL_SHA256", "INSTANCE_DIR", "MODEL_DIR"):
        app.config[name] = "" if app.config[name] is None else str(app.config[name])
    app.config["INSTANCE_DIR"] = str(app.config["INSTANCE_DIR"] or PROJECT_ROOT / "var")
    app.config["MODEL_DIR"] = str(app.config["MODEL_DIR"] or PROJECT_ROOT / "model" / "artifacts")
    app.config["MAX_CONTENT_LENGTH"] = int(app.config["MAX_CONTENT_LENGTH"])
    app.config["SECRET_KEY"] = app.config.get("SECRET_KEY") or _secret_key(app.config["INSTANCE_DIR"])
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=bool(app.config["SESSION_COOKIE_SECURE"]),
        SESSION_COOKIE_NAME="moderation_session",
    )

    errors.init_app(app)
    api_keys.init_app(app)
    client.init_app(app)
    if with_model:
        manager.init_app(app)
    app.register_blueprint(health.bp)
    app.register_blueprint(comments.bp)
    security.init_app(app)  # the moderators' pages
    app.register_blueprint(login.bp)
    app.register_blueprint(review.bp)
    app.register_blueprint(admin.bp)  # the admins' pages: thresholds, model registry, shadow report
    outbox.init_app(app)  # site integrations: callbacks, Akismet and Coral compatibility
    app.register_blueprint(akismet.bp)
    app.register_blueprint(coral.bp)
    app.register_blueprint(openapi.bp)
    app.config["DEMO"] = settings.boolean(app.config["DEMO"], "DEMO")
    if app.config["DEMO"]:  # the demo article page and its site backend (make run), never in production
        from moderation.integrations import demo

        app.register_blueprint(demo.bp)
    logs.init_app(app)  # request ids and JSON logs, /metrics
    metrics.init_app(app)
    return app
