"""The removal-request paths of the OpenAPI document: a request, its state, answers, appeals and transparency."""

from moderation.api.openapi.schemas import _COMMON_ERRORS, RETRY_AFTER, _error, _json, _ref
from moderation.api.openapi.webhooks import CRITERION, CRITERION_DETAIL, CRITERION_NAME

REMOVAL_REQUEST = {
    "type": "object", "required": ["requester", "comments", "right", "explanation"],
    "properties": {
        "requester": {"type": "object", "required": ["name", "email", "relation"], "properties": {
            "name": {"type": "string", "minLength": 1, "maxLength": 200, "description": "one line; a URL, mail "
                     "address, host name (evil.example, evil.みんな) or IP address (192.168.0.1, 2001:db8::1) is a 400 "
                     "(code address_in_name): the mails open with it"},
            "email": {"type": "string", "format": "email", "maxLength": 254},
            "relation": {"enum": ["self", "representative"]}}},
        "comments": {"type": "array", "minItems": 1, "maxItems": 20, "description": "comment ids or the site's "
                     "comment URLs (?comment=<id>, #comment-<id> or a last path segment <id>); one the service does "
                     "not hold is kept as given when it is an http(s) URL or an id of letters, digits and -_.~@+=; "
                     "with SITE_URLS set, a URL outside every one of the site's addresses is a 400 (code foreign_url)",
                     "items": {"type": "string", "minLength": 1, "maxLength": 2048}},
        "right": {"enum": ["reputation", "privacy", "portrait", "copyright", "other"]},
        "explanation": {"type": "string", "minLength": 1, "maxLength": 4000},
        "statement": {"type": "string", "maxLength": 4000, "description": "optional; no attachments"},
    },
}
_OUTCOME = {"enum": ["removed", "not_removed", "partially_removed"]}
_REFS = {"type": "array", "items": {"type": "string"}, "description": "references to comments not held: "
         "removed_not_held the site takes down, restored_not_held the site puts back (an appeal's decision no longer "
         "removes them)"}
_STEP = {"enum": ["received", "investigating", "poster_consulted", "decided", "appealed"]}
REQUEST_STATE = {
    "type": "object", "required": ["id", "status", "right", "comments", "received_at", "due_at", "decision", "appeal"],
    "properties": {
        "id": {"type": "string"}, "status": _STEP, "right": {"type": "string"},
        "comments": {"type": "array", "items": {"type": "string"}, "description": "ids of the comments it names "
                     "that the service holds"},
        "not_held": {"type": "array", "items": {"type": "string"}, "description": "references (URLs or ids) as the "
                     "requester gave them, to comments the service does not hold (past its retention, or never "
                     "sent to it): the site finds them"},
        "received_at": {"type": "string", "format": "date-time"}, "due_at": {"type": "string", "format": "date-time"},
        "consult_until": {"type": ["string", "null"], "format": "date-time"},
        "poster_answered_at": {"type": ["string", "null"], "format": "date-time"},
        "decision": {"oneOf": [{"type": "null"}, {"type": "object", "required": ["outcome", "criterion", "reason"],
                                                  "properties": {"outcome": _OUTCOME, "removed_not_held": _REFS,
                                                                 "restored_not_held": _REFS, "criterion": CRITERION,
                                                                 "criterion_name": CRITERION_NAME,
                                                                 "criterion_detail": CRITERION_DETAIL}}]},
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


REQUEST_PATHS = {
    "/api/v1/requests": {"post": {
        "tags": ["removal requests"], "summary": "File a removal request for a rights holder",
        "parameters": [{"name": "Idempotency-Key", "in": "header", "required": False, "description":
                        "filed again under the same key within a day (a retry), the first receipt",
                        "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"}}],
        "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("RemovalRequest")}}},
        "responses": {"201": _json({"type": "object", "required": ["id", "status", "received_at", "due_at"],
                                    "properties": {"id": {"type": "string"}, "status": {"const": "received"},
                                                   "received_at": {"type": "string", "format": "date-time"},
                                                   "due_at": {"type": "string", "format": "date-time"}}},
                                   "the receipt"), **_COMMON_ERRORS,
                      "409": _error("the Idempotency-Key was used for another request"),
                      "503": {**_COMMON_ERRORS["503"], "headers": {**RETRY_AFTER, "Idempotency-Key": {
                          "description": "a request filed with no Idempotency-Key: the key the service filed it "
                          "under; send it with the retry and it is answered with the first receipt",
                          "schema": {"type": "string"}}}}},
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
                                      "decided_by_criterion", "consultations", "appeals"],
                                      "properties": {"decided_by_criterion": {
                                          "type": "object", "description": "first decisions per criterion applied "
                                          "(every code, 0 included), and `unclassified`: those recorded with free "
                                          "text before the codes (until 2026-12-03)"}}},
                                      "comments": {"type": "object", "required": [
                                          "received", "allowed", "held", "rejected_automatically",
                                          "approved_by_people", "rejected_by_people", "by_label", "by_rule",
                                          "rejected_by_reason", "reader_reports"]}}}},
                                  "text/csv": {"schema": {"type": "string"}}}},
                      "400": _COMMON_ERRORS["400"], "401": _COMMON_ERRORS["401"], "429": _COMMON_ERRORS["429"],
                      "503": _COMMON_ERRORS["503"]},
    }},
}
