"""The Japanese group probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from model.judge import JA_GROUP_PROBE, load_cases
from moderation.wordlists.groups import GROUPS
from tests.support.probes import assert_well_formed


def test_ja_group_probe_is_well_formed():
    cases = load_cases(JA_GROUP_PROBE)
    sides = assert_well_formed(cases, {"hate"})
    japanese_groups = [g for g in GROUPS if not g.isascii()]
    by_id = {c["id"]: c for c in cases}
    for c in cases:  # both members of a pair name the same group: the probe is about what is said of it
        named = {g for g in japanese_groups if g in c["text"]}
        assert named and named == {g for g in japanese_groups if g in by_id[c["pair"]]["text"]}, c["id"]
    assert sides["harmful"] >= 20 and sides["non_harmful"] >= 20

