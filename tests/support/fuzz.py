"""Malformed request bodies for tests/test_http_fuzz.py: junk values, broken JSON, other content types."""

import json

MARKER = "<script>alert(7)</script>\u202e"
# Raw JSON tokens (so NaN, 1e999 and a lone surrogate can be sent; json.dumps would refuse or escape them).
JSON_JUNK = ["null", "true", "false", "0", "-1", "1.5", "-1e308", "1e999", "NaN", "-Infinity",
             "18446744073709551616", "-9223372036854775809", '""', '" "', json.dumps("x" * 20_000), '"\\u0000"',
             '"\\ud800"', json.dumps(MARKER), "[]", "[null]", "{}", '{"$": {"$": [1, {"a": null}]}}',
             '"2026-13-45T99:99:99Z"', '"-1"', '"1e999"']
FORM_JUNK = ["", " ", "x" * 20_000, "-1", "99999999999999999999", "1e999", "nan", "\x00", MARKER,
             "\udcff\udcfe", "2026-13-45", "../../etc/passwd"]


def raw_json(value):
    return json.dumps(value, ensure_ascii=False).encode()


def _with(valid, path, token):
    """The valid body as raw JSON with the value at `path` (a tuple of keys/indexes) replaced by a raw token, or
    dropped when token is None."""
    marker = "\x00FUZZ\x00"
    copy = json.loads(json.dumps(valid))
    node = copy
    for key in path[:-1]:
        node = node[key]
    if token is None:
        del node[path[-1]]
        return raw_json(copy)
    node[path[-1]] = marker
    return raw_json(copy).replace(json.dumps(marker).encode(), token.encode("utf-8", "surrogatepass"))


def _paths(value, prefix=()):
    """Every field of a body, nested objects' and lists' first items included."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*prefix, key)
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list) and value:
        yield (*prefix, 0)
        yield from _paths(value[0], (*prefix, 0))


def _random_junk(rng, depth=0):
    """A random JSON value (seeded): the shapes nobody wrote a case for."""
    kind = rng.randrange(7 if depth < 3 else 4)
    if kind == 0:
        return rng.choice([None, True, False])
    if kind == 1:
        return rng.choice([0, -1, 2**31, -(2**53), 3.25, 1e300])
    if kind in (2, 3):
        return "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x3000, 0x30ff), 0x202e, 0xfeff]))
                       for _ in range(rng.randrange(0, 40)))
    if kind in (4, 5):
        return [_random_junk(rng, depth + 1) for _ in range(rng.randrange(0, 4))]
    return {f"k{i}": _random_junk(rng, depth + 1) for i in range(rng.randrange(0, 4))}


def body_variants(valid, rng):
    """(label, raw body, content type, field or None) for one JSON route's valid body."""
    ctype = "application/json"
    for path in _paths(valid):
        name = ".".join(str(part) for part in path)
        for token in JSON_JUNK:
            yield f"{name}={token[:20]}", _with(valid, path, token), ctype, name
        for _ in range(3):
            token = json.dumps(_random_junk(rng))
            yield f"{name}={token[:20]}", _with(valid, path, token), ctype, name
        yield f"without {name}", _with(valid, path, None), ctype, name
    raw = raw_json(valid)
    first = next(iter(valid), "a")
    yield "extra junk field", raw_json({**valid, "zz" * 50: _random_junk(rng)}), ctype, None
    yield "duplicate key", raw[:-1] + b", " + json.dumps(first).encode() + b": [{}]}", ctype, None
    for label, body in (("empty", b""), ("truncated", raw[: len(raw) // 2]),
                        ("invalid UTF-8", b"{\"a\": \"\xff\xfe\"}"), ("latin-1", "{\"a\": \"é\"}".encode("latin-1")),
                        ("BOM", b"\xef\xbb\xbf" + raw), ("array", b"[]"), ("string", b"\"s\""), ("null", b"null"),
                        ("number", b"1"), ("nested", b"[" * 5000 + b"]" * 5000),
                        ("nested objects", b"{\"a\":" * 3000 + b"1" + b"}" * 3000), ("NUL", b"\x00" * 64),
                        ("2 MB", b"{\"a\": \"" + b"x" * 2_000_000 + b"\"}")):
        yield f"body {label}", body, ctype, None
    for other in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "application/json; "
                  "charset=latin-1", "application/jsonx", "", "application/json; charset=\udcff"):
        yield f"Content-Type {other!r}", raw, other, None
