"""A removal request's steps after receipt: investigate, consult the poster, decide (removing the comments at once),
tell the requester, take the poster's appeal, and raise deadline alerts."""

import logging
import smtplib

from moderation import settings
from moderation.errors import Conflict, NotFound, ValidationError
from moderation.integrations import mail
from moderation.rights import criteria, links
from moderation.rights.clock import DAY_MS, now_ms
from moderation.rights.intake import salutation
from moderation.store.records import risk_rank
from moderation.store.removal_requests import get_requests
from moderation.store.review_queue import get_queue
from moderation.times import iso, local

log = logging.getLogger(__name__)

OUTCOMES = ("removed", "not_removed", "partially_removed")
STEPS = ("investigating", "poster_consulted")
REASON = "rights_request"
OPEN = ("received", "investigating", "poster_consulted", "appealed")


def _days(name):
    return float(settings.get()[name])


def view(record):
    """What the site (and the requester, through it) may see of a request: never the requester's contact."""
    body = {"id": record["id"], "status": record["status"], "right": record.get("right"),
            "comments": record.get("comments", []), "not_held": record.get("not_held", []),
            "received_at": iso(record["received_at"]),
            "due_at": iso(record["due_at"]), "consult_until": None, "decision": None, "appeal": None}
    if record.get("consult_until"):
        body["consult_until"] = iso(record["consult_until"])
    body["poster_answered_at"] = iso(record["poster_answered_at"]) if record.get("poster_answered_at") else None
    if record.get("decided_at"):
        body["decision"] = {"outcome": record.get("outcome"), "criterion": record.get("criterion"),
                            "criterion_name": criteria.names(record.get("criterion")),
                            "criterion_detail": record.get("criterion_detail") or None,
                            "reason": record.get("reason"), "removed": record.get("removed", []),
                            "removed_not_held": record.get("removed_not_held", []),
                            "restored_not_held": record.get("restored_not_held", []),
                            "decided_at": iso(record["decided_at"]),
                            "within_deadline": record.get("decided_late") == "0"}
    if record.get("appealed_at"):
        body["appeal"] = {"appealed_at": iso(record["appealed_at"]), "outcome": record.get("appeal_outcome") or None}
    return body


def load(site, request_id):
    record = get_requests(site).get(request_id) if isinstance(request_id, str) and len(request_id) <= 64 else None
    if record is None:
        raise NotFound("no such request", "id")
    return record


def advance(site, request_id, step, moderator):
    """Move to investigating, or consult the poster: the site hears request.poster_consulted and the deadline
    moves by REQUEST_CONSULT_DAYS, the longest the service waits for the poster's answer."""
    if step not in STEPS:
        raise ValidationError(f"step must be one of {', '.join(STEPS)}", "step")
    record, now = load(site, request_id), now_ms()
    if step == "investigating":
        return get_requests(site).step(request_id, step, moderator, now_ms=now)
    wait = int(_days("REQUEST_CONSULT_DAYS") * DAY_MS)
    queue = get_queue(site)
    posters = sorted({(queue.get(c) or {}).get("author_id") or "" for c in record["comments"]} - {""})
    event = {"request_id": request_id, "right": record["right"], "explanation": record["explanation"],
             "comment_ids": record["comments"], "not_held_references": record.get("not_held", []),
             "author_ids": posters, "answer_by": iso(now + wait)}
    get_requests(site).step(request_id, step, moderator, now_ms=now, due_at=record["due_at"] + wait,
                            consult_until=now + wait, event=event)


def _removed(record, outcome, selected):
    """(comment ids, references to comments not held) the outcome removes; a partial one names some, not all."""
    held, not_held = list(record["comments"]), list(record.get("not_held", []))
    if outcome == "removed":
        return held, not_held
    if outcome == "not_removed":
        return [], []
    chosen = set(selected or [])
    ids, references = [c for c in held if c in chosen], [r for r in not_held if r in chosen]
    if not ids + references or len(ids) + len(references) == len(held) + len(not_held):
        raise ValidationError("partially_removed needs some, not all, of the request's comments", "remove")
    return ids, references


