"""MODERATION_API_KEYS_FILE: the keys in a file, read when the app is built, and under gunicorn --preload read again
by the master, which rebuilds the app (HUP) when the file changes: a key is rotated without a restart (the
environment of a running master cannot change). A file that breaks the setting's rules stops the rebuild: the
running keys keep serving, in every worker alike, the refusal is logged (never a key) and counted. Real Redis; the
last test runs the production gunicorn command."""

import os
import signal
import threading
import time

import pytest

from moderation import settings
from moderation.api.api_keys import key_id
from moderation.ops.key_file_watch import KeyFileWatch, digest
from moderation.settings import SettingsError
from tests.support.akismet_client import akismet_client
from tests.support.app import API_KEY, METRICS_TOKEN, OTHER_KEY, app_config, app_env
from tests.support.receiver import wait_for
from tests.support.servers import GUNICORN_COMMAND, Gunicorn
from tests.support.targets import SPAM

OLD = API_KEY
NEW = "test-key-rotated-QmR4x9Lk2vTz8pWc5nYb"
NEWER = "test-key-rotated-again-7hVq2LmX9sKd4Rw"
OTHER = f"other:{OTHER_KEY}"


def write(path, text):
    """As an operator should (and a Kubernetes secret volume does): a new file moved over the old one."""
    fresh = path.with_name(path.name + ".new")
    fresh.write_bytes(text if isinstance(text, bytes) else text.encode())
    os.replace(fresh, path)


def bearer(key):
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture
def keys_file(tmp_path):
    path = tmp_path / "api-keys"
    write(path, f"# the sites' API keys, one site:key pair a line\n\ntest:{OLD}\r\n  {OTHER}  \n")
    return path


def test_the_files_keys_open_what_the_variables_do(make_app, keys_file):
    app = make_app(API_KEYS="", API_KEYS_FILE=str(keys_file))
    keys = settings.of(app).api_keys
    assert keys.sites == ["test", "other"] and keys.ids == [key_id(OLD), key_id(OTHER_KEY)]
    assert keys.digest == digest(keys_file.read_bytes())
    client = app.test_client()
    assert [client.get("/readyz", headers=bearer(key)).status_code for key in (OLD, OTHER_KEY, NEW)] == [200, 200, 401]


@pytest.mark.parametrize(("content", "says"), [
    (None, "MODERATION_API_KEYS_FILE ({path}) cannot be read: No such file or directory"),
    ("test:short-key-0123\n", "MODERATION_API_KEYS_FILE ({path}): the key of site 'test' is 14 characters"),
    ("test\n", "MODERATION_API_KEYS_FILE ({path}) must be comma-separated site:key pairs"),
    ("", "MODERATION_API_KEYS_FILE ({path}) holds no site:key pair"),
    ("# nothing yet\n", "MODERATION_API_KEYS_FILE ({path}) holds no site:key pair"),
    (f"test:{NEW}\ntest:{NEW}\n", "MODERATION_API_KEYS_FILE ({path}): site 'test' lists the same key twice"),
    (f"test:{OLD}\ntest:{NEW}\ntest:{NEWER}\n", "MODERATION_API_KEYS_FILE ({path}): site 'test' has more than 2 keys"),
    (f"test:{OTHER_KEY}\n{OTHER}\n", "MODERATION_API_KEYS_FILE ({path}): site 'other' reuses another site's key"),
    ("test:replace-with-a-long-random-key-0123456789\n", "MODERATION_API_KEYS_FILE ({path}): the key of site 'test' "
     "is the .env.example placeholder"),
    (b"test:\xff" + NEW.encode(), "MODERATION_API_KEYS_FILE ({path}) is not UTF-8 text"),
])
def test_a_file_that_breaks_the_rules_stops_building_the_app_naming_it_never_a_key(make_app, tmp_path, content,
                                                                                    says):
    path = tmp_path / "api-keys"
    if content is not None:
        write(path, content)
    with pytest.raises(SettingsError) as refused:
        make_app(API_KEYS="", API_KEYS_FILE=str(path))
    assert str(refused.value).startswith(says.format(path=path)), str(refused.value)
    assert not [key for key in (OLD, NEW, NEWER, OTHER_KEY, "short-key-0123") if key in str(refused.value)]


def test_the_file_and_the_variable_are_not_both_set(make_app, keys_file):
    with pytest.raises(SettingsError, match="MODERATION_API_KEYS and MODERATION_API_KEYS_FILE are both set"):
        make_app(API_KEYS_FILE=str(keys_file))  # the test configuration sets API_KEYS


