"""The site-facing removal request API: file a request, read its state, file the poster's appeal."""

import secrets
import time

from flask import Blueprint, g, jsonify, request

from moderation.api.api_keys import require_api_key
from moderation.api.validation import idempotency_key, parse_json_body
from moderation.rights import intake, process
from moderation.store.rate_limits import get_limiter

bp = Blueprint("requests_api", __name__, url_prefix="/api/v1/requests")


@bp.post("")
@require_api_key
def file_request():
    """201 with the receipt: id, status, received_at, due_at; filed again with the same Idempotency-Key (a retry
    after a 503 or a lost answer), the first receipt. Filed with none, the service gives it one, which its 503
    names, so the retry sending it back is answered with the first receipt too."""
    body = parse_json_body(request)
    key = idempotency_key(request.headers.get("Idempotency-Key"))
    if key is None:
        key = g.minted_idempotency_key = f"request-{secrets.token_urlsafe(16)}"
    get_limiter().check(g.site, [("key", "all", 1)], now=time.time())
    record = intake.receive(g.site, intake.parse_request(g.site, body), "api", key)
    return jsonify({key: process.view(record)[key] for key in ("id", "status", "received_at", "due_at")}), 201


@bp.get("/<request_id>")
@require_api_key
def get_request(request_id):
    return jsonify(process.view(process.load(g.site, request_id)))


@bp.post("/<request_id>/answers")
@require_api_key
def file_answer(request_id):
    """The consulted poster's answer, forwarded by the site while the request waits for it."""
    body = parse_json_body(request)
    return jsonify(process.view(process.poster_answer(g.site, request_id, body.get("statement")))), 202


@bp.post("/<request_id>/appeals")
@require_api_key
def file_appeal(request_id):
    """The poster's objection, forwarded by the site: the request reopens for a second moderator."""
    body = parse_json_body(request)
    record = process.appeal(g.site, request_id, body.get("statement"))
    return jsonify(process.view(record)), 202
