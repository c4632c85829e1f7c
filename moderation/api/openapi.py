"""The OpenAPI 3.1 description of the site-facing HTTP API, served at GET /api/v1/openapi.json.

Built in code beside the implementation and checked against the running app by tests/test_openapi.py
(schemathesis: no 5xx, every response documented and matching its schema).
"""

from flask import Blueprint, jsonify

from moderation.api.openapi_webhooks import WEBHOOKS
from moderation.labels import LABELS, REASONS, REJECT_REASONS

bp = Blueprint("openapi", __name__, url_prefix="/api/v1")


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _error(description):
    return _json(_ref("Error"), description)


def _text(description, enum=None):
    schema = {"type": "string"}
    if enum:
        schema["enum"] = enum
    return {"description": description, "content": {"text/plain": {"schema": schema}}}


RETRY_AFTER = {"Retry-After": {"description": "seconds to wait before retrying", "schema": {"type": "string"}}}
# Akismet's and Coral's answers have no field for the harm categories: they travel in headers (integrations/verdict.py)
CATEGORY_HEADERS = {
    "X-Moderation-Categories": {"description": "compact JSON {category: probability}, the API answer's numbers "
                                               "(comment-check with a text only)", "schema": {"type": "string"}},
    "X-Moderation-Model-Version": {"description": "the model that scored the text", "schema": {"type": "string"}},
}

_COMMON_ERRORS = {
    "400": _error("a field or the body is not acceptable (`error.field` names it)"),
    "401": _error("missing or unknown API key"),
    "413": _error("body larger than MODERATION_MAX_CONTENT_LENGTH (64 KiB)"),
    "415": _error("body is not application/json"),
    "429": {**_error("rate limit reached; retry after Retry-After seconds"), "headers": RETRY_AFTER},
    "503": {**_error("Redis cannot take the write; retry after Retry-After seconds"), "headers": RETRY_AFTER},
}

PROBABILITY = {"type": "number", "minimum": 0, "maximum": 1}
SCORES = {"type": "object", "description": "probability per label",
          "properties": {label: PROBABILITY for label in LABELS},
          "required": list(LABELS), "additionalProperties": PROBABILITY}

CATEGORIES = {"type": "object", "description": "probability per harm category (abuse is the largest of them)",
              "properties": {name: {"type": "number", "minimum": 0, "maximum": 1} for name in (
                  "threat", "hate", "harassment", "sexual", "self_harm", "personal_info", "defamation")},
              "additionalProperties": {"type": "number", "minimum": 0, "maximum": 1}}

OVERRIDES = ["article_closed", "article_premoderated", "author_suspended", "author_premoderated", "author_trusted"]
STANDINGS = ["good", "warned", "premoderated", "suspended", "trusted"]
DECISION = {
    "type": "object",
    "required": ["id", "decision", "status", "scores", "labels", "model_version", "explanation"],
    "properties": {
        "id": {"type": "string"},
        "decision": {"type": "string", "enum": ["allow", "review", "reject"],
                     "description": "what to do now: publish, hold (queued for moderators) or reject"},
        "status": {"type": "string", "enum": ["published", "pending", "rejected"]},
        "scores": SCORES,
        "categories": CATEGORIES,
        "labels": {"type": "array", "items": {"type": "string"},
                   "description": "labels and categories over their review threshold"},
        "model_version": {"type": ["string", "null"]},
        "explanation": {"type": "array", "items": {"type": "object"},
                        "description": "spans or features that pushed the scores (empty when the comment is allowed)"},
        "reason": {"type": ["string", "null"], "enum": [*OVERRIDES, None],
                   "description": "set when an article's or an author's rule overrode the model's decision"},
        "author_standing": {"enum": STANDINGS, "description": "the author's standing as the comment arrived (with an "
                            "author id only): suspended authors' comments are rejected, premoderated ones' held"},
    },
}

