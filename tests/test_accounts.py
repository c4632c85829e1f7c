"""Moderator accounts: the password policy (12+ characters, not a well-known password) on a real Redis."""

import pytest

from moderation.store.moderators import AccountError, Moderators, common_passwords


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
