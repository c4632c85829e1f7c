"""Moderator accounts: the password policy (12+ characters, not a well-known password) on a real Redis."""


import pytest

from moderation.store.moderators import AccountError, Moderators
from moderation.store.passwords import common_passwords, dummy_hash
from tests.support.app import cli_env


@pytest.mark.parametrize("password", ["password", "12345678", "short-pw-11", "Password1234", "123456789012",
                                      "QWERTYUIOP12", "  administrator  ", "hanako-login", "aaaaaaaaaaaaaaa",
                                      "abababababab"])
def test_short_common_or_guessable_passwords_are_refused(rdb, prefix, password):
    moderators = Moderators(rdb, prefix)
    name = "hanako-login" if password == "hanako-login" else "hanako"
    with pytest.raises(AccountError, match="password"):
        moderators.add(name, password)
    assert moderators.get(name) is None


def test_a_long_rare_password_is_accepted(rdb, prefix):
    moderators = Moderators(rdb, prefix)
    moderators.add("hanako", "kumo-no-ue-de-odoru-17")
    assert moderators.authenticate("hanako", "kumo-no-ue-de-odoru-17")["role"] == "moderator"


def test_the_common_password_list_ships_with_the_package():
    listed = common_passwords()
    assert len(listed) >= 100 and "password1234" in listed and all(len(p) >= 12 for p in listed)


@pytest.mark.slow
def test_the_cli_hashes_at_scrypts_full_cost(redis_server, rdb, prefix, tmp_path, cli_forks):
    """The tests' own accounts hash at a lower cost (conftest): a real process stores werkzeug's default scrypt."""
    result = cli_forks.run(["moderator", "add", "hanako", "--password-stdin"], input="kumo-no-ue-de-odoru-17\n",
                           env=cli_env(redis_server, prefix, tmp_path))
    assert result.returncode == 0, result.stderr
    moderators = Moderators(rdb, prefix)
    assert rdb.hget(moderators.key("hanako"), "password").startswith("scrypt:32768:8:1$")
    assert moderators.authenticate("hanako", "kumo-no-ue-de-odoru-17")["role"] == "moderator"


def test_an_unknown_name_is_checked_at_the_accounts_hash_cost(rdb, prefix):
    """A login for a name that does not exist must cost what a real one does, or its timing tells names apart."""
    moderators = Moderators(rdb, prefix)
    moderators.add("hanako", "kumo-no-ue-de-odoru-17")
    method = rdb.hget(moderators.key("hanako"), "password").split("$")[0]
    assert dummy_hash().split("$")[0] == method
    assert moderators.authenticate("nobody-here", "kumo-no-ue-de-odoru-17") is None


def test_no_account_takes_the_services_own_name(rdb, prefix):
    """The history shows the service's own entries (by "system") as 自動: a moderator of that name would pass as it."""
    moderators = Moderators(rdb, prefix)
    for replace in (False, True):
        with pytest.raises(AccountError, match="service's own"):
            moderators.add("system", "kumo-no-ue-de-odoru-17", replace=replace)
    assert moderators.get("system") is None
    moderators.add("System", "kumo-no-ue-de-odoru-17")  # another name: shown as itself, not as 自動
