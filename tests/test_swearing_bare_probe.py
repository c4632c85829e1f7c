"""The English probe of short swearing at nobody is well-formed; test_probes.py holds the shipped model to its recorded
results."""

from collections import Counter

from model.judge import SWEARING_BARE_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_swearing_bare_probe_is_well_formed():
    cases = load_cases(SWEARING_BARE_PROBE)
    # each short exclamation swearing at nobody (holy shit, what the fuck just happened?) is paired with the same
    # swear word aimed at the reader; the exclamations name no person or group and stay short
    sides = assert_well_formed(cases, {"harassment"})
    assert sides["harmful"] == sides["non_harmful"] >= 12
    assert Counter(c["functionality"] for c in cases) == {"swear_bare_nh": sides["non_harmful"],
                                                          "swear_at_you_h": sides["harmful"]}
    bare = [c["text"].lower() for c in cases if c["expected"] == "non_harmful"]
    assert all(len(t.split()) <= 7 and "you" not in t.split() for t in bare)
