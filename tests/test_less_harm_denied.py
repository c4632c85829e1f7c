"""A harm wished away is no harm wished (session 33): a negated wish whose harm follows "to be" / "to get" after a
longer subject ("I don't want a single refugee to be hurt"), and a comparative of less harm ("should be hurt less
often", "fewer riders should get injured") are read as denied (targets.denied), so their n-grams hash apart from a
wish's; the same words asserted, or "more", stay the writer's."""

import re

import pytest

from moderation.targets.denied import denied_spans
from moderation.text.normalize import normalize_text
from tests.support.civil_en import CIVIL_NEWS_EN

DENIED = [
    ("I don't want a single refugee to be hurt tonight.", "hurt"),
    ("Nobody here wants any of the marchers to get hurt.", "hurt"),
    ("We don't want one more journalist to be attacked.", "attacked"),
    ("Kids should be hurt less often in youth rugby.", "hurt"),
    ("Cyclists would get injured far less if the lanes were separated.", "injured"),
    ("Fewer riders should get injured at this junction.", "injured"),
    ("Less kids would get hurt if the coach cared.", "hurt"),
]
ASSERTED = [
    "I want every single refugee to be hurt.",
    "Kids like that should be hurt more often.",
    "Muslims should be hurt.",
    "They deserve less money and should be deported.",  # "less" quantifies money; the deportation is asserted
    "Less tax, and migrants should be deported.",
    "Unless they leave they should be hurt.",
]


def _denied(text: str) -> list[str]:
    t = normalize_text(text)
    return [t[a:b] for a, b in denied_spans(t)]


@pytest.mark.parametrize(("text", "harm"), DENIED)
def test_a_harm_wished_away_is_denied(text, harm):
    assert any(harm in span for span in _denied(text)), (text, _denied(text))


@pytest.mark.parametrize("text", ASSERTED)
def test_the_harm_asserted_is_not(text):
    assert _denied(text) == [], text


def test_civil_news_gain_denials_only_of_a_harm_wished_less():
    """War reporting and angry news comments with "fewer" or "less" are no comparative wish unless a modal wishes it."""
    gained = {t: _denied(t) for t in CIVIL_NEWS_EN if re.search(r"\b(?:less|fewer)\b", t, re.IGNORECASE)}
    assert gained == {
        "Fewer than twenty civilians were killed in the strike, according to the ministry.": [],
        "Less funding means more kids will get hurt on those roads, and the council knows it.": [],
        "Fewer people should have to die waiting for an ambulance.": [],
    }


@pytest.mark.parametrize(("text", "denied"), [
    ("Refugees should be protected, not left to drown in the Channel.", ", not left to drown"),
    ("Asylum seekers should be housed, not deported.", ", not deported"),
    ("The strikers deserve a hearing, not to be locked up.", ", not to be locked up"),
    ("Refugees should be deported, not protected.", None),  # the care rejected, the harm asserted
    ("They should be jailed, not fined.", None),
])
def test_a_harm_set_aside_for_a_care_is_denied(text, denied):
    assert _denied(text) == ([denied] if denied else []), text
