"""Accounts and tokens under concurrent admin actions: a second request's whole step forced between one request's
read and its write on the real Redis (tests/support/interleave.py). Each read-then-write here was a separate call
and lost or resurrected state; the writes are now scripts that own their keys."""

import pytest
import redis

from moderation.store.moderator_tokens import AccountReplaced, ModeratorTokens
from moderation.store.moderators import AccountExists, Moderators, NoSuchAccount
from tests.support.interleave import after_first_command_on, before_first_command_on

PASSWORD, OTHER = "kumo-no-ue-de-odoru-17", "yama-no-shita-de-neru-42"


@pytest.fixture
def own(redis_server):
    """Our request's client (the one interleaved) and the other request's."""
    return (redis.Redis.from_url(redis_server.url, decode_responses=True),
            redis.Redis.from_url(redis_server.url, decode_responses=True))


@pytest.mark.parametrize("change", ["reset_password", "set_disabled", "set_sites", "enable_totp", "disable_totp"])
def test_an_account_removed_while_an_admin_changes_it_stays_removed(own, prefix, change):
    """The change read the account, then wrote its fields: a removal between them left a hash without a name (the
    login page 500s on it, and the name could not be added again: 'exists', yet not listed)."""
    ours, theirs = own
    Moderators(theirs, prefix).add("hanako", PASSWORD)
    moderators = Moderators(ours, prefix)
    args = {"reset_password": (OTHER,), "set_disabled": (True,), "set_sites": (["news"],)}.get(change, ())
    with after_first_command_on(ours, moderators.key("hanako"), lambda: Moderators(theirs, prefix).remove("hanako")) \
            as fired:
        try:
            getattr(moderators, change)("hanako", *args)
        except NoSuchAccount:  # the last-admin check reads the account first: the removal landed before the write
            assert change == "set_disabled"
    assert fired == ["fired", None]
    assert theirs.exists(moderators.key("hanako")) == 0
    assert moderators.authenticate("hanako", OTHER) is None and moderators.list() == []
    Moderators(theirs, prefix).add("hanako", PASSWORD)  # the name is free again
    assert moderators.authenticate("hanako", PASSWORD)["name"] == "hanako"


def test_a_totp_code_used_as_the_account_is_removed_leaves_nothing(own, prefix):
    import pyotp

    ours, theirs = own
    Moderators(theirs, prefix).add("hanako", PASSWORD)
    secret = Moderators(theirs, prefix).enable_totp("hanako")
    moderators = Moderators(ours, prefix)
    with after_first_command_on(ours, moderators.key("hanako"), lambda: Moderators(theirs, prefix).remove("hanako")) \
            as fired:
        used = moderators.verify_totp("hanako", pyotp.TOTP(secret).now())
    assert fired == ["fired", None] and used is False
    assert theirs.exists(moderators.key("hanako")) == 0


def test_two_admins_adding_one_name_at_once_create_it_once(own, prefix):
    """Both checked that the name was free, then both wrote: the second password replaced the first, and both
    admins were told the account was made. Now one of them is told it exists."""
    ours, theirs = own
    moderators = Moderators(ours, prefix)

    def other_add():
        try:
            Moderators(theirs, prefix).add("hanako", OTHER)
        except AccountExists:
            return "exists"
        return "added"

    with after_first_command_on(ours, moderators.key("hanako"), other_add) as fired:
        try:
            moderators.add("hanako", PASSWORD)
            ours_was = "added"
        except AccountExists:
            ours_was = "exists"
    assert fired[0] == "fired" and sorted([ours_was, fired[1]]) == ["added", "exists"]
    winner = PASSWORD if ours_was == "added" else OTHER
    loser = OTHER if ours_was == "added" else PASSWORD
    assert moderators.authenticate("hanako", winner) and moderators.authenticate("hanako", loser) is None


def test_the_same_add_again_is_still_answered_as_done(own, prefix):
    """A retry after a lost answer (the same name, password, role and sites) stays a success, not 'exists'."""
    ours, _ = own
    moderators = Moderators(ours, prefix)
    moderators.add("hanako", PASSWORD, sites=["news"])
    moderators.add("hanako", PASSWORD, sites=["news"])
    with pytest.raises(AccountExists):
        moderators.add("hanako", OTHER)
    assert moderators.authenticate("hanako", PASSWORD)["sites"] == ["news"]


