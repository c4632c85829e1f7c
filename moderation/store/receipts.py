"""RequestReceipts: the removal requests of one site whose receipt the outbox worker is to mail to the requester.

A request filed while SMTP is configured joins ``rq:receipts`` (ZSET: request id -> the time its mail is next tried,
ms) in the same script that stores it (store/removal_requests.py), so the filing never waits for a mail server and
no receipt is lost with a crash; the worker leases the due ones, mails each, and records the outcome in the request's
audit (receipt_sent, or receipt_failed once it gives up).
"""

from moderation.store import removal_request_scripts as scripts
from moderation.store.append_only import AppendOnly
from moderation.store.master_pipeline import NO_REPLICAS


class RequestReceipts:
    """Lease the receipts due, record each one's outcome or its next try."""

    def __init__(self, requests, *, replicas=NO_REPLICAS):
        self.requests = requests  # the site's RemovalRequests: its record, audit and trail keys
        self.key = requests.key("rq", "receipts")
        self.worker_key = requests.key("rq", "receipts", "worker")
        self._take = requests.redis.register_script(scripts.RECEIPTS_TAKE)
        self._done = AppendOnly(requests.redis, replicas).script(scripts.RECEIPTS_DONE)

    def take(self, now_ms, lease_ms, limit=20):
        """Request ids whose receipt is due, leased for `lease_ms` (nobody else takes them meanwhile)."""
        return self._take(keys=[self.key], args=[int(now_ms), int(lease_ms), int(limit)])

    def _keys(self, request_id):
        return [self.requests.record_key(request_id), self.key, *self.requests._audit_keys(request_id)]

    def sent(self, request_id, *, now_ms, detail=""):
        """The receipt was accepted by the mail server: recorded once (receipt_sent)."""
        return bool(self._done(keys=self._keys(request_id), args=[request_id, "receipt_sent", int(now_ms), detail, 0]))

    def failed(self, request_id, *, now_ms, detail):
        """The receipt is given up (receipt_failed in the audit: the request page shows it)."""
        return bool(self._done(keys=self._keys(request_id),
                               args=[request_id, "receipt_failed", int(now_ms), detail[:300], 0]))

    def retry(self, request_id, *, at_ms, detail):
        """This try failed: the receipt is tried again at `at_ms`."""
        self._done(keys=self._keys(request_id), args=[request_id, "", 0, detail[:300], int(at_ms)])

    def pending(self):
        """How many receipts wait to be mailed."""
        return self.requests.redis.zcard(self.key)

    def beat(self, now_ms):
        """A worker's receipts thread has just passed over this site: a thread that stopped shows by its silence,
        before any receipt is due (the backlog alone shows it only then)."""
        self.requests.redis.set(self.worker_key, int(now_ms))

    def backlog(self, now_ms):
        """(waiting, due now, the time the longest-due one became due or None, the worker's last pass or None):
        leased and retrying receipts carry a later time, so a due one that stays due is one no worker is mailing."""
        pipe = self.requests.redis.pipeline(transaction=False)
        pipe.zcard(self.key)
        pipe.zcount(self.key, "-inf", int(now_ms))
        pipe.zrange(self.key, 0, 0, withscores=True)
        pipe.get(self.worker_key)
        waiting, due, first, seen = pipe.execute()
        return waiting, due, (int(first[0][1]) if first and first[0][1] <= now_ms else None), \
            (int(seen) if seen is not None else None)


def get_receipts(site):
    """The RequestReceipts of a site, built once per app."""
    from flask import current_app

    from moderation.store import replica_wait
    from moderation.store.removal_requests import get_requests

    stores = current_app.extensions.setdefault("moderation.request_receipts", {})
    if site not in stores:
        stores[site] = RequestReceipts(get_requests(site), replicas=replica_wait())
    return stores[site]
