"""The Japanese accusation probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from model.judge import ACCUSATION_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_accusation_probe_is_well_formed():
    cases = load_cases(ACCUSATION_PROBE)
    sides = assert_well_formed(cases, {"defamation"})
    assert all("の犯人" in c["text"] for c in cases)  # the construction the probe is about
    assert sides["harmful"] >= 20 and sides["non_harmful"] >= 20


