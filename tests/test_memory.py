"""A full Redis (small maxmemory, noeviction): clean comments answered, flagged ones 503, nothing acknowledged lost."""

import pytest

from tests.support.app import API_KEY, METRICS_TOKEN

AUTH = {"Authorization": f"Bearer {API_KEY}"}
METRICS = METRICS_TOKEN


@pytest.mark.slow
def test_a_full_redis_refuses_flagged_comments_and_loses_nothing_acknowledged(make_app, own_redis, comment,
                                                                            thresholds):
    admin = own_redis.client()
    flagged = make_app(own_redis.url, THRESHOLDS=thresholds.flag_all, RATE_LIMITS="",
                       METRICS_TOKEN=METRICS).test_client()
    clean = make_app(own_redis.url, THRESHOLDS=thresholds.flag_none, RATE_LIMITS="").test_client()
    operator = {"Authorization": f"Bearer {METRICS}"}  # /readyz's detail: the metrics token or an API key
    assert flagged.get("/readyz", headers=operator).get_json()["warnings"] == []  # no limit yet
    admin.config_set("maxmemory-policy", "noeviction")
    admin.config_set("maxmemory", int(admin.info("memory")["used_memory"]) + 2 * 1024 * 1024)
    acknowledged, refused = [], None
    for n in range(400):
        body = comment("副業で月収100万円！今すぐLINE追加してね " + f"{n:04d}" * 2000)
        answer = flagged.post("/api/v1/comments", json=body, headers=AUTH)
        if answer.status_code == 503:
            refused = answer
            break
        assert answer.status_code == 200 and answer.get_json()["decision"] == "review", answer.text
        acknowledged.append(body["id"])
    assert refused is not None and int(refused.headers["Retry-After"]) > 0
    assert refused.get_json()["error"]["code"]
    assert len(acknowledged) >= 10
    for _ in range(5):  # clean comments are still answered while Redis refuses writes
        answer = clean.post("/api/v1/comments", json=comment("今日の記事、とても参考になりました。"), headers=AUTH)
        assert answer.status_code == 200 and answer.get_json()["decision"] == "allow"
    for comment_id in acknowledged:  # noeviction: every acknowledged comment is still there
        assert flagged.get(f"/api/v1/comments/{comment_id}", headers=AUTH).status_code == 200
    ready = flagged.get("/readyz", headers=operator).get_json()
    assert ready["redis_memory"]["ratio"] > 0.8 and ready["redis_memory"]["policy"] == "noeviction"
    assert any("maxmemory" in warning for warning in ready["warnings"])
    scrape = flagged.get("/metrics", headers={"Authorization": f"Bearer {METRICS}"}).text
    assert "moderation_redis_memory_used_bytes" in scrape and "moderation_redis_memory_max_bytes" in scrape
