"""The Japanese group-attack probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import JA_ATTACK_PROBE, load_cases
from moderation.wordlists.groups import GROUPS
from tests.support.probes import assert_well_formed


def test_ja_attack_probe_is_well_formed():
    cases = load_cases(JA_ATTACK_PROBE)
    # every case is one half of a minimal pair: a group called liars or thieves by nature (嘘をつく国民性だ), wished
    # gone (消えればいい, 潰れろ, 滅びてしまえ) or kept off the screen and the page (CMに使うな, 映すな, 載せるな),
    # against the same words reported, denied, debated, made conditional or turned into a welcome
    sides = assert_well_formed(cases, {"hate"})
    assert sides == {"harmful": 12, "non_harmful": 12}
    japanese_groups = [g for g in GROUPS if not g.isascii()]
    by_id = {c["id"]: c for c in cases}
    for c in cases:  # both members of a pair name the same group: the probe is about what is said of it
        named = {g for g in japanese_groups if g in c["text"]}
        assert named and named == {g for g in japanese_groups if g in by_id[c["pair"]]["text"]}, c["id"]
    assert Counter(c["functionality"] for c in cases if c["expected"] == "harmful") == {
        "nature_brand_h": 4, "wish_gone_h": 4, "keep_off_h": 4}
