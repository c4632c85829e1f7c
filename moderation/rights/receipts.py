"""The requester's receipt by mail: written when the request is filed (the receipts ZSET, in the same script), sent
by the outbox worker, never by the filing's own request, so a filing neither waits for nor fails with the mail
server. A try that fails is retried with a growing pause for RETRY_FOR_MS after filing, then given up; either
outcome is in the request's audit (receipt_sent, receipt_failed) for the moderators."""

import hashlib
import logging
import smtplib
import time

from moderation import settings
from moderation.integrations import mail
from moderation.pages.i18n import translate
from moderation.rights import links
from moderation.rights.clock import now_ms
from moderation.rights.intake import salutation
from moderation.store import connection
from moderation.store.rate_limits import RateLimited, RateLimiter
from moderation.store.receipts import get_receipts
from moderation.store.removal_requests import get_requests
from moderation.times import local

log = logging.getLogger(__name__)

LEASE_MS = 120_000  # a receipt is leased just before its own try: longer than one SMTP conversation takes
FIRST_RETRY_MS, MAX_RETRY_MS = 60_000, 3_600_000
RETRY_FOR_MS = 24 * 3_600_000  # then given up: the request is still open and the decision's notice still goes out
# A receipt due this long is one no worker is mailing (a worker looks every 2 s; a slow mail server delays a pass of
# 20 tries by at most 20 x SMTP_TIMEOUT, 200 s at the default 10 s): the admin page warns of it.
STALLED_SECONDS = 300


def receipt_text(record):
    """Subject and body: Japanese first, English after; JST times as on the receipt page; the receipt number,
    the comments named and the deadline."""
    name = settings.get().site_names.get(record["site"], record["site"])
    days = f"{settings.get().request_deadline_days:g}"
    received, due = local(record["received_at"]), local(record["due_at"])
    comments = [f"- {comment_id}" for comment_id in record.get("comments", [])]
    not_held = record.get("not_held", [])
    named = len(comments) + len(not_held)
    shown = on_site_references(record["site"], not_held)
    comments += [f"- {reference}(当サービスに保存されていないコメント: サイト上で確認します)" for reference in shown]
    if len(shown) < len(not_held):
        comments.append(f"- 当サービスに保存されていないコメント {len(not_held) - len(shown)} 件(ご指定の URL・ID は"
                        "このメールには記載していません。サイト上で確認します)")
    receipt_url, policy_url = links.receipt_link(record["site"], record["id"]), links.policy_link(record["site"])
    subject = f"[{name}] 送信防止措置のご依頼を受け付けました({record['id']})"
    body = [
        salutation(record["requester_name"]), "",
        f"{name} のコメントについて、削除のご依頼(送信防止措置の申出)を受け付けました。", "",
        f"受付番号: {record['id']}", f"受付日時: {received}", f"回答期限: {due}(受付から{days}日以内)",
        f"侵害された権利: {translate('right.' + record['right'], 'ja')}", "対象のコメント:", *comments, "",
        *([f"ご依頼の状況: {receipt_url}"] if receipt_url else []),
        *([f"削除基準(送信防止措置の実施基準): {policy_url}"] if policy_url else []),
        "判断の結果は、期限までにこのアドレスにお知らせします。お問い合わせの際は受付番号をお知らせください。",
        "このメールに心当たりのない方は、お手数ですが破棄してください。", "",
        f"We received your removal request {record['id']} on {received} about {named} comment(s) of {name}. "
        + (f"{len(not_held)} of them this service does not hold: we check them on the site. " if not_held else "")
        + f"We will tell you our decision at this address by {due}.",
    ]
    return subject, "\n".join(body)


def on_site_references(site, references):
    """The not-held references the receipt may quote: URLs under one of the site's SITE_URLS addresses. The others
    are the filer's own text (a URL of any host, an id that reads as a host name), and anyone may file with anyone's
    address: quoted, they would make the receipt a link the service mails to strangers, so it counts them."""
    return [ref for ref in references if links.site_link(site, ref)]


def silent_limit(config):
    """Seconds without a pass of the worker's receipts thread after which it is missing: STALLED_SECONDS, or a pass
    of 20 tries at a longer SMTP_TIMEOUT and the 2 s between passes, when that is longer."""
    return max(STALLED_SECONDS, 20 * config.smtp_timeout + 60)


