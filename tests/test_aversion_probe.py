"""The aversion probe (session 54) is well-formed: each pair the writer's own aversion to a named group denied as the
whole comment, against the same denial with a correction, a condition, a stereotype before it, a question or defiance;
test_probes.py holds the shipped model to its results."""

from model.judge import AVERSION_PROBE, load_cases
from tests.support.probes import assert_reading_probe, no_group_named


def test_aversion_probe_is_well_formed():
    assert_reading_probe(AVERSION_PROBE, {"harmful": 20, "non_harmful": 20}, 20, shared=18)
    cases = load_cases(AVERSION_PROBE)
    assert no_group_named(cases) == []
    assert {c["functionality"].rsplit("_", 1)[0] for c in cases} == {"fear", "dislike", "nothing_against", "no_reason"}
