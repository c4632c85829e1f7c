"""A card names self_harm read only from the writer's own words (死にたい) as their own distress, not incitement:
the trial's moderators saw 死にたい under 自傷・自殺の誘導 (session 28). A push at someone else keeps the category's
name."""

import pytest

from moderation.pages.cards import card
from moderation.pages.i18n import MESSAGES
from tests.test_review_desk import harm_record


def _card(scorer, text):
    score = scorer.score(text, explain_all=True)
    record = harm_record("c-1", text=text, categories=score.categories, scores=score.scores,
                         labels=["abuse", "self_harm"])
    record["explanation"] = score.explanation
    return card(record, {})


@pytest.mark.parametrize("text", ["死にたい", "もう疲れた、死にたい"])
def test_the_writers_own_distress_is_named_as_such(shipped_scorer, text):
    [shown] = _card(shipped_scorer, text)["categories"]
    assert shown["label"] == "self_harm" and shown["name"] == "self_harm_own"


@pytest.mark.parametrize("text", ["お前なんか自殺しろ", "死にたいなら勝手に死ね"])
def test_a_push_at_someone_keeps_the_category_name(shipped_scorer, text):
    shown = {c["label"]: c for c in _card(shipped_scorer, text)["categories"]}
    assert shown["self_harm"]["name"] == "self_harm"


def test_both_languages_name_it():
    assert {lang: bool(MESSAGES[lang].get("label.self_harm_own")) for lang in MESSAGES} == {"ja": True, "en": True}
