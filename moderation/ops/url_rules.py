"""The app's URL rules with their URL builders kept once a process, not compiled again for every app."""

from __future__ import annotations

from flask import Flask
from werkzeug.routing import Rule

__all__ = ["App", "KeptBuilderRule"]

# (rule text, its parsed trace, whether unknown arguments go to the query string) -> werkzeug's builder function
_BUILDERS: dict[tuple, object] = {}


class KeptBuilderRule(Rule):
    """werkzeug compiles two URL builders for each rule of each app (Python code generated from the rule's parts and
    compiled: ~0.4 ms a rule, ~25 ms an app of ~60 rules); the tests make ~750 apps a fast-suite run (18 s of its
    CPU). A builder is a function of its arguments alone (the rule is passed to it as `.self`), made from the rule's
    text and trace and append_unknown, so one compiled for the same three is the same function: kept by them. A rule
    with defaults (their converted values are folded into the code) is compiled as werkzeug does."""

    def _compile_builder(self, append_unknown: bool = True):
        if self.defaults:
            return super()._compile_builder(append_unknown)
        key = (self.rule, tuple(self._trace), append_unknown)
        builder = _BUILDERS.get(key)
        if builder is None:
            builder = _BUILDERS[key] = super()._compile_builder(append_unknown)
        return builder


class App(Flask):
    """Flask with KeptBuilderRule for its URL rules."""

    url_rule_class = KeptBuilderRule
