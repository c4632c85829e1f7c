"""API keys: `Authorization: Bearer <key>` names the site; keys compared in constant time, never logged."""

import functools
import hmac

from flask import current_app, g, request

from moderation.errors import Unauthorized


class ApiKeys:
    """The site:key pairs from MODERATION_API_KEYS."""

    def __init__(self, spec):
        self.pairs = []
        for item in (spec or "").split(","):
            item = item.strip()
            if not item:
                continue
            site, sep, key = item.partition(":")
            if not sep or not site or len(key) < 8:
                raise ValueError("MODERATION_API_KEYS must be comma-separated site:key pairs, keys of 8+ chars")
            self.pairs.append((site.strip(), key.strip().encode()))

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
        return sorted({site for site, _ in self.pairs})


def bearer_site():
    """The site of the request's bearer key, or raise 401."""
    header = request.headers.get("Authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        raise Unauthorized("an API key is required: Authorization: Bearer <key>", "Authorization",
                           headers={"WWW-Authenticate": "Bearer"})
    site = current_app.extensions["moderation.api_keys"].site_for(key.strip())
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


def init_app(app):
    app.extensions["moderation.api_keys"] = ApiKeys(app.config["API_KEYS"])
