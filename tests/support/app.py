"""The test deployment: its API keys and the configuration every test app starts from."""

API_KEY = "test-key-0123456789"
OTHER_KEY = "other-key-0123456789"


def app_config(tiny_model, redis_url, prefix, instance_dir, **extra):
    root, version, sha256 = tiny_model
    config = {
        "TESTING": True, "REDIS_URL": redis_url, "REDIS_PREFIX": prefix, "INSTANCE_DIR": str(instance_dir),
        "API_KEYS": f"test:{API_KEY},other:{OTHER_KEY}", "MODEL_DIR": str(root), "MODEL_VERSION": version,
        "MODEL_SHA256": sha256, "SECRET_KEY": "test-secret", "REDIS_TIMEOUT": 1.0,
    }
    config.update(extra)
    return config
