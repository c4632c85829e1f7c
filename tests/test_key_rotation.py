"""Rotating a site's API key: the service takes the new key beside the old (`site:<old>,site:<new>`), the site
switches whenever it is ready, the operator watches the old key's id stop being used, then removes it. Both keys
open everything a site key opens; logs and metrics name a key by its id, never the key."""

import json
import subprocess

import akismet
import pytest

from moderation import settings
from moderation.api.api_keys import ApiKeys, key_id
from moderation.ops.logs import JsonFormatter
from moderation.settings import SettingsError
from tests.support.akismet_client import BLOG, akismet_client
from tests.support.app import API_KEY, METRICS_TOKEN, app_config, app_env
from tests.support.servers import GUNICORN_COMMAND, Gunicorn
from tests.support.targets import SPAM, seed_targets
from tests.test_route_auth import WHO

OLD = API_KEY
NEW = "test-key-rotated-QmR4x9Lk2vTz8pWc5nYb"  # 36 characters
ROTATING = f"test:{OLD},test:{NEW}"
WRONG = "test-key-of-nobody-0123456789abcdefgh"


def _key_uses(client):
    """moderation_api_key_requests_total by key id, read from /metrics."""
    from prometheus_client.parser import text_string_to_metric_families

    text = client.get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}).get_data(as_text=True)
    return {sample.labels["key_id"]: sample.value for family in text_string_to_metric_families(text)
            for sample in family.samples if sample.name == "moderation_api_key_requests_total"
            and sample.labels["site"] == "test"}


def test_a_site_holds_one_or_two_keys_each_naming_it(make_app):
    """The setting's format is unchanged; a site named twice holds both keys (a third, or the same key twice, stops
    start-up: tests/test_settings.py). Each key answers as the site, with its own id."""
    one = ApiKeys(f"test:{OLD}")
    assert one.match(OLD) == ("test", key_id(OLD)) and one.match(NEW) is None and one.sites == ["test"]
    two = ApiKeys(f"{ROTATING},other:{WRONG}")
    assert two.sites == ["test", "other"] and two.key_of("test") == OLD
    assert two.match(OLD) == ("test", key_id(OLD)) and two.match(NEW) == ("test", key_id(NEW))
    assert two.match(OLD + "x") is None and two.match(NEW[:-1]) is None and two.match(WRONG) == ("other", key_id(WRONG))
    assert len({key_id(OLD), key_id(NEW), key_id(WRONG)}) == 3 and all(len(key_id(k)) == 8 for k in (OLD, NEW))


def test_the_new_key_is_held_to_32_characters_too_and_the_message_names_its_place_not_the_key(make_app):
    short = "rotated-too-short-20"
    with pytest.raises(SettingsError, match=r"MODERATION_API_KEYS: the second key of site 'test' is 20 characters, "
                                            "at least 32 needed") as raised:
        make_app(API_KEYS=f"test:{OLD},test:{short}")
    assert short not in str(raised.value) and OLD not in str(raised.value)
    with pytest.raises(SettingsError, match="the key of site 'test' is 20 characters"):
        make_app(API_KEYS=f"test:{short},test:{NEW}")
    demo = settings.of(make_app(API_KEYS=f"test:{OLD},test:{short}", DEMO=True)).api_keys
    assert demo.site_for(short) == demo.site_for(OLD) == "test"  # the demo keeps its 8+ floor


def test_the_readmes_key_id_command_gives_the_id_the_service_logs():
    for key in (OLD, NEW):
        shell = subprocess.run(["bash", "-c", 'printf %s "$KEY" | sha256sum | cut -c1-8'], env={"KEY": key},
                               capture_output=True, text=True, check=True)
        assert shell.stdout.strip() == key_id(key)


def _calls(app, values):
    """(endpoint, method, path) of every route tests/test_route_auth.py says a site key opens (API and Akismet)."""
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if WHO.get(rule.endpoint) not in ("api", "akismet"):
            continue
        path = rule.rule
        for name in rule.arguments:
            path = path.replace(f"<{name}>", values[name])
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule.endpoint, method, path


def _call(client, method, path, key):
    if path.startswith("/1.1/"):  # Akismet's form: the key in the body
        form = {"api_key": key, "key": key, "blog": BLOG, "user_ip": "203.0.113.7", "comment_content": "良い記事",
                "is_test": "1"}
        return client.post(path, data=form)
    return client.open(path, method=method, headers={"Authorization": f"Bearer {key}"},
                       json={} if method != "GET" else None)


