"""The admins' threshold and model pages in a real headless Chromium (Debian's /usr/bin/chromium) via Playwright.

Same live-server fixture and launch flags as tests/test_review_browser.py; skipped without Chromium.
"""

import json
import os
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from moderation.scoring.scorer import CATEGORIES
from moderation.store.moderators import Moderators
from tests.support.app import API_KEY
from tests.support.browser import needs_chromium, watched_page

PASSWORD = "correct-horse-1"
AUTH = {"Authorization": f"Bearer {API_KEY}"}
SPAM = ["副業で月収100万円！今すぐLINE追加してね", "簡単に稼げる方法はこちら http://bit.ly/abc 今すぐ登録",
        "無料でプレゼント！LINE ID: money777 まで連絡ください"]
HAM = ["今日の記事はとても参考になりました。", "地元の祭りの話、懐かしく読みました。", "続報を楽しみにしています。"]
ABUSE = ["お前みたいなバカは消えろ", "ふざけるな、死ね"]

pytestmark = [pytest.mark.slow, pytest.mark.browser, needs_chromium]


def csrf_of(html):
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


@pytest.fixture
def site(live_server, rdb, prefix, comment, thresholds):
    """(base url, app): a live app whose queue holds comments the admin has decided (so the curves have data)."""
    hour = datetime.now(ZoneInfo("Asia/Tokyo")).hour  # quiet hours from an hour ago to two hours ahead
    quiet = {"start": f"{(hour - 1) % 24:02d}:00", "end": f"{(hour + 2) % 24:02d}:00", "tz": "Asia/Tokyo"}
    every = {**thresholds.flag_all, **{name: {"review": 0.0, "reject": 1.01} for name in CATEGORIES}}
    base, app = live_server(THRESHOLDS=every, RATE_LIMITS="", API_KEYS=f"test:{API_KEY}",  # all queued, none rejected
                            QUIET_HOURS=json.dumps(quiet))
    Moderators(rdb, prefix).add("taro", PASSWORD, "admin")
    api, admin = app.test_client(), app.test_client()
    admin.post("/login", data={"username": "taro", "password": PASSWORD,
                               "csrf_token": csrf_of(admin.get("/login").text)})
    token = csrf_of(admin.get("/review/history").text)
    for texts, action, reason in ((SPAM * 3, "reject", "spam"), (HAM * 3, "approve", ""),
                                  (ABUSE * 2, "reject", "abuse")):
        for text in texts:
            body = comment(text)
            assert api.post("/api/v1/comments", json=body, headers=AUTH).status_code == 200
            response = admin.post("/review/api/decide", headers={"X-CSRF-Token": token},
                                  json={"site": "test", "id": body["id"], "action": action, "reason": reason})
            assert response.status_code == 200, response.text
    return base, app


def admin_page(browser, base, path, locale="ja-JP"):
    page, problems = watched_page(browser, f"{base}{path}", locale=locale, width=1100, height=900)
    assert "/login" in page.url
    page.fill('input[name="username"]', "taro")
    page.fill('input[name="password"]', PASSWORD)
    page.press('input[name="password"]', "Enter")
    page.wait_for_url(f"{base}{path}")
    return page, problems


def test_threshold_page_renders_its_charts_in_chromium(browser, site, tmp_path):
    base, app = site
    page, problems = admin_page(browser, base, "/review/admin/thresholds")
    for label in ("spam", "abuse"):
        chart = page.wait_for_selector(f'[data-label="{label}"] svg.threshold-chart')
        series = chart.eval_on_selector_all("path[data-series]", "els => els.map(e => e.dataset.series)")
        assert series == ["precision", "recall", "volume"]
        lengths = chart.eval_on_selector_all("path[data-series]", "els => els.map(e => e.getTotalLength())")
        assert all(length > 50 for length in lengths), lengths  # drawn lines, not empty paths
        box = chart.bounding_box()
        assert box["width"] > 400 and box["height"] > 150
    body = page.inner_text("body")
    for text in ("しきい値の調整", "適合率", "再現率", "読者からの通報だけに基づいて", "判定済み "):
        assert text in body
    assert page.is_visible('a[href="/review/admin/thresholds"][aria-current="page"]')
    banner = page.wait_for_selector("#quiet-banner")
    assert "夜間モード:" in banner.inner_text() and "(Asia/Tokyo) は審査基準を下げています" in banner.inner_text()
    assert "現在、夜間モードが有効です。" in body
    shot = tmp_path / "admin-thresholds.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000
    print(f"screenshot: {shot}")

    # save a new review threshold for spam: the page reloads with the notice and the value in effect
    form = page.locator('[data-label="spam"] form.threshold-form')
    form.locator('input[name="review"]').fill("0.4")
    form.locator('input[name="reject"]').fill("0.95")
    form.locator('button[type="submit"]').click()
    page.wait_for_selector(".notice-ok")
    assert "スパムのしきい値を保存しました(審査 0.4 / 自動却下 0.95)" in page.inner_text(".notice-ok")
    assert app.extensions["moderation.models"].policy_for("test").thresholds["spam"] == {"review": 0.4, "reject": 0.95}
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
    page.context.close()


