"""The take-back probe (session 44) is well-formed: each pair one denial of hate at a group, continued by care for it
or by a restriction or contempt; test_probes.py holds the shipped model to its results."""

from collections import Counter
from difflib import SequenceMatcher

from model.judge import SUITE_DIR, TAKEBACK_PROBE, load_cases
from tests.support.probes import assert_well_formed, no_group_named

# the continuations: a want for the group (one sentence or the next), a harm lamented, a worry, "but", a feeling,
# a thought
SHAPES = {"just_want", "two_sentences", "hate_that", "worry", "but", "just_feel", "just_think"}


def test_takeback_probe_is_well_formed():
    cases = load_cases(TAKEBACK_PROBE)
    sides = assert_well_formed(cases, {"hate"})
    assert sides["harmful"] == sides["non_harmful"] >= 20
    by_id = {c["id"]: c for c in cases}
    for c in cases:  # the twin: the same shape, the same denial and frame up to where the continuation turns
        twin = by_id[c["pair"]]
        assert c["functionality"].rsplit("_", 1)[0] == twin["functionality"].rsplit("_", 1)[0], c["id"]
        same = SequenceMatcher(None, c["text"].lower(), twin["text"].lower(), autojunk=False)
        assert same.find_longest_match().size >= 25, c["id"]
        assert " hate" in c["text"].lower(), c["id"]  # every case denies hating the group
    shapes = Counter(c["functionality"].rsplit("_", 1)[0] for c in cases)
    assert set(shapes) == SHAPES
    assert no_group_named(cases) == []
    others = {c["text"] for p in SUITE_DIR.glob("*.jsonl") if p != TAKEBACK_PROBE for c in load_cases(p) if "text" in c}
    assert not {c["text"] for c in cases} & others
