"""The newsroom paths of the OpenAPI document: an article's and an author's moderation state."""

from moderation.api.openapi.schemas import _COMMON_ERRORS, STANDINGS, _error, _json, _ref

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
        "responses": {"200": _json(_ref("Article"), "the article"), "400": _COMMON_ERRORS["400"],
                      "401": _COMMON_ERRORS["401"], "404": _error("no comment or registration for this article"),
                      "503": _COMMON_ERRORS["503"]},
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
                      "400": _COMMON_ERRORS["400"], "401": _COMMON_ERRORS["401"], "503": _COMMON_ERRORS["503"]},
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
