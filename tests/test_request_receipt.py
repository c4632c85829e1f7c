"""The public receipt page (/requests/<number>) is limited per client address, found or not (RECEIPT_RATE_LIMIT)."""

import pytest

from tests.support.monitor import round_trips
from tests.support.targets import seed_targets
from tests.support.windows import fresh_window


@pytest.mark.slow  # 3-5 s: waits on a real worker's passes or scans every pattern; CI runs it
def test_receipts_are_limited_per_address_before_any_lookup(make_app, rdb, prefix):
    """A receipt number is R-<day>-<8 random characters>: without a limit one address could try numbers of a known
    day as fast as the workers answer (before: no limit at all). Misses count too; the refusal is the limiter's one
    round trip, never a lookup of the request; another address keeps its own allowance."""
    app = make_app(RECEIPT_RATE_LIMIT="3/3600", RATE_LIMITS="")
    _, _, request_id, _ = seed_targets(app, rdb, prefix, "rcpt")
    client = app.test_client()
    fresh_window()
    pages = [client.get(f"/requests/{path}?site=test") for path in (request_id, "R-20261202-AAAAAAAA",
                                                                       "R-20261202-BBBBBBBB")]
    assert [page.status_code for page in pages] == [200, 404, 404]
    refused, sent = round_trips(rdb, lambda: client.get(f"/requests/{request_id}?site=test"))
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1, refused.text
    assert "<html" in refused.text and "しばらくしてから" in refused.text and 'id="request-id"' not in refused.text
    assert sent == ["EVALSHA"], sent  # the limiter's script alone: the request is not read
    english = client.get(f"/requests/{request_id}?site=test&lang=en")
    assert english.status_code == 429 and "Too many requests" in english.text
    other = client.get(f"/requests/{request_id}?site=test", environ_base={"REMOTE_ADDR": "192.0.2.8"})
    assert other.status_code == 200 and request_id in other.text


def test_the_receipt_limit_is_a_setting_that_can_be_turned_off(make_app, rdb, prefix):
    app = make_app(RECEIPT_RATE_LIMIT="", RATE_LIMITS="")
    _, _, request_id, _ = seed_targets(app, rdb, prefix, "rcpt-off")
    client = app.test_client()
    assert {client.get(f"/requests/{request_id}?site=test").status_code for _ in range(40)} == {200}
    assert app.extensions["moderation.settings"].receipt_rate_limit == {}
    assert make_app(RATE_LIMITS="").extensions["moderation.settings"].receipt_rate_limit == {"ip": (30, 60)}
