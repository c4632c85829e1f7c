"""Receipt mails waiting in the outbox (rq:receipts) were visible nowhere: with no worker running, requesters got no
receipt and operators could not tell. `queue stats`, the admin page and /metrics now show how many wait, how many
are due, and how long the longest-due one has waited; the admin page warns after STALLED_SECONDS (a worker looks
every 2 s). Real Redis, a real mail server (aiosmtpd) and the real worker pass that empties it."""

import json
import re
from datetime import UTC, datetime

import pytest

from moderation.integrations.outbox_worker import run_worker
from moderation.rights.receipts import STALLED_SECONDS
from tests.support.app import METRICS_TOKEN, cli_env
from tests.support.browser import needs_chromium, watched_page
from tests.support.moderators import MODERATOR_PASSWORD
from tests.test_requests import FakeClock, Mailbox, file, post_comment, request_body, with_clock
from tests.test_requests import mailbox as mailbox


def scrape(client):
    text = client.get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}).text
    return {(name, site): float(value) for name, site, value in
            re.findall(r'^(moderation_request_receipts_\w+)\{site="(\w+)"\} (\S+)$', text, re.M)}


def receipts_section(page):
    return page.split('id="receipts"')[1].split("</section>")[0]


@pytest.mark.slow  # 3-5 s: waits on a real worker's passes or scans every pattern; CI runs it
def test_receipts_a_stopped_worker_leaves_are_counted_timed_and_warned_of_until_mailed(
        make_app, mailbox, comment, login, redis_server, prefix, tmp_path, cli_forks):
    clock = FakeClock(datetime(2026, 11, 2, 1, 0, tzinfo=UTC).timestamp())
    app = with_clock(make_app(SMTP_URL=mailbox.url, RATE_LIMITS="", METRICS_TOKEN=METRICS_TOKEN), clock)
    client = app.test_client()
    held = post_comment(client, comment)
    assert scrape(client)[("moderation_request_receipts_waiting", "test")] == 0
    first = file(client, request_body([held])).json["id"]
    clock.now += 30
    file(client, request_body(["c-2025-0001"]))
    clock.now += STALLED_SECONDS - 30  # no worker ran: the first receipt is due since STALLED_SECONDS

    metrics = scrape(client)
    assert metrics[("moderation_request_receipts_waiting", "test")] == 2
    assert metrics[("moderation_request_receipts_oldest_due_seconds", "test")] == STALLED_SECONDS
    assert metrics[("moderation_request_receipts_waiting", "other")] == 0  # every site has its series

    taro = login(app, "taro")
    section = receipts_section(taro.get("/review/admin/model").text)
    row = section.split('data-site="test"')[1].split("</tr>")[0]
    assert re.findall(r"<td[^>]*>([^<]*)</td>", row) == ["test", "2", "2", "5分0秒"], row
    assert 'id="receipts-stalled"' in section and "python -m moderation worker" in section
    english = receipts_section(taro.get("/review/admin/model?lang=en").text)
    assert "Receipt mails have waited 5 min 0 s" in english

    # the CLI, a process of its own reading the same Redis at the real time (months after the fake filing)
    env = cli_env(redis_server, prefix, tmp_path)
    out = cli_forks.run(["queue", "stats", "--site", "test"], env=env, check=True).stdout
    stats = json.loads(out)["test"]["receipts"]
    assert (stats["waiting"], stats["due"], stats["stalled"]) == (2, 2, True)
    assert stats["oldest_due_seconds"] > 86_400  # the filing's fake clock is a month before the real one

    run_worker(app, once=True)  # the worker's pass mails both and empties the outbox
    assert len(mailbox.messages) == 2 and first in mailbox.messages[0][2]["Subject"]
    metrics = scrape(client)
    assert metrics[("moderation_request_receipts_waiting", "test")] == 0
    assert metrics[("moderation_request_receipts_oldest_due_seconds", "test")] == 0
    section = receipts_section(taro.get("/review/admin/model").text)
    assert 'id="receipts-stalled"' not in section
    stats = json.loads(cli_forks.run(["queue", "stats", "--site", "test"], env=env, check=True).stdout)["test"][
        "receipts"]
    assert {k: stats[k] for k in ("waiting", "due", "oldest_due_seconds", "stalled")} == {
        "waiting": 0, "due": 0, "oldest_due_seconds": 0, "stalled": False}


def test_a_receipt_waiting_for_its_retry_is_waiting_but_not_due(make_app, comment):
    """After a failed try the receipt's time is its next try: counted as waiting, not as due (a worker is at it)."""
    clock = FakeClock(datetime(2026, 11, 2, 1, 0, tzinfo=UTC).timestamp())
    box = Mailbox()  # its port is chosen, nothing listens on it: the try is refused
    app = with_clock(make_app(SMTP_URL=box.url, SMTP_TIMEOUT=2, RATE_LIMITS="", METRICS_TOKEN=METRICS_TOKEN), clock)
    client = app.test_client()
    file(client, request_body(["c-2025-0001"]))
    clock.now += 10
    assert scrape(client)[("moderation_request_receipts_oldest_due_seconds", "test")] == 10
    run_worker(app, once=True)  # refused: tried again in a minute
    metrics = scrape(client)
    assert metrics[("moderation_request_receipts_waiting", "test")] == 1
    assert metrics[("moderation_request_receipts_oldest_due_seconds", "test")] == 0


@pytest.mark.slow
@pytest.mark.browser
@needs_chromium
def test_chromium_shows_the_admin_the_stalled_receipts(browser, live_server, mailbox, comment, accounts):
    from tests.support.browser import shot_folder

    base, app = live_server(SMTP_URL=mailbox.url, RATE_LIMITS="")
    clock = with_clock(app, FakeClock(datetime(2026, 11, 2, 1, 0, tzinfo=UTC).timestamp())).extensions[
        "moderation.clock"]
    file(app.test_client(), request_body(["c-2025-0001"]))
    clock.now += STALLED_SECONDS + 61
    page, problems = watched_page(browser, f"{base}/review/admin/model")
    page.fill('input[name="username"]', "taro")
    page.fill('input[name="password"]', MODERATOR_PASSWORD)
    page.press('input[name="password"]', "Enter")
    page.wait_for_url(f"{base}/review/admin/model")
    warning = page.locator("#receipts-stalled")
    assert warning.is_visible() and "6分1秒" in warning.inner_text()
    assert page.locator('#receipts tr[data-site="test"] td').all_inner_texts() == ["test", "1", "1", "6分1秒"]
    page.locator("#receipts").screenshot(path=str(shot_folder() / "admin-receipts-stalled.png"))
    assert problems == []
    page.context.close()
