"""Secrets strong enough to face the internet: a short SECRET_KEY, API key or METRICS_TOKEN stops start-up outside
the demo.

A setting's reader sees its own value only; whether the service runs as the demo (`make run`, never in production)
is another setting, so this check runs once over the parsed values, after every reader.
"""

from moderation.settings.readers import SettingsError

MIN_SECRET = 32  # bytes of SECRET_KEY, characters of an API key: secrets.token_urlsafe(32) gives 43, token_hex(16) 32
GENERATE = "python3 -c 'import secrets; print(secrets.token_urlsafe(32))'"


def check(values):
    """Raise SettingsError naming the first weak secret, unless DEMO is on (an empty SECRET_KEY is generated)."""
    if values["DEMO"]:
        return
    secret = values["SECRET_KEY"]
    if secret and len(secret.encode()) < MIN_SECRET:
        raise SettingsError(f"MODERATION_SECRET_KEY: {len(secret.encode())} bytes, at least {MIN_SECRET} needed "
                            f"outside the demo; generate one ({GENERATE}) or leave it empty for one kept in the "
                            "instance folder")
    token = values["METRICS_TOKEN"]
    if token and len(token) < MIN_SECRET:
        raise SettingsError(f"MODERATION_METRICS_TOKEN: {len(token)} characters, at least {MIN_SECRET} needed outside "
                            f"the demo (it opens /metrics and /readyz's detail); generate one ({GENERATE}) or leave it "
                            "empty for no /metrics")
    name = f"MODERATION_API_KEYS_FILE ({values['API_KEYS_FILE']})" if values["API_KEYS_FILE"] else "MODERATION_API_KEYS"
    pairs = values["API_KEYS"].pairs
    for index, (site, key) in enumerate(pairs):  # the key itself is never in the message, its place is
        if len(key.decode()) < MIN_SECRET:
            which = "the second key" if any(other == site for other, _ in pairs[:index]) else "the key"
            raise SettingsError(f"{name}: {which} of site {site!r} is {len(key.decode())} characters, "
                                f"at least {MIN_SECRET} needed outside the demo; generate one ({GENERATE})")