COMMENT = {
    "type": "object",
    "required": ["id", "article_id", "text"],
    "properties": {
        "id": {"type": "string", "minLength": 1, "maxLength": 128, "description": "the site's own comment id"},
        "article_id": {"type": "string", "minLength": 1, "maxLength": 256},
        "text": {"type": "string", "minLength": 1, "maxLength": 10000, "description": "1-10,000 characters after NFC"},
        "author": {"type": "object", "properties": {"id": {"type": "string", "minLength": 1, "maxLength": 128},
                                                    "name": {"type": "string", "minLength": 1, "maxLength": 128}}},
        "ip": {"type": "string", "anyOf": [{"format": "ipv4"}, {"format": "ipv6"}]},
        "user_agent": {"type": "string", "minLength": 1, "maxLength": 1024},
        "url": {"type": "string", "format": "uri", "pattern": "^https?://", "maxLength": 2048},
        "created_at": {"type": "string", "format": "date-time"},
        "lang": {"type": "string", "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$"},
        "article_title": {"type": "string", "minLength": 1, "maxLength": 300,
                          "description": "shown to moderators beside the comment"},
        "article_url": {"type": "string", "format": "uri", "pattern": "^https?://", "maxLength": 2048},
        "parent_id": {"type": "string", "minLength": 1, "maxLength": 128,
                      "description": "the comment this one replies to (its text is shown when the service has it)"},
        "article_category": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]{0,63}$",
                             "description": "the article's category (e.g. politics): its MODERATION_CATEGORY_POLICIES "
                                            "rule, while in force, brings its own thresholds"},
        "nudged": {"type": "boolean", "description": "posted after a comments:check nudge (needs check_token)"},
        "check_token": {"type": "string", "pattern": "^[0-9a-f]{64}$",
                        "description": "the check_token comments:check answered: tells unchanged from revised"},
    },
    "additionalProperties": True,
}

NUDGE = {"oneOf": [{"type": "null"}, {
    "type": "object", "required": ["category", "message", "spans"],
    "description": "for the commenter, before posting: shown when the comment would be held or rejected for a harm",
    "properties": {
        "category": {"type": "string", "description": "the harm the wording speaks to"},
        "message": {"type": "object", "required": ["ja", "en"],
                    "properties": {"ja": {"type": "string"}, "en": {"type": "string"}}},
        "spans": {"type": "array", "items": {"type": "object", "required": ["start", "end", "text", "category"],
                                             "properties": {"start": {"type": "integer"}, "end": {"type": "integer"},
                                                            "text": {"type": "string"},
                                                            "category": {"type": "string"}}}}}}]}

CHECK = {
    "type": "object",
    "required": ["decision", "scores", "categories", "labels", "model_version", "nudge", "check_token"],
    "properties": {
        "id": {"type": ["string", "null"]},
        "decision": DECISION["properties"]["decision"], "scores": SCORES, "categories": CATEGORIES,
        "labels": DECISION["properties"]["labels"], "model_version": {"type": ["string", "null"]},
        "explanation": DECISION["properties"]["explanation"],
        "article_category": {"type": ["string", "null"]},
        "category_policy": {"type": ["string", "null"], "description": "the article category whose rule applied"},
        "reason": {**DECISION["properties"]["reason"],
                   "description": "the article's mode or the author's standing that posting would meet, as stored "
                                  "now (a cool-down or decay due at the next comment is not applied)"},
        "article_mode": {"enum": ["open", "premoderated", "closed"]},
        "author_standing": {"enum": [*STANDINGS, None], "description": "null without an author id or standing"},
        "check_token": {"type": "string", "pattern": "^[0-9a-f]{64}$",
                        "description": "SHA-256 of the checked text: send it back with nudged: true"},
        "nudge": NUDGE,
    },
}

MODERATION = {"oneOf": [
    {"type": "null"},
    {"type": "object", "required": ["outcome", "claimed"],
     "properties": {"outcome": {"const": "pending"}, "claimed": {"type": "boolean"}}},
    {"type": "object", "required": ["outcome", "moderator", "decided_at", "reason"],
     "properties": {"outcome": {"enum": ["approved", "rejected"]}, "moderator": {"type": ["string", "null"]},
                    "decided_at": {"type": "string", "format": "date-time"}, "reason": {"type": ["string", "null"]}}},
]}

AKISMET_FIELDS = {
    "api_key": {"type": "string", "description": "your API key (only here in the body, never in the host name)"},
    "blog": {"type": "string", "description": "the site's front page URL (required)"},
    "user_ip": {"type": "string", "description": "the commenter's IP address (required)"},
    "user_agent": {"type": "string"}, "referrer": {"type": "string"}, "permalink": {"type": "string"},
    "comment_type": {"type": "string"}, "comment_author": {"type": "string"},
    "comment_author_email": {"type": "string"}, "comment_author_url": {"type": "string"},
    "comment_content": {"type": "string"}, "blog_lang": {"type": "string"}, "blog_charset": {"type": "string"},
    "is_test": {"type": "string"},
}


