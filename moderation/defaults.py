"""Every setting, its default and what it does; overridden by MODERATION_* environment variables."""

# Redis. Empty URL: an embedded redis-server is started on a unix socket under INSTANCE_DIR.
REDIS_URL = ""
# Prefix of every key the service writes (see moderation/keys.py for the layout).
REDIS_PREFIX = "mod:"
# Seconds a Redis command may take before the comment is answered 503 (flagged) or allowed (clean).
REDIS_TIMEOUT = 2.0
# Folder for the embedded Redis data (append-only file) and other local state; "" = <project>/var.
INSTANCE_DIR = ""

# Comma-separated site:key pairs, e.g. "example-news:s3cret". Keys compared in constant time.
API_KEYS = ""
# Largest request body accepted, bytes (413 above it).
MAX_CONTENT_LENGTH = 64 * 1024
# Seconds a request body may take to arrive before the request is answered 408 (slow or stalled senders).
BODY_TIMEOUT = 10.0
# Largest batch for POST /api/v1/comments:batch.
BATCH_LIMIT = 100
# Longest comment text, in characters after NFC.
TEXT_LIMIT = 10_000

# Model artifacts. Version and SHA-256 default to model/artifacts/active.json; production pins both.
MODEL_DIR = ""
MODEL_VERSION = ""
MODEL_SHA256 = ""
# JSON overriding the card's thresholds, e.g. {"spam": {"review": 0.5, "reject": 0.99}}.
THRESHOLDS = ""

# Review queue: seconds a moderator's claim lasts before the item returns to the queue.
LEASE_SECONDS = 300
# Days a finished comment's record (published or decided) is kept for idempotency and GET.
RECORD_TTL_DAYS = 90
# Days a published (clean) comment's record is kept: idempotent retries, GET, reader reports. About 3.5 KB
# of Redis memory a comment (bench/soak.py), so this bounds memory at roughly 3.5 KB x comments per day x days.
PUBLISHED_TTL_DAYS = 30
# Seconds suggested to the site in Retry-After when Redis cannot take a flagged comment.
RETRY_AFTER = 5

# Moderator page session cookie: Secure when served over HTTPS.
SESSION_COOKIE_SECURE = False
# Demo article page and demo site backend (make run sets it; production does not).
DEMO = False

# Requests allowed per window, as "count/seconds": per API key (site), per author id, per client IP.
# Batches count each comment against the key's limit only. Empty or 0 switches a limit off.
RATE_LIMITS = '{"key": "6000/60", "author": "20/60", "ip": "60/60"}'

# Decision callbacks: JSON {"site": {"url": "https://...", "secret": "..."}}; drained by `python -m moderation worker`.
WEBHOOKS = ""
# Seconds one webhook HTTP call may take (connect and each read) before it counts as failed.
WEBHOOK_TIMEOUT = 5.0
# First retry delay in seconds; doubles per attempt up to WEBHOOK_RETRY_MAX_DELAY.
WEBHOOK_RETRY_BASE = 2.0
# Longest delay between two attempts, seconds.
WEBHOOK_RETRY_MAX_DELAY = 3600
# Seconds an event is retried before it goes to the dead-letter list (at least 24 h).
WEBHOOK_RETRY_FOR = 90_000
# Allow webhook URLs on private/loopback/link-local addresses outside the demo (refused by default: SSRF).
WEBHOOK_ALLOW_PRIVATE = False
# Coral external moderation phase: JSON {"site": "signing secret"} for POST /api/v1/coral/moderate.
CORAL_SECRETS = ""
# The site (API key) the demo article page's backend uses when MODERATION_DEMO is on.
DEMO_SITE = "demo"

# Reader reports (POST /api/v1/comments/<id>/reports) after which a published comment goes to review.
REPORT_THRESHOLD = 1

# Logs: level of the root logger; "json" (one object a line with the request id) or "text" (left as configured).
LOG_LEVEL = "INFO"
LOG_FORMAT = "json"
# One INFO line per request (method, route, status, duration, site, request id; never a body or a key).
ACCESS_LOG = True
# Bearer token that GET /metrics requires (Prometheus `authorization: {credentials: ...}`); empty: /metrics is off.
METRICS_TOKEN = ""
# gunicorn (read by gunicorn.conf.py, not by the app): listen address, worker processes, threads per worker.
BIND = "127.0.0.1:8000"
WORKERS = 2
THREADS = 1
# gunicorn: seconds in-flight requests get to finish after SIGTERM (and old workers after a HUP reload).
GRACEFUL_TIMEOUT = 30

# Seconds between a worker's checks of the registry's pins in Redis (model activate, rollback, shadow,
# saved thresholds): a change reaches every worker within this time, loaded in the background.
MODEL_CHECK_SECONDS = 2.0
# Quiet hours: JSON {"start": "23:00", "end": "06:00", "tz": "Asia/Tokyo", "mode": "lower"|"hold", "scale": 0.5};
# "lower" multiplies review thresholds by scale, "hold" sends every comment to review. Empty: off.
QUIET_HOURS = ""

# Moderator sessions (kept in Redis, so logout ends them everywhere) and login throttling.
SESSION_HOURS = 12
LOGIN_WINDOW_SECONDS = 900
LOGIN_MAX_FAILURES_ACCOUNT = 5
LOGIN_MAX_FAILURES_IP = 30
