"""The English veiled-threat probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import VEILED_THREAT_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_veiled_threat_probe_is_well_formed():
    cases = load_cases(VEILED_THREAT_PROBE)
    # every case is one half of a minimal pair: a threat with no harm verb ("you will never be safe here again, I
    # promise", "it would be a shame if something happened to your kids") against the same shape threatening nobody
    # (safety denied as a concern, a warning about a thing, a contest)
    sides = assert_well_formed(cases, {"threat"})
    assert sides["harmful"] == sides["non_harmful"] >= 18
    assert set(Counter(c["functionality"] for c in cases)) == {
        "threat_unsafe_h", "unsafe_concern_nh", "threat_warning_h", "warning_advice_nh"}
