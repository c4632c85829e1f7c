"""Claims against what ends their right to hold cards: a disable, removal, replace or revoke landing inside a
newsroom-token claim, and a claim landing inside a logout. The other request's whole step is forced at one command
of ours on the real Redis (tests/support/interleave.py)."""

import time

import pytest

from moderation import times
from moderation.store.moderator_tokens import ModeratorTokens
from tests.support.interleave import after_first_command_on, own_thread
from tests.support.moderators import Moderator, held_comments


@pytest.fixture
def rapp(make_app, thresholds):
    return make_app(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="")


def _api_claim(rapp, token, n=5):
    return rapp.test_client().post("/api/v1/moderation/queue:claim", json={"n": n},
                                   headers={"Authorization": f"Bearer {token}"})


@pytest.mark.parametrize("action", ["disable", "remove"])
def test_a_disable_or_removal_inside_a_token_claim_leaves_nothing_leased(rapp, accounts, rdb, prefix, action):
    """The token's account was read enabled, the admin's disable (or removal) gave back what it held, then the claim
    leased: the cards stayed leased to an account that can do nothing with them for the lease (300 s). Now the claim
    reads the token and its account again after leasing, gives the cards back and answers 401."""
    token = ModeratorTokens(rdb, prefix).issue("hanako")[1]
    queue = held_comments(rdb, prefix, "c-1", "c-2")
    taro = Moderator(rapp, "taro")

    @own_thread
    def admin():
        return taro.form("/review/admin/accounts", {"action": action, "name": "hanako"}).status_code

    with after_first_command_on(rapp.extensions["moderation.redis"], accounts.key("hanako"), admin) as fired:
        answer = _api_claim(rapp, token)
    assert fired == ["fired", 302]
    assert (accounts.get("hanako") or {"disabled": True})["disabled"]  # the admin's step went through
    assert answer.status_code == 401 and answer.json["error"]["field"] == "Authorization"
    assert rdb.zcard(queue.held_key("hanako")) == 0 and rdb.zcard(queue.key("claims")) == 0
    assert {c["id"] for c in Moderator(rapp, "jiro").claim()} == {"c-1", "c-2"}  # at once, not in 5 minutes


def test_a_revoke_inside_a_token_claim_gives_back_what_it_took_and_no_more(rapp, accounts, rdb, prefix):
    """The token was revoked after its check and before the lease: the claim is the revoked token's, so what it took
    goes back; what the account held before (its review page's card) stays the account's."""
    tokens = ModeratorTokens(rdb, prefix)
    token_id, token = tokens.issue("hanako")
    queue = held_comments(rdb, prefix, "c-1")
    hanako = Moderator(rapp, "hanako")
    assert [c["id"] for c in hanako.claim(n=1)] == ["c-1"]  # the page's card
    held_comments(rdb, prefix, "c-2", "c-3")

    with after_first_command_on(rapp.extensions["moderation.redis"], accounts.key("hanako"),
                                lambda: tokens.revoke("hanako", token_id)) as fired:
        answer = _api_claim(rapp, token)
    assert fired == ["fired", True]
    assert answer.status_code == 401 and answer.json["error"]["field"] == "Authorization"
    assert rdb.zrange(queue.held_key("hanako"), 0, -1) == ["c-1"]
    assert {c["id"] for c in Moderator(rapp, "jiro").claim()} == {"c-2", "c-3"}


def test_a_token_claim_before_the_disable_is_released_by_it(rapp, accounts, rdb, prefix):
    """The other order: a claim that finished before the disable is given back by the disable itself."""
    token = ModeratorTokens(rdb, prefix).issue("hanako")[1]
    queue = held_comments(rdb, prefix, "c-1")
    assert [i["comment_id"] for i in _api_claim(rapp, token).json["items"]] == ["c-1"]
    accounts.queues = lambda: [queue]
    accounts.set_disabled("hanako", True)
    assert rdb.zcard(queue.held_key("hanako")) == 0
    assert _api_claim(rapp, token).status_code == 401
    assert [c["id"] for c in Moderator(rapp, "jiro").claim()] == ["c-1"]


