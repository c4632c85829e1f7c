"""The commands that run the service: serve (with the dev setup), the webhook worker and queue stats."""

import json
import logging
import queue
import secrets
import signal
import sys
import threading
from pathlib import Path

from moderation import create_app, settings


def _stop(signum, frame):
    raise SystemExit(0)


def stop_on_signals(stop, *signums):
    """Set `stop` on these signals from a thread of its own: the handler runs between any two bytecodes of the
    main thread, also while it holds `stop`'s lock inside stop.wait() or stop.set(), so it must take no lock."""
    asked = queue.SimpleQueue()  # put() is reentrant (the C queue): safe in a handler, unlike Event.set()
    for signum in signums:
        signal.signal(signum, lambda signum, frame: asked.put(signum))
    threading.Thread(target=lambda: (asked.get(), stop.set()), name="stop-on-signal", daemon=True).start()


def _dev_setup(app):
    """For `make run`: a development API key and an admin login, kept under var/ so they stay stable."""
    from moderation.store.moderators import get_moderators

    instance = Path(settings.of(app).instance_dir)
    if not settings.of(app).api_keys.pairs:
        key_file = instance / "dev-api-key"
        if not key_file.exists():
            key_file.write_text(f"dev-{secrets.token_urlsafe(18)}\n")  # only the key: KEY=$(cat var/dev-api-key)
            key_file.chmod(0o600)
        key = key_file.read_text().strip().rpartition(":")[2]  # an older file held "demo:<key>"
        app.extensions["moderation.settings"] = settings.of(app).replace(API_KEYS=f"demo:{key}")
        print(f"development API key for site 'demo' (in {key_file}): {key}", flush=True)
    moderators = get_moderators()
    password_file = instance / "dev-admin-password"
    if moderators.get("admin") is None or not password_file.exists():
        password_file.write_text(secrets.token_urlsafe(12))
        password_file.chmod(0o600)
        moderators.add("admin", password_file.read_text().strip(), role="admin", replace=True)
    print(f"moderator page: log in as 'admin' with the password in {password_file}", flush=True)


def serve(args):
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # While the app is built (the model's load: minutes on a first start) a stop ends it at once: no thread of ours
    # runs yet, and the embedded server's stop is registered with atexit from its start (store/embedded.py)
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    app = create_app()
    stop = threading.Event()  # from here threads start: a signal only asks for `stop`, a thread shuts the server
    stop_on_signals(stop, signal.SIGTERM, signal.SIGINT)  # down (SystemExit raised in atexit's stops cut them short)
    with app.app_context():
        if args.dev:
            _dev_setup(app)
    if settings.of(app).demo:  # the demo site hears decisions through the outbox worker, a separate process
        from moderation.integrations.demo import start_worker

        start_worker(app, args.host, args.port)
    from moderation.scoring.manager import find_manager

    find_manager(app).watch()  # after the outbox worker's start: this one process checks the pins on a timer
    from moderation.ops.key_file_watch import follow

    follow(app)  # MODERATION_API_KEYS_FILE: one process, the file's only reader here, so its keys change in place
    print(f"serving on http://{args.host}:{args.port}", flush=True)
    from werkzeug import serving

    from moderation.ops.dev_server import DevRequestHandler

    serving._log_add_style = False  # its start-up lines in ANSI colours were escapes inside the JSON log lines
    server = serving.make_server(args.host, args.port, app, threaded=True, request_handler=DevRequestHandler)
    threading.Thread(target=lambda: (stop.wait(), server.shutdown()), name="serve-stop", daemon=True).start()
    server.log_startup()
    logging.getLogger("werkzeug").info("Press CTRL+C to quit")
    server.serve_forever()  # returns once shut down (asked before it started: at once), its socket closed


def queue_stats(args):
    from moderation.api.api_keys import configured_sites
    from moderation.integrations.outbox import webhook_stats
    from moderation.rights.receipts import backlog
    from moderation.store.review_queue import get_queue
    from moderation.store.training_labels import get_labels

    app = create_app(with_model=False)
    with app.app_context():
        unknown = [site for site in args.site or () if site not in configured_sites()]
        if unknown:
            sys.exit(f"queue stats: unknown site {unknown[0]!r} (configured: {', '.join(configured_sites())})")
        sites = args.site or configured_sites()
        report = {site: {**get_queue(site).stats(), "webhooks": webhook_stats(site), "receipts": backlog(site),
                         "labels": get_labels(site).size(), "redis": get_queue(site).server()} for site in sites}
        print(json.dumps(report, indent=2, ensure_ascii=False))


def worker(args):
    """Deliver each site's status-change events to its webhook (MODERATION_WEBHOOKS) until stopped."""
    from moderation.integrations.outbox_worker import run_worker

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    stop = threading.Event()
    if not args.once:  # the signal only asks for `stop`: an exception raised mid-import broke the threads' codecs
        stop_on_signals(stop, signal.SIGTERM, signal.SIGINT)  # Ctrl-C on `make run` reaches this child too
    run_worker(create_app(with_model=False), sites=args.site, once=args.once, stop=stop)
