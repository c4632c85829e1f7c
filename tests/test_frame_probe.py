"""The English frame probe is well-formed; test_probes.py holds the shipped model to its recorded results."""

from collections import Counter

from model.judge import FRAME_PROBE, load_cases
from tests.support.probes import assert_well_formed

NON_HARMS = {"own_plan_nh", "ingroup_apposition_nh", "counter_said_nh"}


def test_frame_probe_is_well_formed():
    cases = load_cases(FRAME_PROBE)
    # every case is one half of a minimal pair: the writer's plan, self-description or report against the harm
    assert_well_formed(cases, {"threat", "hate", "harassment"})
    funcs = Counter(c["functionality"] for c in cases)
    assert set(funcs) >= NON_HARMS and all(funcs[f] >= 10 for f in NON_HARMS)

