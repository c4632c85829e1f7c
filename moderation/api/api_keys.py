"""API keys: `Authorization: Bearer <key>` names the site; keys compared in constant time, never logged.

A site may hold two keys at once, the old and the new one while it rotates (`news:<old>,news:<new>`): both are
accepted everywhere a site key is. Which one a request used is logged and counted by its key id, the first 8 hex
digits of the key's SHA-256 (`printf %s "$KEY" | sha256sum | cut -c1-8`), so the operator sees when the old key
stops being used before removing it.

The pairs may come from a file instead (MODERATION_API_KEYS_FILE, one pair a line), read when the app is built: at
start-up and at each gunicorn HUP, which rebuilds the app in the master and forks every new worker from it (the
environment of a running master cannot change, so a key in MODERATION_API_KEYS needs a restart). The master sends
itself that HUP when the file changes (ops/key_file_watch.py). A file that breaks the rules stops the rebuild: the
running app, its keys and its workers keep serving, the same in every worker, and gunicorn logs why. `make run`'s
server and the webhook worker, one process each, follow the file in place instead (key_file_watch.follow)."""

import functools
import hashlib
import hmac

from flask import g, request

from moderation import settings
from moderation.errors import Unauthorized
from moderation.store.keys import SITE_RE

PLACEHOLDERS = ("replace-with", "change-me", "changeme")
KEYS_PER_SITE = 2  # the old and the new one while a site rotates its key


def is_placeholder(secret):
    """A value copied from .env.example or a docs example, not a secret anyone generated."""
    return secret.strip().lower().startswith(PLACEHOLDERS)


def key_id(key):
    """What logs and metrics name a key by: 8 hex digits of its SHA-256, nothing an attacker can use."""
    return hashlib.sha256(key if isinstance(key, bytes) else key.encode()).hexdigest()[:8]


def read_key_file(raw, path):
    """The pairs of a keys file's bytes, one pair a line (or comma-separated), `#` lines and blank lines skipped, held
    to the setting's rules (strength.py holds them to 32 characters outside the demo); ValueError naming the file."""
    name = f"MODERATION_API_KEYS_FILE ({path})"
    try:
        lines = raw.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise ValueError(f"{name} is not UTF-8 text") from None
    keys = ApiKeys(",".join(line for line in lines if not line.lstrip().startswith("#")), name=name)
    if not keys.pairs:
        raise ValueError(f"{name} holds no site:key pair")
    return keys


class ApiKeys:
    """The site:key pairs from MODERATION_API_KEYS (or MODERATION_API_KEYS_FILE: `name` is what messages call it)."""

    def __init__(self, spec, *, name="MODERATION_API_KEYS"):
        self.pairs = []
        for item in (spec or "").split(","):
            item = item.strip()
            if not item:
                continue
            site, sep, key = (part.strip() for part in item.partition(":"))
            if not sep or not site or len(key) < 8:
                raise ValueError(f"{name} must be comma-separated site:key pairs, keys of 8+ characters "
                                 "(32+ outside the demo: settings/strength.py)")
            if not SITE_RE.match(site):
                raise ValueError(f"{name}: invalid site name {site!r} (letters, digits, '_', '-', '.')")
            if is_placeholder(key):
                raise ValueError(f"{name}: the key of site {site!r} is the .env.example placeholder; "
                                 "generate one (python -c 'import secrets; print(secrets.token_urlsafe(32))')")
            owner = next((known_site for known_site, known_key in self.pairs if known_key == key.encode()), None)
            if owner == site:
                raise ValueError(f"{name}: site {site!r} lists the same key twice")
            if owner is not None:
                raise ValueError(f"{name}: site {site!r} reuses another site's key")
            if sum(known_site == site for known_site, _ in self.pairs) >= KEYS_PER_SITE:
                raise ValueError(f"{name}: site {site!r} has more than {KEYS_PER_SITE} keys (the old "
                                 "and the new one while it rotates)")
            self.pairs.append((site, key.encode()))
        self.ids = [key_id(key) for _, key in self.pairs]

    @classmethod
    def from_file(cls, path):
        """The keys of the file at `path` (OSError when it cannot be read, ValueError as read_key_file)."""
        from moderation.ops.key_file_watch import digest

        with open(path, "rb") as handle:
            raw = handle.read()
        keys = read_key_file(raw, path)
        keys.digest = digest(raw)  # the version the master's watch compares the file with
        return keys

    def match(self, key):
        """(site, key id) of the key that matches, or None; every key is compared so timing does not reveal which."""
        found = None
        candidate = key.encode()
        for index, (_, known) in enumerate(self.pairs):
            if hmac.compare_digest(candidate, known):
                found = index
        return None if found is None else (self.pairs[found][0], self.ids[found])

    def site_for(self, key):
        """The site whose key matches (match), or None."""
        found = self.match(key)
        return found and found[0]

    @property
    def sites(self):
        """Sites in configuration order (the first is the pages' default)."""
        return list(dict.fromkeys(site for site, _ in self.pairs))

    def key_of(self, site):
        """The first key configured for a site (the demo backend calls the API with it), or None."""
        return next((key.decode() for name, key in self.pairs if name == site), None)


def configured_sites():
    """The sites of MODERATION_API_KEYS in configuration order; "demo" when none is configured (make run)."""
    return settings.get().api_keys.sites or ["demo"]


def bearer_site(environ=None):
    """The site of the request's bearer key (of the current request, or of a WSGI environ), or raise 401; the site
    and the key's id are left in g."""
    environ = request.environ if environ is None else environ
    header = environ.get("HTTP_AUTHORIZATION", "")  # what request.headers reads, without its wrapper
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        raise Unauthorized("an API key is required: Authorization: Bearer <key>", "Authorization",
                           headers={"WWW-Authenticate": "Bearer"})
    found = settings.get().api_keys.match(key.strip())
    if found is None:
        raise Unauthorized("unknown API key", "Authorization", headers={"WWW-Authenticate": "Bearer"})
    state = g._get_current_object()  # one context lookup, not one for each of g's three uses here
    state.site, state.key_id = found  # the access line's and the key-use counter's (ops/logs.py, ops/metrics.py)
    return found[0]


def require_api_key(view):
    """Decorator: sets g.site from the bearer key before the view runs."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        g.site = bearer_site()
        return view(*args, **kwargs)

    return wrapped