def _opened(path, response):
    if path.startswith("/1.1/"):
        return response.status_code == 200 and response.get_data(as_text=True) != "invalid"
    return response.status_code != 401 and response.status_code < 500


def test_both_keys_open_every_route_a_site_key_opens_and_a_wrong_one_none(make_app, thresholds, rdb, prefix):
    app = make_app(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="", API_KEYS=ROTATING, METRICS_TOKEN=METRICS_TOKEN)
    held, _, request_id, _ = seed_targets(app, rdb, prefix, "rot")  # filed with the old key
    values = {"comment_id": held["id"], "request_id": request_id, "author_id": "rot-author", "article_id": "rot-art"}
    client, wrong, seen = app.test_client(), [], set()
    for endpoint, method, path in _calls(app, values):
        seen.add(endpoint)
        for key in (OLD, NEW):
            response = _call(client, method, path, key)
            if not _opened(path, response):
                wrong.append((method, path, key[:9], response.status_code, response.get_data(as_text=True)[:100]))
        if _opened(path, _call(client, method, path, WRONG)):
            wrong.append((method, path, "wrong key opened it"))
    assert wrong == []
    assert seen == {endpoint for endpoint, who in WHO.items() if who in ("api", "akismet")}
    for key in (OLD, NEW):  # the same site: what the old key filed, the new key reads; /readyz shows its own line
        auth = {"Authorization": f"Bearer {key}"}
        assert client.get(f"/api/v1/comments/{held['id']}", headers=auth).json["status"] == "pending"
        detail = client.get("/readyz", headers=auth).get_json()
        assert list(detail["redis_sites"]) == ["test"] and detail["model_version"], detail
    assert client.get("/readyz", headers={"Authorization": f"Bearer {WRONG}"}).status_code == 401


def test_the_real_akismet_client_with_the_old_key_the_new_key_and_the_old_one_removed(make_app, thresholds, rdb,
                                                                                    prefix):
    from moderation.store.training_labels import LabelStore

    app = make_app(THRESHOLDS=thresholds.flag_all, API_KEYS=ROTATING)
    for key, text in ((OLD, "副業で月収100万円！"), (NEW, "副業で月収200万円！")):
        with akismet_client(key, app=app) as checker:  # verifies the key first
            assert checker.verify_key() is True
            assert checker.comment_check("203.0.113.7", comment_content=text) == akismet.CheckResponse.SPAM
            assert checker.submit_spam("203.0.113.7", comment_content=text) is True
    rows = LabelStore(rdb, "test", prefix).export(feedback_weight=0.5, daily_cap=10)
    assert [r["text"] for r in rows] == ["副業で月収100万円！", "副業で月収200万円！"]  # both under the site
    rotated = make_app(THRESHOLDS=thresholds.flag_all, API_KEYS=f"test:{NEW}")  # step 3: the old key removed
    assert akismet_client(NEW, app=rotated).verify_key() is True
    old = akismet_client(OLD, app=rotated)
    assert old.verify_key() is False
    with pytest.raises(akismet.APIKeyError):
        old.comment_check("203.0.113.7", comment_content="副業で月収100万円！")


