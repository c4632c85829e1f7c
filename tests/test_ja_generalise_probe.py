"""The Japanese generalisation probe is well-formed; test_probes.py holds the shipped model to its results."""

from collections import Counter

from model.judge import JA_GENERALISE_PROBE, load_cases
from tests.support.probes import assert_pairs_name_one_group, assert_well_formed


def test_ja_generalise_probe_is_well_formed():
    cases = load_cases(JA_GENERALISE_PROBE)
    # every case is one half of a minimal pair: a group said to be a vice or unfit as a whole (…は詐欺師ばかりだ,
    # …は恩知らずだ, …は政治に向いていない), against the same vice reported, denied, asked, quoted, said of some of
    # the group, of a policy or of someone else, with the same group named
    sides = assert_well_formed(cases, {"hate"})
    assert sides == {"harmful": 14, "non_harmful": 14}
    assert_pairs_name_one_group(cases)
    assert Counter(c["functionality"] for c in cases if c["expected"] == "harmful") == {"group_generalise_h": 14}
