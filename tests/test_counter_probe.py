"""The English counter-speech probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import COUNTER_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_counter_probe_is_well_formed():
    cases = load_cases(COUNTER_PROBE)
    # every case is one half of a minimal pair: hate named by a noun of speech or in single quotes to condemn it ("the
    # rumour that [group] ...", "the '[group] are ...' posts") against the same words asserted
    sides = assert_well_formed(cases, {"hate"})
    assert sides["harmful"] == sides["non_harmful"] >= 12
    assert set(Counter(c["functionality"] for c in cases)) == {"counter_framed_nh", "group_attack_h"}
