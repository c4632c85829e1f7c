"""The own-life probe (session 50) is well-formed: each pair one frame in which the writer tells their own life
by their own group word, against the same frame turned on someone else or with harm; test_probes.py holds the shipped
model to its results."""

from difflib import SequenceMatcher

from model.judge import OWN_LIFE_PROBE, SUITE_DIR, load_cases
from tests.support.probes import assert_well_formed

SHAPES = {"being_life", "not_ashamed", "we_are_adj", "ima_mood", "real_word", "demonstrative", "as_fuck"}
WORDS = ("queer", "dyke", "fag", "nigga", "bitch")


def test_own_life_probe_is_well_formed():
    cases = load_cases(OWN_LIFE_PROBE)
    sides = assert_well_formed(cases, {"hate", "harassment", "threat"})
    assert sides["harmful"] == sides["non_harmful"] == 12
    by_id = {c["id"]: c for c in cases}
    for c in cases:  # the twin: the same shape and the same word, sharing a stretch of its frame
        twin = by_id[c["pair"]]
        assert c["functionality"].rsplit("_", 1)[0] == twin["functionality"].rsplit("_", 1)[0], c["id"]
        assert [w for w in WORDS if w in c["text"].lower()] == [w for w in WORDS if w in twin["text"].lower()] != []
        same = SequenceMatcher(None, c["text"].lower(), twin["text"].lower(), autojunk=False)
        assert same.find_longest_match().size >= 8, c["id"]
    assert {c["functionality"].rsplit("_", 1)[0] for c in cases} == SHAPES
    others = {c["text"] for p in SUITE_DIR.glob("*.jsonl") if p != OWN_LIFE_PROBE
              for c in load_cases(p) if "text" in c}
    assert not {c["text"] for c in cases} & others
