"""The apps' URL builders are werkzeug's own, compiled once a process (moderation/ops/url_rules.py): every rule builds
the URL werkzeug's fresh compile of it builds, and a second app reuses the first one's builders."""

from werkzeug.routing import Rule

# a value for each converter the app's rules use (a path with its slash and a space, text with a non-ASCII letter)
SAMPLE = {"UnicodeConverter": "x-1 ü", "PathConverter": "a/b c"}


def _values(rule):
    return {name: SAMPLE[type(rule._converters[name]).__name__] for name in rule.arguments}


def test_every_rule_builds_what_werkzeugs_own_compile_builds_and_a_second_app_compiles_none(make_app):
    first, second = make_app(), make_app()
    rules = list(first.url_map.iter_rules())
    assert len(rules) > 40
    built = 0
    for rule in rules:
        values = _values(rule)
        for unknown, extra in ((False, {}), (True, {"page": "2", "q": "あ b"})):
            fresh = Rule._compile_builder(rule, unknown).__get__(rule, None)
            kept = rule._build_unknown if unknown else rule._build
            assert kept(**values, **extra) == fresh(**values, **extra), rule.rule
            built += 1
    assert built == 2 * len(rules)
    theirs = {(r.rule, r.endpoint): r for r in second.url_map.iter_rules()}
    shared = [r.rule for r in rules if not r.defaults
              and theirs[(r.rule, r.endpoint)]._build.__func__ is r._build.__func__
              and theirs[(r.rule, r.endpoint)]._build_unknown.__func__ is r._build_unknown.__func__]
    assert len(shared) == len([r for r in rules if not r.defaults]) > 40
