"""The English probes of negated verbs and modals and of negated claims are well-formed; test_probes.py holds the
shipped model to their recorded results."""

from collections import Counter

import pytest

from model.judge import (
    NEGATED_CLAIMS_PROBE,
    NEGATED_FORMS_PROBE,
    NEGATED_MORE_PROBE,
    NEGATION_GROUPS_PROBE,
    load_cases,
)
from tests.support.probes import assert_well_formed, no_group_named, no_listed_group


# each harm the writer says must not be done to a group, or denies the group does (should not be driven out, do not
# steal), is paired with a good thing refused or denied in the same words (should not be welcomed, do not work); each
# negative claim the writer denies or refuses (don't see [group] as a threat, anything but a burden, neither thieves
# nor beggars) with a positive one denied in the same words (as equals, anything but useful)
@pytest.mark.parametrize(("probe", "harmful", "non_harmful"), [
    (NEGATED_FORMS_PROBE, "negated_good_h", "negated_harm_nh"),
    (NEGATED_CLAIMS_PROBE, "negated_positive_h", "negated_negative_nh"),
    (NEGATED_MORE_PROBE, "negated_positive_h", "negated_negative_nh"),  # more shapes: hardly call, not as if, ...
])
def test_negated_probe_is_well_formed(probe, harmful, non_harmful):
    cases = load_cases(probe)
    sides = assert_well_formed(cases, {"hate"})
    assert sides["harmful"] == sides["non_harmful"] >= 20
    funcs = Counter(c["functionality"] for c in cases)
    assert funcs[harmful] >= 20 and funcs[non_harmful] >= 20
    assert no_listed_group(cases) == []  # the pair measures the negation, not which groups the list knows


# session 43: negation at groups in twelve shapes, each pair the same words but for a negation or the word that turns
# it ("I don't hate [group]" / "I hate [group]"; "never any good" / "always good"; "can't stand people who sneer at
# [group]" / "can't stand [group]"; "who wouldn't want" / "who would want"; "isn't a single ... who hasn't helped" /
# "who isn't a thief")
NEGATION_SHAPES = {"negated_attribute", "negated_emotion", "negated_call", "negated_praise", "not_but", "no_longer",
                   "never", "nothing_but", "cant_stand", "rhetorical_question", "double_negation",
                   "negation_then_attack"}


def test_negation_groups_probe_is_well_formed():
    cases = load_cases(NEGATION_GROUPS_PROBE)
    sides = assert_well_formed(cases, {"hate"})
    assert sides["harmful"] == sides["non_harmful"] >= 40
    by_id = {c["id"]: c for c in cases}
    for c in cases:  # the twin is the same shape
        assert c["functionality"].rsplit("_", 1)[0] == by_id[c["pair"]]["functionality"].rsplit("_", 1)[0], c["id"]
    shapes = Counter(c["functionality"].rsplit("_", 1)[0] for c in cases)
    assert set(shapes) == NEGATION_SHAPES and min(shapes.values()) >= 4
    assert no_group_named(cases) == []  # the pair measures the negation, not which groups the lists know
