"""Moderators' sessions against what ends them: a logout landing inside a claim, and sessions written before the
password stamp (846278a). The other request's whole step is forced between ours' read and write on the real Redis
(tests/support/interleave.py)."""

import pytest

from tests.support.interleave import after_first_command_on
from tests.support.moderators import Moderator, held_comments


@pytest.fixture
def rapp(make_app, thresholds):
    return make_app(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="")


def _session_key(rdb, prefix):
    [key] = rdb.keys(f"{prefix}session:*")
    return key


def test_a_logout_landing_inside_a_claim_leaves_nothing_leased(rapp, accounts, rdb, prefix):
    """The claim checked the session, the logout (another tab) released what the account held and ended the session,
    then the claim leased cards to a moderator no longer logged in: nobody else could take them for the lease
    (300 s). Now the claim looks at its session again after leasing and gives them back."""
    hanako = Moderator(rapp, "hanako")
    queue = held_comments(rdb, prefix, "c-1", "c-2")
    other_tab = rapp.test_client()
    other_tab.set_cookie("moderation_session", hanako.client.get_cookie("moderation_session").value)

    def logout():
        return other_tab.post("/logout", data={"csrf_token": hanako.csrf}).status_code

    with after_first_command_on(rapp.extensions["moderation.redis"], _session_key(rdb, prefix), logout) as fired:
        answer = hanako.post("/review/api/claim", {"n": 5})
    assert fired == ["fired", 302]
    assert answer.status_code == 401 and answer.json["error"]["field"] == "session"
    assert rdb.zcard(queue.held_key("hanako")) == 0 and rdb.zcard(queue.key("claims")) == 0
    assert {c["id"] for c in Moderator(rapp, "jiro").claim()} == {"c-1", "c-2"}  # at once, not in 5 minutes


def test_a_claim_before_the_logout_is_released_by_it(rapp, accounts, rdb, prefix):
    """The usual order still works: what the page claimed goes back when it logs out."""
    hanako = Moderator(rapp, "hanako")
    queue = held_comments(rdb, prefix, "c-1")
    assert [c["id"] for c in hanako.claim()] == ["c-1"]
    assert hanako.form("/logout").status_code == 302
    assert rdb.zcard(queue.held_key("hanako")) == 0
    assert [c["id"] for c in Moderator(rapp, "jiro").claim()] == ["c-1"]


def test_a_session_from_before_password_stamps_asks_for_one_login(rapp, accounts, rdb, prefix):
    """Sessions started before 846278a carry no password stamp, so a reset that raced their login could not be told
    from a good one: on upgrade each counts as logged out (one login), as a stale stamp does."""
    hanako = Moderator(rapp, "hanako")
    assert hanako.get("/review").status_code == 200
    key = _session_key(rdb, prefix)
    assert rdb.hdel(key, "stamp") == 1  # as the code before 846278a wrote it: name and ip only
    assert sorted(rdb.hgetall(key)) == ["ip", "name"]
    page = hanako.get("/review")
    assert page.status_code == 302 and page.headers["Location"].startswith("/login")
    assert hanako.post("/review/api/claim", {}).status_code == 401
    again = Moderator(rapp, "hanako")  # the one login: a session with its stamp
    assert again.get("/review").status_code == 200
