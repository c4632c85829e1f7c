"""A wish or demand that a group be removed counts as an attack on it (`hate_at_group`); a report of a removal, or a
removal the writer denies, does not (issue 12: attacks carried by the predicate, not the group word)."""

import pytest

from moderation.features.signals import signal_dict

DEMANDED = [
    "Frankly the refugees should all be shipped back, every last one.",
    "My cousin wants the Muslims hounded out of the estate.",
    "Just get the foreigners out of the shop before they rob it.",
    "Deport them all, the Mexicans and their cousins.",
    "We have to send the migrants home on the next ferry.",
    "Lesbians aren't welcome at this pub.",  # the negated praise word is the attack, not a denial of one
    "Jewish people are not wanted on this street.",
    "Arabs should go back to their own countries.",
    "Mexicans must all go back to Mexico.",  # a land by name
    "Muslims don't belong in a decent country.",
]

NOT_DEMANDED = [
    "The refugees were shipped back in 1947 and the archive has the lists.",  # a report of what was done to them
    "Muslims were hounded out of the estate after the riot, the inquiry found.",
    "Immigrants fear being deported after the ruling.",
    "Nobody in this street wants the Mexicans deported.",  # a denied wish
    "Migrants should never be sent home to a war zone.",
    "Lesbians are welcome at this pub.",
    "The lawyers want the charges against the Muslims thrown out.",  # a case is thrown out, nobody removed
    "I'm not welcome at my sister's house since the wedding.",  # no group named
    "Jews went back to Poland after the war to find their families.",  # a report
    "Gay people belong in every club in this town.",  # belonging affirmed
    "Nobody here thinks Muslims don't belong in this country.",  # denied
]


@pytest.mark.parametrize("text", DEMANDED)
def test_a_demanded_removal_of_a_group_is_an_attack_on_it(text):
    sig = signal_dict(text)
    assert sig["hate_at_group"] > 0, text


@pytest.mark.parametrize("text", NOT_DEMANDED)
def test_a_reported_or_denied_removal_is_none(text):
    sig = signal_dict(text)
    assert sig["hate_at_group"] == sig["group_attack"] == 0, text


def test_a_denied_wish_to_remove_counts_as_denied_harm():
    sig = signal_dict("No one on this council wants the Roma driven out.")
    assert sig["denied_harm"] > 0 and sig["hate_statement_en"] == 0


def test_a_land_after_a_bare_can_is_a_possibility_not_a_demand():
    # the word list's "go back" still fires group_attack here; the construction does not
    assert signal_dict("Refugees can go back to Syria once the war is over.")["hate_statement_en"] == 0
