"""Liveness and readiness for orchestrators: /healthz (process up), /readyz (model loaded, Redis writable)."""

from flask import Blueprint, current_app, jsonify

from moderation.store.client import get_probe

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    return jsonify({"status": "ok"})


@bp.get("/readyz")
def readyz():
    """Ready when the model is loaded and every site's master took a write (a replica or a dead node: 503)."""
    manager = current_app.extensions.get("moderation.models")
    scorer = manager.active if manager else None
    checks = get_probe().check()
    writable = all(check["ok"] for check in checks.values())
    ready = scorer is not None and writable
    first = next(iter(checks.values()))
    body = {"status": "ready" if ready else "not_ready", "model_version": getattr(scorer, "version", None),
            "redis": "ok" if writable else "unwritable", "redis_node": first.get("node"),
            "redis_server": first.get("server"),
            "redis_sites": {site: check.get("node") or check.get("error") for site, check in checks.items()}}
    return jsonify(body), 200 if ready else 503
