"""The English slur-praise probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import OWNED_PROBE, RECLAIMED_PROBE, SLUR_PRAISE_PROBE, load_cases
from tests.support.probes import FIRST_PERSON, assert_well_formed

SLURS = {"dyke", "fag", "faggot", "queer", "tranny", "trannie", "crip", "nigga", "homo"}


def test_slur_praise_probe_is_well_formed():
    cases = load_cases(SLUR_PRAISE_PROBE)
    # a slur naming a group or a person with a positive or neutral predicate, paired with the same slur in the same
    # shape given an attacking one
    sides = assert_well_formed(cases, {"hate", "harassment"})
    assert sides["harmful"] == sides["non_harmful"] >= 16
    shapes = Counter(c["functionality"] for c in cases if c["expected"] == "non_harmful")
    assert len(shapes) >= 3 and min(shapes.values()) >= 2
    by_id = {c["id"]: c for c in cases}
    for c in cases:
        # no first person on either side: no reading of whose word it is can decide these
        assert not FIRST_PERSON.search(c["text"].lower()), c["id"]
        if c["expected"] == "non_harmful":
            assert _slurs(c["text"]) & _slurs(by_id[c["pair"]]["text"]), c["id"]
    assert not {c["text"] for c in cases} & {c["text"] for p in (RECLAIMED_PROBE, OWNED_PROBE) for c in load_cases(p)}


def _slurs(text: str) -> set[str]:
    words = {w.strip(".,;:?!").removesuffix("s") for w in text.lower().split()}
    return words & SLURS
