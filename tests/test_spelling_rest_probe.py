"""The English probe of the spellings misspellings does not read after session 17 is well-formed; test_probes.py holds
the shipped model to its recorded results."""

from collections import Counter

from model.judge import SPELLING_REST_PROBE, load_cases
from tests.support.probes import assert_well_formed


def test_spelling_rest_probe_is_well_formed():
    cases = load_cases(SPELLING_REST_PROBE)
    # each attack whose one harm word has a letter inserted (biatch), a sound spelt otherwise (phuck, sux), a vowel
    # dropped from a short word (kll), its spaced letters after an article (a c u n t) or two different letters
    # substituted (mozlems) is paired with a real word near it or a spaced acronym after an article (a B B Q)
    sides = assert_well_formed(cases, {"hate", "harassment", "threat"})
    assert sides["harmful"] == sides["non_harmful"] >= 12
    funcs = Counter(c["functionality"] for c in cases)
    assert all(funcs[f] >= 2 for f in funcs if f.startswith("spell_")) and len(funcs) >= 6
    assert funcs["near_miss_word_nh"] >= 8
