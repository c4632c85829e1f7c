"""Liveness and readiness for orchestrators: /healthz (process up), /readyz (model loaded, Redis writable).

Anyone may ask /readyz whether the service is ready (a load balancer sends no key): that answer is its status
alone. The detail (model version, Redis node, server and version, memory and persistence, with warnings when
memory is above 80% of maxmemory, Redis is not keeping writes on disk or this worker could not load a newly pinned
model) is the operator's: it goes to a request bearing MODERATION_METRICS_TOKEN or a site's API key (that site's own
line of redis_sites only); a wrong key is a 401, as everywhere."""

import hmac

from flask import Blueprint, jsonify, request

from moderation import settings
from moderation.api.api_keys import bearer_site
from moderation.scoring.manager import find_manager
from moderation.store import RedisError
from moderation.store.client import get_probe
from moderation.store.memory import get_memory
from moderation.store.persistence import get_persistence

bp = Blueprint("health", __name__)
OPERATOR = object()  # the metrics token's bearer: every site's line


@bp.get("/healthz")
def healthz():
    return jsonify({"status": "ok"})


def _reader():
    """Who asks: None without an Authorization header (the public answer), OPERATOR for the metrics token, else the
    site of the API key (bearer_site: 401 for any other)."""
    header = request.headers.get("Authorization")
    if header is None:
        return None
    scheme, _, given = header.partition(" ")
    token = settings.get().metrics_token
    if token and scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode()):
        return OPERATOR
    return bearer_site()


@bp.get("/readyz")
def readyz():
    """Ready when the model is loaded and every site's master took a write (a replica or a dead node: 503)."""
    reader = _reader()  # before any Redis work: a wrong key costs none, the public answer no INFO
    manager = find_manager()
    scorer = manager.active if manager else None
    checks = get_probe().check(described=reader is not None)
    writable = all(check["ok"] for check in checks.values())
    ready = scorer is not None and writable
    status = 200 if ready else 503
    body = {"status": "ready" if ready else "not_ready"}
    if reader is None:
        return jsonify(body), status
    first = checks[reader] if reader in checks else next(iter(checks.values()))  # a site: its own node
    body.update({"model_version": getattr(scorer, "version", None), "redis": "ok" if writable else "unwritable",
                 "redis_node": first.get("node"), "redis_server": first.get("server"),
                 "redis_sites": {site: check.get("node") or check.get("error") for site, check in checks.items()
                                 if reader is OPERATOR or site == reader}})
    body["warnings"] = []
    if manager is not None and manager.last_error:  # still ready: the model it had answers (scoring/manager.py)
        body["warnings"].append(f"model pins not applied, still serving {scorer.version}: {manager.last_error}")
    for name, state_reader in (("memory", get_memory()), ("persistence", get_persistence())):
        try:
            state = body[f"redis_{name}"] = state_reader.read()
        except RedisError as error:
            body[f"redis_{name}"] = None
            body["warnings"].append(f"redis {name} unknown: {error.__class__.__name__}")
        else:
            body["warnings"].extend(state_reader.warnings(state))
    return jsonify(body), status