REMOVAL_REQUEST = {
    "type": "object", "required": ["requester", "comments", "right", "explanation"],
    "properties": {
        "requester": {"type": "object", "required": ["name", "email", "relation"], "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 200},
            "email": {"type": "string", "format": "email", "maxLength": 254},
            "relation": {"enum": ["self", "representative"]}}},
        "comments": {"type": "array", "minItems": 1, "maxItems": 20, "description": "comment ids or the site's "
                     "comment URLs (?comment=<id>, #comment-<id> or a last path segment <id>)",
                     "items": {"type": "string", "minLength": 1, "maxLength": 2048}},
        "right": {"enum": ["reputation", "privacy", "portrait", "copyright", "other"]},
        "explanation": {"type": "string", "minLength": 1, "maxLength": 4000},
        "statement": {"type": "string", "maxLength": 4000, "description": "optional; no attachments"},
    },
}
_OUTCOME = {"enum": ["removed", "not_removed", "partially_removed"]}
_STEP = {"enum": ["received", "investigating", "poster_consulted", "decided", "appealed"]}
REQUEST_STATE = {
    "type": "object", "required": ["id", "status", "right", "comments", "received_at", "due_at", "decision", "appeal"],
    "properties": {
        "id": {"type": "string"}, "status": _STEP, "right": {"type": "string"},
        "comments": {"type": "array", "items": {"type": "string"}},
        "received_at": {"type": "string", "format": "date-time"}, "due_at": {"type": "string", "format": "date-time"},
        "consult_until": {"type": ["string", "null"], "format": "date-time"},
        "poster_answered_at": {"type": ["string", "null"], "format": "date-time"},
        "decision": {"oneOf": [{"type": "null"}, {"type": "object", "required": ["outcome", "criterion", "reason"],
                                                  "properties": {"outcome": _OUTCOME}}]},
        "appeal": {"oneOf": [{"type": "null"}, {"type": "object", "required": ["appealed_at"]}]},
    },
}
_REQUEST_ID = {"name": "request_id", "in": "path", "required": True,
               "schema": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^[^/]+$"}}


def _statement_post(summary, done, conflict):
    """A poster's statement about a request, forwarded by the site."""
    return {"post": {
        "tags": ["removal requests"], "summary": summary, "parameters": [_REQUEST_ID],
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "type": "object", "required": ["statement"],
            "properties": {"statement": {"type": "string", "minLength": 1, "maxLength": 4000}}}}}},
        "responses": {"202": _json(_ref("RemovalRequestState"), done), **_COMMON_ERRORS,
                      "404": _error("no such request for this site"), "409": _error(conflict)},
    }}


_ARTICLE_ID = {"name": "article_id", "in": "path", "required": True,
               "schema": {"type": "string", "minLength": 1, "maxLength": 256,
                          "pattern": "^[^/\\x00-\\x1f\\x7f-\\x9f]+$"}}
