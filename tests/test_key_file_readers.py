"""Who reads MODERATION_API_KEYS_FILE besides the gunicorn master (tests/test_key_file.py): the webhook worker follows
it in place, so a site added to the file gets its receipts without a restart; and under gunicorn an app built
anywhere but in the master of the project's gunicorn.conf.py (preload_app off, another configuration) stops start-up
naming the setting, since nothing would follow the file there. Real Redis, real SMTP (aiosmtpd), real gunicorn."""

import logging
import os
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.request

import pytest

from moderation import settings
from moderation.integrations.outbox_worker import run_worker
from moderation.settings import SettingsError
from tests.support.app import API_KEY, OTHER_KEY, app_config, app_env
from tests.support.receiver import wait_for
from tests.support.servers import GUNICORN_COMMAND, PROJECT_ROOT, Gunicorn, free_port, ready
from tests.test_key_file import write
from tests.test_requests import file, request_body
from tests.test_requests import mailbox as mailbox

SENDER = "newsroom@example.jp"
SHORT = "short-key-0123"


def _file_for_other(client, comment):
    """A removal request of site `other` filed over the API with its key: its receipt id."""
    body = comment("この記事の筆者は詐欺師だ。住所も晒してやる。")
    posted = client.post("/api/v1/comments", json=body, headers={"Authorization": f"Bearer {OTHER_KEY}"})
    assert posted.status_code == 200, posted.text
    answer = file(client, request_body([body["id"]]), key=OTHER_KEY)
    assert answer.status_code == 201, answer.text
    return answer.json["id"]


def _mailed(mailbox, request_id):
    return any(request_id in message["Subject"] for _, _, message in mailbox.messages)


@pytest.mark.slow  # 3-5 s: waits on a real worker's passes or scans every pattern; CI runs it
def test_the_webhook_worker_serves_a_site_added_to_the_file_and_keeps_it_through_a_bad_version(
        make_app, mailbox, comment, tmp_path, caplog):
    """The worker started with site `test` alone; `other` is added to the file (the web master rebuilds from it):
    the worker mails other's receipt without a restart. A bad version next is refused, logged without a key, and
    `other` is still served."""
    keys_file = tmp_path / "api-keys"
    write(keys_file, f"test:{API_KEY}\n")
    config = {"API_KEYS": "", "API_KEYS_FILE": str(keys_file), "API_KEYS_CHECK_SECONDS": 0.1, "SMTP_URL": mailbox.url,
              "SMTP_FROM": SENDER, "RATE_LIMITS": "", "REQUEST_RATE_LIMIT": ""}
    worker_app = make_app(**config)
    stop = threading.Event()
    worker = threading.Thread(target=run_worker, args=(worker_app,), kwargs={"stop": stop, "poll_interval": 0.1})
    caplog.set_level(logging.INFO)
    worker.start()
    try:
        write(keys_file, f"test:{API_KEY}\nother:{OTHER_KEY}\n")
        web = make_app(**config).test_client()  # what the master's rebuild serves
        first = _file_for_other(web, comment)
        assert wait_for(lambda: _mailed(mailbox, first), timeout=30, step=0.1), mailbox.messages
        assert settings.of(worker_app).api_keys.sites == ["test", "other"]

        write(keys_file, f"test:{API_KEY}\nother:{SHORT}\n")  # refused: the running keys stay
        assert wait_for(lambda: "the new version is refused" in caplog.text, timeout=30, step=0.1), caplog.text
        assert "the key of site 'other' is 14 characters" in caplog.text
        second = _file_for_other(web, comment)
        assert wait_for(lambda: _mailed(mailbox, second), timeout=30, step=0.1), mailbox.messages
        assert settings.of(worker_app).api_keys.sites == ["test", "other"]
    finally:
        stop.set()
        worker.join(timeout=30)
    assert not worker.is_alive()
    assert not [key for key in (API_KEY, OTHER_KEY, SHORT) if key in caplog.text]


def test_the_worker_reads_the_file_once_when_told_not_to_look(make_app, tmp_path):
    """API_KEYS_CHECK_SECONDS 0: nothing is followed (what README says of 0)."""
    from moderation.ops.key_file_watch import follow

    keys_file = tmp_path / "api-keys"
    write(keys_file, f"test:{API_KEY}\n")
    app = make_app(API_KEYS="", API_KEYS_FILE=str(keys_file), API_KEYS_CHECK_SECONDS=0)
    assert follow(app) is None


class _Config:
    def __init__(self, path):
        self.api_keys_file = path


@pytest.mark.parametrize(("environ", "refused"), [
    ({}, None),  # not gunicorn: make run, the webhook worker, a test
    ({"SERVER_SOFTWARE": "gunicorn/27.0.1", "GUNICORN_MODERATION_MASTER_PID": "100"}, None),  # the master
    ({"SERVER_SOFTWARE": "gunicorn/27.0.1", "GUNICORN_MODERATION_MASTER_PID": "99"}, "in a worker (preload_app off)"),
    ({"SERVER_SOFTWARE": "gunicorn/27.0.1"}, "under another gunicorn configuration"),
])
def test_under_gunicorn_only_the_master_of_the_projects_configuration_reads_the_file(environ, refused):
    from moderation.ops.key_file_watch import check_reader

    if refused is None:
        check_reader(_Config("/run/secrets/keys"), environ, pid=100)
    else:
        with pytest.raises(SettingsError, match=re.escape(refused)) as error:
            check_reader(_Config("/run/secrets/keys"), environ, pid=100)
        assert str(error.value).startswith("MODERATION_API_KEYS_FILE under gunicorn needs the project's "
                                           "gunicorn.conf.py with preload_app")
    check_reader(_Config(""), environ, pid=100)  # MODERATION_API_KEYS: nothing to follow, nothing refused


