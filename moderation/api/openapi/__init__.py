"""The OpenAPI 3.1 description of the site-facing HTTP API, served at GET /api/v1/openapi.json.

Built in code beside the implementation and checked against the running app by tests/test_openapi.py
(schemathesis: no 5xx, every response documented and matching its schema). The schemas and paths of each
area live beside this file (schemas, newsroom, removals, moderators, webhooks); build_spec() assembles them.
"""

from flask import Blueprint, jsonify

from moderation.api.openapi.moderators import MODERATOR_PATHS
from moderation.api.openapi.newsroom import ARTICLE, ARTICLE_PATHS, AUTHOR, AUTHOR_PATHS
from moderation.api.openapi.removals import REMOVAL_REQUEST, REQUEST_PATHS, REQUEST_STATE
from moderation.api.openapi.schemas import (
    _COMMON_ERRORS,
    AKISMET_FIELDS,
    CATEGORY_HEADERS,
    CHECK,
    COMMENT,
    DECISION,
    MODERATION,
    RETRY_AFTER,
    _error,
    _json,
    _ref,
    _text,
)
from moderation.api.openapi.webhooks import WEBHOOKS
from moderation.labels import REASONS

bp = Blueprint("openapi", __name__, url_prefix="/api/v1")


def _akismet(summary, answers, description, headers=None):
    ok = _text("Akismet's plain-text answer; `invalid` for a bad key (see X-akismet-debug-help)",
               None if answers is None else [*answers, "invalid"])
    return {"post": {
        "tags": ["akismet"], "summary": summary, "description": description, "security": [],
        "requestBody": {"required": True, "content": {"application/x-www-form-urlencoded": {
            "schema": {"type": "object", "properties": AKISMET_FIELDS}}}},
        "responses": {"200": {**ok, "headers": headers} if headers else ok,
                      "503": {**_text("the label store is unavailable; retry"), "headers": RETRY_AFTER}},
    }}


