"""The Japanese group probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from model.judge import JA_GROUP_PROBE, load_cases
from tests.support.probes import assert_pairs_name_one_group, assert_well_formed


def test_ja_group_probe_is_well_formed():
    cases = load_cases(JA_GROUP_PROBE)
    sides = assert_well_formed(cases, {"hate"})
    assert_pairs_name_one_group(cases)
    assert sides["harmful"] >= 20 and sides["non_harmful"] >= 20

