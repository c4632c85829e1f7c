"""The English verdict probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import VERDICT_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_verdict_probe_is_well_formed():
    cases = load_cases(VERDICT_PROBE)
    # every case is one half of a minimal pair: a hateful claim the writer then affirms by denying it is a myth, lie,
    # stereotype or smear ("..., and that's no myth") against the same claim asked and called one ("...? A myth.")
    sides = assert_well_formed(cases, {"hate"})
    assert sides["harmful"] == sides["non_harmful"] >= 12
    assert set(Counter(c["functionality"] for c in cases)) == {"claim_affirmed_h", "claim_rejected_nh"}
