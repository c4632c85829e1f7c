"""read2's later pairs of session 43 (English and Japanese) are well-formed and apart from every other case;
test_probes.py holds the shipped model to their results."""

from difflib import SequenceMatcher

import pytest

from model.judge import FOURTH_READING_PROBE, JA_FOURTH_READING_PROBE, SUITE_DIR, load_cases
from tests.support.probes import assert_well_formed

# each probe: its cases per side, its pairs, and the longest stretch both members of a pair share (the same frame);
# one English civil case has no twin (its harmful twin was already in en_polarity_probe)
PROBES = {FOURTH_READING_PROBE: ({"harmful": 42, "non_harmful": 43}, 42, 13),
          JA_FOURTH_READING_PROBE: ({"harmful": 17, "non_harmful": 17}, 17, 7)}


@pytest.mark.parametrize("probe", list(PROBES), ids=[p.stem for p in PROBES])
def test_fourth_reading_probe_is_well_formed(probe):
    sides, pairs, shared = PROBES[probe]
    cases = load_cases(probe)
    assert assert_well_formed(cases, {"hate", "threat", "harassment"}, pairs_required=False) == sides
    by_id = {c["id"]: c for c in cases}
    paired = [c for c in cases if c["pair"] is not None]
    assert len(paired) == 2 * pairs
    for c in paired:
        same = SequenceMatcher(None, c["text"].lower(), by_id[c["pair"]]["text"].lower(), autojunk=False)
        assert same.find_longest_match().size >= shared, c["id"]
    others = {c["text"] for p in SUITE_DIR.glob("*.jsonl") if p != probe for c in load_cases(p) if "text" in c}
    assert not {c["text"] for c in cases} & others
