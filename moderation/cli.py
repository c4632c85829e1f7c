"""python -m moderation: serve, queue stats, worker, moderator accounts, labels, model. Works from any directory."""

import argparse
import json
import logging
import os
import secrets
import signal
import sys
import time
from pathlib import Path

from moderation import settings

from . import create_app


def _stop(signum, frame):
    raise SystemExit(0)


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
    signal.signal(signal.SIGTERM, _stop)
    app = create_app()
    with app.app_context():
        if args.dev:
            _dev_setup(app)
    if settings.of(app).demo:  # the demo site hears decisions through the outbox worker, a separate process
        from moderation.integrations.demo import start_worker

        start_worker(app, args.host, args.port)
    print(f"serving on http://{args.host}:{args.port}", flush=True)
    from moderation.ops.logs import DevRequestHandler

    app.run(host=args.host, port=args.port, threaded=True, use_reloader=False, request_handler=DevRequestHandler)


def queue_stats(args):
    from moderation.api.api_keys import configured_sites
    from moderation.integrations.outbox import webhook_stats
    from moderation.store.review_queue import get_queue
    from moderation.store.training_labels import get_labels

    app = create_app(with_model=False)
    with app.app_context():
        unknown = [site for site in args.site or () if site not in configured_sites()]
        if unknown:
            sys.exit(f"queue stats: unknown site {unknown[0]!r} (configured: {', '.join(configured_sites())})")
        sites = args.site or configured_sites()
        report = {site: {**get_queue(site).stats(), "webhooks": webhook_stats(site), "labels": get_labels(site).size(),
                         "redis": get_queue(site).server()} for site in sites}
        print(json.dumps(report, indent=2, ensure_ascii=False))


def worker(args):
    """Deliver each site's status-change events to its webhook (MODERATION_WEBHOOKS) until stopped."""
    from moderation.integrations.outbox import run_worker

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not args.once:
        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)  # Ctrl-C on `make run` reaches this child too: stop as on SIGTERM
    run_worker(create_app(with_model=False), sites=args.site, once=args.once)


def _password(args):
    if not args.password_stdin:
        sys.exit(f"moderator {args.sub}: pass --password-stdin and give the password on standard input")
    return sys.stdin.readline().rstrip("\r\n")


def moderator_command(args):
    """Accounts: add (refuses an existing name unless --replace), list, disable, enable, remove, reset-password,
    sites, totp enable|disable. Reset, disable, remove and replace end the account's sessions."""
    from moderation.store.moderators import AccountError, get_moderators

    password = _password(args) if args.sub in ("add", "reset-password") else None
    app = create_app(with_model=False)
    with app.app_context():
        accounts = get_moderators()
        try:
            if args.sub == "list":
                for account in accounts.list():
                    state = "disabled" if account["disabled"] else "active"
                    print(f"{account['name']}\t{account['role']}\t{state}\t{','.join(account['sites']) or '*'}")
                return
            if args.sub == "add":
                accounts.add(args.name, password, role=args.role, replace=args.replace, sites=args.sites or ())
            elif args.sub == "reset-password":
                accounts.reset_password(args.name, password)
            elif args.sub in ("disable", "enable"):
                accounts.set_disabled(args.name, args.sub == "disable")
            elif args.sub == "remove":
                accounts.remove(args.name)
            elif args.sub == "sites":
                accounts.set_sites(args.name, args.sites or ())
            elif args.sub == "totp" and args.action == "disable":
                accounts.disable_totp(args.name)
            elif args.sub == "totp":
                _print_totp(args.name, accounts.enable_totp(args.name))
        except AccountError as error:
            sys.exit(f"moderator {args.sub}: {error}")
    print(f"moderator {args.name!r}: {args.sub} done")


def _print_totp(name, secret):
    """The new secret, once: typed into an authenticator app, or its otpauth:// URI turned into a QR code."""
    import pyotp

    print(f"TOTP secret for {name!r} (shown once; add it to an authenticator app): {secret}")
    print(pyotp.TOTP(secret).provisioning_uri(name=name, issuer_name="moderation"))


