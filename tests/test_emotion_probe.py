"""The English emotion probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import EMOTION_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_emotion_probe_is_well_formed():
    cases = load_cases(EMOTION_PROBE)
    # each loathing of a group is paired with the same feeling at what is done to it, at a thing, reported or denied
    sides = assert_well_formed(cases, {"hate"})
    funcs = Counter(c["functionality"] for c in cases)
    assert funcs["emotion_at_group_h"] == sides["harmful"] == sides["non_harmful"]
    assert funcs["emotion_at_treatment_nh"] >= 5
