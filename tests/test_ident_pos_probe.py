"""The positive-identity probe (session 55, for session 56's generated rows) is well-formed: each pair a positive
statement about a named group that no praise word carries, against the same frame carrying a harm; test_probes.py
holds the shipped model to its results."""

from model.judge import IDENT_POS_PROBE, load_cases
from tests.support.probes import assert_reading_probe, no_group_named, praise_worded


def test_ident_pos_probe_is_well_formed():
    assert_reading_probe(IDENT_POS_PROBE, {"harmful": 20, "non_harmful": 20}, 20, shared=16)
    cases = load_cases(IDENT_POS_PROBE)
    assert no_group_named(cases) == [] and praise_worded(cases) == []
    assert {c["functionality"].rsplit("_", 1)[0] for c in cases} == {"like", "deserve", "should_be", "taught"}