def token_command(args):
    """moderator token NAME | token list NAME | token revoke NAME (ID | --all): bearer tokens for the
    moderation API (/api/v1/moderation/...). A new token is printed once, on standard output; only its
    SHA-256 is stored."""
    from moderation.store.moderator_tokens import get_tokens
    from moderation.store.moderators import get_moderators

    words = list(args.words)
    action = words.pop(0) if words and words[0] in ("issue", "list", "revoke") and len(words) > 1 else "issue"
    if len(words) != (2 if action == "revoke" and not args.all else 1):
        sys.exit("moderator token: NAME | list NAME | revoke NAME (TOKEN-ID | --all)")
    name = words[0]
    if args.days is not None and not 0 < args.days <= 3650:
        sys.exit("moderator token: --days must be more than 0 and at most 3650")
    app = create_app(with_model=False)
    with app.app_context():
        account, tokens = get_moderators().get(name), get_tokens()
        if action == "issue":
            if account is None or account["disabled"]:
                sys.exit(f"moderator token: no enabled account named {name!r}")
            token_id, token = tokens.issue(name, note=args.note or "", ttl_days=args.days)
            print(token)
            print(f"token {token_id} for {name!r} (sites: {','.join(account['sites']) or '*'}); shown only now, "
                  f"revoke with: python -m moderation moderator token revoke {name} {token_id}", file=sys.stderr)
        elif action == "list":
            for row in tokens.list(name):
                expires = row["expires_at"] and time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(row["expires_at"]))
                used = row["last_used_at"] and time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(row["last_used_at"]))
                created = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(row["created_at"]))
                print(f"{row['id']}\tcreated {created}\texpires {expires or 'never'}\tlast used {used or 'never'}"
                      f"\t{row['note']}")
        elif args.all:
            print(f"moderator token: revoked {tokens.revoke_all(name)} token(s) of {name!r}")
        elif tokens.revoke(name, words[1]):
            print(f"moderator token: revoked {words[1]} of {name!r}")
        else:
            sys.exit(f"moderator token: {name!r} has no token {words[1]!r}")


def labels_export(args):
    """Stream labelled examples as JSON lines; retractions are lines with "retract": true."""
    from datetime import datetime

    from moderation.api.api_keys import configured_sites
    from moderation.store.training_labels import get_labels

    since = 0
    if args.since:
        stamp = datetime.fromisoformat(args.since)
        if stamp.tzinfo is None:
            stamp = stamp.astimezone()
        since = int(stamp.timestamp() * 1000)
    app = create_app(with_model=False)
    with app.app_context():
        config = settings.get()
        sites = training_sites(args.site or configured_sites(), config.shared_labels)
        out = sys.stdout
        for site in sites:
            for row in get_labels(site).export(since, feedback_weight=config.feedback_weight,
                                               daily_cap=config.feedback_daily_cap):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")


def training_sites(sites, groups):
    """The sites whose labels train one model: the asked ones plus their SHARED_LABELS group; exits when the
    asked sites do not share a model (site B's labels never train site A's model unless an admin said so)."""
    chosen = list(dict.fromkeys(sites))
    for group in groups.values():
        if set(chosen) & set(group):
            chosen += [site for site in group if site not in chosen]
    for site in chosen[1:]:
        if not any(chosen[0] in group and site in group for group in groups.values()):
            sys.exit(f"labels export: {chosen[0]!r} and {site!r} do not share a model; export one site with "
                     "--site, or name them together in MODERATION_SHARED_LABELS")
    return chosen


def model_command(args):
    """model list | activate VERSION | rollback | shadow VERSION|off: the registry, effective without restart."""
    from moderation.scoring.manager import base_pin
    from moderation.scoring.registry import Registry, RegistryError
    from moderation.store.model_pins import get_model_pins

    app = create_app(with_model=False)
    with app.app_context():
        registry = Registry(get_model_pins(), settings.of(app).model_dir)
        by = args.by or "cli"
        try:
            if args.sub == "list":
                pins, base = registry.pins(), base_pin(settings.of(app))
                active = pins.get("active_version") or base[0]
                for item in registry.versions():
                    marks = ("active " if item["version"] == active else "") + (
                        "shadow" if item["version"] == pins.get("shadow_version") else "")
                    heldout = item["card"].get("metrics", {}).get("heldout", [])
                    summary = ", ".join(f"{m['set']}: {m.get('roc_auc')}" for m in heldout[:4])
                    print(f"{item['version']:<24} {marks:<14} {item['card'].get('trained_at', '')}  {summary}")
            elif args.sub == "activate":
                version, sha = registry.activate(args.version, by, current=base_pin(settings.of(app)))
                print(f"active: {version} (sha256 {sha})")
            elif args.sub == "rollback":
                version, sha = registry.rollback(by)
                print(f"active: {version} (sha256 {sha})")
            elif args.sub == "shadow":
                pin = registry.set_shadow(None if args.version == "off" else args.version, by)
                print(f"shadow: {pin[0] if pin else 'off'}")
        except RegistryError as error:
            sys.exit(f"model {args.sub}: {error}; the active model is unchanged")


