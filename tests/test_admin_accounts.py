"""Issue 14 point 5: accounts from the command line and the admins' page, sessions ended, moderators scoped to sites."""

import io
import json
import sys

import pytest

from moderation.cli import main as cli_main
from moderation.store.moderators import AccountExists, Moderators
from moderation.store.review_queue import ReviewQueue
from tests.support.app import API_KEY, SECRET_KEY
from tests.support.moderators import MODERATOR_PASSWORD, Moderator

OTHER_KEY = "other-site-key-0123456789abcdefghijk"


@pytest.fixture
def cli(redis_server, prefix, tmp_path, monkeypatch, capsys):
    """`python -m moderation moderator ...` in-process against the test Redis; returns (exit code, output)."""
    for name, value in {"REDIS_URL": redis_server.url, "REDIS_PREFIX": prefix, "INSTANCE_DIR": str(tmp_path),
                        "API_KEYS": f"test:{API_KEY}", "SECRET_KEY": SECRET_KEY}.items():
        monkeypatch.setenv(f"MODERATION_{name}", value)

    def run(*args, stdin=""):
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()
        try:
            cli_main(["moderator", *args])
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
            print(exit_.code, file=sys.stderr)
        out = capsys.readouterr()
        return code, out.out + out.err

    return run


def test_cli_add_refuses_an_existing_name_unless_replace(cli, rdb, prefix):
    assert cli("add", "hanako", "--password-stdin", stdin="first-password\n")[0] == 0
    code, out = cli("add", "hanako", "--password-stdin", stdin="second-password\n")
    assert code != 0 and "exists" in out
    moderators = Moderators(rdb, prefix)
    assert moderators.authenticate("hanako", "first-password") is not None
    assert cli("add", "hanako", "--password-stdin", "--replace", "--role", "admin", stdin="second-password\n")[0] == 0
    assert moderators.authenticate("hanako", "second-password")["role"] == "admin"
    with pytest.raises(AccountExists):
        moderators.add("hanako", "third-password")


def test_cli_list_disable_enable_sites_remove(cli, rdb, prefix):
    cli("add", "hanako", "--password-stdin", "--site", "test", stdin="password-one-11\n")
    cli("add", "taro", "--password-stdin", "--role", "admin", stdin="password-two-22\n")
    code, out = cli("list")
    assert code == 0 and out.splitlines() == ["hanako\tmoderator\tactive\ttest", "taro\tadmin\tactive\t*"]
    assert cli("disable", "hanako")[0] == 0
    assert "hanako\tmoderator\tdisabled" in cli("list")[1]
    assert Moderators(rdb, prefix).authenticate("hanako", "password-one-11") is None
    assert cli("enable", "hanako")[0] == 0
    assert Moderators(rdb, prefix).authenticate("hanako", "password-one-11") is not None
    assert cli("sites", "hanako")[0] == 0 and "hanako\tmoderator\tactive\t*" in cli("list")[1]
    assert cli("remove", "hanako")[0] == 0 and "hanako" not in cli("list")[1]
    code, out = cli("disable", "nobody")
    assert code != 0 and "no account" in out
    code, out = cli("reset-password", "taro", "--password-stdin", stdin="short\n")
    assert code != 0 and "12 characters" in out


def test_reset_and_disable_end_that_accounts_sessions(rapp, accounts, cli):
    hanako, jiro = Moderator(rapp, "hanako"), Moderator(rapp, "jiro")
    assert hanako.get("/review").status_code == 200
    assert cli("reset-password", "hanako", "--password-stdin", stdin="a-new-password\n")[0] == 0
    assert hanako.get("/review").status_code == 302  # logged out everywhere
    assert jiro.get("/review").status_code == 200      # other accounts keep their sessions
    assert cli("disable", "jiro")[0] == 0
    assert jiro.get("/review").status_code == 302
    assert jiro.post("/review/api/claim", {}).status_code == 401
    accounts.add("kumi", MODERATOR_PASSWORD, "moderator")  # README: remove and --replace end sessions too
    taro, kumi = Moderator(rapp, "taro"), Moderator(rapp, "kumi")
    assert cli("add", "taro", "--password-stdin", "--replace", "--role", "admin", stdin=MODERATOR_PASSWORD)[0] == 0
    assert taro.get("/review").status_code == 302 and kumi.get("/review").status_code == 200
    assert cli("remove", "kumi")[0] == 0
    assert kumi.get("/review").status_code == 302