def test_a_claim_between_the_logouts_end_and_its_release_leases_nothing(rapp, accounts, rdb, prefix):
    """Logout ends the session, then gives back what the account holds. A claim landing between the two steps finds
    the session ended. In the other order (release, then end) that claim found the session live, leased, passed its
    own check and kept both cards for the lease (300 s) after the moderator had logged out."""
    hanako = Moderator(rapp, "hanako")
    queue = held_comments(rdb, prefix, "c-1", "c-2")
    other_tab = rapp.test_client()
    other_tab.set_cookie("moderation_session", hanako.client.get_cookie("moderation_session").value)

    @own_thread
    def claim():
        return other_tab.post("/review/api/claim", json={"site": "test", "n": 5}, headers={"X-CSRF-Token": hanako.csrf})

    with after_first_command_on(rapp.extensions["moderation.redis"], queue.held_key("hanako"), claim) as fired:
        assert hanako.form("/logout").status_code == 302
    assert fired[0] == "fired" and fired[1].status_code == 401 and fired[1].json["error"]["field"] == "session"
    assert rdb.zcard(queue.held_key("hanako")) == 0 and rdb.zcard(queue.key("claims")) == 0
    assert {c["id"] for c in Moderator(rapp, "jiro").claim()} == {"c-1", "c-2"}


def test_a_revoke_after_a_token_claim_gives_back_what_that_token_took(rapp, accounts, rdb, prefix):
    """A revoke that lands after the token's claim finished: the cards it took stayed leased to the account for the
    lease (300 s) with nobody left to decide them. Now the revoke gives back what that token took, at once; the page's
    card and another token's claim stay the account's."""
    from moderation.store.moderator_tokens import get_tokens

    tokens = ModeratorTokens(rdb, prefix)
    (token_id, token), (_, other) = tokens.issue("hanako"), tokens.issue("hanako")
    queue = held_comments(rdb, prefix, "c-1")
    assert [c["id"] for c in Moderator(rapp, "hanako").claim(n=1)] == ["c-1"]  # the page's card
    held_comments(rdb, prefix, "c-2", "c-3")
    # the account's live claims come first: the token's answer lists the page's card, but the token took c-2, c-3
    assert {i["comment_id"] for i in _api_claim(rapp, token, n=3).json["items"]} == {"c-1", "c-2", "c-3"}
    held_comments(rdb, prefix, "c-4")
    assert "c-4" in {i["comment_id"] for i in _api_claim(rapp, other, n=4).json["items"]}
    with rapp.app_context():
        assert get_tokens().revoke("hanako", token_id)
    assert set(rdb.zrange(queue.held_key("hanako"), 0, -1)) == {"c-1", "c-4"}
    assert queue.get("c-1")["queue_state"] == "claimed" and queue.get("c-2")["queue_state"] == "ready"
    assert {c["id"] for c in Moderator(rapp, "jiro").claim()} == {"c-2", "c-3"}  # at once, not in 5 minutes
    assert _api_claim(rapp, token).status_code == 401 and _api_claim(rapp, other).status_code == 200


def test_revoke_all_counts_the_live_tokens_only(rdb, prefix, accounts):
    """`token revoke NAME --all` said "revoked 1 token(s)" after the one token had been revoked by its id: the
    revoked id stays listed a day (so a retried revoke is answered as done), and it was counted again."""
    tokens = ModeratorTokens(rdb, prefix)
    first = tokens.issue("hanako")[0]
    tokens.issue("hanako")
    assert tokens.revoke("hanako", first)
    assert tokens.revoke_all("hanako") == 1 and tokens.revoke_all("hanako") == 0


