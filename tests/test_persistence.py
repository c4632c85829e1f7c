"""Operators see whether Redis keeps what the service acknowledged: /readyz warns, /metrics exports it."""

import re

from tests.support.app import API_KEY, METRICS_TOKEN

METRICS = METRICS_TOKEN
OPERATOR = {"Authorization": f"Bearer {METRICS}"}  # /readyz's detail: the metrics token or an API key


def _scrape(client):
    text = client.get("/metrics", headers={"Authorization": f"Bearer {METRICS}"}).text
    return {name: float(value) for name, value in re.findall(r"^(moderation_redis_\w+) (\S+)$", text, re.M)}


def test_readyz_and_metrics_follow_the_append_only_file(make_app, own_redis):
    admin = own_redis.client()
    client = make_app(own_redis.url, METRICS_TOKEN=METRICS).test_client()
    ready = client.get("/readyz", headers=OPERATOR).get_json()
    assert ready["redis_persistence"] == {"aof_enabled": True, "write_ok": True,
                                          "delayed_fsyncs": int(admin.info("persistence")["aof_delayed_fsync"])}
    assert ready["warnings"] == []
    scrape = _scrape(client)
    assert scrape["moderation_redis_persistence_ok"] == 1
    assert scrape["moderation_redis_aof_delayed_fsync_total"] == admin.info("persistence")["aof_delayed_fsync"]

    admin.config_set("appendonly", "no")  # an operator's mistake: acknowledged comments now die with Redis
    ready = client.get("/readyz", headers=OPERATOR).get_json()
    assert ready["redis_persistence"]["aof_enabled"] is False
    assert any("append-only file is off" in warning for warning in ready["warnings"]), ready["warnings"]
    assert client.get("/readyz").status_code == 200  # still serving: a warning, not an outage
    assert _scrape(client)["moderation_redis_persistence_ok"] == 0


def test_an_unreachable_redis_leaves_persistence_unknown_not_a_500(make_app, own_redis, quick_retries):
    client = make_app(own_redis.url, METRICS_TOKEN=METRICS).test_client()
    own_redis.stop()
    answer = client.get("/readyz", headers={"Authorization": f"Bearer {API_KEY}"})
    assert answer.status_code == 503
    body = answer.get_json()
    assert body["redis_persistence"] is None
    assert any("persistence unknown" in warning for warning in body["warnings"])


def test_every_durability_risk_is_named_in_words():
    from moderation.store.persistence import RedisPersistence

    assert RedisPersistence.warnings({"aof_enabled": True, "write_ok": True, "delayed_fsyncs": 0}) == []
    words = RedisPersistence.warnings({"aof_enabled": False, "write_ok": False, "delayed_fsyncs": 3})
    assert [w.split(":")[0] for w in words] == [
        "redis append-only file is off", "redis failed its last write to disk (aof_last_write_status or "
        "rdb_last_bgsave_status)", "redis postponed 3 append-only writes behind a slow fsync since it started "
        "(aof_delayed_fsync)"]
