"""Liveness and readiness for orchestrators: /healthz (process up), /readyz (model loaded, Redis answering)."""

from flask import Blueprint, current_app, jsonify

from moderation.store.client import ping

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    return jsonify({"status": "ok"})


@bp.get("/readyz")
def readyz():
    manager = current_app.extensions.get("moderation.models")
    scorer = manager.active if manager else None
    redis_ok = ping()
    ready = scorer is not None and redis_ok
    body = {"status": "ready" if ready else "not_ready", "model_version": getattr(scorer, "version", None),
            "redis": "ok" if redis_ok else "unreachable"}
    return jsonify(body), 200 if ready else 503
