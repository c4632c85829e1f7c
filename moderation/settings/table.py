"""The table of every setting: its name, reader, default and meaning (one row per setting)."""

from dataclasses import dataclass

from moderation.settings.readers import (
    _api_keys,
    _article_breaker,
    _author_standing,
    _category_policies,
    _check_rate_limits,
    _coral_secrets,
    _domain,
    _ip_rate_limit,
    _public_url,
    _quiet_hours,
    _rate_limits,
    _request_rate_limit,
    _secret,
    _shared_labels,
    _site_names,
    _site_urls,
    _smtp,
    _thresholds,
    _trusted_proxies,
    _webhooks,
    _worker_cpus,
    boolean,
    integer,
    number,
    text,
)

# -- the table ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Setting:
    name: str
    read: object
    default: object
    meaning: str


TABLE = (
    # Redis
    Setting("REDIS_URL", text, "", "redis://, rediss://, unix://, redis+cluster://h1:p1,h2:p2/ or "
            "redis+sentinel://s1:p1,s2:p2/<master>/<db>; empty: an embedded Valkey on a socket under INSTANCE_DIR"),
    Setting("REDIS_PREFIX", text, "mod:", "prefix of every key the service writes (store/keys.py has the table)"),
    Setting("REDIS_TIMEOUT", number, 2.0, "seconds a Redis command may take before the request gets a 503"),
    Setting("REDIS_MIN_REPLICAS", integer, 0, "replicas that must have a flagged comment, a decision or any other "
            "acknowledged write before it is acknowledged (WAIT up to half of REDIS_TIMEOUT; fewer: 503); 0 = "
            "asynchronous replication"),
    Setting("INSTANCE_DIR", text, "", "folder for embedded Redis data and local state; empty: <project>/var"),
    # the API
    Setting("API_KEYS", _api_keys, "", 'comma-separated site:key pairs, e.g. "example-news:<key>", keys of 32+ '
            "characters (8+ in the demo): python3 -c 'import secrets; print(secrets.token_urlsafe(32))'"),
    Setting("API_KEYS_FILE", text, "", "a file of the same site:key pairs, one a line (# comments), instead of "
            "API_KEYS: read when the app is built; under gunicorn (gunicorn.conf.py with --preload, else start-up "
            "stops) the master rebuilds it (HUP) when the file changes, so a key is rotated without a restart, and "
            "make run's server and the webhook worker read it again; a file that breaks the rules leaves the running "
            "keys serving (moderation_reloads_total{result=\"failed\"})"),
    Setting("API_KEYS_CHECK_SECONDS", number, 5.0, "how often the gunicorn master, make run's server and the "
            "webhook worker look at API_KEYS_FILE for a new version (0: never; a HUP by hand still reads it)"),
    Setting("MAX_CONTENT_LENGTH", integer, 64 * 1024, "largest request body accepted, bytes (413 above it)"),
    Setting("BATCH_MAX_CONTENT_LENGTH", integer, 100 * 64 * 1024,
            "largest body of POST /api/v1/comments:batch, bytes (413 above it): 100 comments of TEXT_LIMIT Japanese "
            "characters as \\u-escaped JSON (6 bytes a character, as requests.post(json=...) sends them)"),
    Setting("BODY_TIMEOUT", number, 10.0, "seconds a request body may take to arrive before a 408"),
    Setting("BATCH_LIMIT", integer, 100, "largest batch for POST /api/v1/comments:batch"),
    Setting("TEXT_LIMIT", integer, 10_000, "longest comment text, in characters after NFC"),
    Setting("TRUSTED_PROXIES", _domain(_trusted_proxies), "",
            "comma-separated CIDRs of reverse proxies whose X-Forwarded-For is believed (e.g. \"10.0.0.0/8\"); "
            "empty: the connecting address is the client"),
    Setting("SECRET_KEY", _secret, "", "signs the moderators' session cookies: 32+ bytes (shorter stops start-up "
            "outside the demo); empty: one generated and kept under INSTANCE_DIR"),
    # the model
    Setting("MODEL_DIR", text, "", "folder of model artifacts; empty: <project>/model/artifacts"),
    Setting("MODEL_VERSION", text, "", "pinned model version; empty: model/artifacts/active.json"),
    Setting("MODEL_SHA256", text, "", "SHA-256 of the pinned version's model.joblib (required with MODEL_VERSION)"),
    Setting("THRESHOLDS", _domain(_thresholds), {},
            'JSON overriding the card\'s thresholds, e.g. {"spam": {"review": 0.5, "reject": 0.99}}'),
    Setting("CATEGORY_POLICIES", _domain(_category_policies), {},
            'JSON per article category: threshold overrides, an optional period and nudge wording, e.g. '
            '{"politics": {"thresholds": {"abuse": {"review": 0.3}}, "start": "2026-07-01T00:00:00+09:00", '
            '"end": "2026-07-21T00:00:00+09:00", "nudge": {"ja": "...", "en": "..."}}}; a list tries each in turn; '
            '"sites": {"<site>": {...}} for one site\'s own; empty: none'),
    Setting("MODEL_CHECK_SECONDS", number, 2.0,
            "seconds between a worker's checks of the registry's pins (activate, rollback, shadow, thresholds)"),
    Setting("QUIET_HOURS", _domain(_quiet_hours), {},
            'JSON {"start": "23:00", "end": "06:00", "tz": "Asia/Tokyo", "mode": "lower"|"hold", "scale": 0.5}; '
            '"lower" multiplies review thresholds by scale, "hold" sends every comment to review; empty: off'),
    # the review queue
    Setting("LEASE_SECONDS", number, 300, "seconds a moderator's claim lasts before the item returns to the queue"),
    Setting("IDLE_SECONDS", number, 180,
            "seconds without input after which the review page gives its claims back (it renews them only while "
            "visible and used)"),
    Setting("RECORD_TTL_DAYS", number, 90, "days a decided comment's record is kept (idempotency, GET)"),
    Setting("PUBLISHED_TTL_DAYS", number, 30,
            "days a published comment's record is kept; 3.2 KB of Redis a comment in the last soak (bench/soak.py, "
            "docs/benchmark.md)"),
    Setting("RECORD_DOC", boolean, True,
            "keep a comment record's write-once fields in one JSON field `doc`, and a held or rejected comment's "
            "audit entry in its event only (faster submits); 0 writes every field its own and the audit entry into "
            "the audit stream, as releases before 2026-12-05 read them: set it on every new instance while an older "
            "one still serves (a rolling upgrade), then remove it"),
    Setting("RETRY_AFTER", integer, 5, "seconds suggested in Retry-After when Redis cannot take a request"),
    Setting("REPORT_THRESHOLD", integer, 1, "reader reports after which a published comment goes to review"),
    Setting("RATE_LIMITS", _domain(_rate_limits),
            {"key": "6000/60", "author": "20/60", "ip": "60/60", "feedback": "300/3600"},
            'requests per window as "count/seconds" per API key, author id (a report: its reporter id) and client '
            "IP, and Akismet submit-spam/ham per site (feedback); empty or 0: off"),
    Setting("SHARED_LABELS", _domain(_shared_labels), {},
            'sites whose labels train one shared model: JSON {"group": ["site-a", "site-b"]}; empty: a site\'s '
            "`labels export` holds its own labels only"),
    Setting("FEEDBACK_WEIGHT", number, 0.0,
            "training weight of reader reports and Akismet feedback no moderator confirmed; 0: exported only "
            "through a moderator's decision on the same text"),
    Setting("FEEDBACK_DAILY_CAP", integer, 200, "unconfirmed feedback labels exported per site and UTC day "
            "when FEEDBACK_WEIGHT is above 0"),
    Setting("CHECK_RATE_LIMITS", _domain(_check_rate_limits), {"key": "12000/60", "author": "30/60", "ip": "120/60"},
            "POST /api/v1/comments:check (the pre-post nudge) per API key, author id and client IP, counted apart "
            'from RATE_LIMITS: a reader may check a draft several times; "count/seconds", empty or 0: off'),
    Setting("BATCH_ITEM_LIMITS", boolean, True,
            "a batch's items counted against the author and IP limits too (an item over one: 429 in its slot), "
            "so a batch cannot dodge them; off (for trusted back-fills): the key's limit only"),
    Setting("ARTICLE_BREAKER", _domain(_article_breaker), {},
            'the articles\' circuit breaker, JSON: {"window_seconds": 600, "min_comments": 20, "premoderate_share": '
            '0.3, "close_share": 0.5, "cooldown_seconds": 1800, "release_ratio": 0.5, "categories": {"politics": '
            '{...}}, "sites": {"<site>": {..., "categories": {...}}}} (each level overrides the one above; these are '
            'the defaults). Past premoderate_share of flagged comments in the window an article holds every '
            'comment; past close_share it rejects them; it steps down after the cool-down once the share falls '
            'under release_ratio times the threshold, never below a mode a person set'),
    Setting("AUTHOR_STANDING", _domain(_author_standing), {},
            'authors\' strikes and standing, JSON: {"weights": {"spam": 3, "threat": 3, "abuse": 1, "hate": 2, '
            '"harassment": 1, "sexual": 2, "self_harm": 1, "personal_info": 2, "defamation": 2, "other": 1}, '
            '"warned": 3, "premoderated": 6, "suspended": 10, "suspend_days": 7, "decay_days": 30, "enabled": true, '
            '"sites": {"<site>": {...}}} (these are the defaults). A rejection (the model\'s at submit, a '
            'moderator\'s) is a strike of its heaviest category\'s points, counted for decay_days; at "warned" '
            'points an author is warned, at "premoderated" every comment is held, a strike reaching "suspended" '
            'rejects their comments for suspend_days; "trusted_review_scale": x > 1 multiplies the review '
            'thresholds for authors a person marked trusted (1: off)'),
    # the moderators' pages
    Setting("SESSION_COOKIE_SECURE", boolean, False, "mark the session cookie Secure (pages served over HTTPS)"),
    Setting("SESSION_HOURS", integer, 12, "hours a moderator's session lasts (kept in Redis: logout ends it)"),
    Setting("LOGIN_WINDOW_SECONDS", integer, 900, "window in which failed logins are counted"),
    Setting("LOGIN_MAX_FAILURES_ACCOUNT", integer, 5,
            "logins tried on one account (from anywhere) per window before the backoff: then addresses that "
            "failed on it wait 2 s, 4 s, 8 s ... (at most the window) between tries; an address that has not "
            "failed on it is never delayed, so guessing elsewhere never keeps the owner out"),
    Setting("LOGIN_MAX_FAILURES_IP", integer, 30, "failed logins from one address per window"),
    # site integrations
    Setting("WEBHOOKS", _domain(_webhooks), {},
            'decision callbacks: JSON {"site": {"url": "https://...", "secret": "..."}} (python -m moderation worker)'),
    Setting("WEBHOOK_TIMEOUT", number, 5.0,
            "seconds one webhook delivery may take in total (the host's DNS lookup, connect, send, the whole "
            "answer) before it fails"),
    Setting("WEBHOOK_RETRY_BASE", number, 2.0, "first retry delay, seconds; doubles per attempt"),
    Setting("WEBHOOK_RETRY_MAX_DELAY", number, 3600, "longest delay between two attempts, seconds"),
    Setting("WEBHOOK_RETRY_FOR", number, 90_000, "seconds an event is retried before it is dead-lettered (24 h+)"),
    Setting("WEBHOOK_ALLOW_PRIVATE", boolean, False,
            "allow webhook URLs on private/loopback addresses outside the demo (refused by default: SSRF)"),
    Setting("SITE_URLS", _domain(_site_urls), {},
            'each site\'s public address, or its addresses when comments live on several hosts: JSON {"site": '
            '"https://news.example/"} or {"site": ["https://www.news.example/", "https://news.example/"]}; Akismet '
            "calls for that site's key whose `blog` is under none of them are refused as invalid, a removal "
            "request's comment URL outside them is a 400 (and the receipt mail quotes only URLs under them); links "
            "back to the site use the first"),
    Setting("SITE_NAMES", _domain(_site_names), {},
            'each site\'s name as its readers know it: JSON {"example-news": "例示新聞"}; heads the public request, '
            "criteria and transparency pages and the requester's mail (default: the site's key name)"),
    Setting("CORAL_SECRETS", _domain(_coral_secrets), {},
            'Coral external moderation: JSON {"site": "signing secret"} for POST /api/v1/coral/moderate'),
    Setting("DEMO", boolean, False, "the demo article page and its site backend (make run; never in production)"),
    Setting("DEMO_SITE", text, "demo", "the site (API key) the demo article page's backend uses"),
    # removal requests (Japan's 2025 platform law practice) and the transparency report
    Setting("REQUEST_DEADLINE_DAYS", number, 7, "days from a removal request's receipt to its decision"),
    Setting("REQUEST_CONSULT_DAYS", number, 7,
            "days the service waits for the poster once consulted; the deadline moves by this much (once)"),
    Setting("REQUEST_ALERT_DAYS", number, 2,
            "days before the deadline when request.due_soon fires and the requests queue warns"),
    Setting("REQUEST_SITE", text, "", "the site the public request page files under; empty: the first configured"),
    Setting("RECEIPT_RATE_LIMIT", _domain(_ip_rate_limit("RECEIPT_RATE_LIMIT")), "30/60",
            'views of a removal request\'s public receipt page (/requests/<number>, found or not) per client '
            'address, "count/seconds"; empty or 0: off'),
    Setting("RECEIPT_MAIL_LIMIT", _domain(_ip_rate_limit("RECEIPT_MAIL_LIMIT")), "10/86400",
            'receipt mails to one requester address per site, "count/seconds" (anyone may file with any address: '
            "this bounds what the form can send one inbox); a receipt over it is not mailed (receipt_failed); empty "
            "or 0: off"),
    Setting("REQUEST_RATE_LIMIT", _domain(_request_rate_limit), "5/3600",
            'requests the public request page takes per client address, "count/seconds"; empty or 0: off'),
    Setting("TRANSPARENCY_RATE_LIMIT", _domain(_ip_rate_limit("TRANSPARENCY_RATE_LIMIT")), "30/60",
            'views of the public /transparency page per client address, "count/seconds"; empty or 0: off'),
    Setting("POLICY_PATH", text, "", "the removal criteria /policy shows (Markdown); empty: the shipped default"),
    Setting("PUBLIC_URL", _domain(_public_url), "",
            "this service's address as readers reach its public pages, e.g. https://moderation.example.com/: the "
            "requester's mail links the removal criteria and the receipt under it; empty: the mail names them "
            "without a link"),
    Setting("SMTP_URL", _domain(_smtp), "",
            "mail to requesters: smtp://[user:password@]host:port[?starttls=1]; empty: request.decided carries it"),
    Setting("SMTP_FROM", text, "no-reply@localhost", "sender address of the requesters' mail"),
    Setting("SMTP_TIMEOUT", number, 10.0, "seconds one SMTP conversation may take"),
    # operations
    Setting("LOG_LEVEL", text, "INFO", "level of the root logger"),
    Setting("LOG_FORMAT", text, "json", '"json" (one object a line, with the request id) or "text"'),
    Setting("ACCESS_LOG", boolean, True, "one INFO line per request (never a body or a key)"),
    Setting("METRICS_TOKEN", _secret, "",
            "bearer token GET /metrics and /readyz's detail require: 32+ characters (shorter stops start-up outside "
            "the demo); empty: /metrics is off"),
    # gunicorn (read by gunicorn.conf.py through env_value(), not by the app)
    Setting("BIND", text, "127.0.0.1:8000", "gunicorn: listen address(es), comma-separated"),
    Setting("WORKERS", integer, 2, "gunicorn: worker processes (CPU-bound scoring: about one per core)"),
    Setting("THREADS", integer, 1, "gunicorn: threads per worker; above 1 the gthread worker"),
    Setting("WORKER_CPUS", _domain(_worker_cpus), "",
            'gunicorn: pin each worker to one CPU: "auto" = the CPUs the master may use (its cpuset), or a list '
            'like "0,1" or "0-3"; a new worker takes the listed CPU the fewest live workers hold; empty: off'),
    Setting("GRACEFUL_TIMEOUT", integer, 30, "gunicorn: seconds in-flight requests get after SIGTERM or HUP"),
)
BY_NAME = {setting.name: setting for setting in TABLE}
