"""read2's probes of session 42 (English and Japanese) are well-formed and apart from every other case;
test_probes.py holds the shipped model to their results."""

from difflib import SequenceMatcher

import pytest

from model.judge import JA_SECOND_READING_PROBE, SECOND_READING_PROBE, SUITE_DIR, load_cases
from tests.support.probes import assert_well_formed

# each probe: its pairs, and the longest stretch both members of a pair share (the same frame in both)
PROBES = {SECOND_READING_PROBE: (51, 6), JA_SECOND_READING_PROBE: (23, 3)}


@pytest.mark.parametrize("probe", list(PROBES), ids=[p.stem for p in PROBES])
def test_second_reading_probe_is_well_formed(probe):
    pairs, shared = PROBES[probe]
    cases = load_cases(probe)
    assert assert_well_formed(cases, {"hate", "threat", "harassment"}) == {"harmful": pairs, "non_harmful": pairs}
    by_id = {c["id"]: c for c in cases}
    for c in cases:
        same = SequenceMatcher(None, c["text"].lower(), by_id[c["pair"]]["text"].lower(), autojunk=False)
        assert same.find_longest_match().size >= shared, c["id"]
    others = {c["text"] for p in SUITE_DIR.glob("*.jsonl") if p != probe for c in load_cases(p) if "text" in c}
    assert not {c["text"] for c in cases} & others
