"""The civil probes (English and Japanese) are well-formed; test_probes.py holds the shipped model to their results."""

from collections import Counter
from difflib import SequenceMatcher

import pytest

from model.judge import CIVIL_PROBE, JA_CIVIL_PROBE, SUITE_DIR, load_cases
from tests.support.probes import assert_well_formed

# each civil shape against the harm the same frame turns into, and that harm's category
SHAPES = {"offer_nh": ("threat_h", "threat"), "praise_person_nh": ("accusation_h", "defamation"),
          "group_civil_nh": ("group_attack_h", "hate")}


@pytest.mark.parametrize("probe", [CIVIL_PROBE, JA_CIVIL_PROBE], ids=["en", "ja"])
def test_civil_probe_is_well_formed(probe):
    cases = load_cases(probe)
    # a sentence a newsroom publishes (a friendly "I'll ... you" offer, praise of a reporter or a named person, a
    # positive or neutral generalisation about a group) against the same frame turned into a threat, a criminal
    # accusation of the same person, or a hateful generalisation of the same group: 8 pairs of each
    assert assert_well_formed(cases, {"threat", "defamation", "hate"}) == {"harmful": 24, "non_harmful": 24}
    assert Counter(c["functionality"] for c in cases) == {f: 8 for shape in SHAPES.items() for f in (shape[0],
                                                                                                    shape[1][0])}
    by_id = {c["id"]: c for c in cases}
    for c in cases:
        if c["expected"] == "non_harmful":
            harm = by_id[c["pair"]]
            assert (harm["functionality"], harm["category"]) == SHAPES[c["functionality"]], c["id"]
            same = SequenceMatcher(None, c["text"], harm["text"], autojunk=False).find_longest_match()
            assert same.size >= 3, c["id"]  # the same frame (or person, or group) in both
    others = {c["text"] for p in SUITE_DIR.glob("*.jsonl") if p not in (CIVIL_PROBE, JA_CIVIL_PROBE)
              for c in load_cases(p) if "text" in c}
    assert not {c["text"] for c in cases} & others
