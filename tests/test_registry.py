"""The model registry: activate, roll back and shadow without a restart or a failed request; quiet hours."""

import json
import os
import shutil
import threading
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import httpx
import pytest

from moderation import PROJECT_ROOT
from moderation.features.vocabulary import FEATURE_NAMES
from moderation.scoring.policy import Policy, QuietHours
from moderation.scoring.registry import RegistryError
from tests.support.app import API_KEY
from tests.support.servers import ThreadedServer
from tests.support.signal_columns import write_relaid


@pytest.fixture
def registry_app(make_app, two_models):
    root, (v1, sha1), _ = two_models
    return make_app(MODEL_DIR=str(root), MODEL_VERSION=v1, MODEL_SHA256=sha1, MODEL_CHECK_SECONDS=0,
                    RATE_LIMITS="")


def _registry(app):
    return app.extensions["moderation.models"].registry


def test_unknown_or_tampered_versions_are_refused(registry_app, two_models, tampered_version):
    _, (v1, _), _ = two_models
    registry = _registry(registry_app)
    with pytest.raises(RegistryError):
        registry.activate("no-such-version")
    with pytest.raises(RegistryError):
        registry.activate("../etc")
    with pytest.raises(RegistryError, match="does not match"):
        registry.activate(tampered_version)
    assert registry.pins().get("active_version") is None
    assert registry_app.extensions["moderation.models"].active.version == v1


def test_activate_and_rollback_take_effect_without_restart(registry_app, two_models, auth, comment):
    _, (v1, sha1), (v2, _) = two_models
    manager, client = registry_app.extensions["moderation.models"], registry_app.test_client()
    _registry(registry_app).activate(v2, "admin", current=(v1, sha1))
    assert manager.refresh()
    assert client.post("/api/v1/comments", json=comment(), headers=auth).get_json()["model_version"] == v2
    assert _registry(registry_app).rollback("admin") == (v1, sha1)
    assert manager.refresh()
    assert client.post("/api/v1/comments", json=comment(), headers=auth).get_json()["model_version"] == v1
    with pytest.raises(RegistryError):
        _registry(registry_app).rollback()


@pytest.fixture
def relaid_versions(two_models):
    """The first model again under MODEL_DIR as two other releases fitted it: without second_person (a signal this
    code added), and with one this code does not compute; ((version, sha256) each), removed afterwards."""
    root, (v1, _), _ = two_models
    fewer, unknown = root / "0000.00.03-fewer", root / "0000.00.04-unknown"
    fewer_sha = write_relaid(root / v1, fewer, tuple(name for name in FEATURE_NAMES if name != "second_person"))
    unknown_sha = write_relaid(root / v1, unknown, (*FEATURE_NAMES, "favour_of_a_later_release"))
    yield (fewer.name, fewer_sha), (unknown.name, unknown_sha)
    shutil.rmtree(fewer)
    shutil.rmtree(unknown)


def test_a_model_fitted_with_other_signals_is_switched_to_by_name_or_refused_naming_it(registry_app, two_models,
                                                                                        relaid_versions, auth,
                                                                                        comment):
    """A rollback across a release that added a signal activates and serves the older model; a model naming a signal
    this code does not compute is refused by the registry, and by a worker whose pins name it (set by another
    release's admin), which keeps serving what it served."""
    _, (v1, sha1), _ = two_models
    (fewer, fewer_sha), (unknown, unknown_sha) = relaid_versions
    manager, client, registry = registry_app.extensions["moderation.models"], registry_app.test_client(), _registry(
        registry_app)
    with pytest.raises(RegistryError, match=f"{unknown}: .*does not compute: favour_of_a_later_release"):
        registry.activate(unknown, "admin", current=(v1, sha1))
    assert registry.pins().get("active_version") is None
    assert registry.activate(fewer, "admin", current=(v1, sha1)) == (fewer, fewer_sha)
    assert manager.refresh()
    text = "お前はバカだ、死ね"
    answer = client.post("/api/v1/comments", json=comment(text=text), headers=auth).get_json()
    assert answer["model_version"] == fewer
    assert answer["scores"]["abuse"] == pytest.approx(manager.active.pipeline.predict_proba([text])[0, 1:].max(),
                                                      abs=1e-6)
    registry.store.activate((unknown, unknown_sha), None, "another release's admin", False)
    assert not manager.refresh()
    assert "favour_of_a_later_release" in manager.last_error and manager.active.version == fewer
    assert registry.rollback("admin") == (fewer, fewer_sha)
    assert manager.refresh() and manager.active.version == fewer
    assert registry.rollback("admin") == (v1, sha1)
    assert manager.refresh() and manager.active.version == v1


