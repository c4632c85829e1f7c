"""Absolute links to this service's public pages for the requester's mail, which has no page that a bare path such
as "/policy" could be relative to: PUBLIC_URL names where readers reach the service."""

from urllib.parse import quote, urlencode

from moderation import settings


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
