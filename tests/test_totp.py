"""TOTP second factor for moderator logins: enabled from the command line, asked for after the right password,
codes generated here with pyotp exactly as an authenticator app does."""

import re
import time

import pyotp
import pytest

from tests.support.app import cli_env
from tests.support.browser import needs_chromium, watched_page
from tests.support.moderators import MODERATOR_PASSWORD, csrf_of


@pytest.fixture
def enable(redis_server, prefix, tmp_path, cli_forks):
    """`python -m moderation moderator totp enable|disable NAME` in a real process: its standard output."""

    def run(name, action="enable"):
        result = cli_forks.run(["moderator", "totp", action, name], env=cli_env(redis_server, prefix, tmp_path))
        assert result.returncode == 0, result.stderr
        return result.stdout

    return run


def password_step(client, name, password=MODERATOR_PASSWORD):
    page = client.get("/login")
    return client.post("/login", data={"username": name, "password": password, "csrf_token": csrf_of(page.text)})


def code_step(client, page, code):
    return client.post("/login", data={"step": "code", "code": code, "csrf_token": csrf_of(page.text)})


@pytest.mark.slow
def test_an_admin_with_totp_needs_the_code_after_the_password(make_app, accounts, enable):
    out = enable("taro")
    secret = re.search(r": ([A-Z2-7]{32})$", out.splitlines()[0]).group(1)
    assert f"otpauth://totp/moderation:taro?secret={secret}" in out
    totp = pyotp.TOTP(secret)
    client = make_app().test_client()
    asked = password_step(client, "taro")
    assert asked.status_code == 200 and 'name="code"' in asked.text and 'autocomplete="one-time-code"' in asked.text
    assert client.get("/review").status_code == 302  # no session yet
    wrong = code_step(client, asked, "000000" if totp.now() != "000000" else "111111")
    assert wrong.status_code == 401 and 'name="code"' in wrong.text
    assert client.get("/review").status_code == 302
    code = totp.now()
    good = code_step(client, wrong, code)
    assert good.status_code == 302 and client.get("/review").status_code == 200
    # the same code cannot be used twice, even from another browser with the password
    other = make_app().test_client()
    replay = code_step(other, password_step(other, "taro"), code)
    assert replay.status_code == 401 and other.get("/review").status_code == 302
    # the code alone, without the password step first, is not a login
    fresh = make_app().test_client()
    alone = code_step(fresh, fresh.get("/login"), totp.now())
    assert alone.status_code == 401 and fresh.get("/review").status_code == 302


@pytest.mark.slow
def test_without_totp_the_password_is_enough_and_disable_turns_it_off(make_app, accounts, enable):
    client = make_app().test_client()
    assert password_step(client, "hanako").status_code == 302
    enable("jiro")
    assert password_step(make_app().test_client(), "jiro").status_code == 200  # asks for the code
    enable("jiro", action="disable")
    assert password_step(make_app().test_client(), "jiro").status_code == 302
    assert accounts.get("jiro")["totp"] is False


@pytest.mark.slow
def test_wrong_codes_are_throttled_like_passwords(make_app, accounts, enable):
    enable("taro")
    client = make_app(LOGIN_MAX_FAILURES_ACCOUNT=3).test_client()
    page = password_step(client, "taro")
    statuses = []
    for _ in range(4):
        page = code_step(client, page, "123456")
        statuses.append(page.status_code)
        if page.status_code == 429:
            page = client.get("/login")
    assert statuses[-1] == 429 and statuses.count(401) >= 2


