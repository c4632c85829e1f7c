"""Webhook configuration, signatures and the SSRF guard, shared by the outbox worker and the demo site.

Configuration: MODERATION_WEBHOOKS = '{"site": {"url": "https://...", "secret": "..."}}'.
Signature: ``X-Moderation-Signature: t=<unix seconds>,v1=<hex>`` where hex is
HMAC-SHA256(secret, f"{t}.".encode() + raw body). Receivers recompute it, compare in constant time and
reject timestamps older than a few minutes (replay protection); de-duplicate on the event's ``id``.
"""

import hashlib
import hmac
import ipaddress
import socket
import threading
import time
from urllib.parse import urlsplit

from moderation.settings import SettingsError, boolean, json_object

SIGNATURE_HEADER = "X-Moderation-Signature"
DEFAULT_TOLERANCE = 300


class WebhookConfigError(SettingsError):
    """A webhook entry that cannot be used (bad JSON, missing url or secret, a refused address)."""


def parse_webhooks(spec):
    """{site: {"url", "secret"}} from the MODERATION_WEBHOOKS JSON (or an already-parsed mapping)."""
    spec = json_object(spec, "WEBHOOKS", error=WebhookConfigError)
    out = {}
    for site, entry in spec.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("url"), str) or not entry.get("secret"):
            raise WebhookConfigError(f"webhook for site {site!r} needs a url and a secret")
        scheme = urlsplit(entry["url"]).scheme
        if scheme not in ("http", "https"):
            raise WebhookConfigError(f"webhook for site {site!r}: url must be http(s)")
        out[site] = {"url": entry["url"], "secret": str(entry["secret"])}
    return out


def allow_private(config):
    """Private, loopback and link-local targets are allowed only in the demo (or when explicitly enabled)."""
    return boolean(config.get("DEMO"), "DEMO") or boolean(config.get("WEBHOOK_ALLOW_PRIVATE"), "WEBHOOK_ALLOW_PRIVATE")


def sign(secret, body, timestamp=None):
    """The signature header value for a raw body (bytes) at a unix timestamp."""
    timestamp = int(time.time() if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify(secret, body, header, *, tolerance=DEFAULT_TOLERANCE, now=None):
    """True when the header carries a valid v1 signature of body whose timestamp is within tolerance."""
    if not header or not secret:
        return False
    timestamp, candidates = None, []
    for part in header.split(","):
        name, _, value = part.strip().partition("=")
        if name == "t" and value.isascii() and value.isdigit():  # "²".isdigit(), and int("²") raises
            timestamp = int(value)
        elif name == "v1":
            candidates.append(value)
    if timestamp is None or not candidates:
        return False
    now = time.time() if now is None else now
    if abs(now - timestamp) > tolerance:
        return False
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    ok = False
    for candidate in candidates:
        ok |= hmac.compare_digest(expected.encode(), candidate.encode())
    return ok


NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


def _embedded(ip):
    """The IPv4 addresses an IPv6 address carries (mapped, 6to4, Teredo, NAT64): each must be global too."""
    if ip.version != 6:
        return []
    found = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
    if any(ip in network for network in NAT64):
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [address for address in found if address is not None]


def _blocked(address):
    """Anything but a globally reachable unicast address, in any of the forms that smuggle another one in
    (100.64.0.0/10 carrier-grade NAT, IPv4-mapped, 6to4, Teredo, NAT64)."""
    ip = ipaddress.ip_address(str(address).split("%", 1)[0])
    return any(not candidate.is_global or candidate.is_multicast for candidate in (ip, *_embedded(ip)))


def _lookup(resolve, host, port, seconds):
    """resolve(host, port)'s answer, waited for at most `seconds` (None: no limit), else None. getaddrinfo cannot
    be interrupted, so it runs in a daemon thread left to finish on its own: a resolver that never answers must
    not hold a delivery (and the worker) past the delivery's deadline."""
    if seconds is None:
        return resolve(host, port, type=socket.SOCK_STREAM)
    answer = {}

    def run():
        try:
            answer["infos"] = resolve(host, port, type=socket.SOCK_STREAM)
        except Exception as exc:  # handed to the waiting caller, raised there
            answer["error"] = exc

    thread = threading.Thread(target=run, name=f"resolve {host}", daemon=True)
    thread.start()
    thread.join(max(seconds, 0))
    if thread.is_alive():
        return None
    if "error" in answer:
        raise answer["error"]
    return answer["infos"]


def check_url(url, *, allow_private_targets=False, resolve=None, timeout=None):
    """The address to connect to for this URL, after checking it: http(s) only and, in production, a host
    that resolves to globally reachable addresses only (``ipaddress.is_global``, embedded IPv4 forms included).
    The caller connects to exactly this address, so a second DNS answer cannot swap in another (rebinding).
    Raises WebhookConfigError, or TimeoutError when the host is not resolved within `timeout` seconds."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WebhookConfigError("webhook url must be an absolute http(s) url")
    resolve = resolve or socket.getaddrinfo
    try:
        infos = _lookup(resolve, parts.hostname, parts.port or (443 if parts.scheme == "https" else 80), timeout)
    except (OSError, ValueError) as exc:
        raise WebhookConfigError(f"webhook host {parts.hostname!r} does not resolve") from exc
    if infos is None:
        raise TimeoutError(f"webhook host {parts.hostname!r} not resolved within {timeout:g} s")
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise WebhookConfigError(f"webhook host {parts.hostname!r} does not resolve")
    if not allow_private_targets:
        for address in addresses:
            if _blocked(address):
                raise WebhookConfigError(
                    f"webhook host {parts.hostname!r} resolves to a non-public address ({address}); "
                    "refused outside the demo configuration (MODERATION_WEBHOOK_ALLOW_PRIVATE to override)")
    return addresses[0]