_MODE = {"enum": ["open", "premoderated", "closed"]}
ARTICLE = {
    "type": "object", "required": ["id", "mode", "set_by", "floor", "window"],
    "properties": {
        "id": {"type": "string"}, "title": {"type": ["string", "null"]}, "url": {"type": ["string", "null"]},
        "category": {"type": ["string", "null"]}, "published_at": {"type": ["string", "null"]},
        "mode": {**_MODE, "description": "open; premoderated: every new comment held (reason "
                 "article_premoderated); closed: new comments rejected (reason article_closed)"},
        "set_by": {"enum": ["person", "breaker", None], "description": "who set the mode (null: never set)"},
        "set_by_name": {"type": ["string", "null"]},
        "floor": {**_MODE, "description": "the mode a person set: the breaker never goes below it"},
        "mode_changed_at": {"type": ["string", "null"], "format": "date-time"},
        "window": {"type": "object", "required": ["seconds", "comments", "flagged", "flagged_share", "harms"],
                   "description": "the breaker's window: comments, flagged ones (the model held or rejected them), "
                                  "their share and the labels they carried",
                   "properties": {"seconds": {"type": "integer"}, "comments": {"type": "integer"},
                                  "flagged": {"type": "integer"}, "flagged_share": {"type": "number"},
                                  "harms": {"type": "object", "additionalProperties": {"type": "integer"}}}},
        "breaker": {"type": "object", "description": "the breaker's configuration for this article"},
    },
}
ARTICLE_PATHS = {"/api/v1/articles/{article_id}": {
    "put": {
        "tags": ["articles"], "summary": "Register or update an article; `mode` sets its comment section's mode",
        "description": "A mode set here is a person's: the circuit breaker may close a premoderated article "
                       "during a pile-on but never steps below this mode by itself. Setting `open` restarts "
                       "the breaker's window. A change is sent as the article.mode_changed webhook.",
        "parameters": [_ARTICLE_ID],
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "type": "object", "properties": {
                "title": {"type": "string", "minLength": 1, "maxLength": 300},
                "url": {"type": "string", "format": "uri", "pattern": "^https?://", "maxLength": 2048},
                "category": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]{0,63}$",
                             "description": "chooses the breaker's per-category configuration (a comment's "
                                            "article_category, when it carries one, is learnt here too)"},
                "published_at": {"type": "string", "format": "date-time"}, "mode": _MODE,
                "by": {"type": "string", "minLength": 1, "maxLength": 128, "description": "who (for the audit)"},
                "note": {"type": "string", "minLength": 1, "maxLength": 500}}}}}},
        "responses": {"200": _json(_ref("Article"), "the article"), **_COMMON_ERRORS},
    },
    "get": {
        "tags": ["articles"], "summary": "An article's mode, who set it and the breaker's window counts",
        "parameters": [_ARTICLE_ID],
        "responses": {"200": _json(_ref("Article"), "the article"), "401": _COMMON_ERRORS["401"],
                      "404": _error("no comment or registration for this article"), "503": _COMMON_ERRORS["503"]},
    },
}}

_AUTHOR_ID = {"name": "author_id", "in": "path", "required": True,
              "schema": {"type": "string", "minLength": 1, "maxLength": 128,
                         "pattern": "^[^/\\x00-\\x1f\\x7f-\\x9f]+$"}}
_STAMP = {"type": ["string", "null"], "format": "date-time"}
AUTHOR = {
    "type": "object", "required": ["id", "standing", "until", "points", "strikes", "counts", "recent"],
    "properties": {
        "id": {"type": "string"}, "standing": {"enum": STANDINGS}, "until": _STAMP,
        "set_by": {"type": ["string", "null"], "description": "person, strikes, or null (never changed)"},
        "set_by_name": {"type": ["string", "null"]}, "note": {"type": ["string", "null"]},
        "floor": {"type": ["string", "null"], "description": "a level a person set: strikes never go below it"},
        "points": {"type": "integer", "description": "the live strikes' points (each decays after decay_days)"},
        "strikes": {"type": "array", "items": {"type": "object", "required": ["comment_id", "points", "at"],
                                               "properties": {"comment_id": {"type": "string"},
                                                              "points": {"type": "integer"},
                                                              "at": {"type": "string", "format": "date-time"}}}},
        "counts": {"type": "object", "properties": {name: {"type": "integer"}
                                                    for name in ("submitted", "approved", "rejected")},
                   "description": "submitted: every comment received from the author; approved, rejected: "
                                  "moderators' decisions only (an automatic rejection is not counted)"},
        "recent": {"type": "array", "items": {"type": "object"}, "description": "the latest 20 comments' decisions"},
    },
}
AUTHOR_PATHS = {"/api/v1/authors/{author_id}": {
    "get": {
        "tags": ["authors"], "summary": "An author's standing, strikes, counts and recent decisions",
        "parameters": [_AUTHOR_ID],
        "responses": {"200": _json(_ref("Author"), "the author (an unknown one is in good standing)"),
                      "401": _COMMON_ERRORS["401"], "503": _COMMON_ERRORS["503"]},
    },
    "put": {
        "tags": ["authors"], "summary": "A person sets an author's standing",
        "description": "good or trusted forgive the strikes; warned and premoderated stay as a floor; suspended "
                       "lasts until `until` (none: until a person changes it). A change is sent as the "
                       "author.standing_changed webhook.",
        "parameters": [_AUTHOR_ID],
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "type": "object", "required": ["standing"], "properties": {
                "standing": {"enum": STANDINGS},
                "until": {"type": "string", "format": "date-time", "description": "suspended only; in the future"},
                "note": {"type": "string", "minLength": 1, "maxLength": 500},
                "by": {"type": "string", "minLength": 1, "maxLength": 128}}}}}},
        "responses": {"200": _json(_ref("Author"), "the author"), **_COMMON_ERRORS},
    },
}}

