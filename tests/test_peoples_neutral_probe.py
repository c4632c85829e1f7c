"""The English probe of the peoples -9 first reads as group words is well-formed; test_probes.py holds the shipped
model to its recorded results."""

from collections import Counter

from model.judge import PEOPLES_NEUTRAL_PROBE, load_cases
from moderation.features.signals import signal_dict
from tests.support.probes import assert_well_formed, no_listed_group


def test_peoples_neutral_probe_is_well_formed():
    cases = load_cases(PEOPLES_NEUTRAL_PROBE)
    # each neutral mention, reported harm or support of a people is paired with the same frame as an attack on it
    sides = assert_well_formed(cases, {"hate"})
    assert sides["harmful"] == sides["non_harmful"] >= 24
    funcs = Counter(c["functionality"] for c in cases)
    assert all(funcs[f] >= 6 for f in ("neutral_mention_nh", "suffered_nh", "support_nh", "support_harm_h"))
    # every case names a people only GROUPS_NAMED reads (the words -9 added), none a listed group
    assert [c["id"] for c in cases if not signal_dict(c["text"])["group_named"]] == []
    assert no_listed_group(cases) == [c["id"] for c in cases]
