"""The own-voice probe (session 44) is well-formed and apart from every other case; test_probes.py holds the shipped
model to its results."""

from model.judge import OWN_VOICE_PROBE, SUITE_DIR, load_cases
from tests.support.probes import assert_well_formed

WORDS = ("queer", "dyke", "fag", "nigga", "bitch", "homo", "tranny", "trannies", "crip")


def test_own_voice_probe_is_well_formed():
    cases = load_cases(OWN_VOICE_PROBE)
    assert assert_well_formed(cases, {"hate", "harassment"}, pairs_required=False) == {"harmful": 71,
                                                                                         "non_harmful": 78}
    for c in cases:
        assert any(w in c["text"].lower() for w in WORDS), c["id"]
    # the outsiders' exclusions by someone in charge name the group by the word, a referring noun ("... so faggots
    # won't be ..."): the reading of the writer's own word must never take them
    exclusions = [c for c in cases if c["functionality"] == "exclusion_h"]
    assert len(exclusions) == 18 and all(c["category"] == "hate" for c in exclusions)
    others = {c["text"] for p in SUITE_DIR.glob("*.jsonl") if p != OWN_VOICE_PROBE
              for c in load_cases(p) if "text" in c}
    assert not {c["text"] for c in cases} & others
