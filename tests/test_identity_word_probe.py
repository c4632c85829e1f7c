"""The identity-word probe (session 45) is well-formed and apart from every other case; test_probes.py holds the shipped
model to its results."""

from model.judge import IDENTITY_WORD_PROBE, SUITE_DIR, load_cases
from tests.support.probes import assert_well_formed


def test_identity_word_probe_is_well_formed():
    cases = load_cases(IDENTITY_WORD_PROBE)
    assert assert_well_formed(cases, {"hate", "harassment"}, pairs_required=False) == {"harmful": 32,
                                                                                         "non_harmful": 32}
    for c in cases:
        assert "queer" in c["text"].lower() or "dyke" in c["text"].lower() or "fag" in c["text"].lower(), c["id"]
    # every neutral name has attacks on the same words beside it: a thing of theirs, a person said to be one
    kinds = {c["functionality"] for c in cases}
    assert {"attributive_nh", "attributive_h", "predicate_nh", "predicate_h", "frame_h"} <= kinds
    others = {c["text"] for p in SUITE_DIR.glob("*.jsonl") if p != IDENTITY_WORD_PROBE
              for c in load_cases(p) if "text" in c}
    assert not {c["text"] for c in cases} & others
