"""The moderator account and API token commands (passwords from standard input, TOTP secrets)."""

import sys
import time

from moderation import create_app


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
    from moderation.store import RedisError
    from moderation.store.moderator_tokens import AccountReplaced, get_tokens
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
            try:
                token_id, token = tokens.issue(name, note=args.note or "", ttl_days=args.days)
            except AccountReplaced:  # another admin's remove or add --replace: this account's token would outlive it
                sys.exit(f"moderator token: {name!r} was removed or replaced meanwhile; no token was left: check the "
                         f"account and run it again")
            except RedisError as error:  # a page's 503: nothing usable is left, the retry issues the one token
                sys.exit(f"moderator token: not issued, Redis did not confirm it ({error}); no usable token was left "
                         f"behind: run it again")
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
        else:
            try:
                revoked = tokens.revoke_all(name) if args.all else tokens.revoke(name, words[1])
            except RedisError as error:  # made on the master, not confirmed: the same command again confirms it
                sys.exit(f"moderator token: revoke not confirmed by Redis ({error}); run it again")
            if args.all:
                print(f"moderator token: revoked {revoked} token(s) of {name!r}")
            elif revoked:
                print(f"moderator token: revoked {words[1]} of {name!r}")
            else:
                sys.exit(f"moderator token: {name!r} has no token {words[1]!r}")
