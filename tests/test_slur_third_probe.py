"""The English third-person slur probe is well-formed; test_probes.py holds the shipped model to its results."""

from collections import Counter

from model.judge import INGROUP_WORD_PROBE, SLUR_PRAISE_PROBE, SLUR_THIRD_PROBE, load_cases
from moderation.wordlists import SLURS
from tests.support.probes import FIRST_PERSON, assert_well_formed

# words a group's own members reclaim (the slur-praise and in-group word probes): none may decide a case here
RECLAIMED = {"nigga", "niggas", "queer", "queers", "dyke", "dykes", "fag", "fags", "faggot", "faggots", "tranny",
             "trannies", "homo", "homos", "crip", "crips"}


def _words(text: str) -> set[str]:
    return {w.strip(".,") for w in text.lower().split()}


def test_slur_third_probe_is_well_formed():
    cases = load_cases(SLUR_THIRD_PROBE)
    # a slur no group reclaims said of a person or a group with an ordinary predicate, each paired with the same
    # sentence naming them by their group's own word
    assert assert_well_formed(cases, {"hate"}) == {"harmful": 12, "non_harmful": 12}
    assert Counter(c["functionality"] for c in cases) == {"slur_person_h": 6, "slur_group_h": 6,
                                                          "group_word_person_nh": 6, "group_word_group_nh": 6}
    slurs = {s for s in SLURS if s.isascii()}
    by_id = {c["id"]: c for c in cases}
    for c in cases:
        words = _words(c["text"])
        assert not FIRST_PERSON.search(c["text"].lower()) and not words & RECLAIMED, c["id"]
        assert bool(words & slurs) == (c["expected"] == "harmful"), c["id"]  # the slur is the only difference
        assert len(words ^ _words(by_id[c["pair"]]["text"])) <= 3, c["id"]  # the slur against the group's own word
    assert not {c["text"] for c in cases} & {c["text"] for p in (SLUR_PRAISE_PROBE, INGROUP_WORD_PROBE)
                                             for c in load_cases(p)}
