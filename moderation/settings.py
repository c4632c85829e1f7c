"""Settings: how a MODERATION_* value is read (the table of settings is in defaults.py for now)."""

TRUE, FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")


class SettingsError(ValueError):
    """A setting whose value cannot be used; the message names the environment variable."""


def boolean(value, name):
    """1/0, true/false, yes/no, on/off (any case); anything else stops start-up naming the variable."""
    if isinstance(value, bool) or value is None:
        return bool(value)
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise SettingsError(f"MODERATION_{name}: expected 1/0, true/false, yes/no or on/off, got {value!r}")
