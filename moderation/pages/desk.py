"""What every moderators' desk page shares: the sites a moderator works on, the site a request names, the fields
of a JSON body, and a conflict told as a localised notice."""

from flask import abort, request

from moderation.api.api_keys import configured_sites
from moderation.api.validation import json_object
from moderation.decisions import sites_for
from moderation.errors import AlreadyDecided, ClaimedByOther, Forbidden, NotFound, ValidationError
from moderation.pages import i18n
from moderation.pages.cards import inert
from moderation.pages.login import current_moderator


def visible_sites():
    """The sites this moderator works on: every configured site for an admin or a moderator not scoped to any."""
    return sites_for(current_moderator())


def site_of(value, *, json_errors=True):
    """The site a request names (the moderator's first when none): 404 for an unknown one, 403 for another's."""
    if value is not None and not isinstance(value, str):  # ["other"], 7, true: a 400, not the first site's comment
        if json_errors:
            raise ValidationError("site must be a site name", "site", code="wrong_type")
        abort(400)
    configured, mine = configured_sites(), visible_sites()
    value = value or (mine or configured)[0]
    if value not in configured:
        if json_errors:
            raise NotFound("unknown site", "site")
        abort(404)
    if value not in mine:
        if json_errors:
            raise Forbidden("this site is not one of yours", "site")
        abort(403)
    return value


def json_body():
    """The review page's JSON object, read as the API reads one (json_object): a lone surrogate or a bad value is a
    400 naming its field, not 'a JSON object is required' naming the body."""
    if not request.is_json:
        raise ValidationError("a JSON object is required", "body")
    return json_object(request.get_data(cache=True))


def comment_id_of(body):
    value = body.get("id")
    if not isinstance(value, str) or not 1 <= len(value) <= 128:
        raise ValidationError("id must be a comment id", "id")
    return value


def text_of(value, limit=128):
    return value.strip()[:limit] if isinstance(value, str) else ""


def notice(error):
    """A conflict as a clear, localised notice (409 JSON), never an error page."""
    body = {"code": error.code, "field": error.field, "message": error.message}
    if isinstance(error, AlreadyDecided):
        outcome = i18n.translate(f"outcome.{error.outcome}") if error.outcome else error.outcome
        body.update(by=error.by, outcome=error.outcome,
                    message=i18n.translate("notice.already_decided", by=inert(error.by), outcome=outcome))
    elif isinstance(error, ClaimedByOther):
        body.update(by=error.by, message=i18n.translate("notice.claimed_by_other", by=inert(error.by)))
    elif error.code == "undo_expired":
        body["message"] = i18n.translate("notice.undo_expired")
    elif isinstance(error, NotFound):
        body["message"] = i18n.translate("notice.not_found")
    return body
