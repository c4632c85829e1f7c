"""The admins' roster (store/admin_roster.py) beside the accounts it counts, on one server and on a real Cluster
(the roster and each account sit on masters of their own there): the last enabled admin is never taken away when the
roster and the accounts disagree, nor when two admins take each other away while a third change lands at once."""

import itertools

import pytest

from moderation.store.moderators import LastAdmin, Moderators
from tests.support.interleave import before_first_command_on
from tests.support.moderators import MODERATOR_PASSWORD


@pytest.fixture
def clients(redis_clients):
    """Three clients of one Redis (three instances of the service), the first also the one test code reads with."""
    return redis_clients(3)


def _admins(clients, prefix, *names):
    accounts = Moderators(clients[0], prefix)
    for name in names:
        accounts.add(name, MODERATOR_PASSWORD, "admin")
    return accounts


def _enabled_admins(accounts):
    return sorted(a["name"] for a in accounts.list() if a["role"] == "admin" and not a["disabled"])


def _roster(accounts):
    return sorted(accounts.redis.smembers(accounts.admins.key))


def test_a_name_on_the_roster_that_is_no_enabled_admin_counts_for_nothing(clients, prefix):
    """Drift: kumi was disabled by an instance from before the roster (a rolling upgrade), or a failover lost the
    roster's write but not the account's (another master on a Cluster): the roster still names kumi. Counting it let
    taro, the only enabled admin, be disabled: no admin was left. The accounts have the last word."""
    accounts = _admins(clients, prefix, "taro", "kumi")
    clients[0].hset(accounts.key("kumi"), "disabled", "1")  # the old instance's write: the account only
    assert _roster(accounts) == ["kumi", "taro"]
    for take_away in (lambda: accounts.set_disabled("taro", True), lambda: accounts.remove("taro"),
                      lambda: accounts.add("taro", MODERATOR_PASSWORD, "moderator", replace=True)):
        with pytest.raises(LastAdmin):
            take_away()
        assert _enabled_admins(accounts) == ["taro"]
    assert _roster(accounts) == ["taro"]  # the stale name is dropped once found
    accounts.set_disabled("kumi", False)
    accounts.set_disabled("taro", True)  # with kumi enabled again, taro can go
    assert _enabled_admins(accounts) == ["kumi"] == _roster(accounts)


def test_a_removed_admin_left_on_the_roster_counts_for_nothing(clients, prefix):
    accounts = _admins(clients, prefix, "taro", "kumi")
    clients[0].delete(accounts.key("kumi"))  # removed by an old instance: the roster still names it
    with pytest.raises(LastAdmin):
        accounts.remove("taro")
    assert _enabled_admins(accounts) == ["taro"] == _roster(accounts)


def test_an_enabled_admin_missing_from_the_roster_is_refused_until_the_roster_is_deleted(clients, prefix):
    """The other drift: kumi was made an admin by an old instance (or a crash fell between its write and its join), so
    the roster knows only taro. The roster cannot take kumi back from the accounts by itself (an admin whose leave is
    under way looks the same there), so taro's disable is refused, never done wrongly; deleting the roster is the
    repair (README), after which it is filled from the accounts."""
    accounts = _admins(clients, prefix, "taro")
    accounts.add("kumi", MODERATOR_PASSWORD, "moderator")
    clients[0].hset(accounts.key("kumi"), "role", "admin")
    assert _roster(accounts) == ["taro"]
    with pytest.raises(LastAdmin):
        accounts.set_disabled("taro", True)
    clients[0].delete(accounts.admins.key)
    accounts.set_disabled("taro", True)
    assert _enabled_admins(accounts) == ["kumi"] == _roster(accounts)
    with pytest.raises(LastAdmin):
        accounts.remove("kumi")
    assert _enabled_admins(accounts) == ["kumi"]


def _steps(clients, prefix):
    """Three admins' changes, each on its own instance: taro's account disables kumi, kumi's disables taro, and the
    third (ken) removes, disables, enables, adds or demotes an admin."""
    a, b, c = (Moderators(client, prefix) for client in clients)
    return {
        "taro disables kumi": (a, "kumi", lambda: a.set_disabled("kumi", True)),
        "kumi disables taro": (b, "taro", lambda: b.set_disabled("taro", True)),
    }, {
        "ken removed": (c, "ken", lambda: c.remove("ken")),
        "ken disabled": (c, "ken", lambda: c.set_disabled("ken", True)),
        "yuki enabled": (c, "yuki", lambda: c.set_disabled("yuki", False)),
        "ken demoted": (c, "ken", lambda: c.add("ken", MODERATOR_PASSWORD, "moderator", replace=True)),
        "mio added": (c, "mio", lambda: c.add("mio", MODERATOR_PASSWORD, "admin")),
    }


def _nested(outer, middle, inner):
    """Each (instance, account it changes, step): inner's whole step right before middle's first command on its
    account, and middle's (with inner inside) right before outer's; the three answers, innermost first."""
    answers = []

    def middle_step():
        with before_first_command_on(middle[0].redis, middle[0].key(middle[1]),
                                     lambda: answers.append(_tried(inner[2]))):
            answers.append(_tried(middle[2]))

    with before_first_command_on(outer[0].redis, outer[0].key(outer[1]), middle_step) as fired:
        answers.append(_tried(outer[2]))
    assert fired[0] == "fired" and len(answers) == 3, answers
    return answers


def _tried(step):
    try:
        step()
        return "done"
    except LastAdmin:
        return "refused"


THIRD = ["ken removed", "ken disabled", "yuki enabled", "ken demoted", "mio added"]


@pytest.mark.parametrize("third", THIRD)
@pytest.mark.parametrize("roster", ["kept", "missing"])
def test_two_admins_taking_each_other_away_while_a_third_change_lands(clients, prefix, third, roster):
    """Every nesting of the three: each change's whole step forced right before the first command of the one outside
    it on the account it takes away, from a roster kept or missing (an install from before it, filled by whoever
    finds it missing). The enabled admins never run out, and the roster ends naming exactly them."""
    for order in itertools.permutations(range(3)):
        scope = f"{prefix}{''.join(map(str, order))}:"
        accounts = _admins(clients, scope, "taro", "kumi", "ken")
        accounts.add("yuki", MODERATOR_PASSWORD, "admin")
        accounts.set_disabled("yuki", True)
        if roster == "missing":
            clients[0].delete(accounts.admins.key)
        pair, thirds = _steps(clients, scope)
        steps = [*pair.values(), thirds[third]]
        answers = _nested(*(steps[i] for i in order))
        enabled = _enabled_admins(accounts)
        assert enabled, (third, roster, order, answers)
        assert _roster(accounts) == enabled, (third, roster, order, answers)