def test_model_page_shadow_activate_and_a_refused_version_in_chromium(browser, live_server, rdb, prefix,
                                                                      two_models, tampered_version, tmp_path):
    root, (v1, sha1), (v2, _) = two_models
    base, app = live_server(MODEL_DIR=str(root), MODEL_VERSION=v1, MODEL_SHA256=sha1, MODEL_CHECK_SECONDS=3600,
                            RATE_LIMITS="", API_KEYS=f"test:{API_KEY}")
    Moderators(rdb, prefix).add("taro", PASSWORD, "admin")
    manager = app.extensions["moderation.models"]
    page, problems = admin_page(browser, base, "/review/admin/model?lang=en", locale="en-US")
    assert page.is_visible(f'tr[data-version="{v1}"] .badge-active')
    page.click(f'tr[data-version="{tampered_version}"] [data-action="activate"]')
    notice = page.wait_for_selector(".notice-error")
    assert "Refused:" in notice.inner_text() and "does not match SHA256" in notice.inner_text()
    assert manager.active.version == v1

    page.click(f'tr[data-version="{v2}"] [data-action="shadow"]')
    page.wait_for_selector(f'tr[data-version="{v2}"] .badge-shadow')
    assert manager.shadow.version == v2
    api = app.test_client()
    for text in ("副業で月収100万円！今すぐLINE追加してね", "今日の記事はとても参考になりました。") * 3:
        body = {"id": f"b-{os.urandom(4).hex()}", "article_id": "a-1", "text": text,
                "author": {"id": "r-1", "name": "読者"}}
        assert api.post("/api/v1/comments", json=body, headers=AUTH).status_code == 200
    page.reload()
    report = page.wait_for_selector(f'.shadow-report[data-version="{v2}"]')
    assert "6 compared" in report.inner_text()

    page.click(f'tr[data-version="{v2}"] [data-action="activate"]')
    page.wait_for_selector(f'tr[data-version="{v2}"] .badge-active')
    assert f"{v2} is now active." in page.inner_text(".notice-ok") and manager.active.version == v2
    assert manager.shadow is None and not page.is_visible(".badge-shadow")  # the shadow was promoted
    assert "6 compared" in page.inner_text(f'.shadow-report[data-version="{v2}"]')  # its report stays
    page.screenshot(path=str(tmp_path / "admin-model.png"), full_page=True)
    print(f"screenshot: {tmp_path / 'admin-model.png'}")
    page.click('#serving button[type="submit"]')  # roll back to v1
    page.wait_for_selector(f'tr[data-version="{v1}"] .badge-active')
    assert manager.active.version == v1
    assert not problems, problems
    page.context.close()



def test_a_category_threshold_changed_in_chromium_routes_the_next_comment_to_review(browser, live_server, rdb, prefix,
                                                                                     comment, thresholds, tmp_path):
    base, app = live_server(THRESHOLDS=thresholds.flag_none, RATE_LIMITS="", API_KEYS=f"test:{API_KEY}")
    Moderators(rdb, prefix).add("taro", PASSWORD, "admin")
    api, text = app.test_client(), "明日の会見の続報を待っています。"
    before = api.post("/api/v1/comments", json=comment(text, id="before"), headers=AUTH).json
    assert (before["decision"], before["labels"]) == ("allow", [])

    page, problems = admin_page(browser, base, "/review/admin/thresholds")
    row = page.locator('#categories tr[data-category="threat"]')
    assert row.locator("th").inner_text() == "脅迫"
    assert "なし(0.5 / 1.01 で判定)" in row.locator(".card-default").inner_text()
    harassment = page.locator('#categories tr[data-category="harassment"] .card-default').inner_text()
    assert harassment == "0.4 / 0.97"  # the tiny card's own, while FLAG_NONE (1.01) is in force
    row.locator('input[name="threat-review"]').fill("0")
    page.locator("#categories button[type=submit]").click()
    notice = page.wait_for_selector("#categories .notice-ok")  # where the redirect (#categories) scrolls to
    assert "カテゴリのしきい値を保存しました: 脅迫(審査 0.0 / 自動却下 1.01)。" in notice.inner_text()
    page.wait_for_function("() => { const box = document.querySelector('#categories .notice-ok')"
                           ".getBoundingClientRect(); return box.top >= 0 && box.bottom <= innerHeight; }")
    assert page.input_value('#categories input[name="threat-review"]') == "0.00"
    shot = tmp_path / "admin-categories.png"
    page.locator("#categories").screenshot(path=str(shot))
    print(f"screenshot: {shot}")

    after = api.post("/api/v1/comments", json=comment(text, id="after"), headers=AUTH).json
    assert (after["decision"], after["labels"]) == ("review", ["abuse", "threat"])
    page.goto(f"{base}/review")
    card = page.wait_for_selector('[data-comment-id="after"]')
    assert text in card.inner_text() and "脅迫" in card.inner_text()
    page.screenshot(path=str(tmp_path / "queue-threat.png"))
    print(f"screenshot: {tmp_path / 'queue-threat.png'}")
    assert not page.query_selector('[data-comment-id="before"]')  # published before the change, never queued
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
    page.context.close()
