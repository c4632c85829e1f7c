"""The instance folder (secret key, embedded Redis data: password hashes, sessions, comment text) is private."""

import stat

from moderation import create_app
from tests.support.app import app_config


def _mode(path):
    return stat.S_IMODE(path.lstat().st_mode)


def test_instance_folder_and_embedded_redis_data_are_private(tiny_model, tmp_path):
    instance = tmp_path / "var"
    instance.mkdir(mode=0o755)
    instance.chmod(0o755)
    (instance / "redis").mkdir(mode=0o755)
    (instance / "redis" / "left-over.log").write_text("from an earlier version")
    (instance / "redis" / "left-over.log").chmod(0o644)
    app = create_app(app_config(tiny_model, "", "p:", instance, SECRET_KEY=""))  # embedded Redis, own key file
    try:
        from moderation.store.moderators import Moderators

        Moderators(app.extensions["moderation.redis"], "p:").add("hanako", "kumo-no-ue-de-odoru-17")
        assert _mode(instance) == 0o700
        found = {path.relative_to(instance).as_posix(): path for path in instance.rglob("*")}
        assert "secret_key" in found and any("appendonly" in name for name in found)  # the AOF is checked too
        for name, path in found.items():
            if path.is_dir():
                assert _mode(path) & 0o077 == 0, name
            elif path.is_file():
                assert _mode(path) & 0o077 == 0, name
    finally:
        app.extensions["moderation.embedded_redis"].stop()
