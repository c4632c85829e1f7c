"""The Japanese group-attack probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import JA_ATTACK_PROBE, load_cases
from tests.support.probes import assert_pairs_name_one_group, assert_well_formed


def test_ja_attack_probe_is_well_formed():
    cases = load_cases(JA_ATTACK_PROBE)
    # every case is one half of a minimal pair: a group called liars or thieves by nature (嘘をつく国民性だ), wished
    # gone (消えればいい, 潰れろ, 滅びてしまえ) or kept off the screen and the page (CMに使うな, 映すな, 載せるな),
    # against the same words reported, denied, debated, made conditional or turned into a welcome
    sides = assert_well_formed(cases, {"hate"})
    assert sides == {"harmful": 12, "non_harmful": 12}
    assert_pairs_name_one_group(cases)
    assert Counter(c["functionality"] for c in cases if c["expected"] == "harmful") == {
        "nature_brand_h": 4, "wish_gone_h": 4, "keep_off_h": 4}
