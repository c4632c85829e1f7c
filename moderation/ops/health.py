"""Liveness and readiness for orchestrators: /healthz (process up), /readyz (model loaded, Redis writable;
its details warn when Redis memory is above 80% of maxmemory or Redis is not keeping writes on disk)."""

from flask import Blueprint, current_app, jsonify

from moderation.store import RedisError
from moderation.store.client import get_probe
from moderation.store.memory import WARN_RATIO, get_memory
from moderation.store.persistence import RedisPersistence, get_persistence

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
    body["warnings"] = []
    try:
        memory = body["redis_memory"] = get_memory().read()
    except RedisError as error:
        body["redis_memory"] = None
        body["warnings"].append(f"redis memory unknown: {error.__class__.__name__}")
    else:
        if memory["ratio"] is not None and memory["ratio"] > WARN_RATIO:
            body["warnings"].append(f"redis memory at {memory['ratio']:.0%} of maxmemory: flagged comments get "
                                    "503 once it is full (raise maxmemory or trim old data)")
    try:
        persistence = body["redis_persistence"] = get_persistence().read()
    except RedisError as error:
        body["redis_persistence"] = None
        body["warnings"].append(f"redis persistence unknown: {error.__class__.__name__}")
    else:
        body["warnings"].extend(RedisPersistence.warnings(persistence))
    return jsonify(body), 200 if ready else 503
