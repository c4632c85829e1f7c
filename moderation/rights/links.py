"""Absolute links to this service's public pages for the requester's mail, which has no page that a bare path such
as "/policy" could be relative to: PUBLIC_URL names where readers reach the service; and whether a URL a requester
gives is one of the site's (SITE_URLS)."""

from urllib.parse import quote, urlencode

from moderation import settings
from moderation.api.validation import split_url


def public_link(site, path, **query):
    """PUBLIC_URL + path + ?site=<site> (the page's heading names that site), or None when PUBLIC_URL is not set:
    the service does not know the address readers reach it at, and a guess from a request's Host could be forged."""
    base = settings.get().public_url
    if not base:
        return None
    return f"{base}{quote(path)}?{urlencode({**query, 'site': site})}"


def policy_link(site):
    """The removal criteria page (/policy) as an absolute URL, or None."""
    return public_link(site, "/policy")


def receipt_link(site, request_id):
    """The request's receipt page (/requests/<id>: number, due date, step) as an absolute URL, or None."""
    return public_link(site, f"/requests/{request_id}")


_PORTS = {"http": 80, "https": 443}


def on_site(url, base):
    """Whether `url` is at or under the site's address `base`: the same host and port, a path at or below base's;
    http or https alike (a reader may copy either), any case in the host, a scheme's default port written or not."""
    a, b = split_url(url, port=True), split_url(base, port=True)
    if a is None or b is None:  # a port that is not a number, a bracket that opens no IPv6 address
        return False
    ports = [None if p.port == _PORTS.get(p.scheme.lower()) else p.port for p in (a, b)]
    if a.scheme.lower() not in _PORTS or not a.hostname or a.hostname != b.hostname or ports[0] != ports[1]:
        return False
    return (a.path.rstrip("/") + "/").startswith(b.path.rstrip("/") + "/")