REQUEST_PATHS = {
    "/api/v1/requests": {"post": {
        "tags": ["removal requests"], "summary": "File a removal request for a rights holder",
        "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("RemovalRequest")}}},
        "responses": {"201": _json({"type": "object", "required": ["id", "status", "received_at", "due_at"],
                                    "properties": {"id": {"type": "string"}, "status": {"const": "received"},
                                                   "received_at": {"type": "string", "format": "date-time"},
                                                   "due_at": {"type": "string", "format": "date-time"}}},
                                   "the receipt"), **_COMMON_ERRORS},
    }},
    "/api/v1/requests/{request_id}": {"get": {
        "tags": ["removal requests"], "summary": "A removal request's state (never the requester's contact)",
        "parameters": [_REQUEST_ID],
        "responses": {"200": _json(_ref("RemovalRequestState"), "the request"),
                      "401": _COMMON_ERRORS["401"], "404": _error("no such request for this site"),
                      "503": _COMMON_ERRORS["503"]},
    }},
    "/api/v1/requests/{request_id}/answers": _statement_post(
        "The consulted poster's answer (once, while consulted)", "recorded",
        "the poster was not consulted, or answered already"),
    "/api/v1/requests/{request_id}/appeals": _statement_post(
        "The poster's appeal: the request reopens for another moderator", "reopened",
        "not decided yet, or appealed already"),
    "/api/v1/transparency": {"get": {
        "tags": ["removal requests"], "summary": "The site's transparency report for UTC days from..to",
        "parameters": [{"name": name, "in": "query", "required": False,
                        "schema": {"type": "string", "format": "date"},
                        "description": f"YYYY-MM-DD; default {default}"}
                       for name, default in (("from", "the first day of this month"), ("to", "today"))],
        "responses": {"200": {"description": "JSON, or CSV (site, from, to, metric, value) with Accept: text/csv",
                              "content": {"application/json": {"schema": {
                                  "type": "object", "required": ["site", "from", "to", "requests", "comments"],
                                  "properties": {"requests": {"type": "object", "required": [
                                      "received", "decided", "decided_within_deadline", "decided_late",
                                      "median_days_to_decision", "p90_days_to_decision", "outcomes_by_right",
                                      "consultations", "appeals"]},
                                      "comments": {"type": "object", "required": [
                                          "received", "allowed", "held", "rejected_automatically",
                                          "approved_by_people", "rejected_by_people", "by_label",
                                          "rejected_by_reason", "reader_reports"]}}}},
                                  "text/csv": {"schema": {"type": "string"}}}},
                      "400": _COMMON_ERRORS["400"], "401": _COMMON_ERRORS["401"], "429": _COMMON_ERRORS["429"],
                      "503": _COMMON_ERRORS["503"]},
    }},
}


_QUEUE_ITEM = {
    "type": "object",
    "required": ["site", "comment_id", "text", "labels", "scores", "received_at", "lease_until"],
    "properties": {
        "site": {"type": "string"}, "comment_id": {"type": "string"},
        "text": {"type": "string", "description": "the commenter's text: data, never markup"},
        **{name: {"type": ["string", "null"]} for name in (
            "article_id", "article_title", "article_url", "parent_id", "author_id", "author_name", "model_version")},
        "labels": {"type": "array", "items": {"type": "string"}}, "scores": {"type": "object"},
        "categories": {"type": "object"},
        "received_at": {"type": ["string", "null"], "format": "date-time"},
        "lease_until": {"type": ["string", "null"], "format": "date-time",
                        "description": "the claim lapses then; the comment goes back to the queue"},
        "author_standing": {"enum": ["good", "warned", "premoderated", "suspended", "trusted", None],
                            "description": "the author's standing now (null without an author id)"},
        "article_mode": {"enum": ["open", "premoderated", "closed", None],
                         "description": "the article's comment mode now (open for an article never registered)"},
    },
}
_MODERATOR_ERRORS = {
    "400": _error("a query field or body field is not acceptable (`error.field` names it)"),
    "401": _error("missing, unknown or revoked moderator token, or the account is disabled"),
    "503": _COMMON_ERRORS["503"],
}
_SITE_QUERY = {"name": "site", "in": "query", "required": False, "schema": {"type": "string", "maxLength": 64},
               "description": "one of the moderator's sites (default: all of them, in configuration order)"}

