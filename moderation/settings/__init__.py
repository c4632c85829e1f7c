"""Every setting with its type, default and meaning; parsed and checked once, in create_app.

A setting NAME is read from the environment variable MODERATION_NAME (create_app's test_config overrides
it). Code reads the parsed values through ``settings.get()`` (in a request or app context) or
``settings.of(app)``: attributes are the lower-case names, e.g. ``settings.get().lease_seconds``.
A value that cannot be parsed stops start-up with a SettingsError naming the variable. The rows are in
table.py, the readers they name (also used to parse setting-shaped values elsewhere) in readers.py.
"""

import os
from collections.abc import Mapping

from flask import current_app

from moderation.settings import strength
from moderation.settings.readers import SettingsError, api_keys_file, boolean, integer, json_object, number, text
from moderation.settings.table import BY_NAME, TABLE, Setting

__all__ = ["BY_NAME", "TABLE", "Setting", "Settings", "SettingsError", "boolean", "env_value", "get", "integer",
           "json_object", "load", "number", "of", "raw_value", "text"]


def __getattr__(name):
    """settings.WORKERS and the like: a setting's default (what the table says)."""
    if name in BY_NAME:
        return BY_NAME[name].default
    raise AttributeError(name)


class Settings(Mapping):
    """One app's parsed settings, read-only: attributes are the table's names in lower case (also a mapping
    by the upper-case names)."""

    def __init__(self, values):
        object.__setattr__(self, "_values", dict(values))
        # each value also an instance attribute: a read is then a plain lookup, not __getattr__ and str.upper()
        self.__dict__.update((name.lower(), value) for name, value in self._values.items()
                             if not hasattr(Settings, name.lower()))

    def __getattr__(self, name):
        try:
            return self._values[name.upper()]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name):
        return self._values[name]

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __setattr__(self, name, value):
        raise AttributeError("settings are read-only; build new ones with replace()")

    def replace(self, **changes):
        """New settings with some values changed (parsed like the others)."""
        values = dict(self._values)
        for name, value in changes.items():
            setting = BY_NAME[name.upper()]
            values[setting.name] = setting.read(value, setting.name)
        return Settings(values)


def raw_value(name, overrides=None, environ=None):
    """The unparsed value: test_config first, then MODERATION_<NAME>, then the default."""
    environ = os.environ if environ is None else environ
    if overrides and name in overrides:
        return overrides[name]
    return environ.get(f"MODERATION_{name}", BY_NAME[name].default)


def env_value(name):
    """One parsed setting from the environment alone, empty meaning the default (gunicorn.conf.py, before any
    app exists)."""
    setting = BY_NAME[name]
    return setting.read(os.environ.get(f"MODERATION_{name}") or setting.default, name)


def load(overrides=None, environ=None):
    """Every setting parsed from test_config, the environment and the defaults; the first bad one raises, then a
    weak secret outside the demo (strength.py)."""
    values = {s.name: s.read(raw_value(s.name, overrides, environ), s.name) for s in TABLE}
    if values["API_KEYS_FILE"]:  # the file's keys stand where the variable's would
        if values["API_KEYS"].pairs:
            raise SettingsError("MODERATION_API_KEYS and MODERATION_API_KEYS_FILE are both set; keep one")
        values["API_KEYS"] = api_keys_file(values["API_KEYS_FILE"])
    strength.check(values)
    return Settings(values)


def of(app):
    return app.extensions["moderation.settings"]


def extensions() -> dict:
    """The current app's extensions for the per-request accessors: read through the proxy's _get_current_object(),
    not its attribute lookup (0.5 against 3.8 µs in a loop; several reads a comment)."""
    return current_app._get_current_object().extensions


def get():
    return extensions()["moderation.settings"]
