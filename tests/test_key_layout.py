"""README, Redis key layout: `moderation/store/keys.py` names every key, and the README's table names only keys it
names. Every key a run of the service writes (each acknowledged write of tests/support/writes.py, and the API's
submit, check, report, article, author, rights request and readiness paths) is one of keys.py's layout, of the type
it gives; the audit of session 36 found each write call's kept answer (append_only's `call` key) in no layout."""

import re

import pytest
import redis

from moderation import PROJECT_ROOT
from moderation.store import keys
from tests.support.writes import HELD, WRITES, Stores

TYPES = {"HASH": "hash", "ZSET": "zset", "LIST": "list", "SET": "set", "STRING": "string", "STREAM": "stream"}


def layout():
    """keys.py's layout lines as (key as written there, its Redis type): P the prefix, {S} a site, <...> a part."""
    rows = re.findall(r"^  ((?:P|<)[^\n]+?) +(HASH|ZSET|LIST|SET|STRING|STREAM)\b", keys.__doc__, re.M)
    return [(key, TYPES[kind]) for line, kind in rows for key in line.split(", ")]


def matcher(key, prefixes):
    """A key of the layout as a regex of the keys it stands for, under any of `prefixes`."""
    parts = [r"\{[^{}]+\}" if part == "{S}" else ".+" if part.startswith("<") else re.escape(part)
             for part in re.split(r"(<[^>]+>|\{S\})", key) if part]
    if key.startswith("P"):
        parts[0] = "(?:" + "|".join(map(re.escape, prefixes)) + ")" + parts[0][1:]
    return re.compile("".join(parts))


def test_every_key_of_the_readmes_table_is_one_keys_py_names():
    documented = {re.sub(r"<[^>]+>", "<>", key) for key, _ in layout()}
    table = (PROJECT_ROOT / "README.md").read_text().split("## Redis key layout")[1].split("\nNot a key:")[0]
    shown = [re.sub(r"<[^>]+>", "<>", "P" + key[len("mod:"):])
             for row in re.findall(r"^\| (.+?) \|", table, re.M) for key in re.findall(r"`(mod:[^`]+)`", row)]
    assert len(shown) > 25 and len(documented) > 50, (shown, documented)
    assert [key for key in shown if key not in documented] == []


@pytest.mark.slow  # a server of its own and ~60 writes through the stores and the app
def test_every_key_the_service_writes_is_one_keys_py_names_with_its_type(own_redis, make_app, auth, comment,
                                                                       thresholds, prefix):
    stores = Stores(own_redis.url)  # prefix mod:
    stores.set_up()
    for make, _ in [*WRITES.values(), HELD]:
        make(Stores(own_redis.url))
    standing = {"enabled": True}
    app = make_app(own_redis.url, THRESHOLDS=thresholds.flag_all, ARTICLE_BREAKER={"enabled": True},
                   AUTHOR_STANDING=standing, SMTP_URL="smtp://127.0.0.1:9")  # receipts queued, never sent here
    client = app.test_client()
    held = comment(id="k-held", author={"id": "u-k"}, ip="203.0.113.7", article_id="art-k")
    assert client.post("/api/v1/comments", json=held, headers=auth).json["decision"] == "review"
    rejecting = make_app(own_redis.url, THRESHOLDS=thresholds.reject_all, AUTHOR_STANDING=standing).test_client()
    rejected = comment(id="k-rejected", author={"id": "u-k"}, article_id="art-k")
    assert rejecting.post("/api/v1/comments", json=rejected, headers=auth).json["decision"] == "reject"
    batch = {"comments": [comment(id=f"k-b{n}", author={"id": "u-b"}) for n in range(3)]}
    assert client.post("/api/v1/comments:batch", json=batch, headers=auth).status_code == 200
    assert client.post("/api/v1/comments:check", json=comment(author={"id": "u-k"}), headers=auth).status_code == 200
    published = make_app(own_redis.url, THRESHOLDS=thresholds.flag_none).test_client()
    assert published.post("/api/v1/comments", json=comment(id="k-pub"), headers=auth).json["decision"] == "allow"
    report = {"reason": "abuse", "reporter_id": "r-k"}
    assert client.post("/api/v1/comments/k-pub/reports", json=report, headers=auth).status_code < 300
    assert client.put("/api/v1/articles/art-k", json={"mode": "premoderated"}, headers=auth).status_code == 200
    assert client.put("/api/v1/authors/u-b", json={"standing": "warned"}, headers=auth).status_code == 200
    request = {"requester": {"name": "山田 花子", "email": "hanako@example.jp", "relation": "self"},
               "comments": ["k-pub"], "right": "reputation", "explanation": "根拠なく詐欺師と書かれています。"}
    filed = client.post("/api/v1/requests", json=request, headers={**auth, "Idempotency-Key": "form-k"})
    assert filed.status_code == 201, filed.text
    assert client.get("/readyz").status_code == 200

    rdb = redis.Redis.from_url(own_redis.url, decode_responses=True)
    found = {key: rdb.type(key) for key in rdb.scan_iter(count=1000)}
    patterns = [(matcher(key, ("mod:", prefix)), kind) for key, kind in layout()]
    assert len(found) > 50, sorted(found)
    unnamed = {key: kind for key, kind in found.items()
               if not any(pattern.fullmatch(key) and kind == want for pattern, want in patterns)}
    assert unnamed == {}, sorted(unnamed)[:10]
