"""Settings are parsed once at create_app: typed values through settings.get(), a bad value stops start-up."""

import pytest

from moderation import settings
from moderation.settings import SettingsError


@pytest.mark.parametrize(("word", "value"), [("1", True), ("true", True), ("Yes", True), ("on", True),
                                             ("0", False), ("false", False), ("NO", False), ("off", False)])
@pytest.mark.slow
def test_booleans_accept_the_usual_words(make_app, monkeypatch, word, value):
    monkeypatch.setenv("MODERATION_SESSION_COOKIE_SECURE", word)
    app = make_app()
    assert settings.of(app).session_cookie_secure is value
    assert app.config["SESSION_COOKIE_SECURE"] is value


@pytest.mark.parametrize("name", ["DEMO", "ACCESS_LOG", "SESSION_COOKIE_SECURE", "WEBHOOK_ALLOW_PRIVATE"])
def test_an_unparsable_boolean_stops_start_up_naming_the_variable(make_app, monkeypatch, name):
    monkeypatch.setenv(f"MODERATION_{name}", "maybe")
    with pytest.raises(SettingsError, match=f"MODERATION_{name}"):
        make_app()


@pytest.mark.parametrize(("name", "value"), [("LEASE_SECONDS", "five"), ("BATCH_LIMIT", "1.5"),
                                             ("RATE_LIMITS", "{not json"), ("RATE_LIMITS", '{"user": "1/1"}'),
                                             ("RATE_LIMITS", '{"key": "lots"}'), ("RATE_LIMITS", '{"key": "5/0"}'),
                                             ("RATE_LIMITS", '{"ip": "-1/60"}'), ("CHECK_RATE_LIMITS", '{"ip": "1/x"}'),
                                             ("QUIET_HOURS", '{"mode": "panic"}'), ("CORAL_SECRETS", "[1]"),
                                             ("TRANSPARENCY_RATE_LIMIT", "lots"), ("RECEIPT_RATE_LIMIT", "5/0"),
                                             ("THRESHOLDS", '{"spam": {"review": 0.9, "reject": 0.1}}')])
def test_an_unusable_value_stops_start_up_naming_the_variable(make_app, monkeypatch, name, value):
    monkeypatch.setenv(f"MODERATION_{name}", value)
    with pytest.raises(SettingsError, match=f"MODERATION_{name}"):
        make_app()


@pytest.mark.parametrize(("value", "says"), [
    ('{"start": "25:00"}', "start must be HH:MM"), ('{"end": "23:99"}', "end must be HH:MM"),
    ('{"end": "-3:00"}', "end must be HH:MM"), ('{"start": "7"}', "start must be HH:MM"),
    ('{"start": 23}', "start must be HH:MM"), ('{"scale": 5}', "0 < scale <= 1"), ('{"scale": -1}', "0 < scale <= 1"),
    ('{"scale": 0}', "0 < scale <= 1"), ('{"scale": "0.5"}', "0 < scale <= 1"), ('{"scale": true}', "0 < scale <= 1"),
    ('{"strat": "01:00"}', "unknown keys ['strat']"), ('{"tz": "Mars/Olympus"}', "Mars/Olympus"),
])
def test_quiet_hours_it_cannot_apply_stop_start_up_naming_the_variable(make_app, monkeypatch, value, says):
    """25:00 would silently shorten the window, scale 5 raise the night's thresholds (fewer held, the opposite of
    the feature), a negative one hold everything, a misspelt key leave the default in place."""
    monkeypatch.setenv("MODERATION_QUIET_HOURS", value)
    with pytest.raises(SettingsError, match="MODERATION_QUIET_HOURS") as raised:
        make_app()
    assert says in str(raised.value)


def test_quiet_hours_at_the_edges_are_accepted(make_app, monkeypatch):
    monkeypatch.setenv("MODERATION_QUIET_HOURS", '{"start": "0:00", "end": "23:59", "tz": "UTC", "scale": 1}')
    quiet = make_app().extensions["moderation.models"].policy.quiet
    assert (quiet.start, quiet.end, quiet.scale) == (0, 23 * 60 + 59, 1.0)


