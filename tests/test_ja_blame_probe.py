"""The Japanese group-blame probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import JA_BLAME_PROBE, load_cases
from tests.support.probes import assert_pairs_name_one_group, assert_well_formed


def test_ja_blame_probe_is_well_formed():
    cases = load_cases(JA_BLAME_PROBE)
    # every case is one half of a minimal pair: a group blamed for ruining the country or living off it
    # (治安を悪くしている, 食い物にしている, 乗っ取りつつある, …のせいで崩壊した), against the same group in a civil
    # sentence or the same blame denied or reported
    sides = assert_well_formed(cases, {"hate"})
    assert sides == {"harmful": 10, "non_harmful": 10}
    assert_pairs_name_one_group(cases)
    assert Counter(c["functionality"] for c in cases if c["expected"] == "harmful") == {"group_blame_h": 10}