def parser():
    top = argparse.ArgumentParser(prog="python -m moderation", description=__doc__)
    commands = top.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve", help="run the HTTP service")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8000)
    run.add_argument("--dev", action="store_true", help="development key and admin login under var/")
    run.set_defaults(func=serve)
    queue = commands.add_parser("queue", help="review queue commands").add_subparsers(dest="sub", required=True)
    stats = queue.add_parser("stats", help="open items per label, oldest age, counters")
    stats.add_argument("--site", action="append", help="site name (default: every site with an API key)")
    stats.set_defaults(func=queue_stats)
    drain = commands.add_parser("worker", help="deliver status-change events to the sites' webhooks")
    drain.add_argument("--site", action="append", help="only this site (default: every site with a webhook)")
    drain.add_argument("--once", action="store_true", help="one pass, then exit")
    drain.set_defaults(func=worker)
    moderator = commands.add_parser("moderator", help="moderator accounts").add_subparsers(dest="sub", required=True)
    moderator.add_parser("list", help="every account: name, role, state, sites").set_defaults(func=moderator_command)
    for name, text in (("add", "create an account (an existing name needs --replace)"),
                       ("reset-password", "set a new password and end the account's sessions"),
                       ("disable", "refuse logins and end the account's sessions"), ("enable", "allow logins again"),
                       ("remove", "delete the account and end its sessions"),
                       ("sites", "the sites a moderator works on (none: every site)"),
                       ("totp", "enable (prints a new secret) or disable the login's second factor")):
        sub = moderator.add_parser(name, help=text)
        if name == "totp":
            sub.add_argument("action", choices=("enable", "disable"))
        sub.add_argument("name")
        if name in ("add", "reset-password"):
            sub.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
        if name == "add":
            sub.add_argument("--role", choices=("moderator", "admin"), default="moderator")
            sub.add_argument("--replace", action="store_true", help="overwrite an existing account")
        if name in ("add", "sites"):
            sub.add_argument("--site", dest="sites", action="append", help="a site this moderator works on")
        sub.set_defaults(func=moderator_command)
    token = moderator.add_parser("token", help="moderation API tokens: NAME (issue) | list NAME | revoke NAME ID",
                                 description=token_command.__doc__)
    token.add_argument("words", nargs="+", metavar="NAME | list NAME | revoke NAME ID")
    token.add_argument("--all", action="store_true", help="revoke: every token of the account")
    token.add_argument("--note", help="issue: what the token is for (shown by list)")
    token.add_argument("--days", type=float, help="issue: the token expires after this many days")
    token.set_defaults(func=token_command)
    labels = commands.add_parser("labels", help="labelled examples").add_subparsers(dest="sub", required=True)
    export = labels.add_parser("export", help="write labels as JSON lines to standard output")
    export.add_argument("--since", help="ISO date or date-time (local time unless a zone is given)")
    export.add_argument("--site", action="append",
                        help="site name, with the sites it shares a model with (default: the only site)")
    export.set_defaults(func=labels_export)
    model = commands.add_parser("model", help="model registry").add_subparsers(dest="sub", required=True)
    model.add_parser("list", help="versions, their metrics, which is active").set_defaults(func=model_command)
    for name, text in (("activate", "make VERSION the active model"), ("shadow", "score beside the active model")):
        sub = model.add_parser(name, help=text)
        sub.add_argument("version", help="a folder under model/artifacts" + (" or 'off'" if name == "shadow" else ""))
        sub.set_defaults(func=model_command)
    model.add_parser("rollback", help="re-activate the previous version").set_defaults(func=model_command)
    for sub in model.choices.values():
        sub.add_argument("--by", help="who made the change (audit)")
    return top


def main(argv=None):
    from moderation.settings import SettingsError

    args = parser().parse_args(argv)
    try:
        args.func(args)
        sys.stdout.flush()
    except SettingsError as error:
        sys.exit(f"configuration: {error}")
    except BrokenPipeError:  # `... | head` closed the pipe: stop quietly, as the shell's own tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
