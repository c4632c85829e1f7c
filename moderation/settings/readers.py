"""How a setting's text becomes a value: the readers the table names, each raising SettingsError."""

import json
import re

TRUE, FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")


class SettingsError(ValueError):
    """A setting whose value cannot be used; the message names the environment variable."""


# -- how a value is read ----------------------------------------------------------------------------------------


def text(value, name):
    return "" if value is None else str(value)


def integer(value, name):
    try:
        return int(value)
    except (TypeError, ValueError):
        raise SettingsError(f"MODERATION_{name}: expected a whole number, got {value!r}") from None


def number(value, name):
    try:
        return float(value)
    except (TypeError, ValueError):
        raise SettingsError(f"MODERATION_{name}: expected a number, got {value!r}") from None


def boolean(value, name):
    """1/0, true/false, yes/no, on/off (any case); anything else stops start-up naming the variable."""
    if isinstance(value, bool) or value is None:
        return bool(value)
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    word = str(value).strip().lower()
    if word in TRUE:
        return True
    if word in FALSE:
        return False
    raise SettingsError(f"MODERATION_{name}: expected 1/0, true/false, yes/no or on/off, got {value!r}")


def json_object(value, name, error=None):
    """A JSON object on one line (or an already-parsed mapping); empty is {}. The one JSON reader of settings:
    the domain parsers (rate limits, webhooks, quiet hours, thresholds, Coral secrets) all start here."""
    error = error or SettingsError
    if value is None or (isinstance(value, str) and not value.strip()):
        return {}
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError as exc:
            raise error(f"MODERATION_{name} is not valid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise error(f"MODERATION_{name} must be a JSON object")
    return value


def _domain(parse):
    """A JSON-object setting that a domain function turns into its typed value, checked at start-up."""

    def read(value, name):
        try:
            return parse(value)
        except SettingsError:
            raise
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise SettingsError(f"MODERATION_{name}: {exc}") from None

    return read


def _api_keys(value, name):
    from moderation.api.api_keys import ApiKeys

    try:
        return value if isinstance(value, ApiKeys) else ApiKeys(text(value, name))
    except ValueError as error:
        raise SettingsError(str(error)) from None


def api_keys_file(path):
    """ApiKeys from MODERATION_API_KEYS_FILE (api/api_keys.py): building the app stops when the file cannot be read or
    breaks the setting's rules (at start-up; at a HUP, the running app keeps serving)."""
    from moderation.api.api_keys import ApiKeys

    try:
        return ApiKeys.from_file(path)
    except OSError as error:
        raise SettingsError(f"MODERATION_API_KEYS_FILE ({path}) cannot be read: {error.strerror}") from None
    except ValueError as error:
        raise SettingsError(str(error)) from None


def _secret(value, name):
    """SECRET_KEY or METRICS_TOKEN: never .env.example's placeholder (their length: strength.py)."""
    from moderation.api.api_keys import is_placeholder

    value = text(value, name)
    if value and is_placeholder(value):
        raise SettingsError(f"MODERATION_{name} is the .env.example placeholder; generate a random one")
    return value


def _thresholds(spec):
    from moderation.scoring.policy import Policy

    spec = json_object(spec, "THRESHOLDS")
    Policy({}, spec)  # unknown labels or review > reject stop start-up here
    return spec


def _rate_limits(spec):
    from moderation.store.rate_limits import parse_limits

    return parse_limits(spec)


def _shared_labels(spec):
    groups = {}
    for name, sites in json_object(spec, "SHARED_LABELS").items():
        if not isinstance(sites, list) or not all(isinstance(site, str) and site for site in sites):
            raise ValueError(f"group {name!r} must be a list of site names")
        groups[str(name)] = tuple(sites)
    return groups


def _check_rate_limits(spec):
    from moderation.store.rate_limits import parse_limits

    return parse_limits(spec, "CHECK_RATE_LIMITS")


def _category_policies(spec):
    from moderation.scoring.policy import CategoryPolicies

    return CategoryPolicies(spec)


def _site_urls(spec):
    """{site: (address, ...)}: a site's comments may live on several hosts (www. and the bare host, an m. host, an
    AMP path), so a site gives one address or a list; the first is the one links back to the site use."""
    urls = {}
    for site, given in _unique_sites(spec, "SITE_URLS").items():
        addresses = [given] if isinstance(given, str) else given
        if not isinstance(addresses, list) or not addresses or not all(isinstance(a, str) for a in addresses):
            raise ValueError(f"{site!r}: give an address or a list of addresses, e.g. "
                             '["https://www.example.jp/", "https://example.jp/"]')
        for url in addresses:
            if problem := address_problem(url):
                raise ValueError(f"{site!r}: {shown(url)} is not an http(s) address ({problem})")
        if len(set(addresses)) < len(addresses):
            raise ValueError(f"{site!r} lists the same address twice")
        urls[str(site)] = tuple(addresses)
    return urls


def _unique_sites(spec, name):
    """json_object, refusing a site named twice: json.loads would keep its last entry and drop the others unsaid."""
    if isinstance(spec, str) and spec.strip():
        def pairs(items):
            seen = set()
            for key, _ in items:
                if key in seen:
                    raise ValueError(f"{key!r} is named twice; give its addresses as one list")
                seen.add(key)
            return dict(items)
        try:
            json.loads(spec, object_pairs_hook=pairs)
        except json.JSONDecodeError:
            pass  # json_object names the setting and the error
    return json_object(spec, name)


def _public_url(spec):
    """This service's address as readers reach it: http(s), a host (no user), an optional path; kept without its
    last "/"."""
    url = text(spec, "PUBLIC_URL").strip()
    if not url:
        return ""
    if problem := address_problem(url):
        raise ValueError(f"{shown(url)} is not an http(s) address like https://moderation.example.com/ ({problem})")
    return url.rstrip("/")


# Characters no address of ours holds: controls (C0, DEL, C1), space, "\\" (browsers read it as "/") and the
# bidirectional marks that would show a link's text in another order than it goes.
_NOT_IN_ADDRESS_RE = re.compile("[\x00-\x20\x7f-\x9f\\\\\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def address_problem(url):
    """Why `url` is no address readers reach a site or this service at (None when it is one): http(s), a host, a
    number as port, no user part ("@": "https://user:pw@x/" prints a password in every link, and
    "https://news.example.jp@evil.example/" goes to evil.example), no query, fragment, control character or space."""
    from urllib.parse import urlsplit

    if _NOT_IN_ADDRESS_RE.search(url):
        return "it holds a control character, a space, a backslash or a bidirectional mark"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "it needs http:// or https:// and a host"
    if "@" in parts.netloc:
        return "it has a user part (@)"
    if parts.query or parts.fragment:
        return "it has a query or a fragment"
    try:
        port = parts.port
    except ValueError:
        return "its port is not a number"
    return "its port is 0" if port == 0 else None


def shown(url):
    """The address as an error message may print it: a user part's password is never logged."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return repr(url)
    return repr(parts._replace(netloc="***@" + parts.netloc.rpartition("@")[2]).geturl())


def _site_names(spec):
    names = {}
    for site, name in json_object(spec, "SITE_NAMES").items():
        name = str(name).strip()
        if not 1 <= len(name) <= 100 or any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in name):
            raise ValueError(f"{site!r}: a site's name is 1-100 characters without control characters")
        names[str(site)] = name
    return names


def _webhooks(spec):
    from moderation.integrations.webhooks import parse_webhooks

    return parse_webhooks(spec)


def _coral_secrets(spec):
    return {str(site): str(secret).encode() for site, secret in json_object(spec, "CORAL_SECRETS").items() if secret}


def _smtp(spec):
    from moderation.integrations.mail import parse_smtp_url

    return parse_smtp_url(text(spec, "SMTP_URL"))


def _request_rate_limit(spec):
    from moderation.store.rate_limits import parse_limits

    return parse_limits({"ip": text(spec, "REQUEST_RATE_LIMIT")}, "REQUEST_RATE_LIMIT")


def _ip_rate_limit(name):
    """A public page's limit per client address, read from the setting `name`."""
    def read(spec):
        from moderation.store.rate_limits import parse_limits

        return parse_limits({"ip": text(spec, name)}, name)
    return read


def _worker_cpus(spec):
    from moderation.ops.worker_cpus import parse

    return parse(spec)


def _trusted_proxies(spec):
    from moderation.ops.proxies import parse_networks

    return parse_networks(spec)


def _article_breaker(spec):
    from moderation.store.articles import parse_breaker

    return parse_breaker(spec)


def _author_standing(spec):
    from moderation.store.author_standing import parse_standing

    return parse_standing(spec)


def _quiet_hours(spec):
    from moderation.scoring.policy import QuietHours

    return QuietHours(spec)
