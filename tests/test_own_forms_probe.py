"""The own-forms probe (session 43) is well-formed and apart from every other case; test_probes.py holds the shipped
model to its results."""

from model.judge import OWN_FORMS_PROBE, SUITE_DIR, load_cases
from tests.support.probes import assert_well_formed

WORDS = ("queer", "dyke", "fag", "nigga", "bitch", "homo")
FIRST = ("i", "i'm", "i've", "me", "my", "we", "we're", "us", "myself")


def test_own_forms_probe_is_well_formed():
    cases = load_cases(OWN_FORMS_PROBE)
    assert assert_well_formed(cases, {"hate", "harassment"}, pairs_required=False) == {"harmful": 26,
                                                                                         "non_harmful": 24}
    by_id = {c["id"]: c for c in cases}
    for c in cases:
        text = c["text"].lower()
        assert any(w in text for w in WORDS), c["id"]
        if c["expected"] == "non_harmful":  # the writer speaks of themself
            assert set(text.replace(",", " ").replace(".", " ").split()) & set(FIRST), c["id"]
        if c["pair"] is not None:  # a pair is one form, said by one of the group and by an outsider
            assert c["functionality"].rsplit("_", 1)[0] == by_id[c["pair"]]["functionality"].rsplit("_", 1)[0]
    assert sum(c["pair"] is not None for c in cases) == 40
    others = {c["text"] for p in SUITE_DIR.glob("*.jsonl") if p != OWN_FORMS_PROBE
              for c in load_cases(p) if "text" in c}
    assert not {c["text"] for c in cases} & others