MODERATOR_PATHS = {
    "/api/v1/moderation/queue": {"get": {
        "tags": ["moderation"], "summary": "Claim up to n open comments of the moderator's sites (a lease)",
        "description": "As the review page: the moderator's live claims first, then the highest risk (or the "
                       "oldest); each claim lasts MODERATION_LEASE_SECONDS and is renewed by asking again.",
        "security": [{"moderatorToken": []}],
        "parameters": [
            _SITE_QUERY,
            {"name": "n", "in": "query", "required": False,
             "schema": {"type": "string", "pattern": "^[0-9]{1,2}$"}, "description": "1-50, default 10"},
            {"name": "order", "in": "query", "required": False, "schema": {"enum": ["risk", "age"]}},
            {"name": "label", "in": "query", "required": False, "schema": {"type": "string", "maxLength": 64},
             "description": "only comments flagged with this label or harm category, or `reported` (a published "
                            "comment readers' reports sent to review)"},
            {"name": "article", "in": "query", "required": False, "schema": {"type": "string", "maxLength": 128},
             "description": "an article id prefix or part of its title"},
        ],
        "responses": {"200": _json({"type": "object", "required": ["moderator", "lease_seconds", "items"],
                                    "properties": {"moderator": {"type": "string"},
                                                   "lease_seconds": {"type": "number"},
                                                   "items": {"type": "array", "items": _QUEUE_ITEM}}},
                                   "the claimed comments"),
                      **_MODERATOR_ERRORS, "404": _error("the site is not one of the moderator's")},
    }},
    "/api/v1/moderation/decisions": {"post": {
        "tags": ["moderation"], "summary": "Approve or reject one comment, once (as the review page does)",
        "description": "The decision is audited, sent to the site's webhook and kept as a training label; a "
                       "second decision is a 409 naming who decided. The same moderator repeating the same "
                       "decision gets the stored one back.",
        "security": [{"moderatorToken": []}],
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "type": "object", "required": ["comment_id", "outcome"],
            "properties": {
                "comment_id": {"type": "string", "minLength": 1, "maxLength": 128},
                "outcome": {"enum": ["approve", "reject"]},
                "reason": {"type": ["string", "null"], "enum": [*REJECT_REASONS, None],
                           "description": "required to reject"},
                "site": {"type": "string", "maxLength": 64,
                         "description": "needed only when the id is on several of the moderator's sites"},
                "message": {"type": "string", "maxLength": 1000,
                            "description": "to the commenter, sent with the decision's webhook"}}}}}},
        "responses": {"200": _json({"type": "object", "required": ["site", "comment_id", "outcome", "reason",
                                                                   "moderator", "decided_at"],
                                    "properties": {"site": {"type": "string"}, "comment_id": {"type": "string"},
                                                   "outcome": {"enum": ["approved", "rejected"]},
                                                   "reason": {"type": ["string", "null"]},
                                                   "moderator": {"type": "string"},
                                                   "decided_at": {"type": "string", "format": "date-time"}}},
                                   "decided"),
                      **_MODERATOR_ERRORS, "404": _error("no such comment on the moderator's sites"),
                      "409": _error("already decided (error.by, error.outcome), claimed by another moderator "
                                    "(error.by), or not in the review queue"),
                      "413": _COMMON_ERRORS["413"], "415": _COMMON_ERRORS["415"]},
    }},
}


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
                "responses": {"200": _json(_ref("Decision"), "the decision (the stored one for a repeated id)"),
                              **_COMMON_ERRORS, "409": _error("this id is stored with another text")},
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
                            "error": _ref("ErrorBody"), "status": {"type": "integer"}}},
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
                "parameters": [comment_id],
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["reason"],
                    "properties": {"reason": {"enum": list(REASONS)},
                                   "reporter_id": {"type": "string", "minLength": 1, "maxLength": 128},
                                   "ip": {"type": "string", "maxLength": 64}}}}}},
                "responses": {"202": _json({"type": "object", "required": ["id", "report", "queued_for_review"],
                                            "properties": {"id": {"type": "string"}, "report": {"const": "accepted"},
                                                           "queued_for_review": {"type": "boolean"}}}, "accepted"),
                              **_COMMON_ERRORS, "404": _error("no such comment for this site")},
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
            "/readyz": {"get": {"tags": ["meta"], "summary": "Model loaded and Redis answering", "security": [],
                                "responses": {"200": _json({"type": "object", "required": ["status"]}, "ready"),
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