def test_a_token_revoked_while_it_is_used_leaves_no_key(own, prefix):
    """A use read the token, then stamped last_used_at: a revoke between them left a token hash with no name and
    no expiry, kept forever."""
    ours, theirs = own
    token_id, token = ModeratorTokens(theirs, prefix).issue("hanako")
    tokens = ModeratorTokens(ours, prefix)
    from moderation.store.moderator_tokens import digest

    key = tokens.keys.moderator_token(digest(token))
    with after_first_command_on(ours, key, lambda: ModeratorTokens(theirs, prefix).revoke("hanako", token_id)) \
            as fired:
        tokens.name_for(token)
    assert fired == ["fired", True]
    assert theirs.exists(key) == 0 and tokens.name_for(token) is None and tokens.list("hanako") == []


@pytest.mark.parametrize("change", ["reset_password", "replace"])
def test_a_login_finishing_as_the_password_changes_is_logged_out(app, accounts, prefix, redis_server, change):
    """The login read the old password, then started its session: a reset (or an account replaced) between them
    ended the sessions it found, not the one started after, which then served on under the new password."""
    from tests.support.moderators import MODERATOR_PASSWORD, csrf_of

    theirs = redis.Redis.from_url(redis_server.url, decode_responses=True)

    def changed():
        if change == "replace":
            return Moderators(theirs, prefix).add("hanako", OTHER, replace=True)
        return Moderators(theirs, prefix).reset_password("hanako", OTHER)

    client = app.test_client()
    page = client.get("/login")
    with after_first_command_on(app.extensions["moderation.redis"], accounts.key("hanako"), changed) as fired:
        response = client.post("/login", data={"username": "hanako", "password": MODERATOR_PASSWORD,
                                               "csrf_token": csrf_of(page.text)})
    assert fired == ["fired", None] and response.status_code == 302
    assert client.get("/review").status_code == 302  # to the login page
    again = app.test_client()
    page = again.get("/login")
    assert again.post("/login", data={"username": "hanako", "password": OTHER,
                                      "csrf_token": csrf_of(page.text)}).status_code == 302
    assert again.get("/review").status_code == 200


def test_a_token_revoked_while_the_list_is_read_stays_marked_revoked(own, prefix):
    """The list read the entries, then found the token's hash gone and forgot it as expired: a revoke between them
    lost its mark, so the same revoke again (a retry after a 503) answered 'no such token'."""
    ours, theirs = own
    token_id, _ = ModeratorTokens(theirs, prefix).issue("hanako")
    tokens = ModeratorTokens(ours, prefix)
    with after_first_command_on(ours, tokens.keys.moderator_token_list("hanako"),
                                lambda: ModeratorTokens(theirs, prefix).revoke("hanako", token_id)) as fired:
        listed = tokens.list("hanako")
    assert fired == ["fired", True] and listed == []
    assert ModeratorTokens(theirs, prefix).revoke("hanako", token_id) is True  # the retry: done, not 404


@pytest.mark.parametrize(("change", "when"), [("replace", before_first_command_on), ("replace", after_first_command_on),
                                              ("remove", before_first_command_on)])
def test_a_token_issued_as_its_account_is_replaced_is_never_handed_out(own, prefix, change, when):
    """The issue wrote the token, then listed it under the account: a replace (or removal) revoking the tokens it
    found listed before that left this one live, acting as the new account of that name (after a removal, a live
    token and a list nobody would revoke again); one revoking it just after the listing handed the operator a dead
    token. Now the issue reads the account again once the token is live and, changed, discards it."""
    ours, theirs = own
    Moderators(theirs, prefix).add("hanako", PASSWORD)
    tokens = ModeratorTokens(ours, prefix)

    def changed():
        if change == "replace":
            return Moderators(theirs, prefix).add("hanako", OTHER, replace=True)
        return Moderators(theirs, prefix).remove("hanako")

    with when(ours, tokens.keys.moderator_token_list("hanako"), changed) as fired:
        try:
            handed_out = tokens.issue("hanako")
        except AccountReplaced:
            handed_out = None
    assert fired == ["fired", None]
    assert handed_out is None
    assert theirs.keys(f"{prefix}modtoken:*") == [] and tokens.list("hanako") == []
    assert theirs.hgetall(tokens.keys.moderator_token_list("hanako")) == {}
    if change == "replace":  # the new account's own token is issued as before
        _, token = tokens.issue("hanako")
        assert tokens.name_for(token) == "hanako"


def test_a_token_issued_to_an_account_from_before_incarnations_is_kept(own, prefix):
    """An account added before incarnations were recorded has none; its token is issued as ever (nothing changed)."""
    ours, _ = own
    moderators = Moderators(ours, prefix)
    moderators.add("hanako", PASSWORD)
    assert ours.hdel(moderators.key("hanako"), "incarnation") == 1
    _, token = ModeratorTokens(ours, prefix).issue("hanako")
    assert ModeratorTokens(ours, prefix).name_for(token) == "hanako"
