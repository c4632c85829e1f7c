"""The command line a moderator's admin uses: queue stats errors and pipes, the development key file."""

import os
import subprocess
import sys

import pytest

from moderation.cli.service import _dev_setup
from tests.support.app import cli_env


@pytest.mark.slow
def test_queue_stats_for_an_unknown_site_is_an_error(redis_server, prefix, tmp_path, cli_forks):
    result = cli_forks.run(["queue", "stats", "--site", "nope"], env=cli_env(redis_server, prefix, tmp_path))
    assert result.returncode != 0 and "unknown site 'nope'" in result.stderr and "test" in result.stderr
    assert result.stdout == ""


@pytest.mark.slow
def test_queue_stats_into_a_closed_pipe_ends_without_a_traceback(redis_server, prefix, tmp_path):
    """`queue stats | head -0`: the reader has gone before the answer is written."""
    read, write = os.pipe()
    os.close(read)
    result = subprocess.run([sys.executable, "-m", "moderation", "queue", "stats"], cwd="/", stdout=write,
                            env=cli_env(redis_server, prefix, tmp_path), stderr=subprocess.PIPE, text=True,
                            timeout=60)
    os.close(write)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr
    assert result.returncode == 1


def test_dev_key_file_holds_only_the_key(make_app, tmp_path, capsys):
    app = make_app(API_KEYS="", INSTANCE_DIR=str(tmp_path))
    with app.app_context():
        _dev_setup(app)
    key = (tmp_path / "dev-api-key").read_text().strip()
    assert ":" not in key and key.startswith("dev-") and len(key) == 28  # generated (144 random bits): as before,
    # though a key of 28 characters in MODERATION_API_KEYS stops start-up outside the demo (tests/test_settings.py)
    assert "site 'demo'" in capsys.readouterr().out
    (tmp_path / "dev-api-key").write_text(f"demo:{key}")  # the older format still works
    app = make_app(API_KEYS="", INSTANCE_DIR=str(tmp_path))
    with app.app_context():
        _dev_setup(app)
        client = app.test_client()
    answer = client.post("/api/v1/comments", json={"id": "k-1", "article_id": "a", "text": "こんにちは"},
                         headers={"Authorization": f"Bearer {key}"})
    assert answer.status_code == 200


def test_make_runs_key_and_admin_password_are_kept_under_var_and_survive_a_restart(make_app, tmp_path, capsys):
    """README: `make run` prints the key and where the admin's password is; both stay the same across restarts."""
    from tests.support.moderators import csrf_of

    def start():
        app = make_app(API_KEYS="", INSTANCE_DIR=str(tmp_path))
        with app.app_context():
            _dev_setup(app)
        return app

    start()
    first = capsys.readouterr().out
    key, password = (tmp_path / "dev-api-key").read_text(), (tmp_path / "dev-admin-password").read_text()
    assert f"log in as 'admin' with the password in {tmp_path / 'dev-admin-password'}" in first
    assert password not in first  # where it is, not the password itself
    client = start().test_client()
    assert (tmp_path / "dev-api-key").read_text() == key and (tmp_path / "dev-admin-password").read_text() == password
    page = client.get("/login")
    login = client.post("/login", data={"username": "admin", "password": password, "csrf_token": csrf_of(page.text)})
    assert login.status_code == 302 and client.get("/review/admin/accounts").status_code == 200  # an admin
