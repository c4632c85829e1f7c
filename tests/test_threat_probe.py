"""The English threat probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from model.judge import THREAT_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_threat_probe_is_well_formed():
    sides = assert_well_formed(load_cases(THREAT_PROBE), {"threat"}, pairs_required=False)
    assert sides["harmful"] >= 20 and sides["non_harmful"] >= 30  # false positives need many look-alikes
    assert sum(c["pair"] is not None for c in load_cases(THREAT_PROBE)) >= 30



def test_threat_construction_needs_a_harm_aimed_at_a_person():
    """The English threat construction fires on the probe's threats and on none of its same-shape non-threats
    (I'll find you a better source, we'll beat you in the election, I'll kill this thread)."""
    from moderation.features.signals import signal_dict

    cases = load_cases(THREAT_PROBE)
    fired = {c["id"]: signal_dict(c["text"])["threat_en"] > 0 for c in cases}
    assert [c["id"] for c in cases if c["expected"] == "non_harmful" and fired[c["id"]]] == []
    assert [c["id"] for c in cases if c["expected"] == "harmful" and not fired[c["id"]]] == []
