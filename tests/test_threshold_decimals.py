"""The admins' thresholds page keeps every decimal of a threshold: the card's 0.995 / 0.3851 are shown, posted
back and saved as they are, so an admin changing one field never moves the other (through the test client and
in a real headless Chromium, whose number inputs refuse a value off their step)."""

import pytest

from moderation.labels import CATEGORIES
from moderation.pages.threshold_form import threshold_text
from moderation.store.moderators import Moderators
from tests.support.app import API_KEY
from tests.support.browser import needs_chromium, watched_page
from tests.test_admin_pages import category_form

PASSWORD = "correct-horse-1"
# the shipped card's shapes: a review threshold at four decimals, a reject capped at 0.995 (threshold_rule)
CARD_LIKE = {"spam": {"review": 0.3, "reject": 0.9792}, "abuse": {"review": 0.3851, "reject": 0.995},
             **{name: {"review": 0.3, "reject": 0.995} for name in CATEGORIES}}


def test_a_threshold_is_shown_with_two_decimals_or_every_decimal_it_has():
    assert [threshold_text(v) for v in (0, 0.9, 1.01, 0.35, 0.995, 0.3851, 0.9792)] == [
        "0.00", "0.90", "1.01", "0.35", "0.995", "0.3851", "0.9792"]
    assert all(float(threshold_text(v)) == v for v in (0.1 + 0.2, 1e-7, 0.123456789))


@pytest.fixture
def tapp(make_app):
    return make_app(THRESHOLDS=CARD_LIKE, RATE_LIMITS="")


@pytest.fixture
def taro(tapp, login):
    return login(tapp, "taro")


def in_force(app, name):
    return app.extensions["moderation.models"].policy_for("test").thresholds[name]


def test_changing_a_labels_review_threshold_keeps_its_reject_threshold_to_the_last_decimal(tapp, taro):
    page = taro.get("/review/admin/thresholds").text
    abuse = page.split('data-label="abuse"')[1].split("</section>")[0]
    assert 'step="any" required value="0.3851"' in abuse and 'step="any" required value="0.995"' in abuse
    assert "現在のしきい値: 審査 0.3851 / 自動却下 0.995" in abuse
    taro.form("/review/admin/thresholds", {"site": "test", "label": "abuse", "review": "0.5", "reject": "0.995"})
    assert in_force(tapp, "abuse") == {"review": 0.5, "reject": 0.995}


def test_a_category_row_changed_keeps_its_other_field_and_an_untouched_form_saves_nothing(tapp, taro):
    untouched = category_form(taro.get("/review/admin/thresholds").text)
    assert untouched["hate-reject"] == "0.995" and untouched["threat-review"] == "0.30"
    again = taro.form("/review/admin/thresholds/categories", untouched, follow_redirects=True).text
    assert "カテゴリのしきい値に変更はありません。" in again
    form = category_form(taro.get("/review/admin/thresholds").text, **{"hate-review": "0.25"})
    taro.form("/review/admin/thresholds/categories", form)
    assert in_force(tapp, "hate") == {"review": 0.25, "reject": 0.995}
    assert in_force(tapp, "harassment") == {"review": 0.3, "reject": 0.995}  # a row not changed is not saved


@pytest.mark.slow
@pytest.mark.browser
@needs_chromium
def test_in_chromium_a_review_threshold_changed_alone_leaves_the_card_reject_threshold(browser, live_server, rdb,
                                                                                      prefix):
    base, app = live_server(THRESHOLDS=CARD_LIKE, RATE_LIMITS="", API_KEYS=f"test:{API_KEY}")
    Moderators(rdb, prefix).add("taro", PASSWORD, "admin")
    page, problems = watched_page(browser, f"{base}/review/admin/thresholds")
    page.fill('input[name="username"]', "taro")
    page.fill('input[name="password"]', PASSWORD)
    page.press('input[name="password"]', "Enter")
    page.wait_for_url(f"{base}/review/admin/thresholds")
    policy = app.extensions["moderation.models"]
    form = page.locator('[data-label="abuse"] form.threshold-form')
    assert form.locator('input[name="reject"]').input_value() == "0.995"
    form.locator('input[name="review"]').fill("0.5")
    form.locator('button[type="submit"]').click()
    page.wait_for_selector(".notice-ok")
    assert policy.policy_for("test").thresholds["abuse"] == {"review": 0.5, "reject": 0.995}
    categories = page.locator("form.category-form")
    categories.locator('input[name="sexual-review"]').fill("0.2")
    categories.locator('button[type="submit"]').click()
    page.wait_for_url(f"{base}/review/admin/thresholds?site=test#categories")
    page.wait_for_selector("#categories .notice-ok")
    assert policy.policy_for("test").thresholds["sexual"] == {"review": 0.2, "reject": 0.995}
    assert not problems, problems
    page.context.close()