@pytest.mark.slow  # waits for a token to run out: one to two seconds
def test_a_token_that_runs_out_gives_back_what_it_took(rapp, accounts, rdb, prefix):
    """A token issued for a time (`token --days`) that runs out: the cards it claimed stayed leased to the account for
    the lease (300 s) with no tool left to decide them. Now their lease ends with the token, however the token renews
    them, so the next claim gives them back; the page's own card stays, and so does the one the page renewed (it
    adopted it: a moderator reviewing it there lost it mid-review at the token's end)."""
    hanako, jiro = Moderator(rapp, "hanako"), Moderator(rapp, "jiro")
    queue = held_comments(rdb, prefix, "c-1")
    assert [c["id"] for c in hanako.claim(n=1)] == ["c-1"]  # the page's card
    held_comments(rdb, prefix, "c-2", "c-3", "c-4")
    tokens = ModeratorTokens(rdb, prefix)
    _, token = tokens.issue("hanako", ttl_days=2 / 86400)  # runs out at a whole second, one to two seconds from now
    ends_ms = tokens.list("hanako")[0]["expires_at"] * 1000
    leases = {i["comment_id"]: i["lease_until"] for i in _api_claim(rapp, token, n=4).json["items"]}
    assert leases["c-2"] == leases["c-3"] == leases["c-4"] == times.iso(ends_ms) < leases["c-1"]
    renewed = {i["comment_id"]: i["lease_until"] for i in _api_claim(rapp, token, n=4).json["items"]}
    assert renewed["c-2"] == renewed["c-3"] == renewed["c-4"] == times.iso(ends_ms)  # the token's renewal: capped
    # the page renews the two its claim reads first (the earliest leases: c-2, c-3) and adopts them
    assert {c["id"] for c in hanako.claim(n=2)} == {"c-2", "c-3"}
    while (lambda sec, usec: sec * 1000 + usec // 1000)(*rdb.time()) <= ends_ms:
        time.sleep(0.05)
    assert _api_claim(rapp, token).status_code == 401
    assert {c["id"] for c in jiro.claim()} == {"c-4"}  # at the token's end, not 5 minutes after its last use
    assert set(rdb.zrange(queue.held_key("hanako"), 0, -1)) == {"c-1", "c-2", "c-3"}
    assert {c["id"] for c in hanako.claim(n=4)} == {"c-1", "c-2", "c-3"}


def test_a_card_the_page_renews_is_the_pages_not_the_tokens(rapp, accounts, rdb, prefix):
    """The second read of 748bf90: a card a token took kept the token's mark and end when the account's review page
    renewed it, so the token's end (or revoke) took it from the page while the moderator reviewed it there. The page
    that renews a card adopts it: leased for the page's lease, past the token's end, and a revoke leaves it; the
    token's later renewal of it is a renewal of the page's card, as of any card the page claimed (not capped)."""
    from moderation.store.moderator_tokens import get_tokens

    hanako, jiro = Moderator(rapp, "hanako"), Moderator(rapp, "jiro")
    queue = held_comments(rdb, prefix, "c-1", "c-2")
    tokens = ModeratorTokens(rdb, prefix)
    token_id, token = tokens.issue("hanako", ttl_days=60 / 86400)  # runs out in a minute; the lease is 300 s
    ends_ms = tokens.list("hanako")[0]["expires_at"] * 1000
    assert {i["comment_id"] for i in _api_claim(rapp, token, n=2).json["items"]} == {"c-1", "c-2"}
    assert int(queue.get("c-1")["lease_until"]) == ends_ms
    assert {c["id"] for c in hanako.claim(n=1)} == {"c-1"}  # the page renews one of them
    assert int(queue.get("c-1")["lease_until"]) > ends_ms and "claimed_via" not in queue.get("c-1")
    assert int(queue.get("c-2")["lease_until"]) == ends_ms and queue.get("c-2")["claimed_via"] == token_id
    # the token renewing the page's card again leaves it the page's: capped, it would go at the token's end after all
    renewed = {i["comment_id"]: i["lease_until"] for i in _api_claim(rapp, token, n=2).json["items"]}
    assert renewed["c-2"] == times.iso(ends_ms) < renewed["c-1"] and "claimed_via" not in queue.get("c-1")
    with rapp.app_context():
        assert get_tokens().revoke("hanako", token_id)
    assert rdb.zrange(queue.held_key("hanako"), 0, -1) == ["c-1"]
    assert {c["id"] for c in jiro.claim()} == {"c-2"}
    assert {c["id"] for c in hanako.claim(n=2)} == {"c-1"}
