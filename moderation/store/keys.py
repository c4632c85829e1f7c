"""The one place Redis key names are built, so the layout is documented and tested in one spot.

Layout (prefix P, default ``mod:``; S is a site name from MODERATION_API_KEYS):

  P{S}:c:<comment id>      HASH   one comment's record (text, scores, status, claim, decision, and after an undo
                                  or reopen `taken_back` "<undo|reopen> <moderator>", so that its retry is done);
                                  `doc`: the fields written once that a whole record's read uses, or few others
                                  (id, text_sha256, scores, author, ip, explanation, ...: records.DOC_FIELDS) as one
                                  JSON object; older records lack it
  P{S}:ready               ZSET   queued, unclaimed comments by risk rank (highest risk, then oldest first)
  P{S}:open                ZSET   queued comments not yet decided by arrival time (ms): a ready one at its arrival, a
                                  claimed one at its arrival + 2^50 (recording_lua.CLAIMED), so the head below 2^50
                                  is the ready ones oldest first (the claim's age order)
  P{S}:ready:age           ZSET   written before session 36 (the ready ones by arrival); only emptied now (DECIDE,
                                  REMOVE), never read
  P{S}:claims              ZSET   claimed comments by lease expiry (ms)
  P{S}:held:<moderator>    ZSET   one moderator's claims by lease expiry (ms)
  P{S}:author:<author id>  HASH   an author's history: submitted, approved, rejected
  P{S}:authored:<author id> LIST  an author's latest 50 comment ids, newest first (the card's author panel)
  P{S}:recent              LIST   the site's latest comment ids, newest first, up to 5100 (5001 at least once trimmed:
                                  the window search scans 5000; staged_lua.RECENT_KEEP)
  P{S}:reported            ZSET   comments readers reported, by last report time (latest 1000; the 通報 view)
  P{S}:reporters:<comment id> HASH r:<reporter id> (or k:<an anonymous report's Idempotency-Key, the caller's or
                                  the one the service gave it>) -> the answer
                                  to its first report ("recorded" or "queued"); each counts once (expires
                                  RECORD_TTL_DAYS after the latest report)
  P{S}:stats               HASH   counters: open:<label>, submitted:<decision>, decided:<outcome>
  P{S}:audit               STREAM every queue transition: who, when, from, to, reason; but a comment's arrival (queued,
                                  rejected automatically): its event is its entry (review_queue/audit_trail.py)
  P{S}:events              STREAM status changes the site hears about (queued, approved, rejected, ...); an arrival's
                                  carries article_id and author_id, being its audit entry too
  P{S}:hist:<YYYYMMDD>      HASH   scores of the day's comments, <label>:<bucket>|<label>:<bucket> (a comment's
                                  percentile buckets, labels sorted) -> count (40 days); while an earlier release
                                  serves (MODERATION_RECORD_DOC=0), <label>:<percentile bucket> -> count
  P{S}:tr:days             HASH   YYYYMMDD -> a finished day's comment audit counts (JSON) for the transparency report
  P{S}:labels              STREAM labelled examples for retraining: moderator decisions, Akismet-style
                                  submit-spam/ham, reader reports; a `retract` entry cancels a decision.
                                  An entry carries its text's SHA-1 (`sha`); newest ~RETENTION entries kept
  P{S}:labels:texts        HASH   t:<sha1> -> a labelled text, once; f:<sha1> -> feedback already given on it
  P{S}:labels:seen         ZSET   sha1 -> ms of the newest entry using it (texts older than the stream are dropped)
  P{S}:outbox:retry        ZSET   webhook events awaiting a retry, by next attempt time (ms)
  P{S}:outbox:jobs         HASH   event entry id -> JSON delivery state (event, attempts, first try, error)
  P{S}:outbox:dead         LIST   dead-lettered webhook events (JSON), newest first
  P{S}:outbox:stats        HASH   webhook counters: delivered, failed, dead, last_delivered_at, last_error, and the
                                  delivering worker's worker_seen_at (ms), worker_target (host:port)
  P{S}:outbox:leased:<w>   SET    retries worker <w> leased and has not finished (expires with the lease)
  P{S}:rq:<request id>    HASH   a removal request (requester, comments, right, steps, decision, appeal; `deciding`:
                                  a decision under way holds it for a minute while its comments change)
  P{S}:rq:due              ZSET   open removal requests by due time (ms)
  P{S}:rq:audit            STREAM every removal request step: received ... decided, appeals, alerts (never trimmed)
  P{S}:rq:audit:at         ZSET   the audit's entry ids by the step's time (ms; a report reads its period only)
  P{S}:rq:<request id>:trail LIST the audit entry ids of one request, oldest first (its page reads only these)
  P{S}:rq:idem:<sha256>    STRING "<request id> <fingerprint>" filed under a site's Idempotency-Key (a day)
  P{S}:rq:receipts         ZSET   requests whose receipt the worker is to mail, by the time it is next tried (ms)
  P{S}:rq:receipts:worker  STRING when a worker's receipts thread last passed over the site (ms)
  P{S}:art:<article id>    HASH   an article: title, url, category, published_at, mode, set_by, floor, mode_at
  P{S}:artw:<article id>   HASH   its breaker's window: cur, tn, tf, 12 ring slots n<i>, f<i>, h<i> (harm JSON), ix
                                  (the bucket its latest index write was in)
  P{S}:articles            ZSET   article ids by their first comment in the breaker's latest bucket (ms), the latest
                                  10000 (the articles page)
  P{S}:standing:<author>   HASH   an author's standing: level, until, floor, points, next_decay, set_by, note
  P{S}:strikes:<author>    ZSET   an author's strikes "<comment id>|<points>" by time (the newest 200, decaying)
  P{S}:probe              STRING /readyz write check (SET ... PX 10000, expires by itself)
  P{S}:demo:comments       HASH   demo article page only: comment id -> JSON (name, text, status, author)
  P{S}:demo:seen           SET    demo article page only: webhook event ids already applied (de-dup)
  P{S}:rl:<kind>:<window>:<value>  STRING rate-limit counter of one API key, author or IP in one fixed window
  P{S}:rl:check:<kind>:<window>:<value>  STRING the same for comments:check (the only key a check writes)
  Pmoderator:<name>        HASH   a moderator account (name, role, scrypt password hash, incarnation: a random id
                                  per add, so a token issued as the account is replaced is discarded)
  Pmoderators              SET    the names of every moderator account (the accounts page and `moderator list`)
  Pmoderators:admins       SET    the enabled admins' names: "the last admin" is one script (admin_roster.py)
  Psession:<sid>           HASH   a logged-in moderator's session (expires after SESSION_HOURS)
  Psessions:<name>         SET    one account's live session ids (reset, disable and remove end them all)
  Pmodtoken:<sha256>       HASH   a moderator's API token (account name, token id, last use); only its SHA-256
  Pmodtokens:<name>        HASH   one account's tokens: id -> JSON (digest, created, expiry, note); revoke ends them
  Plogin:fail:account:<h>  STRING login attempts on one account from one address (sha256 of both), per window
  Plogin:fail:ip:<addr>    STRING login attempts from one address (IPv6: its /64), expire with the window
  Plogin:backoff:<h>       HASH   one account's attempts from anywhere (n) and until when (ms) addresses that
                                  failed on it wait (sha256 of the name)
  Pprobe                   STRING /readyz write check when no site is configured
  P{S}:replicated, <key>:replicated{<key>}  STRING a slot's replication mark: with MODERATION_REDIS_MIN_REPLICAS
                                  written before each WAIT (10 s), so that WAIT covers every earlier write
  P{S}:call:<token>, <key>:call:<token>{<key>}  STRING one write call's answer (append_only.Written; a random token
                                  a call), so the same call sent again after its answer was lost is answered as its
                                  first run, never written twice; expires after a minute (CALL_MS)
  Pmodel:pins              HASH   active/shadow model versions and SHA-256, saved thresholds, generation, history
                                  (previous active pins for rollback, JSON, newest first, the latest 50: in the pins'
                                  own slot, so one script moves a pin and the pin it displaced)
  Pmodel:history           LIST   the history as the code before session 26 kept it: moved into the pins once, deleted
  Pmodel:audit             STREAM every registry change: what, by, when, detail
  Pmodel:shadow:<version>  HASH   shadow comparison counters (total, disagree, <active>-><shadow>)
  Pmodel:shadow:<version>:samples  LIST  the latest disagreements [site, id, active, shadow], newest first

The events stream is read by the consumer group `outbox` (moderation/store/outbox.py).
Each structure has one owner in moderation/store/: review_queue/ (records, queue, audit, events, stats,
hist), articles.py (art, artw, articles), author_standing.py (standing, strikes),
training_labels.py, score_history.py (reads hist and labels), outbox.py, demo_comments.py, transparency_days.py,
rate_limits.py, moderators.py, moderator_tokens.py, sessions.py, login_throttle.py, model_pins.py.

Every key of one site carries the hash tag {S}, so the multi-key Lua scripts run on Redis Cluster too.
"""

