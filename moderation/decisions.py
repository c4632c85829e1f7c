"""A moderator's claim and decision: the one code path the review page and the moderation API both call.

Exactly-once, the audit entry, the site's webhook event and the training label all come from the queue's
DECIDE script (store/review_queue/decide_lua.py); this module only checks the action and reason and picks the cards.
"""

from moderation.api.api_keys import configured_sites
from moderation.errors import Conflict, NotFound, ValidationError
from moderation.labels import CATEGORIES, LABELS, REJECT_REASONS

# "reported": a published comment readers' reports sent to review (its record's label)
FILTER_LABELS = (*LABELS, *CATEGORIES, "reported")
ORDERS = ("risk", "age")
ACTIONS = ("approve", "reject", "spam")


def sites_for(account):
    """The sites an account works on: every configured site for an admin or an account not scoped to any."""
    account = account or {}
    configured = configured_sites()
    if account.get("role") == "admin" or not account.get("sites"):
        return configured
    return [site for site in configured if site in account["sites"]]


def message_of(body):
    """The optional message to the commenter that travels with the decision's webhook (up to 1,000 characters)."""
    value = body.get("message")
    if value is None or value == "":
        return ""
    if not isinstance(value, str) or len(value) > 1000 or "\x00" in value:
        raise ValidationError("message must be a string of up to 1000 characters", "message")
    return value.strip()


def decide(queue, comment_id, action, reason, moderator, message="", *, action_field="action"):
    """Approve, reject (with one of REJECT_REASONS) or spam (reject, reason spam) once; returns the record. A reason
    with an approval (or another with spam) is a 400 naming it: nothing would record it, and silence let a tool
    believe it had."""
    if action not in ACTIONS:
        raise ValidationError(f"{action_field} must be approve, reject or spam", action_field)
    if reason and action != "reject" and not (action == "spam" and reason == "spam"):
        raise ValidationError("reason is for reject only: an approval records none (send no reason)"
                              if action == "approve" else "reason with spam can only be spam (or none)", "reason",
                              code="reason_not_recorded")
    if action == "spam":
        action, reason = "reject", "spam"
    if action == "reject" and reason not in REJECT_REASONS:
        raise ValidationError(f"reason must be one of {', '.join(REJECT_REASONS)}", "reason")
    reason = reason if action == "reject" else ""
    return queue.decide(comment_id, action, moderator, reason, category=reason in CATEGORIES, message=message)


def article_matches(record, article):
    """An article id prefix, or part of the article's title (case-insensitive), as the claim script checks it."""
    return not article or (record.get("article_id") or "").startswith(article) \
        or article.lower() in (record.get("article_title") or "").lower()


def matches(record, label, article):
    return (not label or label in (record.get("labels") or [])) and article_matches(record, article)


def ordered(records, order):
    if order == "age":
        return sorted(records, key=lambda r: (r.get("received_at") or 0, r["id"]))
    return sorted(records, key=lambda r: (-r.get("risk", 0), r.get("received_at") or 0, r["id"]))


def claim(queue, moderator, n, *, order="risk", label="", article="", skipped=frozenset(), via="", via_until=0):
    """Lease up to n records matching the filters (the moderator's live claims first), in the order asked; `via`:
    the API token's id (none for the page), whose revoke gives back what it took, and `via_until` when it runs out
    (ms; 0: never), which ends the leases of what it took.

    Claims held from an earlier filter, or skipped on this page, go back to the queue."""

    def wanted(record):
        return matches(record, label, article) and record["id"] not in skipped

    records = queue.claim(moderator, n, order=order, label=label, article_id=article, skip=skipped,
                          via=via, via_until=via_until)
    keep = [r for r in records if wanted(r)]
    if len(keep) < len(records):
        for record in records:
            if not wanted(record):
                _give_back(queue, record["id"], moderator)
        known = {r["id"] for r in keep}
        again = queue.claim(moderator, n, order=order, label=label, article_id=article, skip=skipped,
                            via=via, via_until=via_until)
        keep += [r for r in again if r["id"] not in known and wanted(r)]
        for record in again:
            if record["id"] in skipped:
                _give_back(queue, record["id"], moderator)
    return ordered(keep, order)[:n]


def _give_back(queue, comment_id, moderator):
    """Release a claim the new filter does not want; already released (the last page's beacon) or gone is done."""
    try:
        queue.release(comment_id, moderator)
    except NotFound:
        pass
    except Conflict as error:
        if error.code != "not_claimed":
            raise
