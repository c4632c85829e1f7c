"""The worker process's loop: one Outbox per site drained in its own thread, the requesters' receipt mail in another,
plus the minute's rights chores."""

import logging
import threading
import time
from urllib.parse import urlsplit

from moderation import settings
from moderation.integrations.outbox import Outbox
from moderation.integrations.webhooks import (
    WebhookConfigError,
    allow_private,
    check_url,
)
from moderation.ops.key_file_watch import follow
from moderation.store import RedisClusterError, RedisError, connection

log = logging.getLogger("moderation.integrations.outbox")  # the worker's lines keep the outbox's logger name

# Seconds between the worker's checks of the removal requests' deadlines (due_soon and overdue alerts).
DEADLINE_CHECK_SECONDS = 60.0
# Seconds between the worker's looks for requesters' receipts to mail (a receipt goes out within about this long).
RECEIPT_CHECK_SECONDS = 2.0


def outboxes(app, redis=None, sites=None):
    """One Outbox per site with a webhook; a URL refused by the SSRF guard is logged (and fails to deliver).
    Without `redis`, the app's client (called inside its app context)."""
    config = settings.of(app)
    if redis is None:
        redis = connection()[0]
    hooks = app.extensions["moderation.webhooks"]
    private_ok = allow_private(config)
    out = []
    for site, hook in sorted(hooks.items()):
        if sites and site not in sites:
            continue
        try:
            check_url(hook["url"], allow_private_targets=private_ok, timeout=config.webhook_timeout)
        except (WebhookConfigError, TimeoutError) as exc:
            log.error("webhook for site %s refused: %s", site, exc)
        out.append(Outbox(
            redis, site, hook["url"], hook["secret"], prefix=config.redis_prefix,
            allow_private_targets=private_ok, timeout=config.webhook_timeout, retry_base=config.webhook_retry_base,
            retry_max_delay=config.webhook_retry_max_delay, retry_for=config.webhook_retry_for,
        ))
    return out


def _one_pass(box, stop):
    try:
        return box.run_once()
    except (RedisError, RedisClusterError) as exc:  # failing over: retried after a pause
        log.warning("outbox worker: redis error for site %s: %s", box.site, exc)
        stop.wait(1.0)  # the next pass starts with what this one read and did not finish
        return 0


def _drain(box, stop, poll_interval):
    """One site's deliveries, in a thread of its own: a slow or dead receiver delays only its own site's
    events (each delivery waits up to WEBHOOK_TIMEOUT, and one site can have thousands queued)."""
    while not stop.is_set():
        if not _one_pass(box, stop):
            stop.wait(poll_interval)


def _each_minute(app, sites):
    """The minute's chores for every site this worker serves, with a webhook or without: a removal request's
    due_soon / overdue alert is the audit's (and the transparency report's) as much as the site's event."""
    check_deadlines(app, sites)
    keep_report_days(app, sites)


def run_worker(app, *, sites=None, once=False, stop=None, poll_interval=0.5):
    """Drain every configured site, each in its own thread, until `stop` is set (or one pass of each site in
    turn with `once`); Redis errors are retried."""
    stop = stop or threading.Event()
    with app.app_context():
        boxes = outboxes(app, sites=sites)
    if not boxes:
        log.warning("no webhooks configured (MODERATION_WEBHOOKS): no events are delivered; the worker still mails "
                    "removal-request receipts, raises their deadline alerts and counts the transparency report's days")
    for box in boxes:
        log.info("outbox worker: site %s -> %s", box.site, urlsplit(box.url).netloc)
    if once:
        served = _served(app, sites)
        _each_minute(app, served)
        send_receipts(app, served)
        for box in boxes:
            _one_pass(box, stop)
        return
    threads = [threading.Thread(target=_drain, args=(box, stop, poll_interval), name=f"outbox-{box.site}",
                                daemon=True) for box in boxes]
    threads.append(threading.Thread(target=_mail_receipts, args=(app, sites, stop), name="receipts", daemon=True))
    for thread in threads:
        thread.start()
    watch = follow(app)  # MODERATION_API_KEYS_FILE: a site added to it is served from the next pass
    try:
        while not stop.is_set():
            _each_minute(app, _served(app, sites))
            stop.wait(DEADLINE_CHECK_SECONDS)
    finally:  # Ctrl-C or stop: each site finishes the delivery in hand (at most WEBHOOK_TIMEOUT)
        stop.set()
        if watch:
            watch.stopped.set()
        for thread in threads:
            thread.join()


def _served(app, sites):
    """The sites whose receipts and deadlines this worker keeps: the keys' (read again from MODERATION_API_KEYS_FILE
    when it changes: ops/key_file_watch.follow), or those of them named on the command line; "demo" with no key, as
    configured_sites() says: make run's serve keeps the dev key in its own settings and starts this worker without."""
    keyed = settings.of(app).api_keys.sites or ["demo"]
    return [site for site in keyed if not sites or site in sites]


def _mail_receipts(app, sites, stop):
    """The requesters' receipts, in a thread of their own: a slow mail server delays only them."""
    while not stop.is_set():
        send_receipts(app, _served(app, sites))
        stop.wait(RECEIPT_CHECK_SECONDS)


def send_receipts(app, sites):
    """Mail the receipts due of these sites (rights/receipts.py)."""
    from moderation.rights.receipts import send_due

    _each_site(app, sites, send_due, "receipts not mailed")


def check_deadlines(app, sites):
    """Raise the removal requests' deadline alerts of these sites (each once)."""
    from moderation.rights.process import check_deadlines as check_site

    _each_site(app, sites, check_site, "removal request deadlines not checked")


def keep_report_days(app, sites):
    """Count the transparency report's finished days not kept yet (a month per site per round), so a public
    report seldom reads the audit stream for a past day itself."""
    from moderation.rights.transparency import keep_finished_days

    _each_site(app, sites, lambda site: keep_finished_days(site, int(time.time() * 1000)),
               "transparency days not counted")


def _each_site(app, sites, chore, failure):
    """Run one chore per site; a Redis error skips that site for this round (the next round retries it)."""
    with app.app_context():
        for site in sites:
            try:
                chore(site)
            except (RedisError, RedisClusterError) as exc:
                log.warning("outbox worker: site %s: %s: %s", site, failure, exc)