@pytest.mark.parametrize("where", ["page", "cli"])
@pytest.mark.parametrize("action", ["disable", "remove"])
def test_disable_and_remove_give_back_the_accounts_claims(rapp, accounts, cli, rdb, prefix, where, action):
    """They ended the account's sessions, but its claimed cards stayed leased to it for the lease (300 s): nobody
    else could take them. Now they go back to the queue at once."""
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    queue.submit({"id": "c-1", "article_id": "art-1", "text": "本文", "text_sha256": "c-1", "author_id": "reader-1",
                  "decision": "review", "status": "pending", "received_at": 1000, "scores": {"spam": 0.1, "abuse": 0.8},
                  "labels": ["abuse"], "model_version": "t", "risk": 0.8}, queued=True)
    assert [c["id"] for c in Moderator(rapp, "hanako").claim()] == ["c-1"]
    jiro = Moderator(rapp, "jiro")
    assert jiro.claim() == []  # leased to hanako
    if where == "page":
        taro = Moderator(rapp, "taro")
        assert taro.form("/review/admin/accounts", {"action": action, "name": "hanako"}).status_code == 302
    else:
        assert cli(action, "hanako")[0] == 0
    assert rdb.zcard(queue.held_key("hanako")) == 0 and rdb.zcard(queue.key("claims")) == 0
    assert [c["id"] for c in jiro.claim()] == ["c-1"]  # at once, not in 5 minutes


def test_replace_gives_back_the_old_accounts_claims(rapp, accounts, cli, rdb, prefix):
    """`add --replace` ended the old account's sessions and tokens but kept its claims: the new account of that name
    held cards it never claimed, and nobody else could take them for the lease (300 s)."""
    queue = ReviewQueue(rdb, "test", prefix=prefix)
    queue.submit({"id": "c-1", "article_id": "art-1", "text": "本文", "text_sha256": "c-1", "author_id": "reader-1",
                  "decision": "review", "status": "pending", "received_at": 1000, "scores": {"spam": 0.1, "abuse": 0.8},
                  "labels": ["abuse"], "model_version": "t", "risk": 0.8}, queued=True)
    assert [c["id"] for c in Moderator(rapp, "hanako").claim()] == ["c-1"]
    assert cli("add", "hanako", "--password-stdin", "--replace", stdin=MODERATOR_PASSWORD)[0] == 0
    assert rdb.zcard(queue.held_key("hanako")) == 0 and rdb.zcard(queue.key("claims")) == 0
    assert [c["id"] for c in Moderator(rapp, "jiro").claim()] == ["c-1"]


@pytest.fixture
def rapp(make_app, thresholds):
    return make_app(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="", API_KEYS=f"test:{API_KEY},other:{OTHER_KEY}")


def test_accounts_page_adds_disables_resets_and_scopes(rapp, accounts):
    taro, hanako = Moderator(rapp, "taro"), Moderator(rapp, "hanako")
    assert hanako.get("/review/admin/accounts").status_code == 403
    page = taro.get("/review/admin/accounts")
    assert page.status_code == 200 and "モデレーターのアカウント" in page.text and "hanako" in page.text
    assert "scrypt" not in page.text
    assert taro.form("/review/admin/accounts", {"action": "add", "name": "yuki", "password": "yuki-password"},
                     csrf=False).status_code == 400
    for junk in ({"sites": ["other", "nope"]}, {"sites": ["nope"]}, {"role": "superadmin"}):  # refused, not dropped
        refused = taro.form("/review/admin/accounts", {"action": "add", "name": "yuki", "password": "yuki-password",
                                                       "role": "moderator", **junk})
        assert refused.status_code == 400 and "unknown" in refused.text and accounts.get("yuki") is None
    added = taro.form("/review/admin/accounts", {"action": "add", "name": "yuki", "password": "yuki-password",
                                                 "role": "moderator", "sites": ["other"]})
    assert added.status_code == 302
    assert accounts.get("yuki")["sites"] == ["other"]
    # every box naming a site no longer served left no site, which is every site: refused, the scope kept
    scoped = taro.form("/review/admin/accounts", {"action": "sites", "name": "yuki", "sites": ["gone-site"]})
    assert scoped.status_code == 400 and accounts.get("yuki")["sites"] == ["other"]
    again = taro.form("/review/admin/accounts", {"action": "add", "name": "yuki", "password": "other-password"})
    assert again.status_code == 409 and "既にあります" in again.text
    assert taro.form("/review/admin/accounts", {"action": "disable", "name": "hanako"}).status_code == 302
    assert hanako.get("/review").status_code == 302
    assert taro.form("/review/admin/accounts", {"action": "remove", "name": "taro"}).status_code == 400
    assert taro.form("/review/admin/accounts", {"action": "reset", "name": "jiro", "password": "x"}).status_code == 400
    assert taro.form("/review/admin/accounts", {"action": "sites", "name": "jiro", "sites": ["test"]}).status_code \
        == 302
    assert accounts.get("jiro")["sites"] == ["test"]
    assert taro.form("/review/admin/accounts", {"action": "explode", "name": "jiro"}).status_code == 400


