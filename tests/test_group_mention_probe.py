"""The English group-mention probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import MENTION_PROBE, load_cases
from tests.support.probes import assert_well_formed

NON_ATTACKS = {"civil_opinion_nh", "positive_mention_nh", "news_report_nh"}


def test_group_mention_probe_is_well_formed():
    cases = load_cases(MENTION_PROBE)
    # every case is one half of a minimal pair: a group named civilly against the same group attacked by a predicate
    sides = assert_well_formed(cases, {"hate"})
    funcs = Counter(c["functionality"] for c in cases)
    assert set(funcs) >= NON_ATTACKS and all(funcs[f] >= 10 for f in NON_ATTACKS)
    assert sides["harmful"] == sides["non_harmful"]