def test_logs_and_metrics_name_the_key_by_its_id_never_the_key(make_app, thresholds, comment, caplog):
    app = make_app(THRESHOLDS=thresholds.flag_none, RATE_LIMITS="", API_KEYS=ROTATING, METRICS_TOKEN=METRICS_TOKEN)
    client = app.test_client()
    before = _key_uses(client)
    sent = [(OLD, "/api/v1/comments"), (NEW, "/api/v1/comments"), (NEW, "/api/v1/comments"), (OLD, "/readyz"),
            (NEW, "/1.1/comment-check"), (WRONG, "/api/v1/comments")]
    with caplog.at_level("INFO"):
        caplog.clear()  # the scrape above is logged too when an earlier test left the root logger at INFO
        for key, path in sent:
            if path == "/1.1/comment-check":
                client.post(path, data={"api_key": key, "blog": BLOG, "user_ip": "203.0.113.7",
                                        "comment_content": "良い記事でした"})
            elif path == "/readyz":
                client.get(path, headers={"Authorization": f"Bearer {key}"})
            else:
                client.post(path, json=comment(), headers={"Authorization": f"Bearer {key}"})
    lines = [JsonFormatter().format(record) for record in caplog.records]
    access = [json.loads(line) for line in lines if '"moderation.access"' in line]
    assert [(a["path"], a["status"], a["site"], a["key_id"]) for a in access] == [
        ("/api/v1/comments", 200, "test", key_id(OLD)), ("/api/v1/comments", 200, "test", key_id(NEW)),
        ("/api/v1/comments", 200, "test", key_id(NEW)), ("/readyz", 200, "test", key_id(OLD)),
        ("/1.1/comment-check", 200, "test", key_id(NEW)), ("/api/v1/comments", 401, None, None)]
    assert not [line for line in lines if OLD in line or NEW in line or WRONG in line]
    after = _key_uses(client)
    grown = {kid: after[kid] - before.get(kid, 0) for kid in after if after[kid] != before.get(kid, 0)}
    assert grown == {key_id(OLD): 2, key_id(NEW): 3}


@pytest.mark.slow
def test_rotation_through_gunicorn_both_keys_then_the_new_one_alone(tiny_model, redis_server, prefix, tmp_path,
                                                                   thresholds):
    """The production command, two workers: with both keys the site's requests alternate old and new and none is
    refused (web servers switching one by one); the metric shows the old key's count stop; then the old key is
    removed and only the new one opens anything."""

    def serve(keys):
        config = app_config(tiny_model, redis_server.url, prefix, tmp_path, API_KEYS=keys, RATE_LIMITS="",
                            THRESHOLDS=thresholds.flag_all, METRICS_TOKEN=METRICS_TOKEN, WORKERS=2)
        server = Gunicorn(GUNICORN_COMMAND, app_env(config), tmp_path).start()
        server.workers()
        return server

    def bearer(key):
        return {"Authorization": f"Bearer {key}"}

    def key_uses(server, expected):
        """The counts once they are `expected` (a worker writes its series up to 50 ms after its requests), else the
        last scrape's after 5 s."""
        def uses(scraped):
            return {dict(labels)["key_id"]: value for (name, labels), value in scraped.items()
                    if name == "moderation_api_key_requests_total" and dict(labels)["site"] == "test"}

        return uses(server.metrics_until(lambda scraped: uses(scraped) == expected))

    server = serve(ROTATING)
    try:
        statuses = [server.post_comment(SPAM, headers=bearer(key))[0] for key in (OLD, NEW) * 10]
        assert statuses == [200] * 20
        for key in (OLD, NEW):
            status, body, _ = server.get("/readyz", headers=bearer(key))
            assert status == 200 and list(json.loads(body)["redis_sites"]) == ["test"]
            with akismet_client(key, base_url=server.url) as checker:  # over HTTP: verify-key, then the check
                assert checker.comment_check("203.0.113.7", comment_content=SPAM) == akismet.CheckResponse.SPAM
        switched = {key_id(OLD): 10 + 1 + 2, key_id(NEW): 10 + 1 + 2}  # comments, /readyz, Akismet's two
        assert key_uses(server, switched) == switched
        assert [server.post_comment(SPAM, headers=bearer(NEW))[0] for _ in range(5)] == [200] * 5
        stopped = {key_id(OLD): 13, key_id(NEW): 18}  # the old key's count has stopped
        assert key_uses(server, stopped) == stopped
        lines = server.log_lines()
        assert {line.get("key_id") for line in lines if line.get("logger") == "moderation.access"
                and line.get("site") == "test"} == {key_id(OLD), key_id(NEW)}
        assert OLD not in server.log() and NEW not in server.log()
    finally:
        server.stop()
    server = serve(f"test:{NEW}")  # the old key removed
    try:
        assert server.post_comment(SPAM, headers=bearer(NEW))[0] == 200
        assert server.post_comment(SPAM, headers=bearer(OLD))[0] == 401
        assert server.get("/readyz", headers=bearer(OLD))[0] == 401
        assert akismet_client(OLD, base_url=server.url).verify_key() is False
        assert akismet_client(NEW, base_url=server.url).verify_key() is True
        assert OLD not in server.log() and NEW not in server.log()
    finally:
        server.stop()