def test_the_watch_asks_for_one_reload_per_new_version(keys_file):
    """The master's watch: a version it has not seen is one HUP, a good or a bad one (the rebuild judges it, and a
    bad one is not tried again until it changes); the file gone for a moment is no reload."""
    reloads = []
    watch = KeyFileWatch(str(keys_file), 1, digest(keys_file.read_bytes()), notify=lambda: reloads.append(1))
    assert watch.check() is False
    write(keys_file, f"test:{OLD}\ntest:{NEW}\n{OTHER}\n")
    assert [watch.check(), watch.check()] == [True, False]
    keys_file.unlink()
    assert watch.check() is False
    write(keys_file, f"test:{OLD}\ntest:{NEW}\n{OTHER}\n")  # back as it was: nothing new
    assert watch.check() is False
    write(keys_file, "test:short-key-0123\n")
    assert [watch.check(), watch.check()] == [True, False]
    assert len(reloads) == 2


def _wait(condition):
    return wait_for(condition, timeout=60, step=0.1)


@pytest.mark.slow
def test_rotation_through_the_file_under_gunicorn_without_a_restart(tiny_model, redis_server, prefix, tmp_path,
                                                                     thresholds):
    """The production command, two workers, API_KEYS_CHECK_SECONDS 0.5, the same master throughout: the new key
    beside the old, then alone, while a client keeps posting with the new key (none of its requests fails); a bad
    file leaves the new key serving, also in a worker forked after it; then the next good file serves."""
    keys_file = tmp_path / "api-keys"
    write(keys_file, f"test:{OLD}\n{OTHER}\n")
    config = app_config(tiny_model, redis_server.url, prefix, tmp_path, API_KEYS="", API_KEYS_FILE=str(keys_file),
                        API_KEYS_CHECK_SECONDS=0.5, RATE_LIMITS="", THRESHOLDS=thresholds.flag_all,
                        METRICS_TOKEN=METRICS_TOKEN, WORKERS=2)
    server = Gunicorn(GUNICORN_COMMAND, app_env(config), tmp_path).start()
    master = server.process.pid

    def statuses(*keys, each=6):
        return {key_id(key): sorted({server.post_comment(SPAM, headers=bearer(key))[0] for _ in range(each)})
                for key in keys}

    def reloads():
        return {dict(labels)["result"]: value for (name, labels), value in server.metrics().items()
                if name == "moderation_reloads_total"}

    def rebuilt(count):
        return _wait(lambda: server.log().count("reload: application rebuilt") >= count)

    try:
        first = set(server.workers())
        assert statuses(OLD, NEW) == {key_id(OLD): [200], key_id(NEW): [401]}
        write(keys_file, f"test:{OLD}\ntest:{NEW}\n{OTHER}\n")
        assert rebuilt(1), server.log()
        assert _wait(lambda: not set(server.workers()) & first)  # the old workers have gone
        assert statuses(OLD, NEW) == {key_id(OLD): [200], key_id(NEW): [200]}
        with akismet_client(NEW, base_url=server.url) as checker:
            assert checker.verify_key() is True

        sent, stop = [], threading.Event()

        def keep_posting():  # the site, moved to the new key, posts on through the next rotation
            while not stop.is_set():
                sent.append(server.post_comment(SPAM, headers=bearer(NEW))[0])

        poster = threading.Thread(target=keep_posting)
        poster.start()
        try:
            time.sleep(0.5)
            second = set(server.workers())
            write(keys_file, f"test:{NEW}\n{OTHER}\n")  # the old key removed
            assert rebuilt(2), server.log()
            assert _wait(lambda: not set(server.workers()) & second)
            time.sleep(0.5)
        finally:
            stop.set()
            poster.join()
        assert len(sent) >= 3 and set(sent) == {200}, sent  # the count depends on the load: none may fail
        assert statuses(OLD, NEW) == {key_id(OLD): [401], key_id(NEW): [200]}
        assert akismet_client(OLD, base_url=server.url).verify_key() is False

        write(keys_file, f"test:short-key-0123\n{OTHER}\n")  # a bad file: the rebuild refuses it
        assert _wait(lambda: "reload: the application failed to load" in server.log()), server.log()
        assert "MODERATION_API_KEYS_FILE" in server.log() and "the key of site 'test' is 14 characters" in server.log()
        assert statuses(OLD, NEW) == {key_id(OLD): [401], key_id(NEW): [200]}
        victim = server.workers()[0]
        os.kill(victim, signal.SIGKILL)  # a worker forked now comes from the master's app: the running keys
        assert _wait(lambda: victim not in server.workers() and len(server.workers()) == 2)
        assert statuses(OLD, NEW, each=10) == {key_id(OLD): [401], key_id(NEW): [200]}
        time.sleep(1.5)  # three more looks at the unchanged bad file: no reload tried again
        assert server.log().count("reload: the application failed to load") == 1
        assert reloads() == {"applied": 2, "failed": 1}

        write(keys_file, f"test:{NEWER}\n{OTHER}\n")
        assert rebuilt(3), server.log()
        assert _wait(lambda: statuses(NEW, each=2) == {key_id(NEW): [401]})
        assert statuses(NEW, NEWER) == {key_id(NEW): [401], key_id(NEWER): [200]}
        assert server.process.pid == master and server.process.poll() is None  # never restarted
        log = server.log()
        assert not [key for key in (OLD, NEW, NEWER, OTHER_KEY, "short-key-0123") if key in log]
    finally:
        server.stop()
