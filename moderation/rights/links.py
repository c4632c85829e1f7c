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
    http or https alike (a reader may copy either), any case in the host, a scheme's default port written or not.
    Never a URL whose host a browser reads otherwise than urllib: a backslash (https://evil.example\\@news.example.jp/
    is evil.example's to Chromium, news.example.jp's to urllib) or a user part."""
    a, b = split_url(url, port=True), split_url(base, port=True)
    # a port that is not a number, a bracket that opens no IPv6 address; a backslash or a user part
    if a is None or b is None or "\\" in url or "@" in a.netloc:
        return False
    ports = [None if p.port == _PORTS.get(p.scheme.lower()) else p.port for p in (a, b)]
    if a.scheme.lower() not in _PORTS or not a.hostname or a.hostname != b.hostname or ports[0] != ports[1]:
        return False
    return (a.path.rstrip("/") + "/").startswith(b.path.rstrip("/") + "/")


def site_link(site, url):
    """`url` when it is under one of the site's SITE_URLS addresses, a link a page or a mail may offer; else None: a
    URL a requester typed may name any host, and a moderator's page or a stranger's mail is no place to link it."""
    bases = settings.get().site_urls.get(site, ())
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")) \
            and any(on_site(url, base) for base in bases):
        return url
    return None


_TAB_NEWLINE = dict.fromkeys(map(ord, "\t\r\n"))  # WHATWG URL parsing removes them anywhere in the URL
_C0_SPACE = "".join(map(chr, range(0x21)))  # and strips C0 controls and spaces at its start and end


def browser_host(url):
    """The host a browser would open for an http(s) URL, as a warning names it: the authority ends at the first / \\ ?
    or #, the user part before its last @ is dropped, a non-ASCII name is shown as its punycode (a look-alike's
    letters cannot pass for the site's). None when it is no http(s) URL. A browser first drops every tab, CR and LF
    (and controls or spaces at either end): https://news.example.jp<TAB>.evil.example/ opens
    news.example.jp.evil.example, the host to name, not the site's followed by stray text."""
    url = url.translate(_TAB_NEWLINE).strip(_C0_SPACE)
    scheme, _, rest = url.partition(":")
    if scheme.lower() not in _PORTS:
        return None
    rest = rest.lstrip("/\\")
    end = min((i for i in map(rest.find, "/\\?#") if i != -1), default=len(rest))
    host = rest[:end].rpartition("@")[2]
    host = host[:host.find("]") + 1] if host.startswith("[") else host.partition(":")[0]
    try:
        return host.encode("idna").decode("ascii").lower() if not host.isascii() else host.lower()
    except UnicodeError:
        return host.lower()
