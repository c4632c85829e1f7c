"""ja_offer_probe is well-formed: minimal pairs of a call, a caution or a kept name, in care and as a menace."""

from difflib import SequenceMatcher

from model.judge import JA_OFFER_PROBE, SUITE_DIR, load_cases
from tests.support.probes import assert_well_formed

HARMFUL = {"told_ultimatum_h", "told_secret_h", "caution_menace_h", "kept_menace_h"}
CIVIL = {"offer_plight_nh", "offer_message_nh", "caution_care_nh", "kept_warm_nh"}


def test_offer_probe_is_well_formed():
    cases = load_cases(JA_OFFER_PROBE)
    assert assert_well_formed(cases, {"threat"}) == {"harmful": 34, "non_harmful": 34}
    assert {c["functionality"] for c in cases if c["expected"] == "harmful"} == HARMFUL
    assert {c["functionality"] for c in cases if c["expected"] == "non_harmful"} == CIVIL
    by_id = {c["id"]: c for c in cases}
    for c in cases:  # the same call, caution or name in both: what differs is around it
        same = SequenceMatcher(None, c["text"], by_id[c["pair"]]["text"], autojunk=False).find_longest_match()
        assert same.size >= 6, c["id"]
    others = {c["text"] for p in SUITE_DIR.glob("*.jsonl") if p != JA_OFFER_PROBE for c in load_cases(p) if "text" in c}
    assert not {c["text"] for c in cases} & others