import hashlib
import re

DEFAULT_PREFIX = "mod:"
SITE_RE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


class KeySpace:
    """Builds every key under one prefix; site names are checked so a hash tag can never be broken."""

    def __init__(self, prefix="mod:"):
        self.prefix = prefix

    def site(self, site, *parts):
        if not SITE_RE.match(site):
            raise ValueError(f"invalid site name {site!r}: letters, digits, '_', '-', '.' only")
        return ":".join([f"{self.prefix}{{{site}}}", *parts])

    def plain(self, *parts):
        return self.prefix + ":".join(parts)

    # -- named keys (the table above) -----------------------------------------------------------------------

    def rate_limit(self, site, kind, window_index, value):
        return self.site(site, "rl", kind, str(window_index), value)

    def labels(self, site):
        return self.site(site, "labels")

    def histogram(self, site, day):
        return self.site(site, "hist", day)

    def events(self, site):
        return self.site(site, "events")

    def outbox(self, site, part):
        """part: retry, jobs, dead, stats or leased:<worker>."""
        return self.site(site, "outbox", part)

    def demo(self, site, part):
        """part: comments or seen."""
        return self.site(site, "demo", part)

    def probe(self, site=""):
        """The readiness write check: per site (its master), or one plain key when no site is configured."""
        return self.site(site, "probe") if site else self.plain("probe")

    def moderator(self, name):
        return self.plain("moderator", name)

    def session(self, sid):
        return self.plain("session", sid)

    def moderator_names(self):
        return self.plain("moderators")

    def moderator_admins(self):
        return self.plain("moderators", "admins")

    def moderator_sessions(self, name):
        return self.plain("sessions", name)

    def moderator_token(self, token_digest):
        return self.plain("modtoken", token_digest)

    def moderator_token_list(self, name):
        return self.plain("modtokens", name)

    def login_failures_account(self, name, address):
        """Keyed by a hash of the name and address, so a key never carries what someone typed as a user name."""
        who = f"{(name or '').strip().lower()}\n{address or 'unknown'}"
        digest = hashlib.sha256(who.encode()).hexdigest()[:32]
        return self.plain("login", "fail", "account", digest)

    def login_backoff(self, name):
        """One account's attempts from anywhere and the delay addresses that failed on it must wait."""
        return self.plain("login", "backoff", _account_digest(name))

    def login_code_backoff(self, name):
        """One account's second-factor codes from anywhere: every address waits out its delay."""
        return self.plain("login", "codebackoff", _account_digest(name))

    def login_failures_ip(self, address):
        return self.plain("login", "fail", "ip", address or "unknown")

    def model(self, *parts):
        """parts: pins, history, audit, or shadow + version (+ samples)."""
        return self.plain("model", *parts)


def replication_mark(key):
    """A key of `key`'s slot (its hash tag's, else its own) under the same name: the SET before a WAIT goes there
    (master_pipeline.run_on_master). The site's keys share one mark, P{S}:replicated; a key without a tag must
    have no braces (true of every key here: names are checked) to keep its slot."""
    start = key.find("{")
    end = key.find("}", start + 1) if start >= 0 else -1
    if end > start + 1:
        return key[:end + 1] + ":replicated"
    return f"{key}:replicated{{{key}}}"


def call_key(key, token):
    """A key of `key`'s slot named for one write call's token (append_only.Written keeps the call's answer there)."""
    start = key.find("{")
    end = key.find("}", start + 1) if start >= 0 else -1
    if end > start + 1:
        return key[:end + 1] + ":call:" + token
    return f"{key}:call:{token}{{{key}}}"


def _account_digest(name):
    """An account name as a login key holds it: hashed, so a key never carries what someone typed as a user name."""
    return hashlib.sha256((name or "").strip().lower().encode()).hexdigest()[:32]
