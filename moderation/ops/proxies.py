"""The client's address: X-Forwarded-For believed only through MODERATION_TRUSTED_PROXIES hops, normalised.

Behind a reverse proxy every request connects from the proxy, so throttles and limits keyed by the connecting
address would count every reader as one. The WSGI middleware here rewrites REMOTE_ADDR once per request
(like werkzeug's ProxyFix, but it checks each hop against the configured CIDRs instead of trusting a fixed
number of them): starting from the connecting address, while the hop is trusted, the next address to the
left in X-Forwarded-For is the client. An empty TRUSTED_PROXIES ignores X-Forwarded-For entirely.
Addresses are normalised (zone ids dropped, IPv4-mapped IPv6 as IPv4, compressed IPv6) so one address
cannot be written several ways, and ``limit_key`` groups IPv6 addresses by /64 for limits and throttles.
"""

import functools
import ipaddress


def parse_networks(value):
    """ "10.0.0.0/8, 2001:db8::/32" -> tuple of ip_network (ValueError names the bad entry)."""
    if isinstance(value, (list, tuple)):
        parts = value
    else:
        parts = [part.strip() for part in str(value or "").split(",")]
    networks = []
    for part in parts:
        if isinstance(part, (ipaddress.IPv4Network, ipaddress.IPv6Network)):
            networks.append(part)
        elif part:
            try:
                networks.append(ipaddress.ip_network(part, strict=False))
            except ValueError:
                raise ValueError(f"{part!r} is not an IP address or CIDR network") from None
    return tuple(networks)


def parse_address(text):
    """An ip_address from text (zone id dropped, IPv4-mapped as IPv4), or None when it is not one."""
    text = (text or "").strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443" as some proxies write it
        text = text[1:text.index("]")]
    text = text.split("%", 1)[0]
    try:
        return _canonical(ipaddress.ip_address(text))
    except ValueError:
        return None


def _canonical(address):
    """One address, one spelling: an ip_address without its zone id, an IPv4-mapped one as IPv4."""
    if address.version == 6:
        if address.scope_id is not None:
            address = ipaddress.IPv6Address(int(address))
        if address.ipv4_mapped:
            return address.ipv4_mapped
    return address


def normalise(text):
    """The one spelling of an address ("::ffff:1.2.3.4" -> "1.2.3.4", zone ids dropped); text as given if
    it is not an address."""
    address = parse_address(text)
    return str(address) if address is not None else text


def limit_key(text):
    """What limits and throttles count by: the address, or its /64 for IPv6 (one subscriber's block)."""
    address = parse_address(text)
    if address is None:
        return text or "unknown"
    return address_key(address)


def address_key(address):
    """limit_key() of an address already parsed (an ip_address; a zone id is dropped, IPv4-mapped read as IPv4)."""
    address = _canonical(address)
    if address.version == 6:
        return str(ipaddress.IPv6Network((int(address) >> 64 << 64, 64)))  # its /64, not its text parsed again
    return str(address)


@functools.lru_cache(maxsize=4096)
def _connecting(remote_addr):
    """The connecting address's one spelling; remembered, since the same few proxies or clients connect again
    and again (parsing it was a tenth of a bare request's cost)."""
    current = parse_address(remote_addr)
    return remote_addr if current is None else str(current)


def client_address(remote_addr, forwarded_for, trusted):
    """Walk X-Forwarded-For right to left while the hop that told us is a trusted proxy."""
    if not (trusted and forwarded_for):
        return _connecting(remote_addr) if isinstance(remote_addr, str) else remote_addr
    current = parse_address(remote_addr)
    if current is None:
        return remote_addr
    hops = [hop for hop in ",".join(forwarded_for).split(",") if hop.strip()]
    while hops and any(current in network for network in trusted if network.version == current.version):
        previous = parse_address(hops.pop())
        if previous is None:
            break  # garbage from a trusted hop's client: the trusted hop is the last address we know
        current = previous
    return str(current)


class ProxyAddress:
    """WSGI middleware: REMOTE_ADDR becomes the client's normalised address (the original is kept)."""

    def __init__(self, wsgi_app, trusted):
        self.wsgi_app = wsgi_app
        self.trusted = tuple(trusted)

    def __call__(self, environ, start_response):
        original = environ.get("REMOTE_ADDR")
        forwarded = environ.get("HTTP_X_FORWARDED_FOR")
        environ["moderation.connecting_addr"] = original
        environ["REMOTE_ADDR"] = client_address(original, [forwarded] if forwarded else [], self.trusted)
        return self.wsgi_app(environ, start_response)


def init_app(app):
    from moderation import settings

    app.wsgi_app = ProxyAddress(app.wsgi_app, settings.of(app).trusted_proxies)