def backlog(site):
    """The receipts waiting for the worker, for `queue stats`, the admin page and /metrics: how many, how many
    due, how long the longest-due one has waited (0 when none is due), and how long ago a worker's receipts thread
    last passed over the site (None: never). With SMTP set, a thread silent past silent_limit is `worker_missing`:
    its stop shows before a receipt is due, and on a quiet site none may be due for days."""
    now, config = now_ms(), settings.get()
    waiting, due, since, seen = get_receipts(site).backlog(now)
    oldest = round((now - since) / 1000, 1) if since is not None else 0
    silent = round(max(now - seen, 0) / 1000, 1) if seen is not None else None
    missing = bool(config.smtp_url) and (silent is None or silent > silent_limit(config))
    return {"waiting": waiting, "due": due, "oldest_due_seconds": oldest, "stalled": oldest >= STALLED_SECONDS,
            "worker_seen_seconds": silent, "worker_missing": missing}


def over_address_limit(site, address):
    """Whether one more receipt to `address` crosses RECEIPT_MAIL_LIMIT: the form takes any address, and without
    this a stream of filings from many client addresses could fill one inbox. Counted under a digest of the
    address (no address in a Redis key); fails open, as every limit, when Redis does not answer."""
    limits = settings.get().receipt_mail_limit
    if not limits:
        return False
    digest = hashlib.sha256(address.strip().lower().encode()).hexdigest()[:32]
    redis, prefix = connection()
    try:
        RateLimiter(redis, limits, prefix).check(site, [("ip", f"receipt-to:{digest}", 1)], now=time.time())
    except RateLimited:
        return True
    return False


def _retry_at(record, now):
    tries = int(record.get("receipt_tries") or 0)
    return now + min(FIRST_RETRY_MS * 2 ** tries, MAX_RETRY_MS)


def send_due(site, limit=20):
    """Mail the site's due receipts (the worker calls this every few seconds), then say the pass is done (beat);
    returns how many were sent."""
    receipts, requests, sent = get_receipts(site), get_requests(site), 0
    config = settings.get()
    lease = max(LEASE_MS, int(config.smtp_timeout * 3000))
    for _ in range(limit):
        # one at a time: leased together, the last of 20 tries against a slow server (SMTP_TIMEOUT each) would
        # outlast its lease, and another worker would mail it a second time
        taken = receipts.take(now_ms(), lease, 1)
        if not taken:
            break
        request_id = taken[0]
        record = requests.get(request_id)
        if record is None:  # no request to confirm (an operator's cleanup): off the receipts
            receipts.failed(request_id, now_ms=now_ms(), detail="the request is gone")
            continue
        if not config.smtp_url:  # mail switched off since the filing: nothing can carry it now
            receipts.failed(request_id, now_ms=now_ms(), detail="MODERATION_SMTP_URL is not set")
            continue
        first_try = not record.get("receipt_tries")  # a retry is the same receipt: counted against its address once
        if first_try and over_address_limit(site, record["requester_email"]):
            receipts.failed(request_id, now_ms=now_ms(), detail="MODERATION_RECEIPT_MAIL_LIMIT: too many receipts to "
                            "this address")
            continue
        subject, body = receipt_text(record)
        try:
            mail.send(config.smtp_url, config.smtp_from, record["requester_email"], subject, body,
                      timeout=config.smtp_timeout)
        except (OSError, smtplib.SMTPException) as exc:
            now, detail = now_ms(), f"{type(exc).__name__}: {exc}"
            if now - record["received_at"] >= RETRY_FOR_MS:
                log.error("request %s: the receipt was not sent, given up: %s", request_id, detail)
                receipts.failed(request_id, now_ms=now, detail=detail)
            else:
                log.warning("request %s: the receipt was not sent, tried again later: %s", request_id, detail)
                receipts.retry(request_id, at_ms=_retry_at(record, now), detail=detail)
            continue
        receipts.sent(request_id, now_ms=now_ms(), detail="smtp")
        sent += 1
    receipts.beat(now_ms())  # this pass is done: the thread is alive (backlog's worker_seen_seconds)
    return sent
