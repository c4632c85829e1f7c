"""The webhook events in the OpenAPI document (its top-level `webhooks`): what a site's receiver is POSTed.

Each schema is self-contained (no $ref), so a receiver, or tests/test_categories.py, can check an event
against it alone. integrations/outbox.py's `event_body` builds the events.
"""

from moderation.labels import CATEGORIES

PROBABILITY = {"type": "number", "minimum": 0, "maximum": 1}
COMMENT_EVENTS = {
    "comment.queued": "held for moderators (`labels` says why; `reason` names an article's or author's rule)",
    "comment.rejected_automatically": "rejected without a person (`labels`, or `reason` for a rule)",
    "comment.approved": "a moderator published it (`by`, `reason`, optional `message` for the commenter)",
    "comment.rejected": "a moderator or a removal request rejected it (`by`, `reason`, `message`)",
    "comment.reopened": "an undo or an admin put it back on the queue",
}
OTHER_EVENTS = {
    "article.mode_changed": "`data`: article_id, mode, previous, set_by (and the window's comments, flagged, "
                            "flagged_share when the breaker moved it)",
    "author.standing_changed": "`data`: author_id, standing, previous, until (ms), strikes, set_by",
}

COMMENT_DATA = {
    "type": "object",
    "required": ["comment_id", "status", "by", "reason", "labels", "categories", "model_version"],
    "properties": {
        "comment_id": {"type": "string"},
        "status": {"enum": ["published", "pending", "rejected"]},
        "by": {"type": ["string", "null"], "description": "the moderator, `system` for the model's decisions"},
        "reason": {"type": ["string", "null"]},
        "labels": {"type": "array", "items": {"type": "string"},
                   "description": "labels and harm categories over their review threshold (queued and "
                                  "rejected_automatically; empty in a person's decision)"},
        "categories": {"type": "object", "description": "the comment's probability per harm category, as in the "
                                                        "API's answer (empty in an event an older version stored)",
                       "properties": dict.fromkeys(CATEGORIES, PROBABILITY), "additionalProperties": PROBABILITY},
        "model_version": {"type": ["string", "null"], "description": "the model that gave those probabilities"},
        "message": {"type": "string", "description": "the moderator's message to the commenter, when there is one"},
    },
}


def _envelope(data, event_type):
    return {"type": "object", "required": ["id", "type", "site", "created_at", "data"], "properties": {
        "id": {"type": "string", "description": "`<site>:<stream id>`, stable across retries: de-duplicate on it"},
        "type": {"const": event_type}, "site": {"type": "string"},
        "created_at": {"type": "string", "format": "date-time"}, "data": data}}


def event_schema(event_type):
    """The JSON schema of one event type's body."""
    data = COMMENT_DATA if event_type in COMMENT_EVENTS else {"type": "object"}
    return _envelope(data, event_type)


def _webhook(event_type, summary):
    return {"post": {
        "tags": ["webhooks"], "summary": summary,
        "description": "Signed: `X-Moderation-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.\" + raw "
                       "body>`; delivered at least once, retried with backoff until a 2xx.",
        "requestBody": {"required": True, "content": {"application/json": {"schema": event_schema(event_type)}}},
        "responses": {"2XX": {"description": "stored by the site; anything else is retried"}},
    }}


WEBHOOKS = {name: _webhook(name, summary) for name, summary in {**COMMENT_EVENTS, **OTHER_EVENTS}.items()}
