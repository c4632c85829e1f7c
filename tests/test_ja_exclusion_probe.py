"""The Japanese exclusion probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import JA_EXCLUSION_PROBE, load_cases
from tests.support.probes import assert_pairs_name_one_group, assert_well_formed


def test_ja_exclusion_probe_is_well_formed():
    cases = load_cases(JA_EXCLUSION_PROBE)
    # every case is one half of a minimal pair: a demand that a group be removed or kept out (出ていけ, 追い出して
    # ほしい, 入国させるな) or its branding as criminals-in-waiting (予備軍だ, 全員犯罪者だ), against the same words
    # reported, debated, quoted to condemn them, denied, or turned into a welcome
    sides = assert_well_formed(cases, {"hate"})
    assert sides == {"harmful": 16, "non_harmful": 16}
    assert_pairs_name_one_group(cases)
    assert Counter(c["functionality"] for c in cases if c["expected"] == "harmful") == {
        "exclusion_demand_h": 12, "criminal_brand_h": 4}