def build_spec():
    comment_id = {"name": "comment_id", "in": "path", "required": True,
                  "schema": {"type": "string", "minLength": 1, "maxLength": 128, "pattern": "^[^/]+$"}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "moderation", "version": "1",
                 "description": "Comment moderation for news sites: score comments, hold flagged ones for review, "
                                "hear the decisions back (webhooks). Akismet- and Coral-compatible endpoints."},
        "servers": [{"url": "/"}],
        "security": [{"bearer": []}],
        "paths": {
            "/api/v1/comments": {"post": {
                "tags": ["comments"], "summary": "Score one comment (queued for review when flagged)",
                "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("Comment")}}},
                "responses": {"200": _json(_ref("Decision"), "the decision (the stored one for a repeated id, even "
                                                                "over a rate limit: a retry of a stored comment is "
                                                                "answered, never 429)"),
                              **_COMMON_ERRORS, "409": _error("this id is stored with another text"),
                              "429": {**_COMMON_ERRORS["429"], "description": "rate limit reached and this id is not "
                                      "stored (nothing was); retry after Retry-After seconds"}},
            }},
            "/api/v1/comments:batch": {"post": {
                "tags": ["comments"], "summary": "Score 1-100 comments; one answer or one error per item, in order",
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["comments"],
                    "properties": {"comments": {"type": "array", "minItems": 1, "maxItems": 100,
                                                "items": _ref("Comment")}}}}}},
                "responses": {"200": _json({"type": "object", "required": ["results"], "properties": {
                    "results": {"type": "array", "items": {"anyOf": [
                        {"allOf": [_ref("Decision"), {"type": "object", "required": ["index"],
                                                      "properties": {"index": {"type": "integer"}}}]},
                        {"type": "object", "required": ["index", "id", "error", "status"], "properties": {
                            "index": {"type": "integer"}, "id": {"type": ["string", "null"]},
                            "error": {**_ref("ErrorBody"), "description": "`field` names the item's own field "
                                      "(`text`, `id`, `author`...), or the item, `comments[<index>]`, when it is "
                                      "not a JSON object"},
                            "status": {"type": "integer"}}},
                    ]}}}}, "results"), **_COMMON_ERRORS,
                    "413": _error("body larger than MODERATION_BATCH_MAX_CONTENT_LENGTH (6,400 KiB)")},
            }},
            "/api/v1/comments:check": {"post": {
                "tags": ["comments"], "summary": "What submitting this comment would decide, and a nudge for the "
                                                 "commenter; stores and queues nothing (its own rate limit)",
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    **COMMENT, "required": ["article_id", "text"]}}}},
                "responses": {"200": _json(_ref("Check"), "the decision submit would give, and the nudge"),
                              **_COMMON_ERRORS},
            }},
            "/api/v1/comments/{comment_id}": {"get": {
                "tags": ["comments"], "summary": "Current status, scores and, once decided, who decided, when and why",
                "parameters": [comment_id],
                "responses": {"200": _json(_ref("CommentStatus"), "the comment"), "401": _COMMON_ERRORS["401"],
                              "404": _error("no such comment for this site"), "503": _COMMON_ERRORS["503"]},
            }},
            "/api/v1/comments/{comment_id}/reports": {"post": {
                "tags": ["comments"], "summary": "Forward a reader's report (a label; review once reported enough)",
                "parameters": [comment_id, {"name": "Idempotency-Key", "in": "header", "required": False,
                                            "description": "without a reporter_id: the same key again (a retry) "
                                            "counts once", "schema": {"type": "string", "minLength": 1,
                                                                      "maxLength": 255, "pattern": "^[!-~]+$"}}],
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["reason"],
                    "properties": {"reason": {"enum": list(REASONS)},
                                   "reporter_id": {"type": "string", "minLength": 1, "maxLength": 128},
                                   "ip": {"type": "string", "maxLength": 64}}}}}},
                "responses": {"202": _json({"type": "object", "required": ["id", "report", "queued_for_review"],
                                            "properties": {"id": {"type": "string"}, "report": {"const": "accepted"},
                                                           "queued_for_review": {"type": "boolean"}}}, "accepted"),
                              **_COMMON_ERRORS, "404": _error("no such comment for this site"),
                              "503": {**_COMMON_ERRORS["503"], "headers": {**RETRY_AFTER, "Idempotency-Key": {
                                  "description": "a report sent with neither reporter_id nor Idempotency-Key: the "
                                  "key the service counted it under; send it with the retry and it counts once",
                                  "schema": {"type": "string"}}}}},
            }},
            "/api/v1/queue": {"get": {
                "tags": ["queue"], "summary": "Open items per label, claimed items, oldest age, counters",
                "responses": {"200": _json({"type": "object", "required": ["open", "ready", "claimed"],
                                            "properties": {"open": {"type": "integer"}, "ready": {"type": "integer"},
                                                           "claimed": {"type": "integer"},
                                                           "by_label": {"type": "object"},
                                                           "oldest_age_seconds": {"type": "number"},
                                                           "counters": {"type": "object"}}}, "queue statistics"),
                              "401": _COMMON_ERRORS["401"], "429": _COMMON_ERRORS["429"],
                              "503": _COMMON_ERRORS["503"]},
            }},
            "/api/v1/coral/moderate": {"post": {
                "tags": ["coral"], "summary": "Coral external moderation phase",
                "description": "Signed by Coral: `X-Coral-Signature: sha256=<hex HMAC-SHA256 of the raw body>` with "
                               "the site's secret (MODERATION_CORAL_SECRETS). HTML bodies are scored as text.",
                "security": [{"coral": []}],
                "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("CoralRequest")}}},
                "responses": {"200": {**_json(_ref("CoralResponse"), "flag and hold (PREMOD) or reject (a harm "
                                                                     "category flags COMMENT_DETECTED_TOXIC)"),
                                      "headers": CATEGORY_HEADERS},
                              "204": {"description": "no opinion: the comment looks fine", "headers": CATEGORY_HEADERS},
                              "400": _COMMON_ERRORS["400"], "401": _error("unsigned or wrongly signed"),
                              "413": _COMMON_ERRORS["413"]},
            }},
            **ARTICLE_PATHS,
            **AUTHOR_PATHS,
            **REQUEST_PATHS,
            **MODERATOR_PATHS,
            "/api/v1/openapi.json": {"get": {
                "tags": ["meta"], "summary": "This document", "security": [],
                "responses": {"200": _json({"type": "object", "required": ["openapi", "paths"]}, "OpenAPI 3.1")},
            }},
            "/healthz": {"get": {"tags": ["meta"], "summary": "Process up", "security": [],
                                 "responses": {"200": _json({"type": "object", "required": ["status"]}, "up")}}},
            "/readyz": {"get": {"tags": ["meta"], "summary": "Model loaded and Redis answering",
                                "description": "Without Authorization: `status` alone. With the bearer of "
                                               "MODERATION_METRICS_TOKEN or a site's API key: also `model_version`, "
                                               "the Redis node, server, memory, persistence and `warnings` (a "
                                               "wrong key: 401).",
                                "security": [{}, {"bearer": []}],
                                "responses": {"200": _json({"type": "object", "required": ["status"]}, "ready"),
                                              "401": _COMMON_ERRORS["401"],
                                              "503": _json({"type": "object", "required": ["status"]}, "not ready")}}},
            "/1.1/verify-key": {"post": {
                "tags": ["akismet"], "summary": "Akismet verify-key", "security": [],
                "requestBody": {"required": True, "content": {"application/x-www-form-urlencoded": {"schema": {
                    "type": "object", "properties": {"key": {"type": "string"}, "blog": {"type": "string"}}}}}},
                "responses": {"200": _text("`valid` or `invalid`", ["valid", "invalid"])},
            }},
            "/1.1/comment-check": _akismet("Akismet comment-check", None,
                                           "`true` (spam; `X-akismet-pro-tip: discard` when very confident), "
                                           "`false`, `invalid`, or `Missing required field: ...`; decided by the "
                                           "site's policy over every label and harm category, as the API decides",
                                           CATEGORY_HEADERS),
            "/1.1/submit-spam": _akismet("Akismet submit-spam: a spam label for retraining", None,
                                         "`Thanks for making the web a better place.`"),
            "/1.1/submit-ham": _akismet("Akismet submit-ham: a ham label for retraining", None,
                                        "`Thanks for making the web a better place.`"),
        },
        "webhooks": WEBHOOKS,  # what the site's receiver is POSTed (integrations/outbox.py)
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer", "description": "an API key from MODERATION_API_KEYS"},
                "coral": {"type": "apiKey", "in": "header", "name": "X-Coral-Signature"},
                "moderatorToken": {"type": "http", "scheme": "bearer",
                                   "description": "a moderator's token from `python -m moderation moderator token "
                                                  "NAME` (acts as that moderator, on their sites only)"},
            },
            "schemas": {
                "Comment": COMMENT,
                "Decision": DECISION,
                "Check": CHECK,
                "CommentStatus": {"allOf": [DECISION, {"type": "object", "properties": {
                    "article_id": {"type": ["string", "null"]},
                    "received_at": {"type": ["string", "null"], "format": "date-time"},
                    "moderation": MODERATION}}]},
                "ErrorBody": {"type": "object", "required": ["code", "message", "field"], "properties": {
                    "code": {"type": "string"}, "message": {"type": "string"}, "field": {"type": ["string", "null"]}}},
                "Error": {"type": "object", "required": ["error"], "properties": {"error": _ref("ErrorBody")}},
                "Article": ARTICLE,
                "Author": AUTHOR,
                "RemovalRequest": REMOVAL_REQUEST,
                "RemovalRequestState": REQUEST_STATE,
                "CoralRequest": {"type": "object", "required": ["comment"], "properties": {
                    "action": {"enum": ["NEW", "EDIT"]},
                    "comment": {"type": "object", "required": ["body"], "properties": {
                        "body": {"type": "string"}, "parentID": {"type": ["string", "null"]}}},
                    "author": {"type": "object", "properties": {"id": {"type": "string"}, "role": {"type": "string"}}},
                    "story": {"type": "object", "properties": {"id": {"type": "string"}, "url": {"type": "string"}}},
                    "site": {"type": "object", "properties": {"id": {"type": "string"}}},
                    "tenantID": {"type": "string"}, "tenantDomain": {"type": "string"}}},
                "CoralResponse": {"type": "object", "required": ["actions", "status"], "properties": {
                    "actions": {"type": "array", "items": {"type": "object", "required": ["actionType", "reason"],
                                                           "properties": {
                                                               "actionType": {"const": "FLAG"},
                                                               "reason": {"enum": ["COMMENT_DETECTED_TOXIC",
                                                                                   "COMMENT_DETECTED_SPAM"]}}}},
                    "status": {"enum": ["NONE", "PREMOD", "REJECTED"]}}},
            },
        },
    }


@bp.get("/openapi.json")
def openapi_json():
    return jsonify(build_spec())
