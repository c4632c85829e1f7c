"""The English reclaimed-slur probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import RECLAIMED_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_reclaimed_probe_is_well_formed():
    cases = load_cases(RECLAIMED_PROBE)
    # each slur the writer applies to themself or their own group, or uses in its literal sense, is paired with the
    # same word aimed at someone else or at a group in the third person
    sides = assert_well_formed(cases, {"hate", "harassment"})
    assert sides["harmful"] == sides["non_harmful"] >= 12
    funcs = Counter(c["functionality"] for c in cases)
    assert min(funcs["self_applied_nh"], funcs["ingroup_nh"], funcs["homonym_nh"]) >= 4
    by_id = {c["id"]: c for c in cases}
    # a minimal pair keeps the slur: both sides hold the same word (singular or plural)
    for c in cases:
        if c["expected"] == "non_harmful":
            assert _slurs(c["text"]) & _slurs(by_id[c["pair"]]["text"]), c["id"]


def _slurs(text: str) -> set[str]:
    words = {w.strip(".,?!").removesuffix("s") for w in text.lower().split()}
    return words & {"dyke", "fag", "faggot", "queer", "tranny", "trannie", "crip", "nigga", "homo", "bitch", "chink",
                    "retard"}
