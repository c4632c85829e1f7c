"""python -m moderation: serve, queue stats, worker, moderator accounts, labels, model. Works from any directory."""

import argparse
import os
import sys

from moderation.cli.accounts import moderator_command, token_command
from moderation.cli.labels import labels_export, model_command
from moderation.cli.service import queue_stats, serve, worker


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
