"""The moderators' API paths of the OpenAPI document: the review queue and decisions."""

from moderation.api.openapi.schemas import _COMMON_ERRORS, _error, _json
from moderation.labels import REJECT_REASONS

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
_QUEUE_ANSWER = {"type": "object", "required": ["moderator", "lease_seconds", "items"],
                 "properties": {"moderator": {"type": "string"}, "lease_seconds": {"type": "number"},
                                "items": {"type": "array", "items": _QUEUE_ITEM}}}
_SITE_QUERY = {"name": "site", "in": "query", "required": False, "schema": {"type": "string", "maxLength": 64},
               "description": "one of the moderator's sites (default: all of them, in configuration order)"}


MODERATOR_PATHS = {
    "/api/v1/moderation/queue": {"get": {
        "tags": ["moderation"], "summary": "The comments the moderator holds now (their live claims), read only",
        "description": "Safe: a GET never leases, so a retry, a prefetch or a crawler takes nothing from the "
                       "queue. Claiming is POST /api/v1/moderation/queue:claim (before 2026-11-30 this GET "
                       "claimed; a tool that used it to take comments must POST instead).",
        "security": [{"moderatorToken": []}],
        "parameters": [_SITE_QUERY],
        "responses": {"200": _json(_QUEUE_ANSWER, "the comments leased to this moderator, highest risk first"),
                      **_MODERATOR_ERRORS, "404": _error("the site is not one of the moderator's")},
    }},
    "/api/v1/moderation/queue:claim": {"post": {
        "tags": ["moderation"], "summary": "Claim up to n open comments of the moderator's sites (a lease)",
        "description": "As the review page: the moderator's live claims first, then the highest risk (or the "
                       "oldest); each claim lasts MODERATION_LEASE_SECONDS and is renewed by claiming again. "
                       "The body is optional (no body: the defaults).",
        "security": [{"moderatorToken": []}],
        "requestBody": {"required": False, "content": {"application/json": {"schema": {
            "type": "object", "properties": {
                "site": _SITE_QUERY["schema"] | {"description": _SITE_QUERY["description"]},
                "n": {"type": "integer", "minimum": 1, "maximum": 50, "description": "default 10"},
                "order": {"enum": ["risk", "age"]},
                "label": {"type": "string", "maxLength": 64,
                          "description": "only comments flagged with this label or harm category, or `reported` "
                                         "(a published comment readers' reports sent to review)"},
                "article": {"type": "string", "maxLength": 128,
                            "description": "an article id prefix or part of its title"}}}}}},
        "responses": {"200": _json(_QUEUE_ANSWER, "the claimed comments"), **_MODERATOR_ERRORS,
                      "404": _error("the site is not one of the moderator's"), "415": _COMMON_ERRORS["415"]},
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
                           "description": "required to reject, and only then: an approval records no reason, so "
                                          "one sent with approve is a 400 naming it (reason_not_recorded)"},
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