@pytest.mark.parametrize(("env", "says"), [
    ({"MODERATION_RATE_LIMITS": '{"key": "lots"}'},
     'configuration: MODERATION_RATE_LIMITS: key must be "<requests>/<seconds>"'),
    ({"MODERATION_REDIS_URL": "http://localhost:6379/0"}, "configuration: MODERATION_REDIS_URL: unknown scheme 'http'"),
    ({"MODERATION_API_KEYS": "news:eight-chars-or-more"},
     "configuration: MODERATION_API_KEYS: the key of site 'news' is 19 characters, at least 32 needed"),
    ({"MODERATION_SECRET_KEY": "short"}, "configuration: MODERATION_SECRET_KEY: 5 bytes, at least 32 needed"),
])
@pytest.mark.slow
def test_the_cli_says_a_bad_setting_in_one_line_not_a_traceback(redis_server, prefix, tmp_path, cli_forks, env,
                                                                says):
    from tests.support.app import cli_env

    result = cli_forks.run(["queue", "stats"], env={**cli_env(redis_server, prefix, tmp_path), **env})
    assert result.returncode == 1 and result.stderr.strip().startswith(says), result.stderr
    assert "Traceback" not in result.stderr and "int()" not in result.stderr and result.stderr.count("MODERATION_") == 1


def test_values_are_typed_once_and_read_through_one_accessor(make_app, monkeypatch):
    monkeypatch.setenv("MODERATION_LEASE_SECONDS", "120")
    monkeypatch.setenv("MODERATION_RATE_LIMITS", '{"key": "10/5"}')
    monkeypatch.setenv("MODERATION_CORAL_SECRETS", '{"test": "s3cret"}')
    app = make_app()
    with app.app_context():
        parsed = settings.get()
        assert parsed is settings.of(app)
        assert parsed.lease_seconds == 120.0 and parsed.rate_limits == {"key": (10, 5)}
        assert parsed.coral_secrets == {"test": b"s3cret"} and parsed.api_keys.sites == ["test", "other"]
    with pytest.raises(AttributeError):
        parsed.lease_seconds = 1


def test_every_setting_has_a_meaning_and_a_default_that_parses():
    for setting in settings.TABLE:
        assert setting.meaning and setting.name.isupper()
        setting.read(setting.default, setting.name)


@pytest.mark.parametrize(("name", "value", "says"), [
    ("API_KEYS", "example-news:replace-with-a-long-random-key", "placeholder"),
    ("API_KEYS", "bad site!:a-long-enough-key-1", "invalid site name"),
    ("API_KEYS", "{news}:a-long-enough-key-1", "invalid site name"),
    ("API_KEYS", "news:a-long-enough-key-1,news:a-long-enough-key-2,news:a-long-enough-key-3",
     "site 'news' has more than 2 keys"),  # two while it rotates (tests/test_key_rotation.py)
    ("API_KEYS", "news:a-long-enough-key-1,news:a-long-enough-key-1", "site 'news' lists the same key twice"),
    ("API_KEYS", "news:a-long-enough-key-1,blog:a-long-enough-key-1", "reuses"),
    ("SECRET_KEY", "replace-with-a-long-random-secret", "placeholder"),
])
def test_start_up_refuses_placeholder_keys_bad_site_names_and_duplicates(make_app, name, value, says):
    with pytest.raises(SettingsError, match=f"MODERATION_{name}.*{says}"):
        make_app(**{name: value})


