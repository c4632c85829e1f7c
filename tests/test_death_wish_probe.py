"""The English death-wish probe is well-formed; test_probes.py holds the shipped model to its results."""

from collections import Counter

from model.judge import DEATH_WISH_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_death_wish_probe_is_well_formed():
    cases = load_cases(DEATH_WISH_PROBE)
    # every case is one half of a minimal pair: a death wished on a person or a group with no harm verb ("I want that
    # judge dead") against the same frame on a thing or with a harmless predicate ("I want that bill dead")
    sides = assert_well_formed(cases, {"threat"})
    assert sides["harmful"] == sides["non_harmful"] >= 12
    assert set(Counter(c["functionality"] for c in cases)) == {"death_wished_h", "same_frame_nh"}
