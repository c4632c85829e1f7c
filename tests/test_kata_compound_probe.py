"""The katakana compound probe (session 50) is well-formed and apart from every other case; test_probes.py holds the
shipped model to its results."""

from model.judge import JA_KATA_COMPOUND_PROBE
from tests.support.probes import assert_reading_probe


def test_the_probe_is_well_formed():
    """16 pairs written before the reading; a twin shares as little as one character (デブブス / カスカス)."""
    assert_reading_probe(JA_KATA_COMPOUND_PROBE, {"harmful": 16, "non_harmful": 16}, 16, 1)
