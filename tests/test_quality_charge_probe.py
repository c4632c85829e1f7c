"""The quality-and-charge probe (session 45) is well-formed: each pair the same frame, one side civil and one an attack
on a group, in three shapes; test_probes.py holds the shipped model to its results."""

import re
from collections import Counter
from difflib import SequenceMatcher

from model.judge import QUALITY_CHARGE_PROBE, SUITE_DIR, load_cases
from moderation.wordlists.groups import _GROUP_ADJECTIVES_EN, GROUPS, GROUPS_NAMED, SLURS
from tests.support.probes import assert_well_formed

# a quality denied by "nothing", a demeaning no one should suffer, an exclusion by someone in charge
SHAPES = {"nothing", "demeaned", "in_charge"}


def test_quality_charge_probe_is_well_formed():
    cases = load_cases(QUALITY_CHARGE_PROBE)
    sides = assert_well_formed(cases, {"hate"})
    assert sides["harmful"] == sides["non_harmful"] == 15
    by_id = {c["id"]: c for c in cases}
    for c in cases:  # the twin: the same shape and a frame of at least 20 characters both say
        twin = by_id[c["pair"]]
        assert c["functionality"].rsplit("_", 1)[0] == twin["functionality"].rsplit("_", 1)[0], c["id"]
        same = SequenceMatcher(None, c["text"].lower(), twin["text"].lower(), autojunk=False)
        assert same.find_longest_match().size >= 20, c["id"]
    assert Counter(c["functionality"].rsplit("_", 1)[0] for c in cases) == {s: 10 for s in SHAPES}
    # every case names its group: a group word, a people, an identity adjective or a slur
    words = "|".join(re.escape(w) for w in (*GROUPS, *GROUPS_NAMED, *_GROUP_ADJECTIVES_EN, *SLURS) if w.isascii())
    assert [c["id"] for c in cases if not re.search(rf"(?<![a-z])(?:{words})s?(?![a-z])", c["text"].lower())] == []
    others = {c["text"] for p in SUITE_DIR.glob("*.jsonl") if p != QUALITY_CHARGE_PROBE for c in load_cases(p)
              if "text" in c}
    assert not {c["text"] for c in cases} & others
