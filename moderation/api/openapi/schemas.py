"""The OpenAPI document's building blocks (refs, answers, common errors) and the comment API's schemas."""

from moderation.labels import LABELS, OVERRIDES


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


# What `moderation` holds in each state of a comment; x-states names the states a branch answers
# (tests/test_moderation_states.py makes each state on a real app and checks the answer takes that branch, and the
# README's table says the same).
MODERATION = {"description": "what moderators did: null when no moderator had to look, pending while it is in the "
                             "review queue, the outcome once a moderator (or a rights request) decided",
              "oneOf": [
    {"type": "null", "x-states": ["allowed", "rejected"],
     "description": "no moderator has looked: published or rejected by the model's scores or an article's or "
                    "author's rule, never queued (a reader's report sends a published one to the queue)"},
    {"type": "object", "required": ["outcome", "claimed"], "additionalProperties": False,
     "x-states": ["queued", "reported", "claimed", "undone", "reopened"],
     "description": "in the review queue: held at arrival, a published comment readers reported, a decision "
                    "its moderator undid (it stays claimed by them) or an admin reopened; claimed is true while a "
                    "moderator holds its lease",
     "properties": {"outcome": {"const": "pending"}, "claimed": {"type": "boolean"}}},
    {"type": "object", "required": ["outcome", "moderator", "decided_at", "reason"], "additionalProperties": False,
     "x-states": ["approved", "rejected_by_moderator", "removed"],
     "description": "decided: by a moderator (reason: the reject reason, null on approval), or removed by a rights "
                    "request (outcome rejected, reason rights_request); a later report does not reopen it",
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
