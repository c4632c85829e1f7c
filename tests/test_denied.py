"""A hateful predicate the writer denies counts as `denied_harm`, not as the attack; asserted attacks stay."""

import pytest

from moderation.features.signals import signal_dict
from moderation.targets.denied import denied_spans

DENIED = [
    "I don't think refugees are parasites at all.",
    "Nobody here believes the family next door are criminals.",
    "Women are not stupid, the headline is.",
    "They're not animals and never were.",
    "It isn't true that bisexual men are disgusting.",
    "My grandad never thought Italians were vermin.",
]

ASSERTED = [
    "Refugees are parasites.",
    "The family next door are criminals.",
    "Women are stupid, the headline is right.",
    "They're not people, they're animals.",  # the denial ends at the comma; the attack after it is the writer's
    "They aren't just stupid but disgusting.",  # "not just": nothing denied
    "I don't care what anyone says, immigrants are vermin.",
]


@pytest.mark.parametrize("text", DENIED)
def test_a_denied_predicate_counts_as_denied_harm(text):
    sig = signal_dict(text)
    assert sig["denied_harm"] > 0, text
    assert sig["dehumanize"] == sig["hate_statement_en"] == sig["insult_unaimed"] == sig["hate_at_group"] == 0, text


@pytest.mark.parametrize("text", ASSERTED)
def test_an_asserted_attack_is_not_denied(text):
    sig = signal_dict(text)
    assert sig["dehumanize"] + sig["hate_statement_en"] + sig["insult_unaimed"] + sig["crime_word"] > 0, text


def test_a_threat_under_a_negation_stays_aimed():
    sig = signal_dict("I won't hesitate to kill you if you come here again.")  # no verb of saying is denied
    assert sig["violence_at_person"] > 0 and sig["denied_harm"] == 0


def test_the_denial_ends_at_the_clause():
    text = "i don't think they are human but rats, and they are vermin"
    assert [text[a:b] for a, b in denied_spans(text)] == ["don't think they are human"]