NO_PRELOAD = f"""exec(compile(open({str(PROJECT_ROOT / 'gunicorn.conf.py')!r}).read(), 'gunicorn.conf.py', 'exec'))
preload_app = False
"""


def _run(command, config, tmp_path):
    """gunicorn as `command`, to its end: (exit status, its log)."""
    server = Gunicorn(command, app_env(config), tmp_path)
    done = subprocess.run(server.command, cwd=PROJECT_ROOT, env=server.env, capture_output=True, timeout=90,
                          stdin=subprocess.DEVNULL)
    return done.returncode, (done.stdout + done.stderr).decode(errors="replace")


@pytest.mark.slow
def test_gunicorn_without_the_masters_watch_refuses_the_file_at_start_up(tiny_model, redis_server, prefix, tmp_path):
    """preload_app off (each worker would read the file on its own) and no project configuration (nothing would
    watch it) both stop start-up with the message; the same configuration with MODERATION_API_KEYS serves."""
    keys_file = tmp_path / "api-keys"
    write(keys_file, f"test:{API_KEY}\n")
    config = app_config(tiny_model, redis_server.url, prefix, tmp_path, API_KEYS="", API_KEYS_FILE=str(keys_file),
                        WORKERS=1)
    no_preload = tmp_path / "no-preload.conf.py"
    no_preload.write_text(NO_PRELOAD)
    without_preload = [part if part != "gunicorn.conf.py" else str(no_preload) for part in GUNICORN_COMMAND
                       if part != "--preload"]
    other = tmp_path / "other.conf.py"  # an operator's own (gunicorn reads ./gunicorn.conf.py unless told)
    other.write_text("workers = 1\n")
    bare = [sys.executable, "-m", "gunicorn", "--config", str(other), "--preload", "--bind", "127.0.0.1:0",
            "moderation:create_app()"]
    for command, where in ((without_preload, "in a worker (preload_app off)"),
                           (bare, "under another gunicorn configuration")):
        status, log = _run(command, config, tmp_path)
        assert status != 0, log
        assert "MODERATION_API_KEYS_FILE under gunicorn needs the project's gunicorn.conf.py with preload_app" in log
        assert where in log and API_KEY not in log

    serves = Gunicorn(without_preload, app_env({**config, "API_KEYS": f"test:{API_KEY}", "API_KEYS_FILE": ""}),
                      tmp_path).start()
    try:
        assert serves.get("/readyz")[0] == 200
    finally:
        serves.stop()
    assert os.environ.get("GUNICORN_MODERATION_MASTER_PID") is None  # nothing of gunicorn's leaked into the tests


def _status(port, key):
    """The HTTP status of GET /api/v1/queue with `key` (200: the key serves; 401: unknown)."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/queue",
                                     headers={"Authorization": f"Bearer {key}"})
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.slow  # a real `python -m moderation serve --dev` process (make run's command): 5-10 s
def test_make_runs_server_follows_the_file_add_remove_and_a_bad_version(tiny_model, redis_server, prefix, tmp_path):
    """`make run` (Flask's threaded server, one process) read the file at start-up only: a site added to it got 401
    until a restart and a removed key served on. Now it follows the file as the webhook worker does: added serves,
    removed is 401, a bad version is logged (never a key) and the running keys serve on."""
    keys_file = tmp_path / "api-keys"
    write(keys_file, f"test:{API_KEY}\n")
    config = app_config(tiny_model, redis_server.url, prefix, tmp_path, API_KEYS="", API_KEYS_FILE=str(keys_file),
                        API_KEYS_CHECK_SECONDS=0.1, DEMO=False)
    port, log = free_port(), tmp_path / "serve.log"
    with open(log, "wb") as output:
        server = subprocess.Popen([sys.executable, "-m", "moderation", "serve", "--port", str(port), "--dev"],
                                  env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT), **app_env(config)}, cwd="/",
                                  stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        assert wait_for(lambda: server.poll() is None and ready(port), timeout=60, step=0.2), log.read_text()
        assert (_status(port, API_KEY), _status(port, OTHER_KEY)) == (200, 401)
        write(keys_file, f"test:{API_KEY}\nother:{OTHER_KEY}\n")
        assert wait_for(lambda: _status(port, OTHER_KEY) == 200, timeout=30, step=0.1), log.read_text()
        write(keys_file, f"other:{OTHER_KEY}\n")  # test's key removed
        assert wait_for(lambda: _status(port, API_KEY) == 401, timeout=30, step=0.1), log.read_text()
        write(keys_file, f"other:{OTHER_KEY}\ntest:{SHORT}\n")  # refused: other serves on, test stays out
        assert wait_for(lambda: "the new version is refused" in log.read_text(), timeout=30, step=0.1)
        assert (_status(port, OTHER_KEY), _status(port, SHORT)) == (200, 401)
    finally:
        server.terminate()
        server.wait(timeout=30)
    text = log.read_text()
    assert "the key of site 'test' is 14 characters" in text
    assert not [key for key in (API_KEY, OTHER_KEY, SHORT) if key in text]