@pytest.mark.parametrize("value", ["x", "test-secret", "s" * 31, "鍵" * 10])  # 鍵 * 10: 30 bytes of UTF-8
def test_a_short_session_key_stops_start_up_outside_the_demo_naming_the_setting(make_app, value):
    """Anyone who knows or guesses SECRET_KEY can sign a session cookie, so a short one is refused (not warned)."""
    with pytest.raises(SettingsError, match=r"MODERATION_SECRET_KEY: \d+ bytes, at least 32 needed") as raised:
        make_app(SECRET_KEY=value)
    assert "token_urlsafe(32)" in str(raised.value)  # says how to make one
    assert make_app(SECRET_KEY=value, DEMO=True).secret_key == value  # the demo (make run) keeps working


def test_a_32_byte_session_key_or_none_at_all_starts(make_app, tmp_path):
    assert make_app(SECRET_KEY="k" * 32).secret_key == "k" * 32
    generated = make_app(SECRET_KEY="", INSTANCE_DIR=str(tmp_path)).secret_key  # what make run and a fresh clone do
    assert len(generated) >= 32 and generated == (tmp_path / "secret_key").read_text()


def test_the_example_env_file_says_how_to_make_each_secret_and_its_placeholders_are_refused(make_app):
    """.env.example's values are placeholders that stop start-up even in the demo; its comments say how to
    generate real ones and how long they must be."""
    from moderation import PROJECT_ROOT

    lines = (PROJECT_ROOT / ".env.example").read_text().splitlines()
    example = dict(line.split("=", 1) for line in lines if line.startswith("MODERATION_") and "=" in line)
    assert "secrets.token_urlsafe(32)" in "\n".join(lines) and "32+ characters" in "\n".join(lines)
    for name in ("SECRET_KEY", "API_KEYS", "METRICS_TOKEN"):
        for demo in (False, True):
            with pytest.raises(SettingsError, match=f"MODERATION_{name}.*placeholder"):
                make_app(**{name: example[f"MODERATION_{name}"], "DEMO": demo})


@pytest.mark.parametrize("keys", ["news:eight-ch", "news:" + "k" * 31, f"test:{'t' * 40},news:eight-chars-or-more"])
def test_an_api_key_under_32_characters_stops_start_up_naming_the_site_not_the_key(make_app, keys):
    """A site's key is a password sent on every call; 8 characters was the old floor. The message names the setting
    and the site (never the key: start-up errors land in logs) and says how to generate one; the demo keeps 8+."""
    key = keys.rpartition(":")[2]
    with pytest.raises(SettingsError, match=r"MODERATION_API_KEYS: the key of site 'news' is \d+ characters, "
                                            "at least 32 needed") as raised:
        make_app(API_KEYS=keys)
    assert key not in str(raised.value) and "token_urlsafe(32)" in str(raised.value)
    assert settings.of(make_app(API_KEYS=keys, DEMO=True)).api_keys.site_for(key) == "news"


def test_an_api_key_of_32_characters_starts_and_answers(make_app):
    key = "n" * 31 + "k"
    client = make_app(API_KEYS=f"news:{key}").test_client()
    answer = client.post("/api/v1/comments", json={"id": "k-32", "article_id": "a", "text": "こんにちは"},
                         headers={"Authorization": f"Bearer {key}"})
    assert answer.status_code == 200, answer.text
    assert client.post("/api/v1/comments", json={"id": "k-31", "article_id": "a", "text": "こんにちは"},
                       headers={"Authorization": f"Bearer {key[:-1]}"}).status_code == 401


def test_a_short_metrics_token_stops_start_up_outside_the_demo(make_app):
    """The token opens /metrics and /readyz's detail (the model, the Redis nodes, their memory): a password too."""
    with pytest.raises(SettingsError, match=r"MODERATION_METRICS_TOKEN: 24 characters, at least 32 needed") as raised:
        make_app(METRICS_TOKEN="metrics-token-0123456789")
    assert "metrics-token-0123456789" not in str(raised.value) and "token_urlsafe(32)" in str(raised.value)
    assert settings.of(make_app(METRICS_TOKEN="metrics-token-0123456789", DEMO=True)).metrics_token
    assert settings.of(make_app(METRICS_TOKEN="")).metrics_token == ""  # off: no /metrics, no token needed
