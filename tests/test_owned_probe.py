"""The English owned-slur probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import OWNED_PROBE, RECLAIMED_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_owned_probe_is_well_formed():
    cases = load_cases(OWNED_PROBE)
    # each slur the writer applies to themself in a shape the reclaimed probe does not hold (no article, "X here",
    # "being a X", "I came out as", "me, a X", "me and the other X") is paired with the same word in the same shape
    # aimed at someone else or at a group in the third person
    sides = assert_well_formed(cases, {"hate", "harassment"})
    assert sides["harmful"] == sides["non_harmful"] >= 16
    shapes = Counter(c["functionality"] for c in cases if c["expected"] == "non_harmful")
    assert len(shapes) >= 6 and max(shapes.values()) <= 5
    by_id = {c["id"]: c for c in cases}
    for c in cases:
        if c["expected"] == "non_harmful":
            assert _slurs(c["text"]) & _slurs(by_id[c["pair"]]["text"]), c["id"]
    # new shapes, not the reclaimed probe's sentences again
    assert not {c["text"] for c in cases} & {c["text"] for c in load_cases(RECLAIMED_PROBE)}


def _slurs(text: str) -> set[str]:
    words = {w.strip(".,;:?!").removesuffix("s") for w in text.lower().split()}
    return words & {"dyke", "fag", "faggot", "queer", "tranny", "trannie", "crip", "nigga", "homo"}
