"""'Not all <group> are <X>' refuses a generalisation: a defence of the group (session 33), read as denied
(targets.denied), unless the sentence takes it back ("but enough are", "but most of them are")."""

import pytest

from moderation.targets.denied import denied_spans
from moderation.text.normalize import normalize_text
from tests.support.civil_en import CIVIL_NEWS_EN


def _denied(text: str) -> list[str]:
    t = normalize_text(text)
    return [t[a:b] for a, b in denied_spans(t)]


@pytest.mark.parametrize(("text", "word"), [
    ("Not all Sikhs are extremists, whatever the tabloids say.", "extremists"),
    ("Not every asylum seeker is a criminal.", "criminal"),
    ("Not all of them are scroungers; my neighbours both work nights.", "scroungers"),
    ("Not all politicians are corrupt.", "corrupt"),
])
def test_a_generalisation_refused_is_denied(text, word):
    assert any(word in span for span in _denied(text)), (text, _denied(text))


@pytest.mark.parametrize("text", [
    "Not all men are rapists, but enough are.",
    "Not all of the migrants are thieves but most of them are.",
    "All Muslims are terrorists.",
    "It's not all bad news for the council.",
])
def test_a_generalisation_taken_back_or_made_is_not(text):
    assert not any(" are " in span or " is " in span for span in _denied(text)), (text, _denied(text))


def test_civil_news_gain_no_generalisation_denial():
    assert [t for t in CIVIL_NEWS_EN if any(s.startswith("not all") or s.startswith("not every")
                                           for s in _denied(t))] == []


@pytest.mark.parametrize(("text", "hate"), [
    ("Honestly I have zero respect for Hindus.", True),  # session 33: "zero" withholds respect as "no" does
    ("We have not an ounce of respect for Sikh families.", True),
    ("I have zero respect for this government after the budget.", False),  # no group: no hate at one
    ("I have zero patience for the roadworks.", False),
])
def test_respect_withheld_from_a_group_with_any_quantifier(text, hate):
    from moderation.features.signals import signal_dict

    assert (signal_dict(text)["hate_at_group"] > 0) is hate, text


@pytest.mark.parametrize(("text", "statement"), [
    ("I have zero respect for the prime minister after this.", False),  # read2 s34: criticism of a person or a body
    ("We have not an ounce of respect for the regulator.", False),
    ("I got no respect for that referee.", False),
    ("I have zero respect for Sikhs.", True),  # a people after "for" within four words
    ("I have no respect for any of those so-called refugees.", True),
])
def test_respect_withheld_is_an_attack_only_of_a_group(text, statement):
    from moderation.features.signals import signal_dict

    assert (signal_dict(text)["hate_statement_en"] > 0) is statement, text
