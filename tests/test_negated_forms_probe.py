"""The English probe of negated verbs and modals is well-formed; test_probes.py holds the shipped model to its recorded
results."""

from collections import Counter

from model.judge import NEGATED_FORMS_PROBE, load_cases
from tests.support.probes import assert_well_formed, no_listed_group


def test_negated_forms_probe_is_well_formed():
    cases = load_cases(NEGATED_FORMS_PROBE)
    # each harm the writer says must not be done to a group, or denies the group does (should not be driven out, do
    # not steal), is paired with a good thing refused or denied in the same words (should not be welcomed, do not work)
    sides = assert_well_formed(cases, {"hate"})
    assert sides["harmful"] == sides["non_harmful"] >= 20
    funcs = Counter(c["functionality"] for c in cases)
    assert funcs["negated_good_h"] >= 20 and funcs["negated_harm_nh"] >= 20
    assert no_listed_group(cases) == []  # the pair measures the negation, not which groups the list knows
