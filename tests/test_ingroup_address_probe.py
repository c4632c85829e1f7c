"""The English in-group address probe is well-formed; test_probes.py holds the shipped model to its results."""

import re
from collections import Counter

from model.judge import INGROUP_ADDRESS_PROBE, INGROUP_WORD_PROBE, SLUR_PRAISE_PROBE, load_cases
from tests.support.probes import assert_well_formed

WORD = re.compile(r"\bnigg(?:a|as)\b")
# the word as a friend's name for a friend: "my nigga", or the reader called by it ("Nigga you were right")
FRIEND = re.compile(r"\bmy nigg|^nigga\b|\byou niggas\b")


def test_ingroup_address_probe_is_well_formed():
    cases = load_cases(INGROUP_ADDRESS_PROBE)
    # the n-word's in-group spelling for a friend or the reader, warmly or about an ordinary thing, each paired with
    # the same opening turned into an insult at the person (harassment) or the people addressed (hate)
    assert assert_well_formed(cases, {"hate", "harassment"}) == {"harmful": 12, "non_harmful": 12}
    assert Counter(c["functionality"] for c in cases) == {"word_friend_nh": 12, "word_insult_h": 10,
                                                          "word_group_h": 2}
    by_id = {c["id"]: c for c in cases}
    for c in cases:
        text = c["text"].lower()
        assert WORD.search(text), c["id"]
        assert c["expected"] == "harmful" or FRIEND.search(text), c["id"]
        assert WORD.findall(text) == WORD.findall(by_id[c["pair"]]["text"].lower()), c["id"]  # the same spelling
    others = {c["text"] for p in (INGROUP_WORD_PROBE, SLUR_PRAISE_PROBE) for c in load_cases(p)}
    assert not {c["text"] for c in cases} & others
