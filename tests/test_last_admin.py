"""The last enabled admin: two admins removing or disabling each other at once left no admin (each checked only that
it was not removing itself). The other admin's whole request is forced right before our first command on the account
it takes away, on the real Redis (tests/support/interleave.py)."""

import pytest

from tests.support.interleave import before_first_command_on, own_thread
from tests.support.moderators import MODERATOR_PASSWORD, Moderator


@pytest.fixture
def rapp(make_app, thresholds):
    return make_app(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="")


def _enabled_admins(accounts):
    return [a["name"] for a in accounts.list() if a["role"] == "admin" and not a["disabled"]]


@pytest.mark.parametrize("action", ["remove", "disable"])
def test_two_admins_taking_each_other_away_at_once_leave_one(rapp, accounts, action):
    accounts.add("kumi", MODERATOR_PASSWORD, "admin")
    taro, kumi = Moderator(rapp, "taro"), Moderator(rapp, "kumi")

    @own_thread
    def kumi_takes_taro():
        return kumi.form("/review/admin/accounts", {"action": action, "name": "taro"})

    with before_first_command_on(rapp.extensions["moderation.redis"], accounts.key("kumi"), kumi_takes_taro) as fired:
        answer = taro.form("/review/admin/accounts", {"action": action, "name": "kumi"})
    assert fired[0] == "fired"
    answers = {"taro": answer, "kumi": fired[1]}
    assert sorted(a.status_code for a in answers.values()) == [302, 409]
    [refused] = [a for a in answers.values() if a.status_code == 409]
    assert "最後の有効な管理者" in refused.text  # the page says why, in the page's language
    assert len(_enabled_admins(accounts)) == 1


def test_an_admin_added_or_enabled_counts_and_a_moderator_never_does(rapp, accounts):
    """The roster follows the accounts: enabling, adding and replacing an admin count it; a moderator never counts."""
    taro = Moderator(rapp, "taro")
    assert taro.form("/review/admin/accounts", {"action": "disable", "name": "hanako"}).status_code == 302
    accounts.add("kumi", MODERATOR_PASSWORD, "admin")
    accounts.set_disabled("kumi", True)
    assert _enabled_admins(accounts) == ["taro"]
    accounts.set_disabled("kumi", False)
    kumi = Moderator(rapp, "kumi")
    assert kumi.form("/review/admin/accounts", {"action": "remove", "name": "taro"}).status_code == 302
    refused = kumi.form("/review/admin/accounts", {"action": "disable", "name": "kumi"})
    assert refused.status_code == 400  # oneself: the older rule, said first
    accounts.add("jiro", MODERATOR_PASSWORD, "admin", replace=True)
    assert sorted(_enabled_admins(accounts)) == ["jiro", "kumi"]
    assert Moderator(rapp, "jiro").form("/review/admin/accounts", {"action": "remove", "name": "kumi"}).status_code \
        == 302
    assert _enabled_admins(accounts) == ["jiro"]


def test_an_admin_disabled_while_being_enabled_is_not_counted(redis_server, prefix):
    """Enabling writes the account, then joins the roster. A disable landing between the two finds the account off the
    roster, so nothing stops it; the enable's join then read the account again and leaves it off. Counted, the
    disabled kumi would let taro, the only enabled admin, be removed."""
    import redis

    from moderation.store.moderators import LastAdmin, Moderators

    ours, theirs = (redis.Redis.from_url(redis_server.url, decode_responses=True) for _ in range(2))
    accounts = Moderators(ours, prefix)
    accounts.add("taro", MODERATOR_PASSWORD, "admin")
    accounts.add("kumi", MODERATOR_PASSWORD, "admin")
    accounts.set_disabled("kumi", True)
    with before_first_command_on(ours, accounts.admins.key,
                                 lambda: Moderators(theirs, prefix).set_disabled("kumi", True)) as fired:
        accounts.set_disabled("kumi", False)
    assert fired == ["fired", None] and _enabled_admins(accounts) == ["taro"]
    with pytest.raises(LastAdmin):
        accounts.remove("taro")
    assert _enabled_admins(accounts) == ["taro"]