@pytest.mark.slow
def test_activate_and_rollback_under_load_fail_no_request(registry_app, two_models, comment):
    _, (v1, sha1), (v2, _) = two_models
    server = ThreadedServer(registry_app).start()
    url = f"{server.url}/api/v1/comments"
    statuses, versions, stop = [], set(), threading.Event()

    def load():
        session = httpx.Client()
        while not stop.is_set():
            response = session.post(url, json=comment(), headers={"Authorization": f"Bearer {API_KEY}"}, timeout=10)
            statuses.append(response.status_code)
            versions.add(response.json().get("model_version"))

    clients = [threading.Thread(target=load) for _ in range(4)]
    for c in clients:
        c.start()
    try:
        time.sleep(0.5)
        _registry(registry_app).activate(v2, "admin", current=(v1, sha1))
        deadline = time.monotonic() + 20
        while v2 not in versions and time.monotonic() < deadline:
            time.sleep(0.1)
        _registry(registry_app).rollback("admin")
        time.sleep(1.5)
        deadline = time.monotonic() + 20  # the load asserted below, however fast the switches (a kept model loads
        while len(statuses) <= 50 and time.monotonic() < deadline:  # at once in the tests: 26 answers at load 7)
            time.sleep(0.1)
    finally:
        stop.set()
        for c in clients:
            c.join()
        server.stop()
    assert len(statuses) > 50 and set(statuses) == {200}
    assert {v1, v2} <= versions


def test_shadow_model_counts_disagreements_without_changing_answers(registry_app, two_models, auth, comment):
    _, (v1, _), (v2, _) = two_models
    manager, client = registry_app.extensions["moderation.models"], registry_app.test_client()
    _registry(registry_app).set_shadow(v2, "admin")
    assert manager.refresh() and manager.shadow.version == v2
    texts = ["副業で月収100万円！今すぐLINE追加してね", "今日の記事はとても参考になりました。"] * 3
    answers = [client.post("/api/v1/comments", json=comment(text=t), headers=auth).get_json() for t in texts]
    assert {a["model_version"] for a in answers} == {v1}
    report = _registry(registry_app).shadow_report(v2)
    assert report["total"] == 6 and report["disagree"] >= 2 and report["samples"]
    _registry(registry_app).set_shadow(None)
    assert manager.refresh() and manager.shadow is None


def test_saved_thresholds_apply_at_once_and_are_audited(registry_app, rdb, prefix):
    manager = registry_app.extensions["moderation.models"]
    _registry(registry_app).set_thresholds({"spam": {"review": 0.2, "reject": 0.99}}, "admin")
    assert manager.refresh()
    assert manager.policy.thresholds["spam"] == {"review": 0.2, "reject": 0.99}
    entries = rdb.xrange(f"{prefix}model:audit")
    assert entries[-1][1]["what"] == "thresholds" and entries[-1][1]["by"] == "admin"


@pytest.mark.slow
def test_cli_list_activate_rollback(registry_app, two_models, redis_server, prefix, tmp_path, cli_forks):
    root, (v1, sha1), (v2, _) = two_models
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "MODERATION_REDIS_URL": redis_server.url,
           "MODERATION_REDIS_PREFIX": prefix, "MODERATION_MODEL_DIR": str(root), "MODERATION_MODEL_VERSION": v1,
           "MODERATION_MODEL_SHA256": sha1, "MODERATION_INSTANCE_DIR": str(tmp_path)}

    def run(*args):
        return cli_forks.run(["model", *args], env=env, timeout=180)  # loads a model: over 60 s at load 15

    listing = run("list").stdout
    assert v1 in listing and v2 in listing and "active" in listing.splitlines()[0] + listing.splitlines()[1]
    assert run("activate", v2).returncode == 0
    assert [line.split()[1] for line in run("list").stdout.splitlines() if line.startswith(v2)] == ["active"]
    refused = run("activate", "nope")
    assert refused.returncode != 0 and "unchanged" in refused.stderr
    assert run("rollback").stdout.startswith(f"active: {v1}")


