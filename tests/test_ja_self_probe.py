"""The Japanese self-reference probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import JA_SELF_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_ja_self_probe_is_well_formed():
    cases = load_cases(JA_SELF_PROBE)
    # every case is one half of a minimal pair: the writer's insult at themself (俺って本当に間抜けだな) against the
    # same insult by a writer who names themself (俺/私/自分) but aims it at someone else (俺から見れば、お前は...)
    assert_well_formed(cases, {"harassment"})
    assert Counter(c["functionality"] for c in cases) == {"self_deprecation_nh": 10, "insult_by_self_h": 10}
