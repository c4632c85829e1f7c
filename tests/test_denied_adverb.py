"""A negated copula with an adverb of certainty before "not" ("[group] are absolutely not disgusting", "he is certainly
not stupid") denies its predicate as the bare negation does (moderation.targets.denied, session 34)."""

import pytest

from moderation.features.signals import signal_dict


@pytest.mark.parametrize("text", [
    "Asylum seekers are absolutely not parasites.",
    "Lesbians are certainly not disgusting, whatever the pastor preached.",
    "The chancellor is absolutely not stupid, he knows what he is doing.",
])
def test_adverb_before_not_denies_the_harm(text):
    sig = signal_dict(text)
    assert sig["denied_harm"] > 0
    assert sig["insult_at_group"] == sig["insult_at_person"] == sig["hate_at_group"] == 0


@pytest.mark.parametrize("text", [
    "Asylum seekers are definitely not human.",  # a positive denied: the attack stays the writer's
    "The minister is clearly not fit for office.",
])
def test_adverb_before_a_denied_positive_denies_no_harm(text):
    assert signal_dict(text)["denied_harm"] == 0


@pytest.mark.parametrize("text", [
    "Immigrants are clearly not welcome here.",
    "Asylum seekers are definitely not human.",
])
def test_a_positive_denied_with_an_adverb_stays_the_attack(text):
    assert signal_dict(text)["hate_at_group"] > 0
