"""A review card names the signals behind a score in the moderator's language, never by their code names: every
feature the model has is named in Japanese and English, and a signal with no span in the text is named, not quoted
as if the comment had said "hate_at_group" (the card shown in a real headless Chromium)."""

import pytest

from moderation.features.vocabulary import FEATURE_NAMES
from moderation.pages.cards import card
from moderation.pages.i18n import JS_PREFIXES, LANGUAGES, MESSAGES
from moderation.store.review_queue import ReviewQueue
from tests.support.browser import needs_chromium

from .test_review_browser import logged_in_page
from .test_review_desk import harm_record
from .test_review_desk_browser import start

HATE = "在日は日本から出ていけ"


def hate_record(comment_id):
    """A held hate comment explained as the shipped model explains it: a span, and a signal with none."""
    record = harm_record(comment_id, text=HATE, categories={"hate": 0.98, "threat": 0.01}, labels=["abuse", "hate"],
                         scores={"spam": 0.0, "abuse": 0.98})
    record["explanation"] = [{"label": "hate", "feature": "hate_at_group", "weight": 3.1},
                             {"label": "hate", "start": 0, "end": 2, "text": "在日", "weight": 1.2},
                             {"label": "harassment", "feature": "insult_at_person", "weight": 0.4}]
    return record


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_feature_has_a_name_in_each_language_the_page_script_gets(lang):
    assert "feature." in JS_PREFIXES
    unnamed = [name for name in FEATURE_NAMES if not MESSAGES[lang].get(f"feature.{name}")]
    assert unnamed == [], unnamed
    assert [name for name in FEATURE_NAMES if "_" in MESSAGES[lang][f"feature.{name}"]] == []  # words, no code


def test_a_signal_without_a_span_is_evidence_by_name_and_a_span_by_its_words():
    [hate] = card(hate_record("h-1"), {}, {"hate": {"review": 0.3, "reject": 0.99}})["categories"]
    assert hate["evidence"] == [{"feature": "hate_at_group"}, "在日"]


def test_a_signal_that_weighs_for_two_labels_is_named_once_among_the_reasons():
    """プーチンなんか誰か暗殺すればいいのに (threat 0.97, harassment 0.41) read
    "判定の根拠: 公人への攻撃, 公人への攻撃": the shipped model weighs attack_at_public for both labels, and the card
    listed each (label, signal) pair."""
    record = hate_record("h-3")
    record["explanation"] = [{"label": "threat", "feature": "threat_ja", "start": 0, "end": 2, "weight": 4.95},
                             {"label": "harassment", "feature": "attack_at_public", "weight": 1.5662},
                             {"label": "threat", "feature": "attack_at_public", "weight": 0.3285},
                             {"label": "spam", "feature": "repetition", "weight": 0.2}]
    shown = card(record, {}, {})["features"]
    assert [f["feature"] for f in shown] == ["attack_at_public", "repetition"], shown
    assert shown[0] == {"label": "harassment", "feature": "attack_at_public", "weight": 1.566}  # the heavier one


@pytest.mark.slow
@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize(("locale", "named"), [("ja-JP", "集団へのヘイト表現"),
                                              ("en-US", "hate statement about a group")])
def test_in_chromium_the_card_names_its_signals_in_words(browser, live_server, rdb, prefix, locale, named):
    base, _ = start(live_server, rdb, prefix)
    ReviewQueue(rdb, "test", prefix=prefix).submit(hate_record("h-2"), queued=True)
    page = logged_in_page(browser, base, "hanako", locale=locale)
    shown = page.wait_for_selector('[data-comment-id="h-2"]')
    categories, reasons = shown.query_selector(".categories").inner_text(), shown.query_selector(".features")
    assert named in categories and "在日" in categories
    assert named in reasons.inner_text() and reasons.is_visible()
    assert "hate_at_group" not in shown.inner_text() and "insult_at_person" not in shown.inner_text()
    assert shown.query_selector(".categories q.evidence").inner_text() == "在日"  # only the comment's words quoted
    assert shown.eval_on_selector_all(".feature-list .feature", "els => els.map(e => e.className)") == [
        "feature hl-abuse", "feature hl-abuse"]  # a harm category's signal is marked as abuse, not as spam
    page.context.close()
