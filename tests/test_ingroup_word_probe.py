"""The English in-group word probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

import re
from collections import Counter

from model.judge import INGROUP_WORD_PROBE, SLUR_PRAISE_PROBE, load_cases
from tests.support.probes import FIRST_PERSON, assert_well_formed

WORD = re.compile(r"\bnigg(?:a|as|az|ah)\b")


def test_ingroup_word_probe_is_well_formed():
    cases = load_cases(INGROUP_WORD_PROBE)
    # the n-word's in-group spelling said of others with an ordinary or a positive predicate, each paired with the
    # same word and subject given an attack at the person (harassment) or the group (hate)
    sides = assert_well_formed(cases, {"hate", "harassment"})
    assert sides == {"harmful": 12, "non_harmful": 12}
    assert Counter(c["functionality"] for c in cases if c["expected"] == "harmful") == {
        "word_at_group_h": 7, "word_at_person_h": 5}
    by_id = {c["id"]: c for c in cases}
    for c in cases:
        text = c["text"].lower()
        # no first person and no reader addressed in a non-harm: no reading of whose word it is can decide these
        assert WORD.search(text) and not FIRST_PERSON.search(text), c["id"]
        assert c["expected"] == "harmful" or not re.search(r"\byou\b", text), c["id"]
        assert text.split()[:2] == by_id[c["pair"]]["text"].lower().split()[:2], c["id"]  # the same subject
    assert not {c["text"] for c in cases} & {c["text"] for c in load_cases(SLUR_PRAISE_PROBE)}
