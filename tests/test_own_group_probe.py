"""The own-group probe (session 42) is well-formed and apart from every other case; test_probes.py holds the shipped
model to its results."""

from difflib import SequenceMatcher

from model.judge import OWN_GROUP_PROBE, SUITE_DIR, load_cases
from tests.support.probes import assert_well_formed

WORDS = ("queer", "dyke", "fag", "nigga", "bitch", "homo")


def test_own_group_probe_is_well_formed():
    cases = load_cases(OWN_GROUP_PROBE)
    assert assert_well_formed(cases, {"hate", "harassment"}) == {"harmful": 32, "non_harmful": 32}
    by_id = {c["id"]: c for c in cases}
    for c in cases:
        text, twin = c["text"].lower(), by_id[c["pair"]]["text"].lower()
        # the same slur word in both members, and the same frame around it
        assert any(w in text and w in twin for w in WORDS), c["id"]
        assert SequenceMatcher(None, text, twin, autojunk=False).find_longest_match().size >= 6, c["id"]
    others = {c["text"] for p in SUITE_DIR.glob("*.jsonl") if p != OWN_GROUP_PROBE
              for c in load_cases(p) if "text" in c}
    assert not {c["text"] for c in cases} & others