def test_a_moderator_of_one_site_gets_403_for_the_others(rapp, accounts, rdb, prefix):
    accounts.set_sites("hanako", ["test"])
    other = ReviewQueue(rdb, "other", prefix=prefix)
    other.submit({"id": "o-1", "article_id": "a", "text": "other site", "text_sha256": "o", "received_at": 1,
                  "decision": "review", "status": "pending", "scores": {"spam": 0.9, "abuse": 0.1},
                  "labels": ["spam"], "explanation": [], "model_version": "t", "risk": 0.9}, queued=True)
    hanako, taro = Moderator(rapp, "hanako"), Moderator(rapp, "taro")
    assert hanako.get("/review").status_code == 200
    page = hanako.get("/review?site=other")
    assert page.status_code == 403 and "権限がありません" in page.text
    assert hanako.get("/review/history?site=other").status_code == 403
    assert hanako.get("/review/search?site=other&q=o-1").status_code == 403
    for path, body in (("/review/api/claim", {}), ("/review/api/decide", {"id": "o-1", "action": "approve"}),
                       ("/review/api/decide-bulk", {"ids": ["o-1"], "action": "approve"})):
        answer = hanako.client.post(path, json={"site": "other", **body}, headers={"X-CSRF-Token": hanako.csrf})
        assert answer.status_code == 403 and answer.json["error"]["field"] == "site", path
    assert hanako.get("/review/api/stats?site=other").status_code == 403
    assert 'value="other"' not in hanako.get("/review").text  # the picker offers only her site
    assert other.get("o-1")["status"] == "pending"
    # an admin of both sites sees and decides both
    assert 'value="other"' in taro.get("/review").text
    assert taro.get("/review/history?site=other").status_code == 200
    cards = taro.client.post("/review/api/claim", json={"site": "other"}, headers={"X-CSRF-Token": taro.csrf}).json
    assert [c["id"] for c in cards["cards"]] == ["o-1"]
    decided = taro.client.post("/review/api/decide", json={"site": "other", "id": "o-1", "action": "approve"},
                               headers={"X-CSRF-Token": taro.csrf})
    assert decided.status_code == 200


def test_password_is_never_listed(accounts):
    secret = accounts.enable_totp("taro")
    assert all(set(a) == {"name", "role", "disabled", "sites", "created_at", "totp"} for a in accounts.list())
    assert [a["totp"] for a in accounts.list()] == [False, False, True]  # whether, never the secret
    assert MODERATOR_PASSWORD not in json.dumps(accounts.list()) and secret not in json.dumps(accounts.list())


def test_passwords_are_kept_as_scrypt_hashes(accounts, rdb):
    """README (Login): scrypt password hashes, never the password."""
    stored = rdb.hget(accounts.key("hanako"), "password")
    assert stored.startswith("scrypt:") and MODERATOR_PASSWORD not in stored
    assert accounts.authenticate("hanako", MODERATOR_PASSWORD)["name"] == "hanako"


def test_thresholds_are_saved_per_site(rapp, accounts, auth, comment):
    taro = Moderator(rapp, "taro")
    page = taro.get("/review/admin/thresholds?site=other").text
    assert "このサイト(other)のコメントにだけ適用されます" in page
    for label in ("spam", "abuse"):
        saved = taro.form("/review/admin/thresholds", {"site": "other", "label": label, "review": "1.0",
                                                       "reject": "1.01"})
        assert saved.status_code == 302
    api = rapp.test_client()
    here = api.post("/api/v1/comments", json=comment("副業で月収100万円！"), headers=auth).json
    there = api.post("/api/v1/comments", json=comment("副業で月収100万円！"),
                     headers={"Authorization": f"Bearer {OTHER_KEY}"}).json
    assert here["decision"] == "review" and there["decision"] == "allow"
    assert "審査 1.00 / 自動却下 1.01" in taro.get("/review/admin/thresholds?site=other").text
    assert "審査 0.00 / 自動却下 1.01" in taro.get("/review/admin/thresholds?site=test").text


def test_the_cli_never_takes_the_last_admin_away(accounts, cli, rdb, prefix):
    """taro is the only admin: removing, disabling or replacing him by a moderator is refused and says why."""
    for args, stdin in ((("remove", "taro"), ""), (("disable", "taro"), ""),
                        (("add", "taro", "--password-stdin", "--replace"), "another-long-password\n")):
        code, out = cli(*args, stdin=stdin)
        assert code != 0 and "'taro' is the last enabled admin" in out, out
    assert Moderators(rdb, prefix).authenticate("taro", MODERATOR_PASSWORD)["role"] == "admin"  # nothing changed
    assert rdb.delete(f"{prefix}moderators:admins") == 1  # as an install from before the roster: filled on first use
    assert cli("remove", "taro")[0] != 0
    assert cli("add", "kumi", "--password-stdin", "--role", "admin", stdin="kumi-long-password\n")[0] == 0
    assert cli("remove", "taro")[0] == 0 and cli("disable", "kumi")[0] != 0
