"""Who did it, in the moderator's language, in a real headless Chromium (ja-JP): what the service did itself (queued a
comment, rejected one automatically) is stored as by "system", and the history's 担当 column and a removal request's
comment history showed that English word (audit s40: 審査キューへ · system)."""

import pytest

from tests.support.app import API_KEY
from tests.support.browser import needs_chromium
from tests.support.thresholds import FLAG_ALL, REJECT_ALL
from tests.test_review_browser import logged_in_page

pytestmark = [pytest.mark.slow, pytest.mark.browser, needs_chromium]
AUTH = {"Authorization": f"Bearer {API_KEY}"}


def test_what_the_service_did_itself_reads_as_automatic_not_system(browser, live_server, accounts, comment):
    base, app = live_server(THRESHOLDS=REJECT_ALL, RATE_LIMITS="")
    api = app.test_client()
    rejected = comment("副業で月収100万円！今すぐLINE追加してね ID:abc123")
    assert api.post("/api/v1/comments", json=rejected, headers=AUTH).json["decision"] == "reject"
    manager = app.extensions["moderation.models"]
    with app.app_context():
        manager.registry.set_thresholds(FLAG_ALL, by="test")
        assert manager.refresh()
    held = comment("この店主は客を騙している詐欺師だ。")
    assert api.post("/api/v1/comments", json=held, headers=AUTH).json["decision"] == "review"
    filed = api.post("/api/v1/requests", headers=AUTH, json={
        "requester": {"name": "山田 花子", "email": "hanako@example.jp", "relation": "self"},
        "comments": [held["id"]], "right": "reputation", "explanation": "根拠なく詐欺師と書かれています。"})
    assert filed.status_code == 201, filed.text
    page = logged_in_page(browser, base, "taro")
    page.goto(f"{base}/review/history")
    row = page.locator(f'tr[data-comment-id="{rejected["id"]}"]')
    assert row.locator("td").nth(1).inner_text() == "自動"
    page.goto(f"{base}/review/requests/{filed.json['id']}")
    assert "審査キューへ · 自動" in page.locator(".comment-history").inner_text()
    for path in ("/review/history", f"/review/search?q={rejected['id']}", f"/review/requests/{filed.json['id']}"):
        page.goto(f"{base}{path}")
        assert "system" not in page.inner_text("main"), path
    page.context.close()
