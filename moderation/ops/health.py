"""Liveness and readiness for orchestrators: /healthz (process up), /readyz (model loaded, Redis writable;
its details warn when Redis memory is above 80% of maxmemory or Redis is not keeping writes on disk)."""

from flask import Blueprint, jsonify

from moderation.scoring.manager import find_manager
from moderation.store import RedisError
from moderation.store.client import get_probe
from moderation.store.memory import get_memory
from moderation.store.persistence import get_persistence

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    return jsonify({"status": "ok"})


@bp.get("/readyz")
def readyz():
    """Ready when the model is loaded and every site's master took a write (a replica or a dead node: 503)."""
    manager = find_manager()
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
    for name, reader in (("memory", get_memory()), ("persistence", get_persistence())):
        try:
            state = body[f"redis_{name}"] = reader.read()
        except RedisError as error:
            body[f"redis_{name}"] = None
            body["warnings"].append(f"redis {name} unknown: {error.__class__.__name__}")
        else:
            body["warnings"].extend(reader.warnings(state))
    return jsonify(body), 200 if ready else 503
