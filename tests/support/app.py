"""The test deployment: its API keys and the configuration every test app (and test CLI run) starts from."""

import json
import os
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

ROOT = Path(__file__).resolve().parent.parent.parent

# 32+ characters: a shorter API key stops start-up outside the demo (moderation/settings/strength.py)
API_KEY = "test-key-0123456789abcdefghijklmnop"
OTHER_KEY = "other-key-0123456789abcdefghijklmnop"
METRICS_TOKEN = "metrics-token-0123456789abcdefghijklmn"
SECRET_KEY = "test-secret-0123456789abcdefghijklmnop"


def app_config(tiny_model, redis_url, prefix, instance_dir, **extra):
    root, version, sha256 = tiny_model
    config = {
        "TESTING": True, "REDIS_URL": redis_url, "REDIS_PREFIX": prefix, "INSTANCE_DIR": str(instance_dir),
        "API_KEYS": f"test:{API_KEY},other:{OTHER_KEY}", "MODEL_DIR": str(root), "MODEL_VERSION": version,
        "MODEL_SHA256": sha256, "SECRET_KEY": SECRET_KEY, "REDIS_TIMEOUT": 1.0,
        # off unless a test turns it on: many tests flag every comment of one article on purpose
        "ARTICLE_BREAKER": {"enabled": False}, "AUTHOR_STANDING": {"enabled": False},
    }
    config.update(extra)
    return config


def app_env(config):
    """app_config() as the MODERATION_* environment of a real server process: JSON for structured values."""
    return {f"MODERATION_{k}": v if isinstance(v, str) else json.dumps(v) for k, v in config.items() if k != "TESTING"}


def cli_env(redis_server, prefix, tmp_path, **extra):
    """The environment of a real `python -m moderation ...` process against the test Redis (extra: MODERATION_*)."""
    return {**os.environ, "PYTHONPATH": str(ROOT), "MODERATION_REDIS_URL": redis_server.url,
            "MODERATION_REDIS_PREFIX": prefix, "MODERATION_INSTANCE_DIR": str(tmp_path),
            "MODERATION_API_KEYS": f"test:{API_KEY}", **{f"MODERATION_{k}": v for k, v in extra.items()}}


def held_round_trip(client, body):
    """POST a comment that the FLAG_ALL thresholds hold, then GET it: the service wrote and read it through its
    Redis URL (the password tests)."""
    auth = {"Authorization": f"Bearer {API_KEY}"}
    answer = client.post("/api/v1/comments", json=body, headers=auth)
    assert (answer.status_code, answer.json["decision"]) == (200, "review"), answer.text
    stored = client.get(f"/api/v1/comments/{body['id']}", headers=auth)
    assert (stored.status_code, stored.json["status"]) == (200, "pending"), stored.text


def refused_without_password(port):
    """The server at `port` refuses a client that sends no password (one try: refused, not flaky)."""
    try:
        redis.Redis(port=port, retry=Retry(NoBackoff(), 0)).ping()
    except redis.AuthenticationError:
        return True
    return False
