"""README, Scaling out: "The service keeps no state of its own: sessions, rate limits, claims, model pins and webhook
jobs all live in Redis. Run N instances ... all with the same MODERATION_REDIS_URL and MODERATION_SECRET_KEY". Rate
limits (test_ratelimit.py), model pins (test_model_switch_gunicorn.py) and webhook jobs (test_outbox_workers.py) were
shown across instances; a moderator's session and claims were not (audit s39)."""

import pytest

from tests.support.moderators import Moderator, held_comments


def _with_cookie(app, cookie):
    client = app.test_client()
    client.set_cookie("moderation_session", cookie)
    return client


@pytest.mark.slow  # three app instances, four logins: 3-4 s
def test_a_moderators_session_and_claims_are_every_instances(make_app, accounts, rdb, prefix, thresholds):
    """Two app instances on one Redis with one secret key: a login on one serves on the other, a claim made on one
    is leased on the other, a decision goes through either, a logout on one ends the session on both; an instance
    with another secret key does not take the cookie."""
    first, second = (make_app(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="") for _ in range(2))
    assert first is not second and first.secret_key == second.secret_key
    held_comments(rdb, prefix, "c-1", "c-2")
    hanako = Moderator(first, "hanako")
    cookie = hanako.client.get_cookie("moderation_session").value
    elsewhere = _with_cookie(second, cookie)
    assert elsewhere.get("/review").status_code == 200
    [mine] = [card["id"] for card in hanako.claim(n=1)]
    assert [card["id"] for card in Moderator(second, "jiro").claim(n=5)] == sorted({"c-1", "c-2"} - {mine})
    decided = elsewhere.post("/review/api/decide", json={"site": "test", "id": mine, "action": "approve", "reason": ""},
                             headers={"X-CSRF-Token": hanako.csrf})
    assert decided.status_code == 200, decided.text
    assert hanako.form("/logout").status_code == 302
    assert elsewhere.get("/review").status_code == 302  # to the login page
    other_key = make_app(THRESHOLDS=thresholds.flag_all, RATE_LIMITS="", SECRET_KEY="k" * 32)
    jiro_cookie = Moderator(second, "jiro").client.get_cookie("moderation_session").value
    assert _with_cookie(second, jiro_cookie).get("/review").status_code == 200
    assert _with_cookie(other_key, jiro_cookie).get("/review").status_code == 302
