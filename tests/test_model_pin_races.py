"""Model activations and rollbacks from two admins at once (the admin page, the CLI, another instance): the other's
whole step forced between ours' read and write on the real Redis (tests/support/interleave.py), on one server and on
a Cluster, where the pins and a history list of their own sat on different masters and no script could hold both."""

import json
import shutil

import pytest
import redis

from moderation.scoring.registry import Registry
from moderation.store.model_pins import ModelPins
from tests.support.interleave import after_first_command_on


@pytest.fixture
def versions(two_models):
    """root and three good pins: v1, v2 and v3 (a copy of v2 under its own name)."""
    root, first, (v2, sha2) = two_models
    shutil.copytree(root / v2, root / "0000.00.03-copy")
    yield root, first, (v2, sha2), ("0000.00.03-copy", sha2)
    shutil.rmtree(root / "0000.00.03-copy")


@pytest.fixture
def two_admins(redis_clients, prefix, versions):
    """Our registry (its client the one interleaved), the other admin's, and the key names."""
    ours, theirs = redis_clients(2)
    root = versions[0]
    return Registry(ModelPins(ours, prefix), root), Registry(ModelPins(theirs, prefix), root), ours


def _walk_back(registry):
    """Every version a rollback would return to, newest first (taking them)."""
    seen = []
    while registry.previous():
        seen.append(registry.rollback("admin")[0])
    return seen


def test_two_activations_at_once_keep_both_in_the_history(two_admins, versions, prefix):
    """Both read v1 as the active pin, both pushed it: the history said v1, v1 and v3 (active between them) was lost."""
    ours, theirs, client = two_admins
    _, (v1, _), (v2, _), (v3, _) = versions
    ours.activate(v1, "admin")
    with after_first_command_on(client, f"{prefix}model:pins", lambda: theirs.activate(v3, "jiro")) as fired:
        ours.activate(v2, "hanako")
    assert fired[0] == "fired"
    active = ours.pins()["active_version"]
    assert active in (v2, v3)
    assert _walk_back(ours) == [{v2: v3, v3: v2}[active], v1]


def test_a_rollback_racing_an_activation_ends_as_one_after_the_other(two_admins, versions, prefix):
    """The rollback took v1 off the history, the activation of v3 pushed v2 and pinned v3, then the rollback pinned
    v1: v3 was gone from the history and v2 was next, though v1 was served. Now the rollback reads again."""
    ours, theirs, client = two_admins
    _, (v1, _), (v2, _), (v3, _) = versions
    ours.activate(v1, "admin")
    ours.activate(v2, "admin")
    keys = (f"{prefix}model:pins", f"{prefix}model:history")  # the read: of the pins now, of the list on main
    with after_first_command_on(client, keys, lambda: theirs.activate(v3, "jiro")) as fired:
        ours.rollback("hanako")
    assert fired[0] == "fired"
    served, behind = ours.pins()["active_version"], _walk_back(ours)
    assert (served, behind) in ((v2, [v1]), (v3, [v1]))  # activate then rollback, or rollback then activate


def test_two_rollbacks_at_once_go_back_twice(two_admins, versions, prefix):
    ours, theirs, client = two_admins
    _, (v1, _), (v2, _), (v3, _) = versions
    for version in (v1, v2, v3):
        ours.activate(version, "admin")
    keys = (f"{prefix}model:pins", f"{prefix}model:history")
    with after_first_command_on(client, keys, lambda: theirs.rollback("jiro")) as fired:
        ours.rollback("hanako")
    assert fired[0] == "fired"
    assert ours.pins()["active_version"] == v1 and ours.previous() is None


def test_the_history_of_the_list_before_is_kept_on_upgrade(two_admins, versions, prefix):
    """The code before kept the history in a list of its own: it is moved into the pins once, nothing lost."""
    ours, _, client = two_admins
    _, (v1, sha1), (v2, sha2), (v3, _) = versions
    client.hset(f"{prefix}model:pins", mapping={"active_version": v3, "active_sha256": sha2, "generation": 7})
    client.rpush(f"{prefix}model:history", json.dumps([v2, sha2]), json.dumps([v1, sha1]))
    assert ours.previous() == v2
    assert client.exists(f"{prefix}model:history") == 0
    assert _walk_back(ours) == [v2, v1]


def test_a_shadow_started_as_the_old_shadow_is_activated_keeps_running(make_app, versions, login, redis_server,
                                                                        prefix):
    """The admin page read that the version it activates was the shadow, then stopped shadow mode after activating
    it: a shadow another admin started in between (v3) was stopped in its place. Now the activation stops the shadow
    only when it is the version it activates, in the same step."""
    root, (v1, sha1), (v2, _), (v3, _) = versions
    app = make_app(MODEL_DIR=str(root), MODEL_VERSION=v1, MODEL_SHA256=sha1, MODEL_CHECK_SECONDS=3600, RATE_LIMITS="")
    registry = app.extensions["moderation.models"].registry
    registry.set_shadow(v2, "admin")
    taro = login(app, "taro")
    theirs = Registry(ModelPins(redis.Redis.from_url(redis_server.url, decode_responses=True), prefix), root)
    with after_first_command_on(app.extensions["moderation.redis"], f"{prefix}model:pins",
                                lambda: theirs.set_shadow(v3, "jiro")) as fired:
        assert taro.form("/review/admin/model/activate", {"version": v2}).status_code == 302
    assert fired[0] == "fired"
    pins = registry.pins()
    assert (pins["active_version"], pins["shadow_version"]) == (v2, v3)
    registry.activate(v3, "admin", stop_shadow=True)  # the shadow's own version activated: shadow mode ends
    assert "shadow_version" not in registry.pins()


def test_two_admins_saving_thresholds_at_once_keep_both(make_app, versions, login, prefix):
    """The page read the saved thresholds, merged its label in and wrote them all back: another admin's save in
    between (another label, another site's, a category) was overwritten, though both were told it was saved and
    both were audited. Now the merge is written only while the pins are as read, else read again."""
    root, (v1, sha1), _, _ = versions
    app = make_app(MODEL_DIR=str(root), MODEL_VERSION=v1, MODEL_SHA256=sha1, MODEL_CHECK_SECONDS=3600, RATE_LIMITS="")
    taro, other_tab = login(app, "taro"), login(app, "taro")

    def other_save():
        return other_tab.form("/review/admin/thresholds", {"site": "test", "label": "abuse", "review": "0.4",
                                                           "reject": "0.9"}).status_code

    with after_first_command_on(app.extensions["moderation.redis"], f"{prefix}model:pins", other_save) as fired:
        saved = taro.form("/review/admin/thresholds", {"site": "test", "label": "spam", "review": "0.5",
                                                       "reject": "0.97"})
    assert fired == ["fired", 302] and saved.status_code == 302
    pins = app.extensions["moderation.models"].registry.pins()
    assert pins["thresholds"]["sites"]["test"] == {"spam": {"review": 0.5, "reject": 0.97},
                                                   "abuse": {"review": 0.4, "reject": 0.9}}
