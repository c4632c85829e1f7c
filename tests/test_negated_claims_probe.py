"""The English probe of negated claims is well-formed; test_probes.py holds the shipped model to its results."""

from collections import Counter

from model.judge import NEGATED_CLAIMS_PROBE, load_cases
from tests.support.probes import assert_well_formed, no_listed_group


def test_negated_claims_probe_is_well_formed():
    cases = load_cases(NEGATED_CLAIMS_PROBE)
    # each negative claim the writer denies or refuses (don't see [group] as a threat, anything but a burden, neither
    # thieves nor beggars) is paired with a positive one denied in the same words (as equals, anything but useful)
    sides = assert_well_formed(cases, {"hate"})
    assert sides["harmful"] == sides["non_harmful"] >= 20
    funcs = Counter(c["functionality"] for c in cases)
    assert funcs["negated_positive_h"] >= 20 and funcs["negated_negative_nh"] >= 20
    assert no_listed_group(cases) == []  # the pair measures the negation, not which groups the list knows
