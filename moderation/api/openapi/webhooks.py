"""The webhook events in the OpenAPI document (its top-level `webhooks`): what a site's receiver is POSTed.

Each schema is self-contained (no $ref), so a receiver, or tests/test_categories.py, can check an event
against it alone. integrations/outbox.py's `event_body` builds the events.
"""

from moderation.labels import CATEGORIES
from moderation.rights.criteria import CRITERIA, DETAIL_LIMIT, KEEP
from moderation.rights.intake import RIGHTS
from moderation.rights.process import OUTCOMES

PROBABILITY = {"type": "number", "minimum": 0, "maximum": 1}
# A decision's criterion: a code (removal ones for removed and partially_removed, the KEEP ones for not_removed), or
# the free text a decision recorded before the codes (until 2026-12-03) kept
CRITERION = {"anyOf": [
    {"enum": list(CRITERIA), "description": f"the criterion applied; not_removed applies one of {', '.join(KEEP)}, "
                                            "a removal one of the others"},
    {"type": "string", "description": "a decision recorded before the criteria were codes (until 2026-12-03): "
                                      "its free text"}]}
CRITERION_DETAIL = {"type": ["string", "null"], "maxLength": DETAIL_LIMIT,
                    "description": "the moderator's own words beside the criterion (null or empty: none)"}
CRITERION_NAME = {"type": ["object", "null"], "required": ["ja", "en"],
                  "properties": {"ja": {"type": "string"}, "en": {"type": "string"}},
                  "description": "the criterion's words in Japanese and English, as the service's own notice says "
                                 "them (null for a free-text criterion from before the codes)"}
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

DATE = {"type": "string", "format": "date-time"}
IDS = {"type": "array", "items": {"type": "string"}}
DAYS_LEFT = {"type": "number", "description": "days to the deadline, to 2 decimals; negative once past it, and 0 "
                                              "(never -0.0) within 0.005 day (7 minutes) either side of it"}
REQUESTER = {"type": "object", "required": ["name", "email"],
             "properties": {"name": {"type": "string"}, "email": {"type": "string"}}}
REQUEST_FIELDS = {  # data fields per removal-request event, beside request_id, status and by (rights/)
    "request.received": ("a removal request arrived (`comment_ids`, `not_held_references`: URLs or ids as given of "
                         "comments the service does not hold, `right`, `due_at`: the deadline); with "
                         "`receipt: webhook` (no SMTP) `requester` carries the name and address for the site to send "
                         "the receipt, with `receipt: smtp` the service's worker mails it",
                         {"right": {"enum": list(RIGHTS)}, "comment_ids": IDS, "not_held_references": IDS,
                          "due_at": DATE,
                          "receipt": {"enum": ["smtp", "webhook"]}, "requester": REQUESTER}),
    "request.poster_consulted": (
        "a moderator asks the poster (`author_ids`) for their view by `answer_by`; never names the requester",
        {"right": {"enum": list(RIGHTS)}, "explanation": {"type": "string"}, "comment_ids": IDS,
         "not_held_references": IDS, "author_ids": IDS, "answer_by": DATE}),
    "request.due_soon": ("an open request's deadline is within MODERATION_REQUEST_ALERT_DAYS (once)",
                         {"due_at": DATE, "days_left": DAYS_LEFT}),
    "request.overdue": ("an open request passed its deadline (once)",
                        {"due_at": DATE, "days_left": DAYS_LEFT}),
    "request.decided": (
        "decided (`outcome`, `criterion` and its `criterion_detail`, `reason`, `removed_comment_ids`, "
        "`removed_references`: comments the "
        "service does not hold, for the site to take down by the reference given; after an appeal "
        "`restored_references`, those the new decision no longer removes, for the site to put back); with "
        "`notice: webhook` (no SMTP) "
        "`requester` carries the name and address for the site to mail",
        {"outcome": {"enum": list(OUTCOMES)}, "criterion": CRITERION, "criterion_name": CRITERION_NAME,
         "criterion_detail": CRITERION_DETAIL,
         "reason": {"type": "string"},
         "removed_comment_ids": IDS, "removed_references": IDS, "restored_references": IDS,
         "notice": {"enum": ["smtp", "webhook"]},
         "requester": REQUESTER}),
    "request.appealed": ("the poster objected: the request is open again, due at `due_at`", {"due_at": DATE}),
}
REQUEST_EVENTS = {name: summary for name, (summary, _fields) in REQUEST_FIELDS.items()}


def _request_data(event_type):
    fields = REQUEST_FIELDS[event_type][1]
    required = ["request_id", "status", "by", *(name for name in fields if name != "requester")]
    return {"type": "object", "required": required, "properties": {
        "request_id": {"type": "string"}, "status": {"type": "string", "description": "the request's status"},
        "by": {"type": ["string", "null"], "description": "`requester`, `poster`, `system` or the moderator"},
        **fields}}


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
        "request_id": {"type": "string", "description": "a removal request that took the comment down"},
        "right": {"type": "string", "description": "the right that request claimed"},
        "criterion": CRITERION, "criterion_name": CRITERION_NAME, "criterion_detail": CRITERION_DETAIL,
    },
}


def _envelope(data, event_type):
    return {"type": "object", "required": ["id", "type", "site", "created_at", "data"], "properties": {
        "id": {"type": "string", "description": "`<site>:<stream id>`, stable across retries: de-duplicate on it"},
        "type": {"const": event_type}, "site": {"type": "string"},
        "created_at": {"type": "string", "format": "date-time"}, "data": data}}


def event_schema(event_type):
    """The JSON schema of one event type's body."""
    if event_type in COMMENT_EVENTS:
        data = COMMENT_DATA
    elif event_type in REQUEST_FIELDS:
        data = _request_data(event_type)
    else:
        data = {"type": "object"}
    return _envelope(data, event_type)


def _webhook(event_type, summary):
    return {"post": {
        "tags": ["webhooks"], "summary": summary,
        "description": "Signed: `X-Moderation-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.\" + raw "
                       "body>`; delivered at least once, retried with backoff until a 2xx.",
        "requestBody": {"required": True, "content": {"application/json": {"schema": event_schema(event_type)}}},
        "responses": {"2XX": {"description": "stored by the site; anything else is retried"}},
    }}


WEBHOOKS = {name: _webhook(name, summary)
            for name, summary in {**COMMENT_EVENTS, **OTHER_EVENTS, **REQUEST_EVENTS}.items()}