def decide(site, request_id, outcome, moderator, *, criterion, reason, selected=None, criterion_detail=None):
    """Decide: the comments to remove are rejected at once (reason rights_request, the poster hears why through
    comment.rejected), the decision is stored, and the requester is told by mail or through request.decided. The
    criterion is a code of criteria.CRITERIA that fits the outcome, with the moderator's own detail beside it."""
    if outcome not in OUTCOMES:
        raise ValidationError(f"outcome must be one of {', '.join(OUTCOMES)}", "outcome")
    criterion, detail = criteria.check(outcome, criterion, criterion_detail)
    criterion_name = criteria.names(criterion)
    reason = (reason or "").strip()[:4000]
    if not reason:
        raise ValidationError("a reason for the requester is required", "reason")
    record = load(site, request_id)
    if record["status"] not in OPEN and [record.get("decided_by"), record.get("outcome")] == [moderator, outcome]:
        # this decision again (a retry after a 503 or a lost answer): answered as made, its notice sent once
        if (record.get("notice_at") or 0) < record["decided_at"]:
            notify_requester(site, record, settings.get().smtp_url)
        return record.get("decided_late") == "1", float(record.get("decision_days") or 0)
    if record["status"] not in OPEN:
        raise Conflict(f"already decided by {record.get('decided_by')}", "id", code="already_decided")
    if record.get("appealed_at") and record.get("decided_by") == moderator:
        raise Conflict("an appeal is decided by another moderator than the first decision", "moderator",
                       code="second_moderator_required")
    (removed, removed_not_held), now = _removed(record, outcome, selected), now_ms()
    get_requests(site).begin_decision(request_id, outcome, moderator, removed + removed_not_held, now_ms=now)
    queue = get_queue(site)
    if record.get("appealed_at"):  # an appeal that no longer removes a comment sends it back to review
        for comment_id in [c for c in record.get("removed", []) if c not in removed]:
            try:
                queue.reopen(comment_id, moderator, "rights_request_appeal")
            except (Conflict, NotFound):
                log.info("request %s: comment %s is no longer decided; left as it is", request_id, comment_id)
    for comment_id in removed:
        stored = queue.get(comment_id)
        if stored is not None:
            try:
                queue.remove(comment_id, moderator, REASON, now_ms=now,
                             rank=risk_rank(stored.get("risk", 0.0), stored.get("received_at") or now),
                             data={"request_id": request_id, "right": record["right"], "criterion": criterion,
                                   "criterion_name": criterion_name, "criterion_detail": detail})
                continue
            except NotFound:  # gone between the read and the removal
                pass
        # its record is gone (an appeal decided long after the filing): the site removes it by request.decided
        log.warning("request %s: comment %s is no longer stored; request.decided names it", request_id, comment_id)
    smtp = settings.get().smtp_url
    # a comment the service does not hold is the site's to take down, by the reference the requester gave; and after
    # an appeal, the site's to put back when the new decision no longer removes it (nothing here to reopen)
    restored = [r for r in record.get("removed_not_held", []) if r not in removed_not_held] \
        if record.get("appealed_at") else []
    event = {"request_id": request_id, "outcome": outcome, "criterion": criterion,
             "criterion_name": criterion_name, "criterion_detail": detail,
             "reason": reason,
             "removed_comment_ids": removed, "removed_references": removed_not_held,
             "restored_references": restored, "notice": "smtp" if smtp else "webhook"}
    if not smtp:  # the site mails the requester itself
        event["requester"] = {"name": record["requester_name"], "email": record["requester_email"]}
    late, days = get_requests(site).decide(request_id, outcome, moderator, now_ms=now, criterion=criterion,
                                           criterion_detail=detail, reason=reason, removed=removed, event=event,
                                           removed_not_held=removed_not_held, restored_not_held=restored)
    notify_requester(site, get_requests(site).get(request_id), smtp)
    return late, days


def notice_text(record):
    """The requester's notice: subject and body (Japanese first, English after), dated as the receipt page is."""
    outcome = {"removed": "削除しました (removed)", "not_removed": "削除しませんでした (not removed)",
               "partially_removed": "一部を削除しました (partially removed)"}[record["outcome"]]
    name = settings.get().site_names.get(record["site"], record["site"])  # the name readers know the site by
    subject = f"[{name}] 送信防止措置のご依頼 {record['id']} への回答"
    # after the poster's appeal the requester hears the new decision, and why it came: not a second answer unexplained
    appeal = [f"投稿者から異議の申立てがあり({local(record['appealed_at'])})、最初に判断した者とは別の担当者が"
              "改めて判断しました。", ""] if record.get("appeal_decided_at") and record.get("appealed_at") else []
    if appeal:
        subject += "(異議を受けての再判断)"
    after = " after the poster's appeal" if appeal else ""
    body = "\n".join([
        salutation(record["requester_name"]), "",
        f"受付番号 {record['id']}(受付 {local(record['received_at'])})のご依頼について、"
        f"次のとおり判断しました(判断 {local(record['decided_at'])})。", "", *appeal,
        f"結果: {outcome}", f"適用した基準: {criteria.words(record, 'ja')}", "", *comment_lines(record), "理由:",
        record["reason"], "", *criteria_lines(record["site"]), "",
        f"Request {record['id']}: {record['outcome']}{after}. Criterion: {criteria.words(record, 'en')}. Removed "
        f"{len(record.get('removed', [])) + len(record.get('removed_not_held', []))} of "
        f"{len(record.get('comments', [])) + len(record.get('not_held', []))} comment(s).",
        *([f"Removal criteria: {url}"] if (url := links.policy_link(record["site"])) else []),
    ])
    return subject, body


