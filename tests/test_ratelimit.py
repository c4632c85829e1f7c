"""Rate limits per API key, author and IP, against a real Redis, shared by every app instance."""

import pytest

from moderation.store.rate_limits import parse_limits

FLAG_NONE = {"spam": {"review": 1.01, "reject": 1.01}, "abuse": {"review": 1.01, "reject": 1.01}}


def test_parse_limits():
    assert parse_limits('{"key": "100/10", "author": "5/60", "ip": 0}') == {"key": (100, 10), "author": (5, 60)}
    with pytest.raises(ValueError):
        parse_limits({"user": "1/1"})


def test_author_limit_is_shared_across_app_instances(make_app, auth, comment):
    limits = {"key": "1000/60", "author": "3/60", "ip": "1000/60"}
    first = make_app(RATE_LIMITS=limits, THRESHOLDS=FLAG_NONE).test_client()
    second = make_app(RATE_LIMITS=limits, THRESHOLDS=FLAG_NONE).test_client()
    body = {"author": {"id": "prolific", "name": "x"}}
    assert [c.post("/api/v1/comments", json=comment(**body), headers=auth).status_code
            for c in (first, second, first)] == [200, 200, 200]
    limited = second.post("/api/v1/comments", json=comment(**body), headers=auth)
    assert limited.status_code == 429
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    assert limited.get_json()["error"]["field"] == "author.id"
    other_author = {"author": {"id": "quiet", "name": "y"}}
    assert first.post("/api/v1/comments", json=comment(**other_author), headers=auth).status_code == 200


def test_ip_and_key_limits(make_app, auth, comment):
    client = make_app(RATE_LIMITS={"key": "5/60", "ip": "2/60"}, THRESHOLDS=FLAG_NONE).test_client()
    statuses = [client.post("/api/v1/comments", json=comment(ip="192.0.2.7"), headers=auth).status_code
                for _ in range(3)]
    assert statuses == [200, 200, 429]
    batch = client.post("/api/v1/comments:batch", json={"comments": [comment() for _ in range(4)]}, headers=auth)
    assert batch.status_code == 429 and batch.get_json()["error"]["field"] == "Authorization"