def test_quiet_hours_window_and_modes():
    tokyo = ZoneInfo("Asia/Tokyo")
    at = {hour: datetime(2026, 11, 26, hour, 30, tzinfo=tokyo).timestamp() for hour in (2, 12, 23)}
    quiet = QuietHours(json.dumps({"start": "23:00", "end": "06:00", "tz": "Asia/Tokyo", "mode": "lower",
                                   "scale": 0.5}))
    assert [quiet.active(at[h]) for h in (2, 12, 23)] == [True, False, True]
    card = {"spam": {"review": 0.6, "reject": 0.99}, "abuse": {"review": 0.6, "reject": 0.99}}
    lower = Policy(card, quiet=quiet)
    assert lower.decide({"spam": 0.4, "abuse": 0.0}, now=at[12])[0] == "allow"
    assert lower.decide({"spam": 0.4, "abuse": 0.0}, now=at[2])[:2] == ("review", ["spam"])
    hold = Policy(card, quiet=QuietHours({"start": "23:00", "end": "06:00", "mode": "hold"}))
    assert hold.decide({"spam": 0.01, "abuse": 0.02}, now=at[23])[:2] == ("review", ["abuse"])
    assert hold.decide({"spam": 0.01, "abuse": 0.02}, now=at[12])[0] == "allow"
    with pytest.raises(ValueError):
        QuietHours({"mode": "panic"})


def test_a_pin_naming_a_folder_outside_the_model_dir_is_refused(registry_app, two_models, rdb, prefix):
    """The pins in Redis name the version the workers unpickle from MODEL_DIR/<version>; the admin page and the CLI
    refuse a version with a '/' (Registry.verified_pin), but the workers took whatever the pins said, so a write to
    the pins key (anyone reaching Redis) could point them at a joblib anywhere on the disk with its own SHA-256. On
    main's code the workers loaded ../elsewhere/<v2> (refresh() True); now the pin is refused and v1 stays."""
    import shutil

    from moderation.store.model_pins import ModelPins

    root, (v1, _), (v2, sha2) = two_models
    elsewhere = root.parent / f"elsewhere-{prefix.strip(':')}"
    shutil.copytree(root / v2, elsewhere / v2)
    manager = registry_app.extensions["moderation.models"]
    ModelPins(rdb, prefix).change({"active_version": f"../{elsewhere.name}/{v2}", "active_sha256": sha2}, "activate",
                                  "redis")
    assert not manager.refresh()
    assert manager.active.version == v1 and "MODEL_DIR" in manager.last_error


def test_a_pin_whose_file_comes_later_is_tried_again(registry_app, two_models, rdb, prefix):
    """A version activated on one machine before its folder reached this one: the worker keeps its model, then
    loads the pin at a later check once the file is there, without another activation (every RETRY_FAILED_CHECKS)."""
    import shutil

    from moderation.scoring.manager import RETRY_FAILED_CHECKS
    from moderation.store.model_pins import ModelPins

    root, (v1, _), (v2, sha2) = two_models
    late = f"0000.00.03-late-{prefix.strip(':')}"
    manager = registry_app.extensions["moderation.models"]
    ModelPins(rdb, prefix).change({"active_version": late, "active_sha256": sha2}, "activate", "redis")
    manager.check()
    assert manager.active.version == v1 and manager.last_error
    shutil.copytree(root / v2, root / late)
    try:
        for _ in range(RETRY_FAILED_CHECKS - 1):
            manager.check()
        assert manager.active.version == v1  # not every check reloads: a missing file is not looked for each time
        manager.check()
        assert manager.active.version == v2 and manager.last_error is None  # the version its card names
    finally:
        shutil.rmtree(root / late)