def comment_lines(record):
    """Which of the comments named were removed and which were not: an outcome alone (一部を削除しました) does not
    tell the requester which. One the service does not hold is removed (or put back) by the site."""
    removed = set(record.get("removed", [])) | set(record.get("removed_not_held", []))
    not_held, restored = set(record.get("not_held", [])), set(record.get("restored_not_held", []))

    def line(reference):
        note = ""
        if reference in not_held:
            note = "(サイトが削除します)" if reference in removed else "(サイトが表示を元に戻します)" \
                if reference in restored else ""
        return f"- {reference}{note}"

    named = record.get("comments", []) + record.get("not_held", [])
    lines = []
    for title, chosen in (("削除したコメント:", [r for r in named if r in removed]),
                          ("削除しなかったコメント:", [r for r in named if r not in removed])):
        if chosen:
            lines += [title, *map(line, chosen), ""]
    return lines


def criteria_lines(site):
    """Where the removal criteria are published: an absolute link under PUBLIC_URL (a bare "/policy" is no link
    in a mail), else their title alone."""
    url = links.policy_link(site)
    if url:
        return ["本件の判断に用いた削除基準(送信防止措置の実施基準)は、次のページで公開しています。", url]
    return ["本件の判断に用いた削除基準は、当サイトの「送信防止措置の実施基準」として公開しています。"]


def notify_requester(site, record, smtp):
    """Mail the decision when SMTP is configured (recorded either way); else the webhook carried it."""
    requests, now = get_requests(site), now_ms()
    if not smtp:
        requests.noted(record["id"], "requester_notified", "webhook", now_ms=now)
        return True
    subject, body = notice_text(record)
    try:
        mail.send(smtp, settings.get().smtp_from, record["requester_email"], subject, body,
                  timeout=settings.get().smtp_timeout)
    except (OSError, smtplib.SMTPException) as exc:
        log.warning("request %s: the requester's notice was not sent: %s", record["id"], exc)
        requests.noted(record["id"], "notice_failed", "smtp", now_ms=now, detail=f"{type(exc).__name__}: {exc}")
        return False
    requests.noted(record["id"], "requester_notified", "smtp", now_ms=now)
    return True


def _statement(statement):
    statement = statement.strip() if isinstance(statement, str) else ""
    if not statement or len(statement) > 4000:
        raise ValidationError("statement must be 1-4000 characters", "statement")
    return statement


def poster_answer(site, request_id, statement):
    """The consulted poster's answer (through the site), shown to the moderators beside the request."""
    statement = _statement(statement)
    load(site, request_id)
    get_requests(site).answer(request_id, statement, now_ms=now_ms())
    return load(site, request_id)


def appeal(site, request_id, statement):
    """The poster objects (through the site): the request reopens for a moderator other than the one who decided;
    comments removed under it stay hidden until that second decision."""
    statement = _statement(statement)
    record = load(site, request_id)
    get_queue(site).keep(record["comments"])  # kept until the appeal is decided too
    now = now_ms()
    due = now + int(_days("REQUEST_DEADLINE_DAYS") * DAY_MS)
    get_requests(site).appeal(request_id, statement, now_ms=now, due_at=due,
                              event={"request_id": request_id, "due_at": iso(due)})
    return load(site, request_id)


def days_left(due_at, now):
    """Days to the deadline to 2 decimals, negative once past it; + 0.0 turns the -0.0 that rounding a deadline passed
    by under 7 minutes gives (the site read "days_left": -0.0) into 0.0."""
    return round((due_at - now) / DAY_MS, 2) + 0.0


def check_deadlines(site):
    """Raise request.due_soon (REQUEST_ALERT_DAYS before the deadline) and request.overdue, once each;
    returns the open requests that are due soon or overdue, for the banner."""
    requests, now = get_requests(site), now_ms()
    soon = now + int(_days("REQUEST_ALERT_DAYS") * DAY_MS)
    flagged = []
    for request_id in requests.due_before(soon):
        record = requests.get(request_id)
        if record is None or record["status"] not in OPEN:
            continue
        due = record["due_at"]
        event = {"request_id": request_id, "due_at": iso(due), "days_left": days_left(due, now)}
        requests.alert(request_id, "due_soon", now_ms=now, event=event)
        if record["due_at"] <= now:
            requests.alert(request_id, "overdue", now_ms=now, event=event)
        flagged.append(record)
    return flagged