def test_a_code_is_accepted_within_one_step_of_clock_drift_and_once(accounts):
    """README: a code is accepted once, within one 30 s step of clock drift either way, not two."""
    totp = pyotp.TOTP(accounts.enable_totp("taro"))
    now = 1_800_000_015.0  # the middle of a step: the steps either side are 15 s away
    step = int(now // 30)
    assert not accounts.verify_totp("taro", totp.at((step - 2) * 30), now=now)
    assert not accounts.verify_totp("taro", totp.at((step + 2) * 30), now=now)
    assert accounts.verify_totp("taro", totp.at((step - 1) * 30), now=now)
    assert not accounts.verify_totp("taro", totp.at((step - 1) * 30), now=now)  # once
    assert accounts.verify_totp("taro", totp.at((step + 1) * 30), now=now)
    assert not accounts.verify_totp("taro", totp.at(step * 30), now=now)  # older than the last one used


@pytest.mark.slow
@pytest.mark.browser
@needs_chromium
def test_the_login_page_asks_for_the_code_in_chromium(browser, live_server, accounts, tmp_path):
    secret = accounts.enable_totp("taro")
    base, _ = live_server()
    page, problems = watched_page(browser, f"{base}/login")
    page.fill("#username", "taro")
    page.fill("#password", MODERATOR_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#code")
    assert "認証アプリ" in page.inner_text("body")
    page.screenshot(path=str(tmp_path / "login-code.png"))
    page.fill("#code", pyotp.TOTP(secret).now())
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/review")
    assert problems == []
    page.context.close()


def _wrong_code(totp):
    """A code no step near now gives (the check accepts one step of drift either way)."""
    step = int(time.time() // 30)
    near = {totp.at((step + drift) * 30) for drift in (-1, 0, 1, 2)}
    return next(code for code in ("000000", "111111", "222222", "333333", "444444") if code not in near)


def _from(address):
    return {"environ_base": {"REMOTE_ADDR": address}}


def test_codes_tried_from_many_addresses_wait_out_the_accounts_code_delay(make_app, accounts):
    """Whoever has the password gets the code step's cookie, which works from any address; an address's first
    attempt on an account was never delayed (so guesses elsewhere never keep the owner's password out), so each
    address of a botnet had a free code guess: 10 of 10 wrong codes from 10 addresses were checked on main's code
    with LOGIN_MAX_FAILURES_ACCOUNT=3. Codes now have the account's own backoff, waited out from every address:
    3 checked, then 429. A right code ends it; wrong passwords from anywhere do not touch it."""
    totp = pyotp.TOTP(accounts.enable_totp("taro"))
    app = make_app(LOGIN_MAX_FAILURES_ACCOUNT=3)
    for n in range(6):  # a password spray from fresh addresses: it does not delay the owner's code
        sprayer = app.test_client()
        page = sprayer.get("/login", **_from(f"203.0.113.{n + 1}"))
        wrong = sprayer.post("/login", data={"username": "taro", "password": "wrong-password-0000",
                                             "csrf_token": csrf_of(page.text)}, **_from(f"203.0.113.{n + 1}"))
        assert wrong.status_code == 401
    owner = app.test_client()
    assert code_step(owner, password_step(owner, "taro"), totp.now()).status_code == 302
    client = app.test_client()
    page = password_step(client, "taro")
    statuses = []
    for n in range(10):
        page = client.post("/login", data={"step": "code", "code": _wrong_code(totp), "csrf_token": csrf_of(page.text)},
                           **_from(f"198.51.100.{n + 1}"))
        statuses.append(page.status_code)
    # the third wrong code sets a 2 s delay: a loaded machine may let one more through after it, never more
    assert statuses[:4] == [401, 401, 401, 429] and statuses.count(401) <= 4, statuses


def test_a_new_password_ends_a_login_waiting_for_its_code(make_app, accounts):
    """README: a new password ends every session of the account (whoever knew the old one is logged out); a login
    that had the old password right and waits for its code ends with them (before: the code still logged it in,
    within the 300 s the step is kept in its cookie). The code is not used up by the refused attempt."""
    totp = pyotp.TOTP(accounts.enable_totp("taro"))
    app = make_app()
    client = app.test_client()
    asked = password_step(client, "taro")
    accounts.reset_password("taro", "a-brand-new-password-42")
    code = totp.now()
    assert code_step(client, asked, code).status_code == 401 and client.get("/review").status_code == 302
    owner = app.test_client()
    assert code_step(owner, password_step(owner, "taro", "a-brand-new-password-42"), code).status_code == 302


def test_a_new_password_ends_the_code_delay_its_leaker_ran_up(make_app, accounts):
    """Whoever has the password can run up the account's code delay with wrong codes and keep the owner's right
    code out (429) until it ends (up to LOGIN_WINDOW_SECONDS); the admin's answer, a new password, ends it with the
    leaked password's sessions (before: the owner with the new password still met 429)."""
    totp = pyotp.TOTP(accounts.enable_totp("taro"))
    app = make_app(LOGIN_MAX_FAILURES_ACCOUNT=3)
    leaker = app.test_client()
    page = password_step(leaker, "taro")
    for n in range(4):
        page = leaker.post("/login", data={"step": "code", "code": _wrong_code(totp), "csrf_token": csrf_of(page.text)},
                           **_from(f"198.51.100.{n + 1}"))
    assert page.status_code == 429
    accounts.reset_password("taro", "a-brand-new-password-42")
    owner = app.test_client()
    assert code_step(owner, password_step(owner, "taro", "a-brand-new-password-42"), totp.now()).status_code == 302


def test_a_login_reads_the_account_once_a_step(make_app, accounts, rdb):
    """The password step reads the account (and its password's stamp) in one HGETALL, the code step in one HGETALL
    and the one HGET of the TOTP secret (before: each step read the stamp again with an HGET of its own)."""
    from tests.support.monitor import round_trips

    totp = pyotp.TOTP(accounts.enable_totp("taro"))
    client = make_app().test_client()
    page = client.get("/login")
    asked, sent = round_trips(rdb, lambda: client.post("/login", data={
        "username": "taro", "password": MODERATOR_PASSWORD, "csrf_token": csrf_of(page.text)}))
    assert asked.status_code == 200 and 'name="code"' in asked.text
    assert (sent.count("HGETALL"), sent.count("HGET")) == (1, 0), sent
    done, sent = round_trips(rdb, lambda: code_step(client, asked, totp.now()))
    assert done.status_code == 302 and client.get("/review").status_code == 200
    assert (sent.count("HGETALL"), sent.count("HGET")) == (1, 1), sent


def test_only_the_login_throttle_names_its_keys():
    """store/: one class per structure owns its keys; Moderators.reset_password ends the code delay through
    LoginThrottle.end_code_delay (before: it deleted the throttle's key itself)."""
    from moderation import PROJECT_ROOT

    users = {path.relative_to(PROJECT_ROOT).as_posix() for path in (PROJECT_ROOT / "moderation").rglob("*.py")
             for name in ("login_code_backoff(", "login_backoff(", "login_failures_")
             if name in path.read_text(encoding="utf-8")}
    assert users == {"moderation/store/keys.py", "moderation/store/login_throttle.py"}
