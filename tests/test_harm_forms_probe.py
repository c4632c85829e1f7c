"""The deed-threat, named-accusation and group-quality probes (English and Japanese) are well-formed; test_probes.py
holds the shipped model to their results."""

from collections import Counter
from difflib import SequenceMatcher

import pytest

from model.judge import (
    DEED_THREAT_PROBE,
    GROUP_QUALITY_PROBE,
    JA_DEED_THREAT_PROBE,
    JA_GROUP_QUALITY_PROBE,
    JA_NAMED_ACCUSATION_PROBE,
    NAMED_ACCUSATION_PROBE,
    SUITE_DIR,
    load_cases,
)
from tests.support.probes import assert_well_formed

# each probe: its harm's category, the harmful functionality, the civil ones its twins may take
PROBES = {
    DEED_THREAT_PROBE: ("threat", "deed_threat_h", {"deed_civil_nh"}),
    JA_DEED_THREAT_PROBE: ("threat", "deed_threat_h", {"deed_civil_nh"}),
    NAMED_ACCUSATION_PROBE: ("defamation", "named_accusation_h",
                             {"accusation_asked_nh", "accusation_denied_nh", "allegation_reported_nh",
                              "policy_criticism_nh"}),
    JA_NAMED_ACCUSATION_PROBE: ("defamation", "named_accusation_h",
                                {"accusation_asked_nh", "accusation_denied_nh", "allegation_reported_nh",
                                 "policy_criticism_nh"}),
    GROUP_QUALITY_PROBE: ("hate", "group_fault_h", {"group_quality_nh"}),
    JA_GROUP_QUALITY_PROBE: ("hate", "group_fault_h", {"group_quality_nh"}),
}


@pytest.mark.parametrize("probe", list(PROBES), ids=[p.stem for p in PROBES])
def test_harm_forms_probe_is_well_formed(probe):
    category, harmful, civil = PROBES[probe]
    cases = load_cases(probe)
    # a threat that says the deed (snap your neck, 指を切り落としてやる), a crime asserted of a person named by title
    # and name (Councillor X took a bribe, 〜議員は賄賂を受け取っている), a group given bad qualities: 12 each, against
    # the same verb or frame in a civil sentence, the same accusation asked, denied, reported or turned to policy,
    # the same group given good qualities
    assert assert_well_formed(cases, {category}) == {"harmful": 12, "non_harmful": 12}
    assert Counter(c["functionality"] for c in cases if c["expected"] == "harmful") == {harmful: 12}
    assert {c["functionality"] for c in cases if c["expected"] == "non_harmful"} <= civil
    by_id = {c["id"]: c for c in cases}
    for c in cases:
        same = SequenceMatcher(None, c["text"], by_id[c["pair"]]["text"], autojunk=False).find_longest_match()
        assert same.size >= 3, c["id"]  # the same frame, person or group in both
    others = {c["text"] for p in SUITE_DIR.glob("*.jsonl") if p != probe for c in load_cases(p) if "text" in c}
    assert not {c["text"] for c in cases} & others
