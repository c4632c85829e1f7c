"""/readyz tells anyone whether the service is ready, and only the operator (metrics token) or a site (its API key)
what it runs: the model version, the Redis nodes and servers, their memory and persistence."""

from tests.support.app import API_KEY, METRICS_TOKEN, OTHER_KEY
from tests.support.monitor import round_trips

METRICS = METRICS_TOKEN
DETAIL = {"status", "model_version", "redis", "redis_node", "redis_server", "redis_sites", "redis_memory",
          "redis_persistence", "warnings"}


def test_the_public_answer_is_the_status_alone_and_reads_no_redis_info(make_app, rdb):
    """What a load balancer or the compose health check needs, 200 or 503, without INFO memory and persistence
    (before: the model version, the Redis node, server, version and memory to anyone, two INFO reads a probe)."""
    client = make_app(METRICS_TOKEN=METRICS).test_client()
    ready, sent = round_trips(rdb, lambda: client.get("/readyz"))
    assert ready.status_code == 200 and ready.get_json() == {"status": "ready"}, ready.text
    assert sent.count("SET") == 2 and "INFO" not in sent, sent  # the write probe: a SET PX for each of two sites
    for word in ("valkey", "redis", "127.0.0.1", "used_memory", "aof"):
        assert word not in ready.text


def test_the_detail_goes_to_the_metrics_token_every_site_and_to_a_site_its_own_line(make_app, rdb):
    app = make_app(METRICS_TOKEN=METRICS)
    client = app.test_client()
    operator = client.get("/readyz", headers={"Authorization": f"Bearer {METRICS}"}).get_json()
    assert set(operator) == DETAIL and operator["model_version"] == app.extensions["moderation.models"].active.version
    assert set(operator["redis_sites"]) == {"test", "other"} and operator["redis_memory"]["used_bytes"] > 0
    for site, key in (("test", API_KEY), ("other", OTHER_KEY)):
        own = client.get("/readyz", headers={"Authorization": f"Bearer {key}"}).get_json()
        assert set(own) == DETAIL and list(own["redis_sites"]) == [site], own  # not the other sites' names
        assert own["model_version"] == operator["model_version"]


def test_a_wrong_key_is_a_401_naming_the_header_not_the_public_answer(make_app):
    client = make_app(METRICS_TOKEN=METRICS).test_client()
    for header in (f"Bearer {METRICS}x", "Bearer not-a-key-of-anyone-0123456789abc", f"Basic {API_KEY}", ""):
        answer = client.get("/readyz", headers={"Authorization": header})
        assert answer.status_code == 401 and answer.get_json()["error"]["field"] == "Authorization", header
        assert "model_version" not in answer.text
    metrics_off = make_app(METRICS_TOKEN="").test_client()  # no token set: no token opens the detail
    assert metrics_off.get("/readyz", headers={"Authorization": "Bearer "}).status_code == 401
