"""API keys: `Authorization: Bearer <key>` names the site; keys compared in constant time, never logged."""

import functools
import hmac

from flask import g, request

from moderation import settings
from moderation.errors import Unauthorized
from moderation.store.keys import SITE_RE

PLACEHOLDERS = ("replace-with", "change-me", "changeme")


def is_placeholder(secret):
    """A value copied from .env.example or a docs example, not a secret anyone generated."""
    return secret.strip().lower().startswith(PLACEHOLDERS)


class ApiKeys:
    """The site:key pairs from MODERATION_API_KEYS."""

    def __init__(self, spec):
        self.pairs = []
        for item in (spec or "").split(","):
            item = item.strip()
            if not item:
                continue
            site, sep, key = (part.strip() for part in item.partition(":"))
            if not sep or not site or len(key) < 8:
                raise ValueError("MODERATION_API_KEYS must be comma-separated site:key pairs, keys of 8+ characters "
                                 "(32+ outside the demo: settings/strength.py)")
            if not SITE_RE.match(site):
                raise ValueError(f"MODERATION_API_KEYS: invalid site name {site!r} (letters, digits, '_', '-', '.')")
            if is_placeholder(key):
                raise ValueError(f"MODERATION_API_KEYS: the key of site {site!r} is the .env.example placeholder; "
                                 "generate one (python -c 'import secrets; print(secrets.token_urlsafe(32))')")
            if any(site == known_site for known_site, _ in self.pairs):
                raise ValueError(f"MODERATION_API_KEYS: site {site!r} appears twice")
            if any(key.encode() == known_key for _, known_key in self.pairs):
                raise ValueError(f"MODERATION_API_KEYS: site {site!r} reuses another site's key")
            self.pairs.append((site, key.encode()))

    def site_for(self, key):
        """The site whose key matches; every key is compared so timing does not reveal which one."""
        found = None
        candidate = key.encode()
        for site, known in self.pairs:
            if hmac.compare_digest(candidate, known):
                found = site
        return found

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
    """The site of the request's bearer key (of the current request, or of a WSGI environ), or raise 401."""
    environ = request.environ if environ is None else environ
    header = environ.get("HTTP_AUTHORIZATION", "")  # what request.headers reads, without its wrapper
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        raise Unauthorized("an API key is required: Authorization: Bearer <key>", "Authorization",
                           headers={"WWW-Authenticate": "Bearer"})
    site = settings.get().api_keys.site_for(key.strip())
    if site is None:
        raise Unauthorized("unknown API key", "Authorization", headers={"WWW-Authenticate": "Bearer"})
    return site


def require_api_key(view):
    """Decorator: sets g.site from the bearer key before the view runs."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        g.site = bearer_site()
        return view(*args, **kwargs)

    return wrapped
