"""'[group] are not our equals' is a hateful statement; 'Kids are not our equals' is no statement about a group.

Session 33 (87c46fc) let a possessive stand before a denied positive for any subject; read2's F15 found parenting and
pet-keeping sentences read as hate statements. Session 34: the possessive form needs a group word as its subject.
"""

import pytest

from moderation.features.signals import signal_dict


@pytest.mark.parametrize("text", ["Immigrants are not our equals, never were.", "Muslims will never be our equals."])
def test_a_group_denied_as_our_equals_is_a_hate_statement(text):
    assert signal_dict(text)["hate_statement_en"] > 0


@pytest.mark.parametrize("text", ["Toddlers are not our equals at the dinner table, they need rules.",
                                  "Dogs are not our equals, but they are family.",
                                  "Machines will never be our equals."])
def test_other_subjects_are_no_hate_statement(text):
    assert signal_dict(text)["hate_statement_en"] == 0
