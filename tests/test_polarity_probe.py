"""The English polarity probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import POLARITY_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_polarity_probe_is_well_formed():
    cases = load_cases(POLARITY_PROBE)
    # every case is one half of a minimal pair under the same negation: a positive the writer denies a group ("[group]
    # are not honest", "can't be trusted") against a negative denied in the same words ("are not dishonest")
    sides = assert_well_formed(cases, {"hate"})
    assert sides["harmful"] == sides["non_harmful"] >= 18
    assert set(Counter(c["functionality"] for c in cases)) == {"denied_negative_nh", "denied_positive_h"}
